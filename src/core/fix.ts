import type { TextEdit } from './types';

export interface ApplyResult {
  output: string;
  applied: TextEdit[];
  /** Edits left out because they overlapped one applied before them. */
  skipped: TextEdit[];
}

/**
 * Applies text edits: sorted by position, an edit overlapping an earlier one is skipped (and reported), identical
 * edits are applied once. The one function every fix goes through (CLI --fix, the editor's fix-all).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  for (const e of sorted) {
    const last = applied[applied.length - 1];
    const valid = e.start >= 0 && e.end >= e.start && e.end <= text.length;
    if (last && last.start === e.start && last.end === e.end && last.text === e.text) continue;
    if (!valid || (last && (e.start < last.end || (e.start === last.start && e.start === e.end && last.start === last.end)))) skipped.push(e);
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
