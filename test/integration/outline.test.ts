import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, rangeText, waitFor } from './helpers';

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor('document symbols', async () => {
    const list = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    return list && list.length ? list : undefined;
  });
}

/** gongwen's symbols carry its counts as their detail; the built-in markdown ones have none. */
const OURS = /^\d+处占位符 · [\d,]+字$|^\d+ placeholders? · [\d,]+ chars$/;

/** A symbol tree as lines: `name range selection`, children indented. */
function treeLines(list: vscode.DocumentSymbol[], indent = ''): string[] {
  return list.flatMap((s) => [`${indent}${s.name} ${rangeText(s.range)} ${rangeText(s.selectionRange)}`, ...treeLines(s.children, indent + '  ')]);
}

async function setEnable(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('gongwen').update('enable', value, vscode.ConfigurationTarget.Global);
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
    assert.deepEqual(
      doc.children.map((s) => s.name),
      [
        '一、建强公共卫生体系',
        '二、深化医药卫生体制改革',
        '三、强化基层服务体系',
        '四、推进健康西安建设',
        '五、促进中医药传承创新发展',
        '六、做好重点人群健康服务',
        '七、强化卫生健康事业支撑保障',
      ],
    );
    assert.deepEqual(
      doc.children.map((s) => s.children.length),
      [2, 4, 3, 3, 1, 4, 4],
    );
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

  it("gives a .md report its numbered sections nested as the core's outline, beside the built-in # headings", async () => {
    const editor = await open('work-plan.md');
    assert.equal(editor.document.languageId, 'markdown');
    const uri = editor.document.uri;
    // Both providers answer: gongwen's (told apart by its counts) and the built-in markdown one.
    const all = await waitFor("gongwen's and the built-in symbols of the markdown report", async () => {
      const list = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return list?.some((s) => OURS.test(s.detail)) && list.some((s) => !OURS.test(s.detail)) ? list : undefined;
    });
    const ours = all.filter((s) => OURS.test(s.detail));
    // A Chinese document: its counts are Chinese in an English VS Code too; its 字数 is the one `gongwen stats` gives
    // (the prose: the markdown's link targets and markup do not count).
    assert.deepEqual(
      ours.map((s) => s.detail),
      ['4处占位符 · 181字'],
    );
    assert.deepEqual(treeLines(ours), [
      '2025年度部门工作计划 0:0-22:18 0:0-0:14',
      '  一、总体要求 4:0-6:46 4:3-4:9',
      '  二、重点任务 8:0-18:25 8:3-8:9',
      '    （一）强化组织领导 10:0-12:27 10:4-10:13',
      '    （二）完善工作机制 14:0-18:25 14:4-14:13',
      '      1.建立台账管理制度，具体办法见 docs/xx-manual.md 16:0-16:38 16:0-16:37',
      '      2.健全督查通报机制，详见督查办法 17:0-17:60 17:0-17:59',
      '      3.落实考核奖惩，考核结果于____年底前公布 18:0-18:25 18:0-18:24',
      '  三、保障措施 20:0-22:18 20:3-20:9',
    ]);
    // The built-in markdown outline knows the # headings only: the numbered list items (1. 2. 3.) are ours alone.
    const builtInNames = treeLines(all.filter((s) => !OURS.test(s.detail)));
    assert.ok(
      builtInNames.some((line) => line.includes('一、总体要求')),
      builtInNames.join('\n'),
    );
    assert.ok(!builtInNames.some((line) => line.includes('建立台账管理制度')), builtInNames.join('\n'));
  });

  it("leaves a .md report's outline to the built-in one with gongwen.enable: never", async () => {
    const editor = await open('work-plan.md');
    const uri = editor.document.uri;
    const oursOf = async () =>
      ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? []).filter((s) => OURS.test(s.detail));
    await waitFor("gongwen's symbols", async () => (await oursOf()).length === 1 || undefined);
    try {
      await setEnable('never');
      await waitFor("gongwen's symbols to go", async () => (await oursOf()).length === 0 || undefined);
    } finally {
      await setEnable(undefined);
    }
    await waitFor("gongwen's symbols to come back", async () => (await oursOf()).length === 1 || undefined);
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
