import * as vscode from 'vscode';

/** One pull of a document's diagnostics from the language server: what the editor paid for it. */
export interface DiagnosticsPull {
  uri: string;
  version: number;
  ms: number;
  chars: number;
  /** -1 when the server answered "unchanged". */
  problems: number;
}

const KEPT_RUNS = 200;
/** How long `refresh` waits for a pull the client may not make (a document no editor shows is not pulled). */
const REFRESH_DEADLINE_MS = 15000;

/**
 * The record of diagnostics pulls (the language client pulls them; its middleware reports each one here): the views
 * refresh after them, and the integration tests read them (the pulls' own timing, not a wall clock).
 */
export class DiagnosticsRecord implements vscode.Disposable {
  readonly runs: DiagnosticsPull[] = [];
  /** Pulls that failed (each also logged by the client); a healthy session has none. */
  errors = 0;
  private readonly updated = new vscode.EventEmitter<string>();
  /** Fires with a document's URI after its diagnostics were pulled. */
  readonly onDidUpdate = this.updated.event;
  /** Asks the client to pull every shown document's diagnostics again (set once the client exists). */
  repull: (doc: vscode.TextDocument) => void = () => undefined;

  add(run: DiagnosticsPull): void {
    this.runs.push(run);
    if (this.runs.length > KEPT_RUNS) this.runs.shift();
    this.updated.fire(run.uri);
  }

  /** Pulls a shown document's diagnostics again and resolves once they are in (at once for a document not shown). */
  async refresh(doc: vscode.TextDocument): Promise<void> {
    if (!vscode.window.visibleTextEditors.some((e) => e.document === doc)) return;
    const key = doc.uri.toString();
    await new Promise<void>((resolve) => {
      const done = () => {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      };
      const sub = this.onDidUpdate((uri) => uri === key && done());
      const timer = setTimeout(done, REFRESH_DEADLINE_MS);
      this.repull(doc);
    });
    // The client puts the pulled diagnostics into its collection once the pull returns: one turn later.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  dispose(): void {
    this.updated.dispose();
  }
}
