import * as vscode from 'vscode';
import { ConfigFiles } from './configFiles';
import { ReportStore, REPORT_LANGUAGES } from './reports';
import { DiagnosticsManager } from './diagnostics';
import { CodeActionProvider, IGNORE_COMMAND } from './codeActions';
import { FoldingProvider, SymbolProvider, SymbolRegistration } from './outline';
import { checkPlaceholders, checkWorkspacePlaceholders, goToPlaceholder, PlaceholderStatus } from './placeholders';
import { writeIgnore, type IgnoreTarget } from './ignore';
import { CompletionProvider, COMPLETION_TRIGGERS } from './completion';
import { ReportTreeProvider } from './reportTree';
import { LintClient } from './lintClient';
import { ReportTreeDragAndDrop, restructureCommand } from './restructure';
import { CountStatus } from './countStatus';
import { exportDocxCommand } from './exportDocx';

/** What the extension hands to its integration tests (and to other extensions). */
export interface GongwenApi {
  store: ReportStore;
  diagnostics: DiagnosticsManager;
  tree: ReportTreeProvider;
  counts: CountStatus;
  client: LintClient;
}

const SELECTOR: vscode.DocumentSelector = REPORT_LANGUAGES.map((language) => ({ language }));

/** Wires the core to VS Code: nothing here knows about reports, only about the editor. */
export function activate(context: vscode.ExtensionContext): GongwenApi {
  const log = vscode.window.createOutputChannel('gongwen', { log: true });
  const configFiles = new ConfigFiles();
  const client = new LintClient(context.asAbsolutePath('dist/lint-process.js'), log);
  const store = new ReportStore(configFiles, client);
  const diagnostics = new DiagnosticsManager(store, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'), log);
  const status = new PlaceholderStatus(store);
  const tree = new ReportTreeProvider(store);
  const counts = new CountStatus(store);
  const symbols = new SymbolRegistration(SELECTOR, new SymbolProvider(store));
  const folding = new FoldingProvider(store);
  const refreshViews = () => {
    void status.update();
    counts.update();
    void tree.refresh();
  };
  const refreshAll = () => {
    store.invalidate();
    for (const doc of vscode.workspace.textDocuments) void diagnostics.refresh(doc);
    refreshViews();
    symbols.refresh();
    folding.refresh();
  };

  context.subscriptions.push(
    log,
    configFiles,
    client,
    diagnostics,
    status,
    counts,
    vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && counts.update()),
    vscode.workspace.onDidOpenTextDocument((doc) => void diagnostics.refresh(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && diagnostics.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.clear(doc)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('gongwen') && refreshAll()),
    vscode.workspace.onDidGrantWorkspaceTrust(refreshAll),
    configFiles.onDidChange(refreshAll),
    tree,
    vscode.window.createTreeView('gongwen.reportOutline', {
      treeDataProvider: tree,
      showCollapseAll: true,
      dragAndDropController: new ReportTreeDragAndDrop(store, tree),
    }),
    ...(['moveUp', 'moveDown', 'promote', 'demote'] as const).map((op) =>
      vscode.commands.registerCommand(`gongwen.section.${op}`, restructureCommand(store, tree, op)),
    ),
    diagnostics.onDidUpdate((doc) => doc === vscode.window.activeTextEditor?.document && refreshViews()),
    vscode.window.onDidChangeActiveTextEditor(refreshViews),
    vscode.commands.registerCommand('gongwen.revealRange', async (uri: vscode.Uri, range: vscode.Range) => {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    }),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActionProvider(store), CodeActionProvider.metadata),
    symbols,
    folding,
    vscode.languages.registerFoldingRangeProvider(SELECTOR, folding),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new CompletionProvider(store), ...COMPLETION_TRIGGERS),
    vscode.commands.registerCommand('gongwen.checkPlaceholders', () => checkPlaceholders(store)),
    vscode.commands.registerCommand('gongwen.exportDocx', () => exportDocxCommand(store)),
    vscode.commands.registerCommand('gongwen.checkWorkspacePlaceholders', () => checkWorkspacePlaceholders(store)),
    vscode.commands.registerCommand('gongwen.nextPlaceholder', () => goToPlaceholder(store, 1)),
    vscode.commands.registerCommand('gongwen.previousPlaceholder', () => goToPlaceholder(store, -1)),
    vscode.commands.registerCommand('gongwen.toggleLinting', () => {
      store.paused = !store.paused;
      void vscode.window.showInformationMessage(
        store.paused ? vscode.l10n.t('Gongwen checks are off for this session.') : vscode.l10n.t('Gongwen checks are on.'),
      );
      refreshAll();
      return !store.paused;
    }),
    vscode.commands.registerCommand(IGNORE_COMMAND, (uri: vscode.Uri, target: IgnoreTarget) => writeIgnore(configFiles, uri, target)),
  );
  for (const doc of vscode.workspace.textDocuments) void diagnostics.refresh(doc);
  refreshViews();
  return { store, diagnostics, tree, counts, client };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
