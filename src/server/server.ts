import { pathToFileURL } from 'node:url';
import {
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type DocumentDiagnosticReport,
  type DocumentSelector,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem, TextEdit } from '../core';
import { messageLanguage } from '../core/text/language';
import { CODE_ACTION_KINDS, codeActions } from './codeActions';
import { COMPLETION_TRIGGERS, completions } from './completion';
import { CONFIG_FILE_NAME, configDiagnostics, type ConfigFile } from './configFiles';
import { Contexts, fsPathOf } from './context';
import { exportDocx, exportPlan } from './exporting';
import { translator, type Translate } from './l10n';
import * as protocol from './protocol';
import { Reports, type Linted, type LintTiming } from './reports';
import { PushedDiagnostics, quietTime } from './push';
import { settle } from './settle';
import { Segmentation } from './segmentation';
import { counts, documentSymbols, foldingRanges, outlineNodes, placeholders, sectionMove } from './structure';
import { workspaceDiagnostics } from './workspace';

declare const GONGWEN_VERSION: string;
const VERSION = typeof GONGWEN_VERSION === 'string' ? GONGWEN_VERSION : '0.0.0-dev';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'a newer version of the document is being checked');

/** What the client can do, as far as the server cares. */
interface ClientAbilities {
  /** LSP 3.17 pull diagnostics; a client without them gets its diagnostics pushed. */
  pullDiagnostics: boolean;
  pullConfiguration: boolean;
  refreshDiagnostics: boolean;
  documentChanges: boolean;
  watchFiles: boolean;
  registerConfiguration: boolean;
  workspaceFolders: boolean;
  /** The client re-registers symbols and folding on request: the way to make an editor that caches them ask again. */
  structureSelector: DocumentSelector | undefined;
}

function abilitiesOf(c: ClientCapabilities, selector: DocumentSelector | undefined): ClientAbilities {
  const dynamicStructure = !!c.textDocument?.documentSymbol?.dynamicRegistration && !!c.textDocument?.foldingRange?.dynamicRegistration;
  return {
    pullDiagnostics: !!c.textDocument?.diagnostic,
    pullConfiguration: !!c.workspace?.configuration,
    refreshDiagnostics: !!c.workspace?.diagnostics?.refreshSupport,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    watchFiles: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    registerConfiguration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    structureSelector: dynamicStructure ? selector : undefined,
  };
}

/** The server once initialized: the client's abilities and options, the open reports, the workspace. */
class GongwenServer {
  /** The open documents; each change is also handed to the document's lint session as a hint of where it fell. */
  readonly documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, text) => TextDocument.create(uri, languageId, version, text),
    update: (doc, changes, version) => {
      for (const change of changes) {
        if ('range' in change) this.reports.edited(doc.uri, doc.offsetAt(change.range.start), doc.offsetAt(change.range.end), change.text);
        else this.reports.edited(doc.uri, 0, doc.getText().length, change.text);
        TextDocument.update(doc, [change], version);
      }
      return doc;
    },
  });
  readonly segmentation: Segmentation;
  readonly contexts: Contexts;
  readonly reports: Reports;
  readonly t: Translate;
  /** Set for a client that cannot pull diagnostics. */
  readonly pushed: PushedDiagnostics | undefined;
  private readonly abilities: ClientAbilities;
  private readonly options: protocol.InitializationOptions;
  private folders: string[];
  private paused: boolean;
  private generation = 0;
  private pushedSettings: unknown;
  private structureRegistration: Promise<Disposable[]> | undefined;
  private readonly publishedConfigs = new Map<string, string>();

  constructor(
    readonly connection: Connection,
    params: InitializeParams,
  ) {
    this.options = (params.initializationOptions ?? {}) as protocol.InitializationOptions & { documentSelector?: DocumentSelector };
    this.abilities = abilitiesOf(params.capabilities, (this.options as { documentSelector?: DocumentSelector }).documentSelector);
    this.paused = !!this.options.paused;
    this.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).flatMap((f) => fsPathOf(f.uri) ?? []);
    const locale = params.locale ?? 'en';
    this.t = translator(locale);
    this.segmentation = new Segmentation((line) => connection.console.info(line));
    this.contexts = new Contexts({
      settings: { read: (scopeUri) => this.readSettings(scopeUri) },
      segmentation: this.segmentation,
      locale,
      folders: () => this.folders,
      segmenterOverride: this.options.segmenter,
      paused: () => this.paused,
      onConfigFile: (file, setting) => this.publishConfig(file, messageLanguage(setting, locale, file.text)),
      onSettingsError: (line) =>
        settle(connection, connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: line }), 'a warning'),
    });
    this.reports = new Reports(
      this.contexts,
      (run) => this.logRun(run),
      (uri, e) => connection.console.error(`lint ${uri} failed: ${(e as Error).stack ?? String(e)}`),
    );
    if (!this.abilities.pullDiagnostics) this.pushed = new PushedDiagnostics(connection, this.documents, this.reports, this.contexts);
  }

  capabilities(): InitializeResult['capabilities'] {
    const dynamicStructure = this.abilities.structureSelector !== undefined;
    return {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: { identifier: 'gongwen', interFileDependencies: false, workspaceDiagnostics: this.options.workspaceDiagnostics !== false },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      documentSymbolProvider: dynamicStructure ? undefined : { label: 'gongwen' },
      foldingRangeProvider: dynamicStructure ? undefined : true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }

  initialized(): void {
    const { connection, abilities } = this;
    if (abilities.registerConfiguration)
      settle(connection, connection.client.register(DidChangeConfigurationNotification.type, { section: 'gongwen' }), 'registering for settings changes');
    if (abilities.watchFiles)
      settle(
        connection,
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }),
        'watching config files',
      );
    this.registerStructure();
    if (!abilities.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => fsPathOf(f.uri)));
      this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.flatMap((f) => fsPathOf(f.uri) ?? [])];
    });
  }

  private readSettings(scopeUri: string | undefined): Promise<unknown> {
    if (!this.abilities.pullConfiguration) return Promise.resolve(this.pushedSettings);
    return this.connection.workspace.getConfiguration({ scopeUri, section: 'gongwen' }).then((s: unknown) => s ?? this.pushedSettings);
  }

  /** Settings, a config file or the session toggle changed: every result so far may be stale. */
  refreshAll(): void {
    this.generation++;
    this.contexts.settingsChanged();
    if (this.abilities.refreshDiagnostics) settle(this.connection, this.connection.sendRequest(DiagnosticRefreshRequest.type), 'refreshing diagnostics');
    this.pushed?.scheduleAll();
    this.registerStructure();
  }

  settingsChanged(settings: unknown): void {
    const pushed = (settings as { gongwen?: unknown } | null)?.gongwen;
    if (pushed !== undefined) this.pushedSettings = pushed;
    this.refreshAll();
  }

  filesChanged(changes: FileEvent[]): void {
    const configs = changes.filter((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`));
    if (!configs.length) return;
    // A deleted config file takes its diagnostics with it.
    for (const c of configs) {
      const file = fsPathOf(c.uri);
      if (c.type === FileChangeType.Deleted && file && this.publishedConfigs.delete(file))
        settle(this.connection, this.connection.sendDiagnostics({ uri: c.uri, diagnostics: [] }), 'clearing a config file');
    }
    this.refreshAll();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.refreshAll();
  }

  /**
   * Editors cache symbols and folding per document version, with no "changed" event in LSP 3.17: registering the
   * providers anew makes the outline, breadcrumbs and folding ask again after a change of what gongwen shows.
   */
  private registerStructure(): void {
    const documentSelector = this.abilities.structureSelector;
    if (!documentSelector) return;
    const previous = this.structureRegistration;
    this.structureRegistration = (async () => {
      for (const d of (await previous) ?? []) d.dispose();
      return Promise.all([
        this.connection.client.register(DocumentSymbolRequest.type, { documentSelector, label: 'gongwen' }),
        this.connection.client.register(FoldingRangeRequest.type, { documentSelector }),
      ]);
    })().catch((e: unknown) => {
      this.connection.console.error(`registering the outline and folding failed: ${String(e)}`);
      return [];
    });
  }

  /** A config file's errors, on the file itself; published again only when its content or language changed. */
  private publishConfig(file: ConfigFile, lang: 'zh' | 'en'): void {
    const key = `${file.stamp}|${lang}`;
    if (this.publishedConfigs.get(file.path) === key) return;
    // Only a file that has (or had) errors gets diagnostics published.
    const had = this.publishedConfigs.has(file.path);
    if (!file.errors.length && !had) return;
    if (file.errors.length) this.publishedConfigs.set(file.path, key);
    else this.publishedConfigs.delete(file.path);
    if (file.errors.length) this.connection.console.warn(`${file.path}: invalid config (${file.errors.length} problems); the settings alone apply under it`);
    settle(
      this.connection,
      this.connection.sendDiagnostics({ uri: pathToFileURL(file.path).href, diagnostics: configDiagnostics(file, lang) }),
      'config diagnostics',
    );
  }

  private logRun(run: LintTiming): void {
    this.connection.console.log(`lint ${run.uri} v${run.version}: ${run.problems} problems, ${run.ms.toFixed(1)} ms, ${run.chars} chars`);
  }

  reportInvalid(p: Problem): void {
    this.connection.console.error(`${p.ruleId} offered a fix with overlapping or out-of-range edits at offset ${p.start}; not offered`);
  }

  reportInvalidMove(edits: TextEdit[]): void {
    this.connection.console.error(`a section move produced overlapping edits at ${edits.map((e) => e.start).join(', ')}; not applied`);
  }

  /** Waits until the writer paused typing (the document's debounce), unless this version was linted already. */
  private async quiet(doc: TextDocument, token: CancellationToken): Promise<void> {
    const { debounceMs } = await this.contexts.settingsOf(doc.uri);
    for (;;) {
      if (token.isCancellationRequested) throw cancelled();
      if (this.reports.current(doc)) return;
      const last = this.reports.lastEdit(doc.uri);
      const wait = last === undefined ? 0 : last + quietTime(doc, debounceMs) - Date.now();
      if (wait <= 0) return;
      await sleep(wait);
    }
  }

  async documentDiagnostics(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const doc = this.documents.get(uri);
    if (!doc) return { kind: 'full', items: [] };
    await this.quiet(doc, token);
    const linted = await this.reports.linted(doc);
    if (!linted) return { kind: 'full', items: [] };
    if (previousResultId === linted.resultId) return { kind: 'unchanged', resultId: linted.resultId };
    return { kind: 'full', resultId: linted.resultId, items: linted.diagnostics() };
  }

  /** The current version of an open document, linted; null when it is not open or not checked as a report. */
  async linted(uri: string): Promise<Linted | null> {
    const doc = this.documents.get(uri);
    return doc ? this.reports.linted(doc) : null;
  }

  workspaceScan() {
    return {
      contexts: this.contexts,
      reports: this.reports,
      folders: () => this.folders,
      openDocuments: () => this.documents.all(),
      generation: () => this.generation,
    };
  }

  info(): protocol.ServerInfo {
    return { pid: process.pid, version: VERSION, segmenter: this.segmentation.line };
  }

  get ignoreCommand(): string | undefined {
    return this.options.ignoreCommand;
  }

  get documentChanges(): boolean {
    return this.abilities.documentChanges;
  }
}

/**
 * A request handler that never takes the server down: a failure is logged and answered with `fallback`. A
 * cancellation stays a cancellation (the client asks again).
 */
function guarded<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    try {
      return await handler(params, token);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(`${name} failed: ${(e as Error).stack ?? String(e)}`);
      return fallback;
    }
  };
}

/** Starts gongwen's language server on a connection (stdio for `gongwen lsp --stdio`, IPC for the extension). */
export function startServer(connection: Connection): void {
  // The last guard: whatever promise a library drops on the floor is logged; the server goes on.
  process.on('unhandledRejection', (e) => {
    try {
      connection.console.error(`unhandled: ${(e as Error)?.stack ?? String(e)}`);
    } catch {
      // No connection left to log to.
    }
  });
  let server: GongwenServer | undefined;
  const ready = (): GongwenServer => {
    if (!server) throw new ResponseError(-32002, 'the server is not initialized');
    return server;
  };
  connection.onInitialize((params) => {
    server = new GongwenServer(connection, params);
    const { reports, documents, pushed } = server;
    documents.onDidOpen((e) => reports.opened(e.document));
    documents.onDidChangeContent((e) => {
      reports.changed(e.document);
      void pushed?.schedule(e.document);
    });
    documents.onDidClose((e) => {
      reports.closed(e.document.uri);
      pushed?.closed(e.document.uri);
    });
    documents.listen(connection);
    return { capabilities: server.capabilities(), serverInfo: { name: 'gongwen', version: VERSION } };
  });
  connection.onInitialized(() => ready().initialized());
  connection.onDidChangeConfiguration((p) => ready().settingsChanged(p.settings));
  connection.onDidChangeWatchedFiles((p) => ready().filesChanged(p.changes));
  const withLinted = <P extends protocol.DocumentParams, R>(
    name: string,
    fallback: R,
    handler: (linted: Linted, params: P, token: CancellationToken) => R | Promise<R>,
  ) =>
    guarded<P, R>(connection, name, fallback, async (params, token) => {
      const linted = await ready().linted(params.textDocument.uri);
      return linted ? handler(linted, params, token) : fallback;
    });

  connection.languages.diagnostics.on(
    guarded(connection, 'diagnostics', { kind: 'full', items: [] }, (p, token) => ready().documentDiagnostics(p.textDocument.uri, p.previousResultId, token)),
  );
  connection.languages.diagnostics.onWorkspace(
    guarded(connection, 'workspace diagnostics', { items: [] }, (p, token) => workspaceDiagnostics(ready().workspaceScan(), p, token)),
  );
  connection.onCodeAction(
    withLinted('code actions', [], (linted, p) =>
      codeActions(linted, p, {
        t: ready().t,
        ignoreCommand: ready().ignoreCommand,
        documentChanges: ready().documentChanges,
        reportInvalid: (q) => ready().reportInvalid(q),
      }),
    ),
  );
  connection.onDocumentSymbol(withLinted('document symbols', [], (linted) => documentSymbols(outlineNodes(linted, ready().t))));
  connection.onFoldingRanges(withLinted('folding ranges', [], (linted) => foldingRanges(linted)));
  connection.onCompletion(withLinted('completion', [], (linted, p) => completions(linted, p.position)));
  connection.onRequest(
    protocol.OUTLINE_REQUEST,
    withLinted<protocol.DocumentParams, protocol.OutlineResult | null>('outline', null, (linted) => ({
      version: linted.version,
      documents: outlineNodes(linted, ready().t),
    })),
  );
  connection.onRequest(
    protocol.COUNTS_REQUEST,
    withLinted<protocol.CountsParams, protocol.CountsResult | null>('counts', null, (linted, p) => counts(linted, p.ranges)),
  );
  connection.onRequest(
    protocol.PLACEHOLDERS_REQUEST,
    withLinted<protocol.DocumentParams, protocol.PlaceholdersResult | null>('placeholders', null, (linted) => ({
      version: linted.version,
      placeholders: placeholders(linted),
    })),
  );
  connection.onRequest(
    protocol.MOVE_SECTION_REQUEST,
    withLinted<protocol.MoveSectionParams, protocol.MoveSectionResult | null>('section move', null, (linted, p) =>
      sectionMove(linted, p, (e) => ready().reportInvalidMove(e)),
    ),
  );
  connection.onRequest(protocol.EXPORT_PLAN_REQUEST, withLinted<protocol.DocumentParams, protocol.ExportPlanResult | null>('export plan', null, exportPlan));
  connection.onRequest(
    protocol.EXPORT_DOCX_REQUEST,
    withLinted<protocol.ExportDocxParams, protocol.ExportDocxResult | null>('export', null, (linted, p) => exportDocx(linted, p.documents)),
  );
  connection.onRequest(protocol.SET_PAUSED_REQUEST, (p: protocol.SetPausedParams) => ready().setPaused(!!p.paused));
  connection.onRequest(protocol.SERVER_INFO_REQUEST, () => ready().info());
  connection.listen();
}
