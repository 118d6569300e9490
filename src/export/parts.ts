/**
 * The 公文 parts of one document, recognised from the model's lines: what the export lays out as GB/T 9704-2012 says,
 * rather than as plain paragraphs.
 *
 * - 主送机关 (§7.3.2): the first line after the title, ending in `：`.
 * - 附件说明 (§7.3.4): `附件：1.××××` and the `2.××××` lines after it.
 * - 落款 and 成文日期 (§7.3.5): at the end of the body, an organisation's name, then a date line `2024年12月5日`.
 * - Attachments: after the 落款, a line `附件` or `附件1` on its own, then the attachment's title and text. An attachment
 *   whose text restarts at `一、` is a document of its own in the model; it is taken back in here
 *   ({@link attachedDocuments}).
 * - 版记 (§7.4): `抄送：…` and `××××  2024年12月5日印发` at the very end.
 *
 * Everything else is a title, a heading, a paragraph or (markdown) a table.
 */
import type { DocumentModel, Heading, ReportDocument } from '../core';
import { chineseToNumber } from '../core/numerals';
import { matchMarker } from '../core/headings';

/** A heading as exported: the heading's own text, and the body that runs on after it on the same line. */
export interface HeadingBlock {
  kind: 'heading';
  line: number;
  /** 1–4: the outline level (GB/T 9704 level by marker; a `#` heading's depth). */
  level: number;
  /** Marker and title, with the stop that ends the title (`1.强化组织领导。`). */
  text: string;
  /** Body text after the title on the same line (run-in heading), or ''. */
  body: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  line: number;
  text: string;
}

export interface TableBlock {
  kind: 'table';
  line: number;
  /** Rows of cell texts; the first row is the header. */
  rows: string[][];
  /** Alignment of each column from the delimiter row. */
  align: Array<'left' | 'center' | 'right' | null>;
}

export type BodyBlock = HeadingBlock | ParagraphBlock | TableBlock;

/** 附件说明: `附件：1.××××`; `number` is null for a single attachment written without one. */
export interface AttachmentNote {
  line: number;
  items: Array<{ number: string | null; text: string }>;
}

/** 落款 (the issuing organisations' names, possibly none) and 成文日期 (Arabic numerals). */
export interface Signature {
  line: number;
  organisations: string[];
  /** The date as §7.3.5.4 writes it: `2024年12月5日`. */
  date: string;
  /** The date as the source wrote it. */
  sourceDate: string;
}

/** An attachment's pages: its label (`附件1`), title and text. */
export interface Attachment {
  line: number;
  label: string;
  title: string | null;
  blocks: BodyBlock[];
}

/** 版记 (§7.4): 抄送 and 印发机关/印发日期. */
export interface Imprint {
  line: number;
  /** `抄送：…` without its label. */
  copyTo: string | null;
  issuer: { organisation: string; date: string } | null;
}

export interface DocumentParts {
  docIndex: number;
  /** Model documents merged into this one as its attachments. */
  attached: number[];
  title: string | null;
  addressee: string | null;
  body: BodyBlock[];
  attachmentNote: AttachmentNote | null;
  signature: Signature | null;
  attachments: Attachment[];
  imprint: Imprint | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Line patterns
// ---------------------------------------------------------------------------------------------------------------

const SP = '[ \\t\\u3000]*';
/** `附件：1.××××` / `附件:××××` (the note); group 1: the rest. */
const NOTE_START = new RegExp(`^附件${SP}[：:]${SP}(.+)$`);
/** A numbered item `1.××××` (ASCII or full-width dot, or 、). Groups: number, text. */
const NOTE_ITEM = new RegExp(`^([0-9０-９]{1,2})${SP}[.．、]${SP}(.+)$`);
/** A bare attachment label on its own line: `附件`, `附件1`, `附件 2`, `附件一`. */
const ATTACHMENT_LABEL = new RegExp(`^附件${SP}([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?${SP}$`);
/** 成文日期, Arabic: `2024年12月5日` (leading zeros tolerated). */
const DATE_ARABIC = new RegExp(`^${SP}([0-9０-９]{4})${SP}年${SP}([0-9０-９]{1,2})${SP}月${SP}([0-9０-９]{1,2})${SP}日${SP}$`);
/** 成文日期 in Chinese numerals: `二〇二四年十二月五日`. */
const DATE_CHINESE = new RegExp(`^${SP}([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日${SP}$`);
/** 版记: `抄送：…`. */
const COPY_TO = new RegExp(`^抄送${SP}[：:]${SP}(.*)$`);
/** 版记: `××××办公室  2024年12月5日印发`. Groups: organisation, date. */
const ISSUED = new RegExp(`^(.*?)${SP}([0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日)${SP}印发${SP}$`);
/** Endings of a sentence or clause: a line ending so is no organisation's name. */
const ENDS_LIKE_SENTENCE = /[。；：，、,;:！？!?）)]$/;
const ORGANISATION_MAX_CHARS = 40;
const ADDRESSEE_MAX_CHARS = 120;
const ATTACHMENT_TITLE_MAX_CHARS = 60;

const CN_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const toAscii = (s: string): string => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));

/** A date line (成文日期) in Arabic numerals, as §7.3.5.4 writes it; null when the line is no date. */
export function issuingDate(line: string): string | null {
  const a = DATE_ARABIC.exec(line);
  if (a) return `${Number(toAscii(a[1]))}年${Number(toAscii(a[2]))}月${Number(toAscii(a[3]))}日`;
  const c = DATE_CHINESE.exec(line);
  if (c) {
    const year = [...c[1]].map((ch) => CN_DIGIT[ch]).join('');
    const month = chineseToNumber(c[2]);
    const day = chineseToNumber(c[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${year}年${month}月${day}日`;
  }
  return null;
}

/** Width in characters as the page counts it: full-width 1, half-width (ASCII) 0.5. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

// ---------------------------------------------------------------------------------------------------------------
// Plain text of a line (markdown syntax removed)
// ---------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------
// Documents to export
// ---------------------------------------------------------------------------------------------------------------

/** The last non-empty line of a document that is not its title. */
function lastContentLine(model: DocumentModel, doc: ReportDocument): number {
  for (let l = doc.endLine; l >= doc.startLine; l--) if (l !== doc.titleLine && model.lines.lineText(l).trim() !== '') return l;
  return -1;
}

/**
 * Documents after `docIndex` that are its attachments: the model starts a new document where an attachment's text
 * restarts at `一、`, leaving the label `附件1` as the last line of the document before.
 */
export function attachedDocuments(model: DocumentModel, docIndex: number): number[] {
  const out: number[] = [];
  const plain = new PlainText(model);
  for (let i = docIndex; i + 1 < model.documents.length; i++) {
    const last = lastContentLine(model, model.documents[i]);
    if (last < 0 || !ATTACHMENT_LABEL.test(plain.line(last))) break;
    if (model.documents[i + 1].kind !== 'document') break;
    out.push(i + 1);
  }
  return out;
}

/** The documents `gongwen export` writes: every `document` (not a `toc`) that is no other's attachment. */
export function exportableDocuments(model: DocumentModel): number[] {
  const attached = new Set<number>();
  const out: number[] = [];
  model.documents.forEach((d, i) => {
    if (d.kind !== 'document' || attached.has(i)) return;
    out.push(i);
    for (const a of attachedDocuments(model, i)) attached.add(a);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Recognition
// ---------------------------------------------------------------------------------------------------------------

/** A non-empty line of a document with its plain text. */
interface Line {
  line: number;
  text: string;
}

/** Recognises the 公文 parts of document `docIndex` (and of the documents attached to it). */
export function recogniseParts(model: DocumentModel, docIndex: number): DocumentParts {
  const doc = model.documents[docIndex];
  if (!doc) throw new RangeError(`no document ${docIndex} (the file holds ${model.documents.length})`);
  const plain = new PlainText(model);
  const attached = attachedDocuments(model, docIndex);
  const headings = new Map<number, Heading>();
  for (const h of doc.headings) headings.set(h.line, h);
  const lines = contentLines(model, plain, doc);

  // 版记: at the very end.
  const imprintLines: Line[] = [];
  while (lines.length && (COPY_TO.test(lines[lines.length - 1].text) || ISSUED.test(lines[lines.length - 1].text))) imprintLines.unshift(lines.pop()!);

  // Attachments: from the first bare label `附件1` after the body's start; a label as the last line starts an
  // attachment that the model made a document of its own.
  let attachments: Attachment[] = [];
  const firstLabel = lines.findIndex((l, i) => i > 0 && ATTACHMENT_LABEL.test(l.text));
  let attachmentLines: Line[] = [];
  if (firstLabel > 0) attachmentLines = lines.splice(firstLabel);

  // 落款 and 成文日期.
  let signature: Signature | null = null;
  const last = lines[lines.length - 1];
  const date = last ? issuingDate(last.text) : null;
  if (last && date) {
    lines.pop();
    const organisations: Line[] = [];
    while (organisations.length < 3 && lines.length > 1 && isOrganisation(lines[lines.length - 1], headings)) organisations.unshift(lines.pop()!);
    signature = { line: organisations[0]?.line ?? last.line, organisations: organisations.map((o) => o.text), date, sourceDate: last.text.trim() };
  }

  // 附件说明: `附件：…` and the numbered lines after it, at the end of the body.
  let attachmentNote: AttachmentNote | null = null;
  const noteAt = findLastIndex(lines, (l) => NOTE_START.test(l.text));
  if (noteAt >= 0 && lines.slice(noteAt + 1).every((l) => NOTE_ITEM.test(l.text))) {
    const noteLines = lines.splice(noteAt);
    const first = NOTE_START.exec(noteLines[0].text)![1].trim();
    const items = [first, ...noteLines.slice(1).map((l) => l.text)].map((t) => {
      const m = NOTE_ITEM.exec(t);
      return m ? { number: toAscii(m[1]), text: m[2].trim() } : { number: null, text: t.trim() };
    });
    attachmentNote = { line: noteLines[0].line, items };
  }

  // 主送机关: the first line after the title, ending in `：`.
  let addressee: string | null = null;
  const first = lines[0];
  if (first && !headings.has(first.line) && /[：:]$/.test(first.text) && !/[。；]/.test(first.text) && [...first.text].length <= ADDRESSEE_MAX_CHARS && !NOTE_START.test(first.text)) {
    addressee = first.text;
    lines.shift();
  }

  const body = bodyBlocks(model, plain, lines, headings);
  attachments = splitAttachments(model, plain, attachmentLines, headings);
  for (const a of attached) {
    const d = model.documents[a];
    const target = attachments[attachments.length - 1];
    const more = contentLines(model, plain, d);
    const dHeadings = new Map(d.headings.map((h) => [h.line, h]));
    // The attached document's trailing 版记 belongs to the whole.
    while (more.length && (COPY_TO.test(more[more.length - 1].text) || ISSUED.test(more[more.length - 1].text))) imprintLines.unshift(more.pop()!);
    if (target && target.title === null && !target.blocks.length && d.titleLine >= 0) target.title = plain.line(d.titleLine);
    else if (target && d.titleLine >= 0) target.blocks.push({ kind: 'paragraph', line: d.titleLine, text: plain.line(d.titleLine) });
    const blocks = bodyBlocks(model, plain, more, dHeadings);
    if (target) target.blocks.push(...blocks);
  }

  return {
    docIndex,
    attached,
    title: doc.titleLine >= 0 ? plain.line(doc.titleLine) : null,
    addressee,
    body,
    attachmentNote,
    signature,
    attachments,
    imprint: imprintOf(imprintLines),
  };
}

function findLastIndex<T>(list: T[], test: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}

/** The document's non-empty prose lines, its title excluded; markdown tables stay (as their rows). */
function contentLines(model: DocumentModel, plain: PlainText, doc: ReportDocument): Line[] {
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

function isOrganisation(l: Line, headings: Map<number, Heading>): boolean {
  const t = l.text;
  return !headings.has(l.line) && t !== '' && [...t].length <= ORGANISATION_MAX_CHARS && !ENDS_LIKE_SENTENCE.test(t) && !NOTE_START.test(t) && !NOTE_ITEM.test(t) && issuingDate(t) === null && matchMarker(t) === null;
}

function splitAttachments(model: DocumentModel, plain: PlainText, lines: Line[], headings: Map<number, Heading>): Attachment[] {
  const out: Attachment[] = [];
  let i = 0;
  while (i < lines.length) {
    const label = lines[i];
    let j = i + 1;
    while (j < lines.length && !ATTACHMENT_LABEL.test(lines[j].text)) j++;
    const content = lines.slice(i + 1, j);
    let title: string | null = null;
    const t = content[0];
    if (t && !headings.has(t.line) && [...t.text].length <= ATTACHMENT_TITLE_MAX_CHARS && !ENDS_LIKE_SENTENCE.test(t.text)) {
      title = t.text;
      content.shift();
    }
    out.push({ line: label.line, label: label.text.replace(/[ \t\u3000]+/g, ''), title, blocks: bodyBlocks(model, plain, content, headings) });
    i = j;
  }
  return out;
}

function imprintOf(lines: Line[]): Imprint | null {
  if (!lines.length) return null;
  let copyTo: string | null = null;
  let issuer: Imprint['issuer'] = null;
  for (const l of lines) {
    const cc = COPY_TO.exec(l.text);
    if (cc) copyTo = copyTo === null ? cc[1].trim() : `${copyTo}${cc[1].trim()}`;
    const is = ISSUED.exec(l.text);
    if (is) issuer = { organisation: is[1].trim(), date: issuingDate(is[2]) ?? is[2] };
  }
  return { line: lines[0].line, copyTo, issuer };
}

// ---------------------------------------------------------------------------------------------------------------
// Body: headings, paragraphs, tables
// ---------------------------------------------------------------------------------------------------------------

const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const isDelimiterRow = (raw: string): boolean => raw.includes('-') && DELIMITER_ROW.test(raw) && (raw.includes('|') || /:?-+:?\s+:?-+/.test(raw));

function bodyBlocks(model: DocumentModel, plain: PlainText, lines: Line[], headings: Map<number, Heading>): BodyBlock[] {
  const out: BodyBlock[] = [];
  const depthOf = new Map<Heading, number>();
  for (const d of model.documents) for (const n of d.nodes) depthOf.set(n.heading, n.depth);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const raw = plain.raw(l.line);
    // A markdown table: a header row, a delimiter row, then rows up to the first line without a pipe.
    if (plain.markdown && raw.includes('|') && lines[i + 1]?.line === l.line + 1 && isDelimiterRow(plain.raw(l.line + 1))) {
      const rowLines = [l];
      let j = i + 2;
      while (j < lines.length && lines[j].line === lines[j - 1].line + 1 && plain.raw(lines[j].line).includes('|') && !isDelimiterRow(plain.raw(lines[j].line))) rowLines.push(lines[j++]);
      out.push({ kind: 'table', line: l.line, rows: rowLines.map((r) => cells(model, plain, r.line)), align: alignments(plain.raw(l.line + 1)) });
      i = j - 1;
      continue;
    }
    if (isDelimiterRow(raw) && !model.isProseLine(l.line)) continue;
    const h = headings.get(l.line);
    if (h && !h.inToc && (h.level >= 1 && h.level <= 4 || h.level === 0)) {
      out.push(headingBlock(model, plain, h, depthOf.get(h) ?? 1));
      continue;
    }
    out.push({ kind: 'paragraph', line: l.line, text: l.text });
  }
  return out;
}

function headingBlock(model: DocumentModel, plain: PlainText, h: Heading, depth: number): HeadingBlock {
  const { lines, text } = model;
  const lineStart = lines.starts[h.line];
  const lineEnd = lines.ends[h.line];
  const level = h.level >= 1 ? h.level : Math.min(Math.max(depth, 1), 4);
  if (h.level === 0) return { kind: 'heading', line: h.line, level, text: plain.segment(h.titleStart, lineEnd), body: '' };
  if (!h.runIn) return { kind: 'heading', line: h.line, level, text: plain.segment(lineStart, lineEnd), body: '' };
  // The title ends at the first 。；： after it; the stop stays with the title.
  let split = h.titleEnd;
  while (split < lineEnd && !/[。；：]/.test(text[split])) split++;
  split = Math.min(split + 1, lineEnd);
  return { kind: 'heading', line: h.line, level, text: plain.segment(lineStart, split), body: plain.segment(split, lineEnd) };
}

/** Cells of a markdown table row: split at pipes outside code spans and not escaped. */
function cells(model: DocumentModel, plain: PlainText, line: number): string[] {
  const start = model.lines.starts[line];
  const raw = plain.raw(line);
  const bounds: number[] = [];
  let inCode = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '`') inCode = !inCode;
    else if (c === '\\') i++;
    else if (c === '|' && !inCode) bounds.push(i);
  }
  const edges = [-1, ...bounds, raw.length];
  const out: string[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const s = edges[k] + 1;
    const e = edges[k + 1];
    const cellText = plain.segment(start + s, start + e).replace(/\\\|/g, '|');
    // The empty ends outside a leading and a trailing pipe are no cells.
    if ((k === 0 || k === edges.length - 2) && raw.slice(s, e).trim() === '') continue;
    out.push(cellText);
  }
  return out;
}

function alignments(raw: string): TableBlock['align'] {
  return raw.trim().replace(/^\||\|$/g, '').split('|').map((c) => {
    const t = c.trim();
    const left = t.startsWith(':');
    const right = t.endsWith(':');
    return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
  });
}
