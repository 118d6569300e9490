import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, gongwenDiagnostics, waitFor, workspaceUri } from './helpers';

/** About 5 MB of report text: the 004 plan and the 002 summary, over and over (numbering restarts: many documents). */
async function writeLargeReport(): Promise<vscode.Uri> {
  const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(name)));
  const unit = (await read('report-004.txt')) + '\n' + (await read('report-002.txt')) + '\n';
  const uri = workspaceUri('large', 'year.txt');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(unit.repeat(Math.ceil((5 * 1024 * 1024) / (unit.length * 3)))));
  return uri;
}

describe('a 5 MB report in the editor', () => {
  it('gets diagnostics and an outline; typing is debounced; closing it mid-lint logs no error', async function () {
    this.timeout(180000);
    const gongwen = await api();
    const uri = await writeLargeReport();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const chars = editor.document.getText().length;
    assert.ok(chars > 1_500_000, `${chars} characters`);
    const diags = await gongwenDiagnostics(uri, (d) => d.length > 1000, 60000);
    assert.ok(diags.some((d) => d.code && typeof d.code === 'object' && d.code.value === 'placeholder'));
    const symbols = await waitFor(
      'an outline',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        return list && list.length > 10 ? list : undefined;
      },
      60000,
    );
    assert.equal(symbols[0].name, '2024年西安市新城区卫生健康工作计划');

    // Five quick keystrokes: the debounce lets one lint run (maybe two) through, not five.
    const runsBefore = gongwen.diagnostics.runs.filter((r) => r.uri === uri.toString()).length;
    for (let i = 0; i < 5; i++) await editor.edit((b) => b.insert(new vscode.Position(2, 0), '新'));
    const typedVersion = editor.document.version;
    await waitFor('the lint of the typed version', () => gongwen.diagnostics.runs.some((r) => r.uri === uri.toString() && r.version === typedVersion), 60000);
    const runs = gongwen.diagnostics.runs.filter((r) => r.uri === uri.toString());
    assert.ok(runs.length - runsBefore <= 2, `${runs.length - runsBefore} lint runs for 5 keystrokes`);
    const last = runs[runs.length - 1];
    assert.equal(last.chars, chars + 5);
    console.log(`5 MB report: lint ${last.ms.toFixed(0)} ms for ${last.chars} characters (logged by the extension)`);

    // Type, then close before the debounced lint runs: nothing may throw.
    const errorsBefore = gongwen.diagnostics.errors;
    const doc = editor.document;
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '改'));
    const closedAt = doc.version;
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Whichever comes first: VS Code disposes the document, the pending pull answers for what is left of it, or the
    // closed editor's diagnostics are cleared.
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen');
    await waitFor(
      'the pending lint to settle',
      () => doc.isClosed || gongwen.diagnostics.runs.some((r) => r.uri === uri.toString() && r.version >= closedAt) || ours().length === 0 || undefined,
      60000,
    );
    assert.equal(gongwen.diagnostics.errors, errorsBefore);
  });
});
