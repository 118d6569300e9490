import type { Rule, RuleProblem } from './rule';
import { clauseFor, NO_OPTIONS } from './rule';
import type { Heading } from '../structure/model';
import { codePointLength, isBlankLine, type LineIndex } from '../text/lines';
import { matchMarker } from '../structure/headings';
import {
  gapClues,
  headingsFrom,
  numberingOf,
  renderMarker,
  renumberEdits,
  type LevelNumbering,
  type MarkerRepair,
  type NumberRun,
} from '../structure/numbering';

/** Skipped, repeated or out-of-order numbers within a run of sibling sections. */
export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  defaultSeverity: 'warning',
  category: 'structure',
  description: '同级编号跳号、重号或顺序颠倒',
  descriptionEn: 'Numbers at one level skip, repeat or go backwards',
  fix: { zh: '重新编号；一处明显跳号或一个错号时安全，否则仅快速修复', en: 'renumber: safe for one clear gap or one stray number, else quick fix only' },
  basis: { zh: 'GB/T 9704-2012 第7.3.3条', en: 'GB/T 9704-2012 §7.3.3' },
  options: NO_OPTIONS,
  check({ model, config }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      for (const entry of numberingOf(doc, config.numbering.mode).values()) {
        for (const run of entry.runs) problems.push(...runProblems(model.lines, entry, run));
      }
    }
    return problems;
  },
};

/**
 * A run's breaks. A gap that a broken marker in the text explains (`（⏎三）`, `三）`, `10企业发展`) is reported on
 * that marker, with a fix that mends it; the others are renumbered, safely only where the renumbering cannot guess
 * wrong: one clear mistake, and no broken, unpaired or run-in marker anywhere it renumbers.
 */
function runProblems(lines: LineIndex, entry: LevelNumbering, run: NumberRun): RuleProblem[] {
  const headings = run.nodes.map((n) => n.heading);
  const grouped = groupedRestarts(lines, headings);
  // The text between each break's two headings, read once: it may hold the lost or broken marker of the gap.
  const clues = new Map(reportedBreaks(headings).map((i) => [i, cluesBetween(lines, headings, i)]));
  const reported = [...clues.keys()].filter((i) => !grouped.has(i) && !(isOneMissing(headings, i) && clues.get(i)!.lostMarkers === 1));
  if (!reported.length) return [];
  const repairs = new Map<number, MarkerRepair>();
  for (const i of reported) {
    const repair = isOneMissing(headings, i) ? clues.get(i)!.repair : null;
    if (repair) repairs.set(i, repair);
  }
  const renumbered = reported.filter((i) => !repairs.has(i));
  const clear = repairs.size === 0 && renumbered.length === 1 && isClearMistake(headings);
  return reported.map((i) => {
    const prev = headings[i - 1];
    const repair = repairs.get(i);
    if (repair) return repairProblem(headings[i], repair, prev);
    const doubt = clues.get(i)!.suspicious || (clear && laterDoubt(lines, headings, i));
    const safe = clear && !doubt;
    const edits = renumberEdits(headingsFrom(entry, run, i), prev.number! + 1);
    return {
      start: headings[i].markerStart,
      end: headings[i].markerEnd,
      ...describe(prev, headings[i], doubt),
      fix: { safe, edits, title: '重新编号此后的同级标题', titleEn: 'Renumber the following headings of this level' },
    };
  });
}

/** The clues in the text between headings[i - 1] and headings[i], for the numbers a fix there would write or skip. */
function cluesBetween(lines: LineIndex, headings: Heading[], i: number) {
  const prev = headings[i - 1];
  const here = headings[i];
  const missing = new Set<number>();
  for (let n = prev.number! + 1; n < Math.max(here.number!, prev.number! + 2); n++) missing.add(n);
  return gapClues(lines, here.level, here, prev.markerEnd, here.markerStart, missing);
}

/**
 * One number is missing before headings[i]. When the gap holds it at a line's start, read as a decimal
 * (`39.…` `40.151件民生实事，…` `41.…`) or `三、四季度` as a list of numerals, the numbering is right: nothing to report.
 */
const isOneMissing = (headings: Heading[], i: number): boolean => headings[i].number! === headings[i - 1].number! + 2;

/** Whether a clue lies between any two of the headings that renumbering from i rewrites (a broken 三） after （四）). */
function laterDoubt(lines: LineIndex, headings: Heading[], i: number): boolean {
  let top = headings[i - 1].number! + headings.length - i;
  for (let k = i; k < headings.length; k++) top = Math.max(top, headings[k].number!);
  const numbers = new Set<number>();
  for (let n = headings[i - 1].number! + 1; n <= top; n++) numbers.add(n);
  for (let k = i + 1; k < headings.length; k++) {
    if (gapClues(lines, headings[k].level, headings[k], headings[k - 1].markerEnd, headings[k].markerStart, numbers).suspicious) return true;
  }
  return false;
}

/**
 * Indexes where a number does not follow its predecessor by one and is not where the run's count puts it
 * (in 1. 2. 2. 4. only the second 2. is wrong: 4. is in its place).
 */
function reportedBreaks(headings: Heading[]): number[] {
  const base = headings[0].number!;
  const out: number[] = [];
  for (let i = 1; i < headings.length; i++) {
    const n = headings[i].number!;
    if (n !== headings[i - 1].number! + 1 && n !== base + i) out.push(i);
  }
  return out;
}

/** A short paragraph that introduces the items below it (`五年来，我们坚持创新驱动、转型发展，现代产业体系逐步形成。`). */
const MAX_GROUP_LEAD = 60;
const MIN_GROUPS = 3;

/**
 * Restarts at 1 that group the items under unnumbered lead paragraphs: a 政府工作报告's review that numbers
 * `1. 2.` under `五年来，我们坚持质量引领……。`, again `1. 2. 3.` under the next such sentence, and so on. Taken for
 * grouping only where the pattern holds throughout: at least three groups, each counting from 1 without a break,
 * and each restart right after a short paragraph that is no heading and ends a sentence or leads in with a colon.
 */
function groupedRestarts(lines: LineIndex, headings: Heading[]): Set<number> {
  const restarts: number[] = [];
  for (let i = 1; i < headings.length; i++) {
    const n = headings[i].number!;
    if (n === 1) restarts.push(i);
    else if (n !== headings[i - 1].number! + 1) return new Set();
  }
  if (headings[0].number !== 1 || restarts.length < MIN_GROUPS - 1) return new Set();
  const ledIn = restarts.every((i) => {
    let line = headings[i].line - 1;
    while (line > headings[i - 1].line && isBlankLine(lines, line)) line--;
    // A line strictly between two headings of the run is none of them; a marker of another level is refused below.
    if (line <= headings[i - 1].line || headings[i].inline) return false;
    const lead = lines.lineText(line).trim();
    return codePointLength(lead) <= MAX_GROUP_LEAD && /[。：:]$/.test(lead) && matchMarker(lead) === null;
  });
  return ledIn ? new Set(restarts) : new Set();
}

/**
 * A fix cannot guess wrong when the run has one clear gap (every number from some point on is off by the same
 * amount) or one stray number among numbers that are all in place.
 */
function isClearMistake(headings: Heading[]): boolean {
  const base = headings[0].number!;
  const offsets = headings.map((h, i) => h.number! - (base + i));
  const wrong = offsets.filter((d) => d !== 0).length;
  const first = offsets.findIndex((d) => d !== 0);
  const clearGap = first > 0 && offsets.slice(first).every((d) => d === offsets[first] && d > 0);
  return wrong === 1 || clearGap;
}

function describe(prev: Heading, here: Heading, doubt: boolean): { message: string; messageEn: string } {
  // What the fix writes: this marker with the next number.
  const want = renderMarker(here, here.parts, prev.number! + 1);
  const { zh, en } = clauseFor(here.level);
  const clause = `${doubt ? '；附近有断开、残缺或写进段落的编号，请先核对，不要直接重新编号' : ''}（${zh}）`;
  const clauseEn = `${doubt ? '; a broken, incomplete or run-in marker lies nearby: check it before renumbering' : ''} (${en})`;
  if (here.number === prev.number) {
    return {
      message: `编号重复：${prev.marker}之后又是${here.marker}，应为${want}${clause}`,
      messageEn: `Repeated number: ${here.marker} again after ${prev.marker}; expected ${want}${clauseEn}`,
    };
  }
  if (here.number! > prev.number!) {
    return {
      message: `编号跳号：${prev.marker}之后应为${want}，此处为${here.marker}${clause}`,
      messageEn: `Number skipped: after ${prev.marker} comes ${want}, not ${here.marker}${clauseEn}`,
    };
  }
  return {
    message: `编号顺序颠倒：${prev.marker}之后是${here.marker}，应为${want}${clause}`,
    messageEn: `Numbers out of order: ${here.marker} after ${prev.marker}; expected ${want}${clauseEn}`,
  };
}

/** The gap is a broken marker, not a missing section: say so where it is, and mend it (a suggestion: it joins lines). */
export function repairProblem(next: Heading, repair: MarkerRepair, prev?: Heading): RuleProblem {
  const { zh, en } = clauseFor(next.level);
  const why = REPAIR_WORDING[repair.kind];
  const around = prev ? `${prev.marker}与${next.marker}之间的${repair.wanted}` : `${next.marker}之前的${repair.wanted}`;
  const aroundEn = prev ? `the ${repair.wanted} between ${prev.marker} and ${next.marker}` : `the ${repair.wanted} before ${next.marker}`;
  return {
    start: repair.start,
    end: repair.end,
    message: `编号残缺：${around}${why.zh}，补全即可，其后的编号不必改（${zh}）`,
    messageEn: `Broken marker: ${aroundEn} ${why.en}; mend it, the numbers after it are right (${en})`,
    fix: { safe: false, edits: repair.edits, title: `补全编号${repair.wanted}`, titleEn: `Mend the marker ${repair.wanted}` },
  };
}

const REPAIR_WORDING: Record<MarkerRepair['kind'], { zh: string; en: string }> = {
  split: { zh: '被拆在了两行（行末的括号与下一行的序号）', en: 'is split over two lines (the bracket ends one line, the number begins the next)' },
  unpaired: { zh: '缺少前括号', en: 'lacks its opening bracket' },
  glued: { zh: '缺少序号后的点号，与标题连在一起', en: 'lacks the point after its number and runs into its title' },
};
