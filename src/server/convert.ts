import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Problem, Severity, TextEdit as CoreEdit } from '../core';
import type { MessageLanguage } from '../core/text/language';
import type { LineIndex } from '../core/text/lines';
import { ruleDocUrl } from './resources';

/** The positions of one text: what `TextDocument` offers (UTF-16, LSP's default encoding). */
export interface Positions {
  positionAt(offset: number): { line: number; character: number };
  offsetAt(position: { line: number; character: number }): number;
}

/** Positions in a text through its line index (the model's own). */
export const positionsOf = (lines: LineIndex): Positions => ({
  positionAt: (offset) => lines.position(offset),
  offsetAt: (p) => lines.offsetAt(p.line, p.character),
});

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const rangeOf = (doc: Positions, start: number, end: number): Range => ({ start: doc.positionAt(start), end: doc.positionAt(end) });

/** Picks the text of a bilingual pair (`message`/`messageEn`, `title`/`titleEn`, …) for a document's language. */
export const pick = (lang: MessageLanguage, zh: string, en: string): string => (lang === 'zh' ? zh : en);

/** A core problem as an LSP diagnostic: source `gongwen`, the rule id as its code, linking to the rule's page. */
export function toDiagnostic(doc: Positions, p: Problem, lang: MessageLanguage): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(doc, p.start, p.end),
    severity: SEVERITY[p.severity],
    source: 'gongwen',
    code: p.ruleId,
    message: pick(lang, p.message, p.messageEn),
  };
  const href = ruleDocUrl(p.ruleId);
  if (href) d.codeDescription = { href };
  return d;
}

const samePosition = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;

/** Whether two diagnostics lists show the same thing (what toDiagnostic sets: range, severity, rule, message). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message) return false;
    if (!samePosition(x.range.start, y.range.start) || !samePosition(x.range.end, y.range.end)) return false;
  }
  return true;
}

/** Core edits (offsets) as LSP text edits. */
export const toTextEdits = (doc: Positions, edits: readonly CoreEdit[]): TextEdit[] =>
  edits.map((e) => ({ range: rangeOf(doc, e.start, e.end), newText: e.text }));
