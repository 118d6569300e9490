import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Contexts } from './context';
import type { Reports } from './reports';
import { settle } from './settle';

/**
 * How long after a keystroke a document's diagnostics wait: the setting's quiet time, and for large documents 100 ms
 * more per 500 KB (at most 2 s more). A quiet time of 0 asks for no pacing at all, so it adds nothing either.
 */
export const quietTime = (doc: TextDocument, debounceMs: number): number =>
  debounceMs === 0 ? 0 : debounceMs + Math.min(2000, Math.floor(doc.getText().length / 5000));

/**
 * Diagnostics pushed (`textDocument/publishDiagnostics`) for a client that cannot pull them (LSP before 3.17: Emacs'
 * eglot, older editors): each document once it is opened, and again after the writer paused typing.
 */
export class PushedDiagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The result id of what was last published for each document: the same diagnostics are not sent again. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly reports: Reports,
    private readonly contexts: Contexts,
  ) {}

  /** Publishes a document's diagnostics after its quiet time (at once when it was just opened). */
  async schedule(doc: TextDocument): Promise<void> {
    const { debounceMs } = await this.contexts.settingsOf(doc.uri);
    const delay = this.reports.lastEdit(doc.uri) === undefined ? 0 : quietTime(doc, debounceMs);
    this.cancel(doc.uri);
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        this.publish(doc.uri).catch((e: unknown) => this.connection.console.error(`diagnostics of ${doc.uri} failed: ${String(e)}`));
      }, delay),
    );
  }

  /** Every open document again (settings or a config file changed). */
  scheduleAll(): void {
    for (const doc of this.documents.all()) void this.schedule(doc);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    settle(this.connection, this.connection.sendDiagnostics({ uri, diagnostics: [] }), 'clearing diagnostics');
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const linted = await this.reports.linted(doc);
    // A newer version is on its way (its own timer publishes it).
    if (this.documents.get(uri)?.version !== version) return;
    const resultId = linted?.resultId ?? '';
    if (this.published.get(uri) === resultId) return;
    this.published.set(uri, resultId);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: linted?.diagnostics() ?? [] });
  }
}
