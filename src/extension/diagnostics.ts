import * as vscode from 'vscode';
import { toDiagnostic } from './convert';
import { debounceMs } from './settings';
import type { ReportStore } from './reports';

/** Large documents wait longer after a keystroke: 300 ms plus 100 ms per 500 KB. */
const sizeDelay = (doc: vscode.TextDocument): number => Math.min(2000, Math.floor(doc.getText().length / 5000));

/**
 * Live diagnostics: on open, after a debounce while typing (a stale run is dropped when the version moved on),
 * cleared on close. Each run's time is logged to the "gongwen" output channel.
 */
export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('gongwen');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly updated = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were refreshed. */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly store: ReportStore,
    private readonly docsBase: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Lints now (open, save, config change). */
  async refresh(doc: vscode.TextDocument): Promise<void> {
    this.cancel(doc);
    if (!this.store.isReport(doc)) {
      this.clear(doc);
      return;
    }
    const version = doc.version;
    const started = performance.now();
    const snap = await this.store.snapshot(doc);
    if (doc.isClosed || doc.version !== version) return; // stale: a newer run is scheduled
    this.collection.set(doc.uri, snap.problems.map((p) => toDiagnostic(doc, p, this.docsBase)));
    this.log.info(`lint ${vscode.workspace.asRelativePath(doc.uri)} v${version}: ${snap.problems.length} problems, ${(performance.now() - started).toFixed(1)} ms, ${doc.getText().length} chars`);
    this.updated.fire(doc);
  }

  /** Lints after the debounce (typing). */
  schedule(doc: vscode.TextDocument): void {
    this.cancel(doc);
    const key = doc.uri.toString();
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.refresh(doc);
    }, debounceMs() + sizeDelay(doc)));
  }

  clear(doc: vscode.TextDocument): void {
    this.cancel(doc);
    this.collection.delete(doc.uri);
    this.store.forget(doc);
    this.updated.fire(doc);
  }

  private cancel(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
    this.updated.dispose();
  }
}
