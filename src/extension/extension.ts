import * as vscode from 'vscode';
import { ConfigFiles } from './configFiles';
import { ReportStore, REPORT_LANGUAGES } from './reports';
import { DiagnosticsManager } from './diagnostics';
import { CodeActionProvider, IGNORE_COMMAND } from './codeActions';
import { FoldingProvider, SymbolProvider } from './outline';
import { checkPlaceholders, checkWorkspacePlaceholders, goToPlaceholder, PlaceholderStatus } from './placeholders';
import { writeIgnore, type IgnoreTarget } from './ignore';
import { CompletionProvider, COMPLETION_TRIGGERS } from './completion';

/** What the extension hands to its integration tests (and to other extensions). */
export interface GongwenApi {
  store: ReportStore;
  diagnostics: DiagnosticsManager;
}

const SELECTOR: vscode.DocumentSelector = REPORT_LANGUAGES.map((language) => ({ language }));

/** Wires the core to VS Code: nothing here knows about reports, only about the editor. */
export function activate(context: vscode.ExtensionContext): GongwenApi {
  const log = vscode.window.createOutputChannel('gongwen', { log: true });
  const configFiles = new ConfigFiles();
  const store = new ReportStore(configFiles);
  const diagnostics = new DiagnosticsManager(store, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'), log);
  const status = new PlaceholderStatus(store);
  const refreshAll = () => {
    store.invalidate();
    for (const doc of vscode.workspace.textDocuments) void diagnostics.refresh(doc);
    void status.update();
  };

  context.subscriptions.push(
    log, configFiles, diagnostics, status,
    vscode.workspace.onDidOpenTextDocument((doc) => void diagnostics.refresh(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && diagnostics.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.clear(doc)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('gongwen') && refreshAll()),
    vscode.workspace.onDidGrantWorkspaceTrust(refreshAll),
    configFiles.onDidChange(refreshAll),
    diagnostics.onDidUpdate((doc) => doc === vscode.window.activeTextEditor?.document && void status.update()),
    vscode.window.onDidChangeActiveTextEditor(() => void status.update()),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActionProvider(store), CodeActionProvider.metadata),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new SymbolProvider(store), { label: 'gongwen' }),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, new FoldingProvider(store)),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new CompletionProvider(store), ...COMPLETION_TRIGGERS),
    vscode.commands.registerCommand('gongwen.checkPlaceholders', () => checkPlaceholders(store)),
    vscode.commands.registerCommand('gongwen.checkWorkspacePlaceholders', () => checkWorkspacePlaceholders(store)),
    vscode.commands.registerCommand('gongwen.nextPlaceholder', () => goToPlaceholder(store, 1)),
    vscode.commands.registerCommand('gongwen.previousPlaceholder', () => goToPlaceholder(store, -1)),
    vscode.commands.registerCommand('gongwen.toggleLinting', () => {
      store.paused = !store.paused;
      void vscode.window.showInformationMessage(store.paused ? vscode.l10n.t('Gongwen checks are off for this session.') : vscode.l10n.t('Gongwen checks are on.'));
      refreshAll();
      return !store.paused;
    }),
    vscode.commands.registerCommand(IGNORE_COMMAND, (uri: vscode.Uri, target: IgnoreTarget) => writeIgnore(configFiles, uri, target)),
  );
  for (const doc of vscode.workspace.textDocuments) void diagnostics.refresh(doc);
  void status.update();
  return { store, diagnostics };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
