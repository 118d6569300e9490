/** Plain text of the model's lines (markdown syntax removed), and the content lines of a document. */
import type { DocumentModel, ReportDocument } from '../model';

const LEADING_SPACE = /^[ \t\u3000]+/;
const MD_BLOCK_PREFIX = /^(?:>[ \t]?)+|^[-*+][ \t]+/;
const STRAY_STRONG = /^(?:\*\*|__)+|(?:\*\*|__)+$/g;
const CODE_SPAN = /^(`+)([\s\S]*?)\1$/;

/** Reads lines as text: in markdown, without the syntax (emphasis delimiters, heading marks, link targets). */
export class PlainText {
  private readonly excluded: Array<[number, number]>;

  constructor(private readonly model: DocumentModel) {
    this.excluded = model.markdown?.excluded ?? [];
  }

  get markdown(): boolean {
    return this.model.format === 'markdown';
  }

  /** The prose of text[start, end): excluded markdown ranges dropped, except the text inside code spans. */
  range(start: number, end: number): string {
    const { text } = this.model;
    if (!this.excluded.length) return text.slice(start, end);
    let out = '';
    let at = start;
    for (const [s, e] of this.overlapping(start, end)) {
      if (s > at) out += text.slice(at, s);
      const code = CODE_SPAN.exec(text.slice(s, e));
      if (code && s >= start && e <= end) out += code[2].replace(/^ (.*) $/s, '$1');
      at = Math.max(at, e);
    }
    if (at < end) out += text.slice(at, end);
    return out;
  }

  /** A whole line, trimmed; in markdown without list bullets and quote marks. */
  line(line: number): string {
    const { lines } = this.model;
    let s = this.range(lines.starts[line], lines.ends[line]).replace(LEADING_SPACE, '');
    if (this.markdown) s = s.replace(MD_BLOCK_PREFIX, '').replace(STRAY_STRONG, '');
    return s.trim();
  }

  /** Raw text of a line. */
  raw(line: number): string {
    return this.model.lines.lineText(line);
  }

  /** Trimmed prose of a part of a line; in markdown, `**` left unmatched at its edges dropped. */
  segment(start: number, end: number): string {
    let s = this.range(start, end).replace(LEADING_SPACE, '');
    if (this.markdown) s = s.replace(MD_BLOCK_PREFIX, '').trim().replace(STRAY_STRONG, '');
    return s.trim();
  }

  private overlapping(start: number, end: number): Array<[number, number]> {
    const list = this.excluded;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid][1] <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: Array<[number, number]> = [];
    for (let i = lo; i < list.length && list[i][0] < end; i++) out.push(list[i]);
    return out;
  }
}

/** A non-empty line of a document with its plain text. */
export interface Line {
  line: number;
  text: string;
}

const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A markdown table's delimiter row (`| --- | :-: |`). */
export const isDelimiterRow = (raw: string): boolean => raw.includes('-') && DELIMITER_ROW.test(raw) && (raw.includes('|') || /:?-+:?\s+:?-+/.test(raw));

/** The document's non-empty prose lines, its title excluded; markdown tables stay (as their rows). */
export function contentLines(model: DocumentModel, plain: PlainText, doc: ReportDocument): Line[] {
  const out: Line[] = [];
  for (let l = doc.startLine; l <= doc.endLine; l++) {
    if (l === doc.titleLine) continue;
    if (!model.isProseLine(l) && !isDelimiterRow(plain.raw(l))) continue;
    const text = plain.line(l);
    if (text === '' && !isDelimiterRow(plain.raw(l))) continue;
    out.push({ line: l, text });
  }
  return out;
}
