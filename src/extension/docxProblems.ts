/**
 * The pure part of checking a Word draft in VS Code (no `vscode` here, so the unit tests run it): the diagnostics of
 * a draft's text as the problems `annotateDocx` anchors, the default name of the annotated copy, the message of a
 * file that cannot be read.
 */
import { DocxError, type DocxProblem, type DocxTextMap } from '../docx';

/** A diagnostic of a draft's text, its range as offsets into that text. */
export interface TextProblem {
  start: number;
  end: number;
  message: string;
  /** The rule id (the diagnostic's code), when it has one. */
  rule?: string;
}

/** Each problem anchored on its paragraph and columns, in text order; the comment reads `message [rule]`. */
export function toDocxProblems(problems: readonly TextProblem[], map: Pick<DocxTextMap, 'paragraphRange'>): DocxProblem[] {
  return [...problems]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((p) => ({ ...map.paragraphRange(p.start, p.end), message: p.rule ? `${p.message} [${p.rule}]` : p.message }));
}

/** `/公文/草稿.docx` -> `/公文/草稿.checked.docx` (any other extension: `.checked.docx` appended). */
export function checkedPathOf(docxPath: string): string {
  return /\.docx$/i.test(docxPath) ? docxPath.replace(/(\.docx)$/i, '.checked$1') : `${docxPath}.checked.docx`;
}

/** An error reading a draft as the writer reads it: a `DocxError`'s own sentence in the UI's language, else its message. */
export function unreadableMessage(e: unknown, chinese: boolean): string {
  if (e instanceof DocxError) return chinese ? e.message : e.messageEn;
  return e instanceof Error ? e.message : String(e);
}
