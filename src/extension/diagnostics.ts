import * as vscode from 'vscode';
import { pickerFor, toDiagnostic } from './convert';
import { debounceMs } from './settings';
import type { ReportStore } from './reports';

/** Large documents wait longer after a keystroke: 300 ms plus 100 ms per 500 KB. */
const sizeDelay = (doc: vscode.TextDocument): number => Math.min(2000, Math.floor(doc.getText().length / 5000));

/**
 * Live diagnostics: on open, after a debounce while typing (a stale run is dropped when the version moved on),
 * cleared on close. Each run's time is logged to the "gongwen" output channel.
 */
/** One lint run, as logged: what the editor paid for it. */
export interface LintRun {
  uri: string;
  version: number;
  ms: number;
  chars: number;
  problems: number;
}

const KEPT_RUNS = 200;

export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('gongwen');
  /** The latest lint runs (the integration tests read them: the handler's own timing, not a wall clock). */
  readonly runs: LintRun[] = [];
  /** Errors caught in lint runs (each also logged); a healthy session has none. */
  errors = 0;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly updated = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were refreshed. */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly store: ReportStore,
    private readonly docsBase: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Lints now (open, save, config change). Never throws: a failure is logged and counted. */
  async refresh(doc: vscode.TextDocument): Promise<void> {
    try {
      await this.lintNow(doc);
    } catch (e) {
      this.errors++;
      this.log.error(`lint ${doc.uri.toString()} failed: ${(e as Error).stack ?? String(e)}`);
    }
  }

  private async lintNow(doc: vscode.TextDocument): Promise<void> {
    this.cancel(doc);
    if (!this.store.isReport(doc)) {
      this.clear(doc);
      return;
    }
    const version = doc.version;
    const started = performance.now();
    const problems = await this.store.problems(doc);
    if (!problems || doc.isClosed || doc.version !== version) return; // stale: a newer run is scheduled
    const pick = pickerFor(doc);
    this.collection.set(
      doc.uri,
      problems.map((p) => toDiagnostic(doc, p, this.docsBase, pick)),
    );
    const run = { uri: doc.uri.toString(), version, ms: performance.now() - started, chars: doc.getText().length, problems: problems.length };
    this.runs.push(run);
    if (this.runs.length > KEPT_RUNS) this.runs.shift();
    this.log.info(`lint ${vscode.workspace.asRelativePath(doc.uri)} v${version}: ${run.problems} problems, ${run.ms.toFixed(1)} ms, ${run.chars} chars`);
    this.updated.fire(doc);
  }

  /** Lints after the debounce (typing). */
  schedule(doc: vscode.TextDocument): void {
    this.cancel(doc);
    const key = doc.uri.toString();
    this.timers.set(
      key,
      setTimeout(
        () => {
          this.timers.delete(key);
          void this.refresh(doc);
        },
        debounceMs() + sizeDelay(doc),
      ),
    );
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
