import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, waitFor, workspaceUri } from './helpers';

const exists = (uri: vscode.Uri) =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

describe('export to Word', () => {
  before(async () => {
    await api();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('writes a .docx beside a report with no placeholders left', async () => {
    await open('report-004.txt');
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('gongwen.exportDocx');
    assert.deepEqual(
      written.map((u) => u.path.split('/').pop()),
      ['report-004.docx'],
    );
    const bytes = await vscode.workspace.fs.readFile(workspaceUri('report-004.docx'));
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), 'PK');
  });

  it('refuses while placeholders remain, unless the writer says "export anyway"', async () => {
    await open('report-002.txt');
    let done = false;
    const result = Promise.resolve(vscode.commands.executeCommand<vscode.Uri[]>('gongwen.exportDocx')).finally(() => (done = true));
    // The first item is a placeholder: picking it jumps there instead of exporting.
    await waitFor(
      'the placeholder list',
      async () => {
        if (done) return true;
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return done || undefined;
      },
      20000,
    );
    assert.deepEqual(await result, []);
    assert.equal(await exists(workspaceUri('report-002.docx')), false);
  });
});
