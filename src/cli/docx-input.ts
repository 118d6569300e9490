// Word documents as the CLI reads them: a path ending `.docx` (or `.docm`, `.doc`, which the Word reader refuses with
// a clear reason) is read by src/docx — automatic numbering labels included — and linted as the plain text it
// displays; the map from that text back to Word's paragraphs gives the positions the CLI prints.

import path from 'node:path';
import type * as Docx from '../docx';
import { decodeFile, type DecodedFile, type ReadResult } from './io';

// The Word reader (ZIP, XML) is loaded on the first Word file: a run of plain-text reports never parses it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const docxLazy = (): typeof Docx => require('../docx') as typeof Docx;

/** Extensions read by the Word reader, compared case-insensitively. `.docm` and `.doc` are refused with their reason. */
export const WORD_EXTENSIONS = ['.docx', '.docm', '.doc'];

/** A report's text: decoded from a text file, or extracted from a Word document (then `docx` maps it back). */
export interface ReportFile extends DecodedFile {
  /** Set for a Word document: its text is never encoded or written back (`encoding` and `bom` mean nothing then). */
  docx?: Docx.DocxTextMap;
}

/** A failure to read: as `ReadResult` says it, or `docx`: the Word reader refused the file (the run exits 2). */
export type ReportRead =
  { ok: true; file: ReportFile } | { ok: false; reason: Extract<ReadResult, { ok: false }>['reason'] | 'docx'; message: string; messageEn: string };

export const isWordPath = (filePath: string): boolean => WORD_EXTENSIONS.includes(path.extname(filePath).toLowerCase());

/** A report's bytes as text to lint: a Word document through the Word reader, anything else decoded (`decodeFile`). */
export function decodeReport(filePath: string, bytes: Buffer): ReportRead {
  if (!isWordPath(filePath)) return decodeFile(filePath, bytes);
  const docx = docxLazy();
  try {
    const map = docx.docxToText(docx.readDocx(bytes));
    return { ok: true, file: { text: map.text, encoding: 'utf8', bom: false, docx: map } };
  } catch (e) {
    if (e instanceof docx.DocxError) return { ok: false, reason: 'docx', message: `${filePath}：${e.message}`, messageEn: `${filePath}: ${e.messageEn}` };
    // A bug in the reader costs one file a clear line and exit 2, never the whole run a stack trace.
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      reason: 'docx',
      message: `${filePath}：读取 Word 文档时出现内部错误，已跳过（${why}）；请报告此问题`,
      messageEn: `${filePath}: internal error while reading the Word document, skipped (${why}); please report it`,
    };
  }
}

/** Where a range of the extracted text lies in Word: 1-based paragraphs and columns (of the paragraph's own text). */
export interface WordSpan {
  paragraph: number;
  column: number;
  endParagraph: number;
  /** Exclusive. */
  endColumn: number;
  /** The range starts on an automatic numbering label (its column is then the paragraph's first). */
  inLabel: boolean;
}

/**
 * The Word span of the text range [start, end). The end is the end of the range's last character, so that a range
 * ending a paragraph ends in it (not at the start of the next one); columns 1-based, as the CLI counts line columns.
 */
export function wordSpan(map: Docx.DocxTextMap, start: number, end: number): WordSpan {
  const from = map.locate(start);
  const to = spanEnd(map, start, end);
  return { paragraph: from.paragraph, column: from.column + 1, endParagraph: to.paragraph, endColumn: to.column + 1, inLabel: from.inLabel };
}

function spanEnd(map: Docx.DocxTextMap, start: number, end: number): { paragraph: number; column: number } {
  const at = map.locate(end);
  if (end <= start) return at;
  const last = map.locate(end - 1);
  if (at.paragraph === last.paragraph) return at;
  // The range's last character ends its paragraph (or is its automatic label, which has no column of its own).
  if (last.inLabel) return { paragraph: last.paragraph, column: 0 };
  // A paragraph-ending `\n` maps to the paragraph's end already.
  return { paragraph: last.paragraph, column: map.text[end - 1] === '\n' ? last.column : last.column + 1 };
}

/** `段3:列5` (Chinese) or `para3:col5` (English): a Word position as the text output prints it, 1-based. */
export function wordPosition(paragraph: number, column: number, lang: 'zh' | 'en'): string {
  return lang === 'en' ? `para${paragraph}:col${column}` : `段${paragraph}:列${column}`;
}

/** The paragraph a 0-based line of the extracted text starts in. */
export function paragraphOfLine(map: Docx.DocxTextMap, line: number): number {
  return map.lines[Math.min(Math.max(line, 0), map.lines.length - 1)]?.paragraph ?? 1;
}

/** The 1-based Word position of an offset of the extracted text (where an outline's heading starts or ends). */
export function wordPoint(map: Docx.DocxTextMap, offset: number): { paragraph: number; column: number } {
  const at = map.locate(Math.min(Math.max(offset, 0), map.text.length));
  return { paragraph: at.paragraph, column: at.column + 1 };
}
