// Which parts of a run's texts the segmenter will likely be asked to cut, so that nodejieba loads their words in one
// go. Only a hint: a paragraph it leaves out is still cut exactly (the engine loads the words it lacks then, at the
// cost of a reload), so the hint may err either way without changing a problem.

import { isIdeographCode } from '../core/text/chars';
import type { GongwenConfig } from '../core';

/** How far apart two copies of an ideograph can stand inside a repeated word (repeated-word's longest unit). */
const MAX_UNIT = 8;
/** How far a hard-wrapped paragraph runs on around a line with a candidate (repeated-word reads no longer one). */
const MAX_PARAGRAPH = 2000;

/**
 * The lines repeated-word may cut: those where an ideograph comes again within eight ideographs (the shape of every
 * one of its candidates), with the lines a hard wrap may join to them (a break between two ideographs); the whole text
 * when overused-word may run, since it cuts every line of a long section.
 */
export function segmentationScope(text: string, config: GongwenConfig | undefined): string {
  if (mayCountWords(config)) return text;
  const lines = linesOf(text);
  const marked = new Uint8Array(lines.length);
  // The last MAX_UNIT ideographs (a ring), with their lines.
  const codes = new Int32Array(MAX_UNIT);
  const codeLines = new Int32Array(MAX_UNIT);
  let held = 0;
  let next = 0;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0a || text.charCodeAt(i + 1) !== 0x0a) line++;
      continue;
    }
    if (!isIdeographCode(c)) {
      held = next = 0;
      continue;
    }
    for (let k = 0; k < held; k++) {
      if (codes[k] !== c) continue;
      marked[codeLines[k]] = 1;
      marked[line] = 1;
    }
    codes[next] = c;
    codeLines[next] = line;
    next = (next + 1) % MAX_UNIT;
    if (held < MAX_UNIT) held++;
  }
  const parts: string[] = [];
  for (let l = 0; l < lines.length; l++) {
    if (!marked[l]) continue;
    let first = l;
    let last = l;
    for (let chars = 0; first > 0 && chars < MAX_PARAGRAPH && joins(text, lines, first - 1); first--) chars += lines[first - 1][1] - lines[first - 1][0];
    for (let chars = 0; last + 1 < lines.length && chars < MAX_PARAGRAPH && joins(text, lines, last); last++) chars += lines[last + 1][1] - lines[last + 1][0];
    parts.push(text.slice(lines[first][0], lines[last][1]));
    l = last;
  }
  return parts.join('\n');
}

/** Whether overused-word may be on for a file with this config (it is off by default). */
function mayCountWords(config: GongwenConfig | undefined): boolean {
  if (!config) return false;
  const on = (s: unknown) => s !== undefined && s !== 'off' && !(Array.isArray(s) && s[0] === 'off');
  return on(config.rules['overused-word']) || config.overrides.some((o) => o.rules['overused-word'] !== undefined);
}

/** [start, end) of each line's content. */
function linesOf(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) continue;
    lines.push([start, i]);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  lines.push([start, text.length]);
  return lines;
}

/** A line this short ends where its writer ended it (a title, a heading): repeated-word never joins it to the next. */
const MIN_WRAPPED_LINE = 12;

/** A hard wrap may join line `l` to the next: a line long enough to be wrapped, broken between two ideographs. */
function joins(text: string, lines: ReadonlyArray<[number, number]>, l: number): boolean {
  const [start, end] = lines[l];
  if (!isIdeographCode(text.charCodeAt(end - 1)) || !isIdeographCode(text.charCodeAt(lines[l + 1][0]))) return false;
  return text.slice(start, end).trim().length >= MIN_WRAPPED_LINE;
}
