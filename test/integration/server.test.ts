import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, gongwenDiagnostics, rangeText, ruleOf, waitFor } from './helpers';

async function untitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content });
  return vscode.window.showTextDocument(doc);
}

describe('the language server behind the extension', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('runs in its own process, and the diagnostics of a new document are pulled from it', async () => {
    const { client, diagnostics } = await api();
    const info = await waitFor('the server to answer', () => client.serverInfo());
    assert.ok(info.pid > 0 && info.pid !== process.pid, `server pid ${info.pid}, extension host ${process.pid}`);
    const editor = await untitled('一、总体要求\n（一）做好XX工作。\n');
    const diags = await gongwenDiagnostics(editor.document.uri);
    assert.deepEqual(
      diags.map((d) => `${ruleOf(d)} ${rangeText(d.range)}`),
      ['placeholder 1:5-1:7'],
    );
    assert.ok(diagnostics.runs.some((r) => r.uri === editor.document.uri.toString() && r.version === editor.document.version && r.problems === 1));
  });

  it('is started again when its process dies, and the diagnostics come back', async function () {
    this.timeout(90000);
    const { client } = await api();
    const before = await waitFor('the server to answer', () => client.serverInfo());
    const first = await untitled('一、总体要求\n（一）甲\n（三）乙\n');
    await gongwenDiagnostics(first.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    process.kill(before.pid, 'SIGKILL');
    const after = await waitFor(
      'a new server process',
      async () => {
        const info = await client.serverInfo();
        return info && info.pid !== before.pid ? info : undefined;
      },
      60000,
    );
    assert.notEqual(after.pid, before.pid);
    // The document open across the restart is checked again, and so is one opened after it.
    await gongwenDiagnostics(first.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'), 30000);
    const second = await untitled('一、总体要求\nXX市开展工作。\n');
    const diags = await gongwenDiagnostics(second.document.uri, (d) => d.length > 0, 30000);
    assert.deepEqual(
      diags.map((d) => `${ruleOf(d)} ${rangeText(d.range)}`),
      ['placeholder 1:0-1:2'],
    );
  });
});
