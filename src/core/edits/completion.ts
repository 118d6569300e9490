import type { DocumentModel, Heading, MarkerParts, ReportDocument, SectionNode } from '../structure/model';
import type { NumberingModeSetting } from '../config/settings';
import { numberingOf, numeralFor, majorityKey, variantKey, STANDARD_PARTS } from '../structure/numbering';
import { numberToChinese } from '../text/numerals';
import { matchMarker } from '../structure/headings';
import { INDENT, globalCopy } from '../structure/patterns';

/** An organisation's name as titles and 落款 write it: a place or body, ending in the kind of body. */
const ORGANISATION_NAME =
  /(?:[\u4e00-\u9fa5]|XX|××){2,16}?(?:委员会|人民政府|办公室|办公厅|管理局|卫健委|委|局|厅|院|中心|公司|集团|学校|大学|街道办事处)(?=[0-9０-９一二三四五六七八九〇]{2,4}年|关于|$)/;

/** A completion the editor offers: insert `text` over [start, end). */
export interface Suggestion {
  kind: 'heading' | 'enumeration' | 'date' | 'name';
  label: string;
  text: string;
  start: number;
  end: number;
  /** Why this one (Chinese, English). */
  detail: string;
  detailEn: string;
  /** Lower sorts first. */
  rank: number;
}

export interface CompletionOptions {
  today?: Date;
  mode?: NumberingModeSetting;
}

/** What the writer has typed at the line start: nothing, or the beginning of a marker (`（`, `1`, `二`). */
const PARTIAL_MARKER = /^(?:[（(]?[一二三四五六七八九十百]*|[（(]?[0-9０-９]{0,3})$/;

/**
 * Context-aware completions at `offset`: at a line start, the next heading at each level in this document's
 * own marker style and numbering mode; after an inline enumeration, its next ordinal; anywhere, today's date
 * in report form and the organisation names the document already uses.
 */
export function completionsAt(model: DocumentModel, offset: number, options: CompletionOptions = {}): Suggestion[] {
  const { lines } = model;
  const line = lines.lineAt(offset);
  const lineStart = lines.starts[line];
  const before = model.text.slice(lineStart, offset);
  const indent = INDENT.exec(before)![0].length;
  const typed = before.slice(indent);
  const out: Suggestion[] = [];
  if (PARTIAL_MARKER.test(typed) && matchMarker(lines.lineText(line).slice(indent)) === null) {
    out.push(...nextHeadings(model, line, lineStart + indent, offset, options.mode ?? 'auto'));
  }
  const ordinal = nextOrdinal(model, offset, line);
  if (ordinal) out.push(ordinal);
  out.push(todaySuggestion(options.today ?? new Date(), offset));
  out.push(...namesIn(model, offset));
  return out;
}

/** The document a line belongs to (the last one that starts at or before it). */
function documentAt(model: DocumentModel, line: number): ReportDocument | undefined {
  let found: ReportDocument | undefined;
  for (const d of model.documents) if (d.startLine <= line) found = d;
  return found;
}

function nextHeadings(model: DocumentModel, line: number, start: number, end: number, mode: NumberingModeSetting): Suggestion[] {
  const doc = documentAt(model, line);
  if (!doc || doc.kind === 'toc') return [];
  const last = lastNodeBefore(doc, line);
  const out: Suggestion[] = [];
  const seen = new Set<number>();
  // The last heading and its ancestors: each level's next sibling.
  for (let node = last; node; node = node.parent) {
    const h = node.heading;
    if (h.level === 0 || seen.has(h.level)) continue;
    seen.add(h.level);
    out.push(headingSuggestion(doc, h.level, h.number! + 1, start, end, out.length, '同级下一个', 'next at this level'));
  }
  // A first child under the last heading (一、 -> （一）), continuing the count in a continuous document.
  const childLevel = childLevelOf(doc, last);
  if (childLevel && !seen.has(childLevel)) {
    const n = firstChildNumber(doc, childLevel, line, mode);
    out.push(headingSuggestion(doc, childLevel, n, start, end, out.length, '下一级第一个', 'first of the next level'));
  }
  if (!last) out.push(headingSuggestion(doc, 1, 1, start, end, 0, '第一个一级标题', 'first level-1 heading'));
  return out;
}

function lastNodeBefore(doc: ReportDocument, line: number): SectionNode | null {
  let last: SectionNode | null = null;
  for (const node of doc.nodes) if (node.heading.line < line) last = node;
  return last;
}

/** The level the document uses under headings of the last one's level; else the next standard level. */
function childLevelOf(doc: ReportDocument, last: SectionNode | null): number | undefined {
  if (!last || last.heading.level === 0) return last ? 1 : undefined;
  const parentLevel = last.heading.level;
  const used = doc.nodes.find((n) => n.parent && n.parent.heading.level === parentLevel && n.heading.level > parentLevel);
  const level = used ? used.heading.level : parentLevel + 1;
  return level <= 5 ? level : undefined;
}

function firstChildNumber(doc: ReportDocument, level: number, line: number, mode: NumberingModeSetting): number {
  const entry = numberingOf(doc, mode).get(level);
  if (!entry || entry.effective !== 'continuous') return 1;
  const previous = doc.headings.filter((h) => h.level === level && h.line < line && h.number !== null);
  return previous.length ? previous[previous.length - 1].number! + 1 : 1;
}

/** The document's own majority form for a level (`(一)` in a web copy), else the standard form. */
function partsFor(doc: ReportDocument, level: number): MarkerParts {
  const headings = doc.headings.filter((h) => h.level === level);
  if (!headings.length) return STANDARD_PARTS[level] ?? { open: '', numeral: '', close: '', suffix: '' };
  const key = majorityKey(headings);
  return headings.find((h: Heading) => variantKey(h) === key)!.parts;
}

function headingSuggestion(doc: ReportDocument, level: number, n: number, start: number, end: number, rank: number, why: string, whyEn: string): Suggestion {
  const parts = partsFor(doc, level);
  const numeral = numeralFor(level, n, parts.numeral);
  const marker = parts.open + numeral + parts.close + parts.suffix;
  return { kind: 'heading', label: marker, text: marker, start, end, detail: `${why}（第${level}级）`, detailEn: `${whyEn} (level ${level})`, rank };
}

/** After 三是 (in this paragraph or the one before), 四是; after 第三，, 第四，. */
function nextOrdinal(model: DocumentModel, offset: number, line: number): Suggestion | undefined {
  let best: { text: string; end: number } | undefined;
  for (const run of model.enumerations) {
    const last = run.items[run.items.length - 1];
    if (run.style === 'shouxian' || last.end > offset || last.line < line - 2) continue;
    if (!best || last.end > best.end) {
      const n = numberToChinese(last.number + 1);
      best = { text: run.style === 'di' ? `第${n}，` : `${n}是`, end: last.end };
    }
  }
  return (
    best && {
      kind: 'enumeration',
      label: best.text,
      text: best.text,
      start: offset,
      end: offset,
      detail: '列举的下一项',
      detailEn: 'next item of the enumeration',
      rank: 10,
    }
  );
}

/** The issuing-date form of GB/T 9704-2012 §7.3.5.4: 2024年3月13日, no leading zeros. */
export function reportDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

function todaySuggestion(today: Date, offset: number): Suggestion {
  const text = reportDate(today);
  return { kind: 'date', label: text, text, start: offset, end: offset, detail: '今天（成文日期写法）', detailEn: 'today, in the issuing-date form', rank: 20 };
}

/** Organisation names from the titles and the last lines (落款) of the documents. */
function namesIn(model: DocumentModel, offset: number): Suggestion[] {
  const sources: string[] = [];
  for (const d of model.documents) {
    if (d.title) sources.push(d.title);
    for (let l = Math.max(d.startLine, d.endLine - 3); l <= d.endLine; l++) sources.push(model.lines.lineText(l));
  }
  const names = new Set<string>();
  for (const s of sources) for (const m of s.matchAll(globalCopy(ORGANISATION_NAME))) names.add(m[0]);
  return [...names].map((name, i) => ({
    kind: 'name',
    label: name,
    text: name,
    start: offset,
    end: offset,
    detail: '本文出现的单位名称',
    detailEn: 'an organisation named in this document',
    rank: 30 + i,
  }));
}
