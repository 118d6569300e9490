import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, waitFor } from './helpers';

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor('document symbols', async () => {
    const list = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    return list && list.length ? list : undefined;
  });
}

describe('outline, breadcrumbs and folding', () => {
  before(async () => {
    await api();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('gives the section tree of the 004 plan with counts in each detail', async () => {
    const editor = await open('report-004.txt');
    const [doc] = await symbols(editor.document.uri);
    assert.equal(doc.name, '2024年西安市新城区卫生健康工作计划');
    assert.deepEqual(doc.children.map((s) => s.name), ['一、建强公共卫生体系', '二、深化医药卫生体制改革', '三、强化基层服务体系', '四、推进健康西安建设', '五、促进中医药传承创新发展', '六、做好重点人群健康服务', '七、强化卫生健康事业支撑保障']);
    assert.deepEqual(doc.children.map((s) => s.children.length), [2, 4, 3, 3, 1, 4, 4]);
    const first = doc.children[0];
    assert.equal(first.children[0].name, '1.提升重大疫情应对能力');
    assert.match(first.detail, /^(0处占位符 · [\d,]+字|0 placeholders · [\d,]+ chars)$/);
    assert.equal(first.range.start.line, 2);
    assert.equal(first.range.end.line, 6);
    assert.equal(first.selectionRange.end.character, '一、建强公共卫生体系'.length);
  });

  it('shows the table of contents and the text of 002 as two documents, placeholders counted', async () => {
    const editor = await open('report-002.txt');
    const docs = await symbols(editor.document.uri);
    assert.equal(docs.length, 2);
    assert.equal(docs[1].name, '市卫健委2022年度工作总结与 2023年度工作计划');
    assert.equal(docs[1].children[0].children.length, 8);
    assert.match(docs[1].detail, /^(26处占位符|26 placeholders)/);
  });

  it('folds a section', async () => {
    const editor = await open('report-004.txt');
    await symbols(editor.document.uri);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('editor.fold', { selectionLines: [2], levels: 1 });
    await waitFor('the section to fold', () => !editor.visibleRanges.some((r) => r.contains(new vscode.Position(4, 0))) || undefined);
    assert.ok(editor.visibleRanges.some((r) => r.contains(new vscode.Position(8, 0))));
    await vscode.commands.executeCommand('editor.unfoldAll');
  });
});
