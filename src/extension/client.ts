import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CancellationToken,
  type ConfigurationParams,
  type ErrorHandler,
  type LanguageClientOptions,
  type Middleware,
  type ProvideDiagnosticSignature,
  type ServerOptions,
  type vsdiag,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageclient/node';
import * as protocol from '../server/protocol';
import type { DiagnosticsRecord } from './diagnostics';
import { sourceUriOf } from './docxView';
import { IGNORE_COMMAND } from './ignore';
import { gongwenSettings } from './settings';

/** Languages gongwen may check: its own mode always, plaintext and markdown when they look like a report. */
export const REPORT_LANGUAGES = ['gongwen', 'plaintext', 'markdown'];

/** Files and untitled documents of those languages, and the text of a `.docx` draft: what the server is told about. */
export const SELECTOR = [
  ...REPORT_LANGUAGES.flatMap((language) => ['file', 'untitled'].map((scheme) => ({ language, scheme }))),
  { language: 'gongwen', scheme: protocol.DOCX_TEXT_SCHEME },
];

/** From this many crashes in a session on, the server runs without native word segmentation (the likely cause). */
const CRASHES_BEFORE_FALLBACK = 3;
/** A server that keeps crashing even so is left stopped, and the log says why. */
const CRASHES_BEFORE_GIVING_UP = 10;

export const toRange = (r: { start: vscode.Position | protocol.OutlineNode['range']['start']; end: protocol.OutlineNode['range']['end'] }): vscode.Range =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/**
 * The language server (dist/server.js, over IPC) as the extension sees it: the language client, which provides
 * diagnostics, code actions, symbols, folding and completion by itself, and gongwen's own requests for the views and
 * commands. A crashed server is started again (from the third crash on without native word segmentation, as the
 * lint process did); a request that fails is logged and answered with undefined, never thrown into the host.
 */
export class GongwenClient implements vscode.Disposable {
  readonly client: LanguageClient;
  /** Checks off for the session (the toggle command), told to the server now and on each restart. */
  private paused = false;
  private crashes = 0;

  constructor(
    serverModule: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly record: DiagnosticsRecord,
  ) {
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: SELECTOR,
      diagnosticCollectionName: 'gongwen',
      outputChannel: log,
      initializationOptions: () => this.initializationOptions(),
      errorHandler: this.errorHandler(),
      middleware: this.middleware(),
    };
    this.client = new LanguageClient('gongwen', 'gongwen', serverOptions, clientOptions);
    record.repull = (doc) => this.client.getFeature(DocumentDiagnosticRequest.method)?.getProvider(doc)?.onDidChangeDiagnosticsEmitter.fire();
  }

  start(): Promise<void> {
    return this.client.start().catch((e: unknown) => this.log.error(`the gongwen language server did not start: ${String(e)}`));
  }

  private initializationOptions(): protocol.InitializationOptions & { documentSelector: typeof SELECTOR } {
    return {
      ignoreCommand: IGNORE_COMMAND,
      // The workspace check is a command here: the Problems panel keeps to the open reports.
      workspaceDiagnostics: false,
      segmenter: this.crashes >= CRASHES_BEFORE_FALLBACK ? 'intl' : undefined,
      paused: this.paused,
      documentSelector: SELECTOR,
    };
  }

  private errorHandler(): ErrorHandler {
    return {
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      closed: () => {
        this.crashes++;
        if (this.crashes >= CRASHES_BEFORE_GIVING_UP) {
          const message = `the gongwen language server ended ${this.crashes} times in this session; it is not started again`;
          this.log.error(message);
          return { action: CloseAction.DoNotRestart, message };
        }
        const fallback = this.crashes >= CRASHES_BEFORE_FALLBACK ? '; without native word segmentation from now on' : '';
        this.log.error(`the gongwen language server ended (${this.crashes} in this session); restarting${fallback}`);
        return { action: CloseAction.Restart, handled: true };
      },
    };
  }

  private middleware(): Middleware {
    return {
      provideDiagnostics: (doc, previousResultId, token, next) => this.pull(doc, previousResultId, token, next),
      // A .docx draft's text is read-only: a fix would change that text, not the .docx (the annotated copy goes back).
      provideCodeActions: (doc, range, context, token, next) => (doc.uri.scheme === protocol.DOCX_TEXT_SCHEME ? [] : next(doc, range, context, token)),
      workspace: {
        // The settings as the server reads them, with the workspace's trust applied here (the server cannot know it).
        configuration: (params: ConfigurationParams, token, next) => {
          if (!params.items.some((i) => i.section === 'gongwen')) return next(params, token);
          // A draft's text has the settings of its .docx (the folder's, in a multi-root workspace).
          const scopeOf = (uri: vscode.Uri) => sourceUriOf(uri) ?? uri;
          return params.items.map((i) => (i.section === 'gongwen' ? gongwenSettings(i.scopeUri ? scopeOf(vscode.Uri.parse(i.scopeUri)) : undefined) : null));
        },
      },
    };
  }

  /**
   * One pull of a document's diagnostics, recorded. A pull the client cancelled (the writer typed on) is dropped
   * rather than shown as "no problems": the client asks again for the new version.
   */
  private async pull(
    doc: vscode.TextDocument | vscode.Uri,
    previousResultId: string | undefined,
    token: vscode.CancellationToken,
    next: ProvideDiagnosticSignature,
  ): Promise<vsdiag.DocumentDiagnosticReport | null | undefined> {
    const version = doc instanceof vscode.Uri ? undefined : doc.version;
    const chars = doc instanceof vscode.Uri ? 0 : doc.getText().length;
    const started = performance.now();
    let report: vsdiag.DocumentDiagnosticReport | null | undefined;
    try {
      report = await next(doc, previousResultId, token);
    } catch (e) {
      if (!(e instanceof vscode.CancellationError)) this.record.errors++;
      throw e;
    }
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    const uri = doc instanceof vscode.Uri ? doc : doc.uri;
    const problems = report && 'items' in report ? report.items.length : undefined;
    this.record.add({ uri: uri.toString(), version: version ?? -1, ms: performance.now() - started, chars, problems: problems ?? -1 });
    return report;
  }

  /** Sends one of gongwen's requests: null is the server's "not a report", undefined a server not running or a failure. */
  private async request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R | null | undefined> {
    if (this.client.state === State.Stopped) return undefined;
    try {
      return await this.client.sendRequest<R | null>(method, params, token);
    } catch (e) {
      if (!token?.isCancellationRequested) this.log.warn(`${method} failed: ${String(e)}`);
      return undefined;
    }
  }

  private docParams(doc: vscode.TextDocument): protocol.DocumentParams {
    return { textDocument: { uri: doc.uri.toString() } };
  }

  /**
   * The answer if it is for this version of the document: null when it is not checked as a report, undefined when
   * there is no answer for this version (the document moved on, or the server could not answer).
   */
  private current<R extends { version: number }>(doc: vscode.TextDocument, version: number, result: R | null | undefined): R | null | undefined {
    if (result === null) return null;
    return result && result.version === version && doc.version === version ? result : undefined;
  }

  async outline(doc: vscode.TextDocument): Promise<protocol.OutlineResult | null | undefined> {
    const version = doc.version;
    return this.current(doc, version, await this.request<protocol.OutlineResult>(protocol.OUTLINE_REQUEST, this.docParams(doc)));
  }

  async counts(doc: vscode.TextDocument, ranges: vscode.Range[]): Promise<protocol.CountsResult | null | undefined> {
    const version = doc.version;
    return this.current(doc, version, await this.request<protocol.CountsResult>(protocol.COUNTS_REQUEST, { ...this.docParams(doc), ranges }));
  }

  /** The placeholders of this version; null for a document that is not a report. */
  async placeholders(doc: vscode.TextDocument): Promise<protocol.PlaceholderItem[] | null | undefined> {
    const version = doc.version;
    const result = this.current(doc, version, await this.request<protocol.PlaceholdersResult>(protocol.PLACEHOLDERS_REQUEST, this.docParams(doc)));
    return result && result.placeholders;
  }

  async moveSection(doc: vscode.TextDocument, move: Omit<protocol.MoveSectionParams, 'textDocument'>): Promise<protocol.MoveSectionResult | null | undefined> {
    const version = doc.version;
    return this.current(doc, version, await this.request<protocol.MoveSectionResult>(protocol.MOVE_SECTION_REQUEST, { ...this.docParams(doc), ...move }));
  }

  async exportPlan(doc: vscode.TextDocument): Promise<protocol.ExportPlanResult | null | undefined> {
    const version = doc.version;
    return this.current(doc, version, await this.request<protocol.ExportPlanResult>(protocol.EXPORT_PLAN_REQUEST, this.docParams(doc)));
  }

  async exportDocx(doc: vscode.TextDocument, documents: number[]): Promise<protocol.ExportDocxResult | null | undefined> {
    const version = doc.version;
    return this.current(doc, version, await this.request<protocol.ExportDocxResult>(protocol.EXPORT_DOCX_REQUEST, { ...this.docParams(doc), documents }));
  }

  /** The workspace placeholder check: the server's workspace diagnostics (the placeholder rule only). */
  async workspacePlaceholders(token: CancellationToken): Promise<WorkspaceDiagnosticReport | undefined> {
    return (await this.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] }, token)) ?? undefined;
  }

  async serverInfo(): Promise<protocol.ServerInfo | undefined> {
    return (await this.request<protocol.ServerInfo>(protocol.SERVER_INFO_REQUEST, null)) ?? undefined;
  }

  /** Turns the checks off (or on again) for the session. */
  async setPaused(paused: boolean): Promise<void> {
    this.paused = paused;
    await this.request(protocol.SET_PAUSED_REQUEST, { paused } satisfies protocol.SetPausedParams);
  }

  /** Something the server cannot see changed what the settings mean (the workspace became trusted): it reads them again. */
  settingsChanged(): void {
    if (this.client.isRunning()) void this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  dispose(): void {
    void this.client.dispose().catch(() => undefined);
  }
}
