import * as vscode from 'vscode';
import { GongwenClient } from './client';
import { DiagnosticsRecord } from './diagnostics';
import { checkPlaceholders, checkWorkspacePlaceholders, goToPlaceholder, PlaceholderStatus } from './placeholders';
import { IGNORE_COMMAND, writeIgnore, type IgnoreTarget } from './ignore';
import { ReportTreeProvider } from './reportTree';
import { ReportTreeDragAndDrop, restructureCommand } from './restructure';
import { CountStatus } from './countStatus';
import { exportDocxCommand } from './exportDocx';
import { registerDocx } from './docxCommands';

/** What the extension hands to its integration tests (and to other extensions). */
export interface GongwenApi {
  diagnostics: DiagnosticsRecord;
  tree: ReportTreeProvider;
  counts: CountStatus;
  client: GongwenClient;
}

/**
 * Wires the language server to VS Code. The server (dist/server.js) parses and checks; the language client provides
 * its diagnostics, code actions, symbols, folding and completion; the views and commands here ask it for the rest.
 */
export function activate(context: vscode.ExtensionContext): GongwenApi {
  const log = vscode.window.createOutputChannel('gongwen', { log: true });
  const diagnostics = new DiagnosticsRecord();
  const client = new GongwenClient(context.asAbsolutePath('dist/server.js'), log, diagnostics);
  const status = new PlaceholderStatus(client);
  const tree = new ReportTreeProvider(client);
  const counts = new CountStatus(client);
  let paused = false;
  const refreshViews = () => {
    void status.update();
    counts.update();
    void tree.refresh();
  };

  context.subscriptions.push(
    log,
    client,
    diagnostics,
    status,
    counts,
    tree,
    vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && counts.update()),
    diagnostics.onDidUpdate((uri) => uri === vscode.window.activeTextEditor?.document.uri.toString() && refreshViews()),
    vscode.window.onDidChangeActiveTextEditor(refreshViews),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('gongwen') && refreshViews()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => client.settingsChanged()),
    vscode.window.createTreeView('gongwen.reportOutline', {
      treeDataProvider: tree,
      showCollapseAll: true,
      dragAndDropController: new ReportTreeDragAndDrop(client, tree),
    }),
    ...(['moveUp', 'moveDown', 'promote', 'demote'] as const).map((op) =>
      vscode.commands.registerCommand(`gongwen.section.${op}`, restructureCommand(client, tree, op)),
    ),
    vscode.commands.registerCommand('gongwen.revealRange', async (uri: vscode.Uri, range: vscode.Range) => {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    }),
    vscode.commands.registerCommand('gongwen.checkPlaceholders', () => checkPlaceholders(client)),
    vscode.commands.registerCommand('gongwen.exportDocx', () => exportDocxCommand(client)),
    vscode.commands.registerCommand('gongwen.checkWorkspacePlaceholders', () => checkWorkspacePlaceholders(client)),
    vscode.commands.registerCommand('gongwen.nextPlaceholder', () => goToPlaceholder(client, 1)),
    vscode.commands.registerCommand('gongwen.previousPlaceholder', () => goToPlaceholder(client, -1)),
    vscode.commands.registerCommand('gongwen.toggleLinting', async () => {
      paused = !paused;
      void vscode.window.showInformationMessage(paused ? vscode.l10n.t('Gongwen checks are off for this session.') : vscode.l10n.t('Gongwen checks are on.'));
      await client.setPaused(paused);
      refreshViews();
      return !paused;
    }),
    vscode.commands.registerCommand(IGNORE_COMMAND, (uri: vscode.Uri | string, target: IgnoreTarget) => writeIgnore(uri, target)),
    ...registerDocx(diagnostics),
  );
  void client.start().then(refreshViews);
  return { diagnostics, tree, counts, client };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (the client stops the server).
}
