import type { DocumentModel, ReportDocument } from './model';
import type { LineIndex } from '../text/lines';
import { ATTACHMENT_LABEL, INDENT, TRAILING_SPACE, globalCopy } from './patterns';
import { GLOSSARY_HEADING } from './part-headings';

/** The separator of an attachment range `附件1至3`, `附件1-3`. */
const ATTACHMENT_RANGE_SEP = /[至到\-－—~～]/;

/** One number of an attachment reference's list or range tail. Groups: separator, number. */
const ATTACHMENT_REF_TAIL = /([、，,和及与至到\-－—~～])[ \t]?([0-9０-９]{1,2})/;

/**
 * The body naming one of the document's attachments: `见附件1`, `附件2、3`, `附件1至3` (not `《……》附件2` or
 * `（……号）附件2`, another document's). Groups: first number, the rest of a list or range.
 */
const ATTACHMENT_REF = /(?<![》〉>）)])附件[ \t]?([0-9０-９]{1,2})((?:[、，,和及与至到\-－—~～][ \t]?[0-9０-９]{1,2}(?![0-9０-９]))*)(?![0-9０-９])/;

/** An attachment's number in the 附件说明: `1.` (and the forms writers type: `1．` `1、` `1,` `1，`); a name may start with a year (`1.2024年……`). Groups: number, separator. */
const ATTACHMENT_ITEM = /^([0-9０-９]{1,2})([.．、,，])/;

/** The 附件说明 line, GB/T 9704-2012 §7.3.4: `附件：1.××××`. Group 1: the colon. */
const ATTACHMENT_LIST = /^[ \t\u3000]*附件[ \t\u3000]*([:：])/;

/** One attachment named in the 附件说明 (GB/T 9704-2012 §7.3.4). */
export interface AttachmentItem {
  line: number;
  /** The number written (`1.` → 1), null for an unnumbered name. */
  number: number | null;
  /** The marker `1.` (digits and separator); empty (start = end = nameStart) when unnumbered. */
  markerStart: number;
  markerEnd: number;
  separator: string;
  /** The name, without indentation and trailing spaces (its trailing punctuation included). */
  nameStart: number;
  nameEnd: number;
}

/** The 附件说明: `附件：1.××××` and the numbered lines under it. */
export interface AttachmentList {
  line: number;
  /** Offset of `附件`. */
  start: number;
  colonStart: number;
  items: AttachmentItem[];
  /** Last line of the list. */
  lastLine: number;
}

/** A body reference to an attachment by number: `附件3`, or the `3` of `附件2、3`. */
export interface AttachmentRef {
  number: number;
  start: number;
  end: number;
}

/** The value of ASCII or full-width digits. */
function digitsValue(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n = n * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return n;
}

/** The document's 附件说明: the first prose line that starts with `附件：`, and the numbered lines that follow it. */
export function attachmentList(model: DocumentModel, doc: ReportDocument): AttachmentList | null {
  const { lines } = model;
  for (let line = doc.startLine; line <= doc.endLine; line++) {
    if (line === doc.titleLine || !model.isProseLine(line)) continue;
    const text = lines.lineText(line);
    const m = ATTACHMENT_LIST.exec(text);
    if (!m) continue;
    const lineStart = lines.starts[line];
    const colonAt = m[0].length - 1;
    const list: AttachmentList = { line, start: lineStart + text.indexOf('附'), colonStart: lineStart + colonAt, items: [], lastLine: line };
    const rest = text.slice(m[0].length);
    const lead = rest.length - rest.trimStart().length;
    if (rest.trim() !== '') list.items.push(itemAt(text, lineStart, line, m[0].length + lead, true)!);
    for (let next = line + 1; next <= doc.endLine; next++) {
      const t = lines.lineText(next);
      if (t.trim() === '' || !model.isProseLine(next)) break;
      // `附件：` alone on its line: the next line holds the first name, numbered or not.
      const item = itemAt(t, lines.starts[next], next, INDENT.exec(t)![0].length, list.items.length === 0);
      if (!item || isDefinition(t)) break;
      list.items.push(item);
      list.lastLine = next;
      // `附件:` / `《政府工作报告》有关名词解释` / `1. 人才绿道：指……`: the one attachment is a glossary; its
      // numbered entries are its text, no more attachments.
      if (item.number === null && GLOSSARY_HEADING.test(t.trim())) break;
    }
    return list;
  }
  return null;
}

/** `1. 人才绿道：指以……为基础，……。`: a term and its definition, a glossary's entry, never an attachment's name. */
const isDefinition = (line: string): boolean => /^[^。]{1,30}[：:]指/.test(line.trim().replace(ATTACHMENT_ITEM, ''));

/** The item at `from` in a line; on a continuation line only a numbered item counts. */
function itemAt(text: string, lineStart: number, line: number, from: number, first: boolean): AttachmentItem | null {
  const body = text.slice(from);
  const m = ATTACHMENT_ITEM.exec(body);
  if (!m && !first) return null;
  const end = lineStart + text.replace(TRAILING_SPACE, '').length;
  if (!m) return { line, number: null, markerStart: lineStart + from, markerEnd: lineStart + from, separator: '', nameStart: lineStart + from, nameEnd: end };
  const markerStart = lineStart + from;
  const markerEnd = markerStart + m[0].length;
  const after = text.slice(from + m[0].length);
  const nameStart = markerEnd + (after.length - after.trimStart().length);
  return { line, number: digitsValue(m[1]), markerStart, markerEnd, separator: m[2], nameStart, nameEnd: Math.max(nameStart, end) };
}

/** The last line of the body: before the 附件说明, else before the first attachment page (`附件1` alone on its line), else the document's last line. */
export function bodyEndLine(model: DocumentModel, doc: ReportDocument, list: AttachmentList | null): number {
  if (list) return list.line - 1;
  for (let line = doc.startLine; line <= doc.endLine; line++) {
    if (line !== doc.titleLine && ATTACHMENT_LABEL.test(model.lines.lineText(line))) return line - 1;
  }
  return doc.endLine;
}

/** References to attachments by number in the body (title excluded), each number of `附件1、2` or `附件1至3` once. */
export function attachmentRefs(model: DocumentModel, doc: ReportDocument, bodyEnd: number): AttachmentRef[] {
  const refs: AttachmentRef[] = [];
  const { lines } = model;
  for (let line = doc.startLine; line <= bodyEnd; line++) {
    if (line === doc.titleLine || !model.isProseLine(line)) continue;
    const text = lines.lineText(line);
    if (!text.includes('附件')) continue;
    const base = lines.starts[line];
    for (const m of text.matchAll(globalCopy(ATTACHMENT_REF))) {
      const at = base + m.index;
      if (model.isExcluded(at, at + m[0].length)) continue;
      let last = digitsValue(m[1]);
      const headEnd = at + m[0].length - m[2].length;
      refs.push({ number: last, start: at, end: headEnd });
      for (const t of m[2].matchAll(globalCopy(ATTACHMENT_REF_TAIL))) {
        const n = digitsValue(t[2]);
        const numStart = headEnd + t.index + t[0].length - t[2].length;
        const isRange = ATTACHMENT_RANGE_SEP.test(t[1]);
        // A range names every number between; only its written ends get a position of their own.
        if (isRange && n > last && n - last <= 20) for (let k = last + 1; k < n; k++) refs.push({ number: k, start: numStart, end: numStart + t[2].length });
        refs.push({ number: n, start: numStart, end: numStart + t[2].length });
        last = n;
      }
    }
  }
  return refs;
}

/** Lines under a `附件：` line that continue its numbered list (`2.××××`): attachment names, not section headings. */
export function attachmentItemLines(lines: LineIndex): Set<number> {
  const out = new Set<number>();
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (!text.includes('附件') || !ATTACHMENT_LIST.test(text)) continue;
    let next = line + 1;
    for (; next < lines.lineCount; next++) {
      const t = lines.lineText(next);
      if (t.trim() === '' || !ATTACHMENT_ITEM.test(t.slice(INDENT.exec(t)![0].length))) break;
      out.add(next);
    }
    line = next - 1;
  }
  return out;
}
