import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, gongwenDiagnostics, ruleOf, waitFor, workspaceUri } from './helpers';

async function untitled(content: string, language = 'gongwen'): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc);
}

async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

describe('quick fixes', () => {
  before(async () => {
    await api();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('renumbers a run as one undoable edit', async () => {
    const editor = await untitled('一、总体要求\n（一）甲\n（二）乙\n（四）丙\n（五）丁\n');
    const [d] = await gongwenDiagnostics(editor.document.uri, (list) => list.some((x) => ruleOf(x) === 'numbering-sequence'));
    assert.equal(ruleOf(d), 'numbering-sequence');
    const fix = (await actionsAt(editor.document.uri, d.range)).find((a) => a.edit && a.kind?.value === 'quickfix' && a.isPreferred);
    assert.ok(fix, 'a preferred quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(editor.document.getText(), '一、总体要求\n（一）甲\n（二）乙\n（三）丙\n（四）丁\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '一、总体要求\n（一）甲\n（二）乙\n（四）丙\n（五）丁\n');
  });

  it('removes a stray 、 after （一）', async () => {
    const editor = await untitled('一、总体要求\n（一）、加强领导\n（二）完善机制\n');
    const [d] = await gongwenDiagnostics(editor.document.uri);
    const fix = (await actionsAt(editor.document.uri, d.range)).find((a) => a.isPreferred)!;
    await vscode.workspace.applyEdit(fix.edit!);
    assert.equal(editor.document.getText(), '一、总体要求\n（一）加强领导\n（二）完善机制\n');
  });

  it('fixes all numbering with source.fixAll.gongwen', async () => {
    const editor = await untitled('一、甲\n(一)a\n(二)b\n(四)c\n二、乙\n1、x\n2、y\n');
    await gongwenDiagnostics(editor.document.uri);
    const all = await actionsAt(editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.gongwen');
    assert.equal(all.length, 1);
    await vscode.workspace.applyEdit(all[0].edit!);
    assert.equal(editor.document.getText(), '一、甲\n（一）a\n（二）b\n（三）c\n二、乙\n1.x\n2.y\n');
  });

  it('offers "allow this text", which writes .gongwenrc.json and silences the placeholder', async () => {
    const file = workspaceUri('allow', 'a.txt');
    // The nearest config is where the entry goes: give this folder its own, so other tests keep theirs.
    await vscode.workspace.fs.writeFile(workspaceUri('allow', '.gongwenrc.json'), new TextEncoder().encode('{}\n'));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('一、甲\n（一）测试XX系统上线。\n'));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const [d] = await gongwenDiagnostics(file);
    const allow = (await actionsAt(file, d.range)).find((a) => a.command?.command === 'gongwen.ignore' && /XX/.test(a.title))!;
    assert.ok(allow, 'an allow action');
    await vscode.commands.executeCommand(allow.command!.command, ...(allow.command!.arguments ?? []));
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('allow', '.gongwenrc.json')));
    // The term around the placeholder (at most four Han characters each side, as allowTermAt takes it), never the bare XX.
    assert.deepEqual(JSON.parse(written), { placeholders: { allow: ['测试XX系统上线'] } });
    await waitFor(
      'the placeholder to be silenced',
      () => vscode.languages.getDiagnostics(file).filter((x) => x.source === 'gongwen').length === 0 || undefined,
    );
  });
});
