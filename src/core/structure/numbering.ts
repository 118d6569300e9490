import type { Heading, MarkerParts, ReportDocument, SectionNode } from './model';
import type { NumberingModeSetting } from '../config/settings';
import type { TextEdit } from '../types';
import type { LineIndex } from '../text/lines';
import { arabicToNumber, chineseToNumber, numberToChinese, renderArabic } from '../text/numerals';
import { canStartMarker, indentAt, matchMarker } from './headings';

/** Full-width digits (１２３), a width variant of Arabic markers. */
const FULL_WIDTH_DIGIT = /[０-９]/;

/** How a document numbers a level (3 or 4) across parents. */
export type DetectedMode = 'restart' | 'continuous' | 'single-parent' | 'none' | 'mixed';

/** Siblings at one level under one parent, in order. */
export interface NumberRun {
  level: number;
  parent: SectionNode | null;
  nodes: SectionNode[];
}

export interface LevelNumbering {
  level: number;
  runs: NumberRun[];
  detected: DetectedMode;
  /** The mode the rules hold the level to. */
  effective: 'restart' | 'continuous';
  /** Runs that depart from the effective mode (a restart in a continuous document, or the reverse). */
  departures: Set<NumberRun>;
}

/** Levels whose numbering may legitimately run on across parents. */
export const MODE_LEVELS = [3, 4] as const;

const cache = new WeakMap<ReportDocument, Map<NumberingModeSetting, Map<number, LevelNumbering>>>();

/** Numbering runs and modes of a document, computed once per document and mode setting. */
export function numberingOf(doc: ReportDocument, setting: NumberingModeSetting = 'auto'): Map<number, LevelNumbering> {
  let perSetting = cache.get(doc);
  if (!perSetting) cache.set(doc, (perSetting = new Map<NumberingModeSetting, Map<number, LevelNumbering>>()));
  let result = perSetting.get(setting);
  if (!result) perSetting.set(setting, (result = analyze(doc, setting)));
  return result;
}

function analyze(doc: ReportDocument, setting: NumberingModeSetting): Map<number, LevelNumbering> {
  const byLevel = new Map<number, LevelNumbering>();
  if (doc.kind === 'toc') return byLevel;
  for (const run of collectRuns(doc)) {
    if (touchesToc(run)) continue;
    let entry = byLevel.get(run.level);
    if (!entry) byLevel.set(run.level, (entry = { level: run.level, runs: [], detected: 'none', effective: 'restart', departures: new Set() }));
    entry.runs.push(run);
  }
  for (const entry of byLevel.values()) judgeMode(entry, setting);
  return byLevel;
}

/**
 * Numbering rules never judge a table of contents: a run with a contents entry in it, or under one, is left out, so a
 * contents list that a lost line break cut short (`9.…` `10企业发展` `11.…`) is not judged by the part left over.
 */
const touchesToc = (run: NumberRun): boolean => run.parent?.heading.inToc === true || run.nodes.some((n) => n.heading.inToc);

/** Groups numbered sections by (parent, level), in document order of each run's first heading. */
function collectRuns(doc: ReportDocument): NumberRun[] {
  const runs = new Map<string, NumberRun>();
  const parentIds = new Map<SectionNode | null, number>([[null, 0]]);
  for (const node of doc.nodes) {
    const h = node.heading;
    if (h.level === 0 || h.number === null) continue;
    if (!parentIds.has(node.parent)) parentIds.set(node.parent, parentIds.size);
    const key = `${parentIds.get(node.parent)}:${h.level}`;
    let run = runs.get(key);
    if (!run) runs.set(key, (run = { level: h.level, parent: node.parent, nodes: [] }));
    run.nodes.push(node);
  }
  return [...runs.values()];
}

export const firstNumber = (run: NumberRun): number => run.nodes[0].heading.number!;
export const lastNumber = (run: NumberRun): number => run.nodes[run.nodes.length - 1].heading.number!;

/** Votes each run after the first: restart (starts at 1) or continue (starts after the previous run's last). */
function judgeMode(entry: LevelNumbering, setting: NumberingModeSetting): void {
  const { runs } = entry;
  const restarts: NumberRun[] = [];
  const continues: NumberRun[] = [];
  for (let i = 1; i < runs.length; i++) {
    if (firstNumber(runs[i]) === 1) restarts.push(runs[i]);
    else if (firstNumber(runs[i]) === lastNumber(runs[i - 1]) + 1) continues.push(runs[i]);
  }
  const modal = (MODE_LEVELS as readonly number[]).includes(entry.level);
  if (!modal) entry.detected = runs.length > 1 ? 'restart' : runs.length === 1 ? 'single-parent' : 'none';
  else if (runs.length <= 1) entry.detected = runs.length === 1 ? 'single-parent' : 'none';
  else if (restarts.length && continues.length) entry.detected = 'mixed';
  else entry.detected = continues.length ? 'continuous' : 'restart';
  const majority = continues.length > restarts.length ? 'continuous' : 'restart';
  entry.effective = !modal ? 'restart' : setting === 'auto' ? majority : setting;
  entry.departures = new Set(modal ? (entry.effective === 'continuous' ? restarts : continues) : []);
}

/**
 * The number a run should start with under the effective mode. In a continuous document a run continues from the
 * previous run's last number, or, when that run departs (restarts at 1, which numbering-mode reports), from where
 * it should have ended: fixing it then leaves the runs after it right.
 */
export function expectedStart(entry: LevelNumbering, run: NumberRun): number {
  const i = entry.runs.indexOf(run);
  if (entry.effective !== 'continuous') return 1;
  let want = 1;
  for (let k = 1; k <= i; k++) {
    const prev = entry.runs[k - 1];
    want = (entry.departures.has(prev) ? want + lastNumber(prev) - firstNumber(prev) : lastNumber(prev)) + 1;
  }
  return want;
}

/** The numeral of `n` in the notation of a marker of `level` (一, 1, ①). */
export function numeralFor(level: number, n: number, sample: string): string {
  if (level === 1 || level === 2) return numberToChinese(n);
  if (level === 5) return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
  return renderArabic(n, sample);
}

/** A marker rendered with new parts and/or number. */
export function renderMarker(h: Heading, parts: MarkerParts = h.parts, n: number = h.number ?? 0): string {
  return parts.open + numeralFor(h.level, n, h.parts.numeral) + parts.close + parts.suffix;
}

/** The edit that changes only the numeral of a marker. */
export function renumberEdit(h: Heading, n: number): TextEdit {
  const start = h.markerStart + h.marker.indexOf(h.parts.numeral, h.parts.open.length);
  return { start, end: start + h.parts.numeral.length, text: numeralFor(h.level, n, h.parts.numeral) };
}

/** Edits that renumber `headings` consecutively from `from`, skipping markers already right. */
export function renumberEdits(headings: Heading[], from: number): TextEdit[] {
  return headings.flatMap((h, i) => (h.number === from + i ? [] : [renumberEdit(h, from + i)]));
}

/** The numbered headings of a level in document order, from `node` to the end of its run (or of the document). */
export function headingsFrom(entry: LevelNumbering, run: NumberRun, index: number): Heading[] {
  const own = run.nodes.slice(index).map((n) => n.heading);
  if (entry.effective !== 'continuous') return own;
  const later = entry.runs.slice(entry.runs.indexOf(run) + 1).filter((r) => !entry.departures.has(r));
  return own.concat(later.flatMap((r) => r.nodes.map((n) => n.heading)));
}

/** The forms GB/T 9704-2012 §7.3.3 prescribes: 一、 （一） 1. （1）. */
export const STANDARD_PARTS: Record<number, MarkerParts> = {
  1: { open: '', numeral: '', close: '', suffix: '、' },
  2: { open: '（', numeral: '', close: '）', suffix: '' },
  3: { open: '', numeral: '', close: '', suffix: '.' },
  4: { open: '（', numeral: '', close: '）', suffix: '' },
};

/** A marker's written form, its number aside: brackets, suffix, digit width. */
export const variantKey = (h: Heading): string => `${h.parts.open}|${h.parts.close}|${h.parts.suffix}|${FULL_WIDTH_DIGIT.test(h.parts.numeral) ? 'F' : 'H'}`;

/** Whether a marker is written exactly as GB/T 9704-2012 prescribes. */
export function isStandardForm(h: Heading): boolean {
  const std = STANDARD_PARTS[h.level];
  return !!std && h.parts.open === std.open && h.parts.close === std.close && h.parts.suffix === std.suffix && !FULL_WIDTH_DIGIT.test(h.parts.numeral);
}

/** The most common variant of a level (ties: the standard form, else the first seen). */
export function majorityKey(headings: Heading[]): string {
  const counts = new Map<string, number>();
  for (const h of headings) counts.set(variantKey(h), (counts.get(variantKey(h)) ?? 0) + 1);
  const standard = headings.find((h) => isStandardForm(h));
  let best = variantKey(headings[0]);
  for (const [key, n] of counts) {
    const tieToStandard = n === counts.get(best) && standard !== undefined && key === variantKey(standard);
    if (n > counts.get(best)! || tieToStandard) best = key;
  }
  return best;
}

/* ---- Broken and lost markers: what a gap in the numbering may really be ---- */

/** A marker that copying broke, which the text still holds where a number is missing. */
export interface MarkerRepair {
  /** `（⏎三）` split over two lines, `三）` without its opening bracket, `10企业发展` without its `.`. */
  kind: 'split' | 'unpaired' | 'glued';
  number: number;
  /** The broken marker as written. */
  start: number;
  end: number;
  /** The marker as it should read (`（三）`, `10.`). */
  wanted: string;
  edits: TextEdit[];
}

export interface GapClues {
  /** The one broken marker that carries the one missing number. */
  repair: MarkerRepair | null;
  /** Anything a renumbering could collide with: a broken or unpaired marker, a glued number, the marker in a paragraph. */
  suspicious: boolean;
  /**
   * Lines of the gap that start with a missing number's marker the parser did not take for a heading
   * (`40.151件民生实事`, read as the decimal 40.151).
   */
  lostMarkers: number;
}

const CN_NUMERAL = '[一二三四五六七八九十百]+';
const AR_NUMERAL = '[0-9０-９]{1,3}';
/** A line that ends in an opening bracket: the rest of a marker may start the next line. */
const OPEN_AT_END = /[（(][ \t\u3000]*$/;
/** A line that starts with a numeral and a closing bracket (`三）`, `3)`): a marker without its opening bracket. */
const CLOSE_FIRST = new RegExp(`^(${CN_NUMERAL}|${AR_NUMERAL})[ \\t]*[）)]`);
/** A line that starts with what only follows a numeral: the marker's numeral is on the line before. */
const STRAY_START = /^[、）)．]/;
/** `10企业发展`, `三改革开放`: a number glued to a title. */
const GLUED_ARABIC = new RegExp(`^(${AR_NUMERAL})(?=[\\u4e00-\\u9fff])`);
const GLUED_CHINESE = new RegExp(`^(${CN_NUMERAL})(?=[\\u4e00-\\u9fff])`);
/** `（三改革开放`: an opening bracket and numeral without the closing bracket. */
const GLUED_OPEN = new RegExp(`^[（(](${CN_NUMERAL}|${AR_NUMERAL})(?=[\\u4e00-\\u9fff])`);
/**
 * The missing marker at a line's start that the parser did not take for a heading (`20.2026年10件民生实事`, read
 * as the decimal 20.2; `三、四季度` read as a list of numerals): maybe a heading.
 */
const MARKER_AT_START: Record<number, RegExp> = {
  1: new RegExp(`^(${CN_NUMERAL})[ \\t]*[、.．]`),
  2: new RegExp(`^[（(][ \\t]*(${CN_NUMERAL})[ \\t]*[）)]`),
  3: new RegExp(`^(${AR_NUMERAL})[.．、,，]`),
  4: new RegExp(`^[（(][ \\t]*(${AR_NUMERAL})[ \\t]*[）)]`),
};
/** After a number, a counter or unit makes it a quantity (`10家企业`, `3年来`), not a glued heading number. */
const COUNTER = /^[个家项名人次万亿千百元年月日号条件台套所座处批期届天周岁倍户间辆吨亩米类种级多余]/;

const isChineseLevel = (level: number): boolean => level === 1 || level === 2;
/** A numeral's value where it is of the level's kind (Chinese for levels 1–2, Arabic for 3–4), else NaN. */
function valueOf(numeral: string, level: number): number {
  const arabic = /^[0-9０-９]/.test(numeral);
  if (level > 4 || arabic === isChineseLevel(level)) return NaN;
  return arabic ? arabicToNumber(numeral) : chineseToNumber(numeral);
}

/**
 * What the text in [from, to) says about a gap whose numbers are `missing` (at `level`, markers written like
 * `sample`): whether a broken marker there carries the missing number (then the fix is to mend it, not to
 * renumber), and whether anything there makes renumbering a guess.
 */
export function gapClues(lines: LineIndex, level: number, sample: Heading, from: number, to: number, missing: ReadonlySet<number>): GapClues {
  const candidates: MarkerRepair[] = [];
  let suspicious = false;
  let lostMarkers = 0;
  const last = lines.lineAt(Math.max(from, to - 1));
  for (let line = lines.lineAt(from); line <= last; line++) {
    const found = lineClues(lines, line, level, sample, from, to, missing);
    suspicious ||= found.suspicious;
    lostMarkers += found.lostMarkers;
    if (found.repair) candidates.push(found.repair);
  }
  suspicious ||= hasLostMarker(lines.text, level, from, to, missing);
  const repair = candidates.length === 1 && missing.size === 1 ? candidates[0] : null;
  return { repair, suspicious: suspicious || candidates.length > 0, lostMarkers };
}

/** The clues of one line of a gap. */
function lineClues(lines: LineIndex, line: number, level: number, sample: Heading, from: number, to: number, missing: ReadonlySet<number>): GapClues {
  const { text } = lines;
  const start = lines.starts[line] + indentAt(text, lines.starts[line], lines.ends[line]);
  const content = text.slice(start, lines.ends[line]);
  const opensAtEnd = lines.ends[line] <= to && OPEN_AT_END.test(content);
  let repair: MarkerRepair | null = null;
  if (opensAtEnd && line + 1 < lines.lineCount) repair = splitRepair(lines, line, level, to, missing);
  if (start < from || start >= to) return { repair, suspicious: opensAtEnd, lostMarkers: 0 };
  const prevOpens = line > 0 && OPEN_AT_END.test(lines.lineText(line - 1));
  const close = CLOSE_FIRST.exec(content);
  const closeValue = close ? valueOf(close[1], level) : NaN;
  if (close && !prevOpens && missing.has(closeValue) && (level === 2 || level === 4)) {
    // The opening bracket of the closing one's width: `三）` takes `（`, `3)` takes `(`.
    const bracket = close[0].endsWith(')') ? '(' : '（';
    repair = {
      kind: 'unpaired',
      number: closeValue,
      start,
      end: start + close[0].length,
      wanted: bracket + close[0],
      edits: [{ start, end: start, text: bracket }],
    };
  }
  // A glued Chinese numeral only raises doubt (三农, 五年来 are words); a glued Arabic one of level 3 is mended.
  const glued = (level === 3 ? GLUED_ARABIC : level === 1 ? GLUED_CHINESE : level === 2 || level === 4 ? GLUED_OPEN : null)?.exec(content) ?? null;
  const gluedValue = glued ? valueOf(glued[1], level) : NaN;
  if (glued && level === 3 && missing.has(gluedValue) && !COUNTER.test(content.slice(glued[0].length))) {
    const end = start + glued[0].length;
    const suffix = sample.parts.suffix || '.';
    repair = { kind: 'glued', number: gluedValue, start, end, wanted: glued[1] + suffix, edits: [{ start: end, end, text: suffix }] };
  }
  const lost = MARKER_AT_START[level]?.exec(content);
  const lostHere = !!lost && missing.has(valueOf(lost[1], level));
  const suspicious = opensAtEnd || lostHere || STRAY_START.test(content) || !Number.isNaN(closeValue) || missing.has(gluedValue);
  return { repair, suspicious, lostMarkers: lostHere ? 1 : 0 };
}

/** `（⏎三）改革开放`: the line ends in an opening bracket and the next begins with the missing numeral and its closing bracket. */
function splitRepair(lines: LineIndex, line: number, level: number, to: number, missing: ReadonlySet<number>): MarkerRepair | null {
  if (level !== 2 && level !== 4) return null;
  const { text } = lines;
  const next = lines.starts[line + 1] + indentAt(text, lines.starts[line + 1], lines.ends[line + 1]);
  if (next >= to) return null;
  const close = CLOSE_FIRST.exec(text.slice(next, lines.ends[line + 1]));
  const value = close ? valueOf(close[1], level) : NaN;
  if (!close || !missing.has(value)) return null;
  const open = lines.starts[line] + lines.lineText(line).search(OPEN_AT_END);
  // The bracket moves down to its numeral: the heading starts its line, and only marker characters change.
  const edits: TextEdit[] = [
    { start: open, end: open + 1, text: '' },
    { start: next, end: next, text: text[open] },
  ];
  return { kind: 'split', number: value, start: open, end: next + close[0].length, wanted: text[open] + close[0], edits };
}

/** Where a sentence or clause ends, or a line, a heading run into the paragraph may begin. */
const SENTENCE_BEFORE = /[。！？；：!?;:\n\r]/;
/** Count of spaces right before `i`. */
function indentBefore(text: string, i: number): number {
  let k = 0;
  for (let c = text.charCodeAt(i - 1); c === 0x20 || c === 0x09 || c === 0x3000; c = text.charCodeAt(i - 1 - ++k));
  return k;
}

/**
 * The missing marker written inside a paragraph (`……成效；（三）改革开放`, `……成效。（三）……` where the parser did not
 * take it for a heading): a heading may have been run into the text.
 */
function hasLostMarker(text: string, level: number, from: number, to: number, missing: ReadonlySet<number>): boolean {
  for (let i = from; i < to; i++) {
    if (!canStartMarker(text.charCodeAt(i)) || !SENTENCE_BEFORE.test(text[i - 1 - indentBefore(text, i)] ?? '\n')) continue;
    const m = matchMarker(text.slice(i, Math.min(to, i + 16)));
    if (m && m.level === level && missing.has(m.number)) return true;
  }
  return false;
}
