import type { Problem, TextEdit } from '../types';

export interface ApplyResult {
  output: string;
  applied: TextEdit[];
  /** Edits left out because they overlapped one applied before them, or lay outside the text. */
  skipped: TextEdit[];
}

/**
 * Applies text edits: sorted by position, an edit overlapping an earlier one (or outside the text) is skipped and
 * reported, identical edits are applied once. Two edits overlap when they share a character, or when both insert at
 * the same point (their order would be a guess); an insertion touching a replacement does not overlap it.
 *
 * The one function every change of a report goes through. Its callers only pass edits that must not overlap: one
 * fix's edits, or the fixes `combineFixes` found compatible. A non-empty `skipped` is therefore a programming error
 * (a rule or a move produced overlapping edits), and every caller reports it as a failure instead of writing a
 * partly applied fix.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const sorted = [...edits].sort(byPosition);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  for (const e of sorted) {
    const last = applied[applied.length - 1];
    if (last && sameEdit(last, e)) continue;
    if (!inside(text, e) || (last && overlaps(last, e))) skipped.push(e);
    else applied.push(e);
  }
  let output = '';
  let pos = 0;
  for (const e of applied) {
    output += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  output += text.slice(pos);
  return { output, applied, skipped };
}

const byPosition = (a: TextEdit, b: TextEdit): number => a.start - b.start || a.end - b.end;
const sameEdit = (a: TextEdit, b: TextEdit): boolean => a.start === b.start && a.end === b.end && a.text === b.text;
const inside = (text: string, e: TextEdit): boolean => e.start >= 0 && e.end >= e.start && e.end <= text.length;

/** Whether `b`, sorted after `a`, overlaps it (identical edits included). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return b.start < a.end || (a.start === b.start && a.end === b.end);
}

/** Whether one fix's own edits are valid: inside the text and pairwise disjoint (no duplicate either). */
export function validEdits(text: string, edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort(byPosition);
  return sorted.every((e, i) => inside(text, e) && (i === 0 || !overlaps(sorted[i - 1], e)));
}

/** What `combineFixes` made of the fixes of some problems. */
export interface CombinedFixes {
  /** The edits to apply, sorted and disjoint; an edit two fixes share appears once. */
  edits: TextEdit[];
  /** Problems whose whole fix is in `edits`. */
  fixed: Problem[];
  /** Problems whose fix overlaps one taken before it: left for the next pass (after a re-lint). */
  deferred: Problem[];
  /** Problems whose own edits overlap or leave the text: a rule's bug, never applied, to be reported. */
  invalid: Problem[];
}

/**
 * Combines the fixes of several problems (fix-all, fix all of a rule, `--fix`) into edits for `applyEdits`. Each
 * fix is taken whole or not at all, in the order given: a fix is taken when each of its edits either equals an edit
 * already taken (two problems may name the same marker rewrite) or overlaps none; otherwise it is deferred, since a
 * half-applied fix (a run half renumbered) is worse than none. Problems without a fix are ignored.
 */
export function combineFixes(text: string, problems: readonly Problem[]): CombinedFixes {
  const taken: TextEdit[] = [];
  const result: CombinedFixes = { edits: taken, fixed: [], deferred: [], invalid: [] };
  for (const p of problems) {
    if (!p.fix) continue;
    if (!validEdits(text, p.fix.edits)) {
      result.invalid.push(p);
      continue;
    }
    const fresh: Array<{ edit: TextEdit; at: number }> = [];
    let conflict = false;
    for (const e of p.fix.edits) {
      const at = insertionPoint(taken, e);
      const before = taken[at - 1];
      const after = taken[at];
      if ((before && sameEdit(before, e)) || (after && sameEdit(after, e))) continue;
      if ((before && overlaps(before, e)) || (after && overlaps(e, after))) {
        conflict = true;
        break;
      }
      fresh.push({ edit: e, at });
    }
    if (conflict) {
      result.deferred.push(p);
      continue;
    }
    // From the last insertion point back, so earlier indices stay valid (the fix's own edits are disjoint).
    fresh.sort((a, b) => b.at - a.at || byPosition(b.edit, a.edit));
    for (const { edit, at } of fresh) taken.splice(at, 0, edit);
    result.fixed.push(p);
  }
  return result;
}

/** The index where `e` goes in sorted, disjoint `edits`: after every edit that sorts before or with it. */
function insertionPoint(edits: readonly TextEdit[], e: TextEdit): number {
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition(edits[mid], e) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `combineFixes` applied: the new text, with what was fixed, deferred and rejected. */
export interface FixesResult extends CombinedFixes {
  output: string;
}

/** Applies the fixes of some problems in one pass, through `combineFixes` and `applyEdits`. */
export function applyFixes(text: string, problems: readonly Problem[]): FixesResult {
  const combined = combineFixes(text, problems);
  const { output, skipped } = applyEdits(text, combined.edits);
  if (skipped.length) throw new Error(`combineFixes produced overlapping edits at ${skipped.map((e) => e.start).join(', ')}`);
  return { ...combined, output };
}

/**
 * The smallest edits that turn `before` into `after`, line by line (fixes never add or remove lines): each
 * changed line gives one edit of its differing middle. Falls back to one edit of the differing middle of the
 * whole text when the line counts differ. Lets an editor apply a multi-pass fix-all as one precise edit.
 */
export function editsBetween(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const split = (s: string) => s.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const a = split(before);
  const b = split(after);
  if (a.length !== b.length) return [middleEdit(before, after, 0)];
  const edits: TextEdit[] = [];
  let offset = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) edits.push(middleEdit(a[i], b[i], offset));
    offset += a[i].length;
  }
  return edits;
}

function middleEdit(a: string, b: string, offset: number): TextEdit {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start: offset + start, end: offset + endA, text: b.slice(start, endB) };
}

/** Where an offset of the original text lands after applied (sorted, disjoint) edits: what an editor does to a position. */
export function offsetMapper(applied: readonly TextEdit[]): (offset: number) => number {
  return (offset) => {
    let shift = 0;
    for (const e of applied) {
      if (e.end > offset) break;
      shift += e.text.length - (e.end - e.start);
    }
    return offset + shift;
  };
}
