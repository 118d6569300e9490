/**
 * The pure part of checking a Word draft in VS Code (no `vscode` here, so the unit tests run it): the draft's text as
 * the editor keeps it, the diagnostics of that text as the problems `annotateDocx` anchors, the default name of the
 * annotated copy, the message of a file that cannot be read.
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

/**
 * A draft's text as VS Code's editor keeps it, and the way back to the draft's own offsets. A text model holds one
 * kind of line end and no leading BOM: a `\r` inside a `w:t` (`&#13;`, as some generators write) would become a
 * `\n` (a `\r\n` one `\n`), and a leading U+FEFF would vanish, so the document shown would differ from the text
 * read and every offset after such a character would miss. The text is served as VS Code would keep it.
 */
export interface EditorText {
  text: string;
  /** The range [start, end) of `text` as a range of the draft's text. */
  sourceRange(start: number, end: number): { start: number; end: number };
}

export function editorTextOf(draftText: string): EditorText {
  // Offsets in the draft's text of the characters left out, ascending.
  const dropped: number[] = [];
  const text = draftText.replace(/^\uFEFF|\r\n?/g, (found: string, at: number) => {
    if (found === '\r') return '\n';
    dropped.push(at);
    return found === '\uFEFF' ? '' : '\n';
  });
  // A left-out character goes with the one after it: a range from a \r\n's \n covers the \r too.
  const back = (offset: number): number => {
    let at = offset;
    for (const d of dropped) {
      if (d >= at) break;
      at++;
    }
    return at;
  };
  const sourceRange = (start: number, end: number) => {
    const from = back(start);
    return { start: from, end: Math.max(from, back(end)) };
  };
  return { text, sourceRange };
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
