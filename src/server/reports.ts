import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { createLintSession, outline, type DocumentModel, type LintSession, type OutlineDocument, type Problem } from '../core';
import type { Contexts, ReportContext } from './context';
import { positionsOf, sameDiagnostics, toDiagnostic, type Positions } from './convert';

/** One version of an open report, linted once and shared by diagnostics, code actions, the outline and the counts. */
export interface Linted {
  uri: string;
  version: number;
  text: string;
  context: ReportContext;
  problems: Problem[];
  model: DocumentModel;
  /** Positions in this version's text (the open document moves on with the next edit). */
  positions: Positions;
  /** The pull-diagnostics result id: the same while the version and the context stay the same. */
  resultId: string;
  diagnostics(): Diagnostic[];
  outline(): OutlineDocument[];
}

/** What one lint run cost, for the log (and the extension's record of runs). */
export interface LintTiming {
  uri: string;
  version: number;
  ms: number;
  chars: number;
  problems: number;
}

interface OpenReport {
  session: LintSession;
  openedVersion: number;
  /** When the writer last changed it (not counting the open): diagnostics wait for a quiet moment after it. */
  lastEdit: number | undefined;
  linted: Linted | undefined;
}

/** FNV-1a: a short, stable digest of a context key for result ids. */
function digest(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The open documents' lint sessions (one per document, dropped on close) and their latest lint. Every feature asks
 * `linted(doc)`: the current version is linted once (through the session, which also keeps its model), whichever
 * request comes first.
 */
export class Reports {
  private readonly open = new Map<string, OpenReport>();

  constructor(
    private readonly contexts: Contexts,
    private readonly onRun: (run: LintTiming) => void,
    private readonly onError: (uri: string, e: unknown) => void,
  ) {}

  opened(doc: TextDocument): void {
    this.open.set(doc.uri, { session: createLintSession(), openedVersion: doc.version, lastEdit: undefined, linted: undefined });
  }

  changed(doc: TextDocument): void {
    const state = this.open.get(doc.uri);
    if (state && doc.version !== state.openedVersion) state.lastEdit = Date.now();
  }

  /** `[start, end)` of the text as it was was replaced by `text` (an incremental change, in the order applied). */
  edited(uri: string, start: number, end: number, text: string): void {
    this.open.get(uri)?.session.changed(start, end, text);
  }

  closed(uri: string): void {
    this.open.delete(uri);
  }

  lastEdit(uri: string): number | undefined {
    return this.open.get(uri)?.lastEdit;
  }

  /** The current version's lint if it is done already (no waiting, no linting). */
  current(doc: TextDocument): Linted | undefined {
    const linted = this.open.get(doc.uri)?.linted;
    return linted?.version === doc.version ? linted : undefined;
  }

  /** The current version linted, or null when the document is not checked as a report (or its lint failed). */
  async linted(doc: TextDocument): Promise<Linted | null> {
    const context = await this.contexts.of({ uri: doc.uri, languageId: doc.languageId, text: doc.getText() });
    const state = this.open.get(doc.uri);
    if (!state || !context.report) return null;
    const cached = state.linted;
    if (cached && cached.version === doc.version && cached.context.key === context.key) return cached;
    return this.lint(doc, state, context);
  }

  private lint(doc: TextDocument, state: OpenReport, context: ReportContext): Linted | null {
    const text = doc.getText();
    const started = performance.now();
    let problems: Problem[];
    try {
      problems = state.session.lint(text, context.options);
    } catch (e) {
      // A rule's bug costs this version its diagnostics, logged, never the server.
      this.onError(doc.uri, e);
      return null;
    }
    const model = state.session.model!;
    const positions = positionsOf(model.lines);
    let diagnostics: Diagnostic[] | undefined;
    let tree: OutlineDocument[] | undefined;
    const previous = state.linted;
    const linted: Linted = {
      uri: doc.uri,
      version: doc.version,
      text,
      context,
      problems,
      model,
      positions,
      resultId: `${doc.version}.${digest(context.key)}`,
      diagnostics: () => (diagnostics ??= problems.map((p) => toDiagnostic(positions, p, context.language))),
      outline: () => (tree ??= outline(model, context.config)),
    };
    // Most keystrokes leave every diagnostic where it was (an edit moves only the problems after it on its own line):
    // then the result id stays, and a client pulling with it is answered `unchanged` instead of being sent all of
    // them again (on a 1 MB report, ~1 MB of JSON each keystroke).
    if (previous && previous.context.key === context.key && sameDiagnostics(previous.diagnostics(), linted.diagnostics())) {
      linted.resultId = previous.resultId;
    }
    state.linted = linted;
    this.onRun({ uri: doc.uri, version: doc.version, ms: performance.now() - started, chars: text.length, problems: problems.length });
    return linted;
  }
}
