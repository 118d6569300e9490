import type { Heading, MarkerParts, ReportDocument, SectionNode } from './model';
import type { NumberingModeSetting } from './config-types';
import type { TextEdit } from './types';
import { numberToChinese, renderArabic } from './numerals';
import { FULL_WIDTH_DIGIT } from './patterns';

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
  if (!perSetting) cache.set(doc, (perSetting = new Map()));
  let result = perSetting.get(setting);
  if (!result) perSetting.set(setting, (result = analyze(doc, setting)));
  return result;
}

function analyze(doc: ReportDocument, setting: NumberingModeSetting): Map<number, LevelNumbering> {
  const byLevel = new Map<number, LevelNumbering>();
  if (doc.kind === 'toc') return byLevel;
  for (const run of collectRuns(doc)) {
    let entry = byLevel.get(run.level);
    if (!entry) byLevel.set(run.level, (entry = { level: run.level, runs: [], detected: 'none', effective: 'restart', departures: new Set() }));
    entry.runs.push(run);
  }
  for (const entry of byLevel.values()) judgeMode(entry, setting);
  return byLevel;
}

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

