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
