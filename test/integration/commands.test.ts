import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, open, rangeText, waitFor } from './helpers';

/** Runs a command that shows a QuickPick and accepts its first item once it is up. */
async function runAndAcceptFirst<T>(command: string): Promise<T> {
  let done = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => (done = true));
  await waitFor(
    'the quick pick to be accepted',
    async () => {
      if (done) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return done || undefined;
    },
    20000,
  );
  return result;
}

describe('the command palette in an English VS Code', () => {
  it('finds every command by 公文 and by its Chinese name', async () => {
    assert.match(vscode.env.language, /^en\b/i);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    // VS Code hands the extension its manifest with the display language's titles filled in.
    const commands = ext.packageJSON.contributes.commands as Array<{ command: string; title: string; category: string }>;
    const zh = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'package.nls.zh-cn.json'))),
    ) as Record<string, string>;
    assert.equal(commands.length, 12);
    for (const c of commands) {
      assert.equal(c.category, '公文', c.command);
      // `Check Placeholders (检查占位符)`: what is in the brackets is (the start of) the Chinese title.
      const chinese = /^[A-Za-z][\w /-]* \(([^()]+)\)$/.exec(c.title)?.[1];
      assert.ok(chinese, `${c.command}: ${c.title}`);
      assert.ok(zh[c.command.replace(/^gongwen\./, 'command.')].startsWith(chinese), `${c.command}: ${c.title}`);
    }
    assert.equal(commands.find((c) => c.command === 'gongwen.checkPlaceholders')!.title, 'Check Placeholders (检查占位符)');
  });
});

describe('placeholder commands', () => {
  before(async () => {
    await api();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('公文：检查占位符 counts, lists and jumps to the placeholder picked', async () => {
    const editor = await open('report-002.txt');
    const count = await runAndAcceptFirst<number>('gongwen.checkPlaceholders');
    assert.equal(count, 28);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    assert.equal(rangeText(active.selection), '11:2-11:4');
  });

  it('goes to the next and previous placeholder, wrapping around', async () => {
    const editor = await open('draft.gw');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('gongwen.nextPlaceholder');
    assert.equal(rangeText(editor.selection), '0:2-0:4'); // wrapped to the only one, above
    await vscode.commands.executeCommand('gongwen.previousPlaceholder');
    assert.equal(rangeText(editor.selection), '0:2-0:4');
  });

  it('checks every report of the workspace', async () => {
    const count = await runAndAcceptFirst<number>('gongwen.checkWorkspacePlaceholders');
    // report-002 28, work-plan.md 4, draft.gw 1, configured/draft.txt 1 (and what other tests wrote).
    assert.ok(count >= 34, `found ${count}`);
    assert.ok(vscode.window.activeTextEditor, 'the pick opened a file');
  });

  it('toggles checking for the session', async () => {
    const editor = await open('draft.gw');
    const { diagnostics } = await api();
    assert.equal(await vscode.commands.executeCommand('gongwen.toggleLinting'), false);
    await diagnostics.refresh(editor.document);
    assert.equal(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'gongwen').length, 0);
    assert.equal(await vscode.commands.executeCommand('gongwen.toggleLinting'), true);
  });
});
