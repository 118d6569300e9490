import { isHan } from '../text/chars';
import type { Heading } from './model';
import type { LineIndex } from '../text/lines';
import { canStartMarker, matchMarker, parseNumberedHeading } from './headings';

/**
 * Headings run into a paragraph when a copy lost its line breaks: `……取得新成效。二、主要做法（一）加强组织领导……`.
 * A marker after a sentence end is a heading only where it continues the numbering so far (二、 after 一、, or the
 * first child of the heading just read), so `。2.5万元` or a `（1）…（2）` list that a writer ran on stays text;
 * a first-child marker glued to a title (`主要做法（一）`) splits the title.
 */

/** Where a sentence ends, a heading may follow on the same line. */
const SENTENCE_END = new Set([...'。！？'].map((c) => c.charCodeAt(0)));
const SPACE = /[ \t\u3000]/;
/** A line this long without a break is a flattened text: its run-on numbered items are headings too. */
export const FLATTENED_LINE = 600;

const COLON = new Set([0xff1a, 0x3a]);

/**
 * `现将有关情况汇报如下：一、…`: the colon of 如下 closes what precedes a heading. Another colon leads into a list more
 * often than not (`采取以下的综合配套措施：一、……；二、……`), even on a flattened line.
 */
function introducesHeadings(text: string, i: number): boolean {
  return COLON.has(text.charCodeAt(i)) && text.slice(Math.max(0, i - 2), i) === '如下';
}

class NumberingState {
  /** Last number per level under the current parent, and anywhere (for continuous level 3 and 4). */
  private readonly last = [0, 0, 0, 0, 0, 0];
  private readonly lastAnywhere = [0, 0, 0, 0, 0, 0];

  see(h: Heading): void {
    if (h.level < 1 || h.level > 5 || h.number === null) return;
    for (let l = h.level + 1; l <= 5; l++) this.last[l] = 0;
    this.last[h.level] = h.number;
    this.lastAnywhere[h.level] = h.number;
  }

  /**
   * Whether `number` at `level` continues the numbering read so far. A first `（一）` with no numbered parent counts
   * only on a flattened line (under an unnumbered part, or a report that starts at level 2).
   */
  continues(level: number, number: number, flattened: boolean): boolean {
    if (number === 1) {
      if (level === 1) return this.lastAnywhere[1] === 0;
      return this.last[level] === 0 && (flattened || this.last.slice(1, level).some((n) => n > 0));
    }
    return number === this.last[level] + 1 || (level >= 3 && number === this.lastAnywhere[level] + 1);
  }
}

function inlineAt(text: string, at: number, line: number, lineEnd: number): Heading | null {
  const h = parseNumberedHeading(text.slice(at, lineEnd), at, line, lineEnd, false);
  if (h) h.inline = true;
  return h;
}

/** A first-child marker glued to the title (`主要做法（一）加强`): the title ends there and the child begins. */
function splitGluedChild(h: Heading, text: string): Heading | null {
  for (let k = h.titleStart + 2; k < h.titleEnd; k++) {
    if (!canStartMarker(text.charCodeAt(k)) || !isHan(text[k - 1])) continue;
    const m = matchMarker(text.slice(k, h.lineEnd));
    if (!m || m.number !== 1 || m.level <= h.level || m.level > 4) continue;
    const bracketed = m.parts.open !== '';
    // `做法1.加强`, `成效1、领导重视`: a digit glued to the title, then a Han title of its own.
    if (!bracketed && !(m.level === 3 && isHan(text[k + m.length] ?? ''))) continue;
    const child = inlineAt(text, k, h.line, h.lineEnd);
    if (!child) continue;
    let end = k;
    while (end > h.titleStart && SPACE.test(text[end - 1])) end--;
    h.title = text.slice(h.titleStart, end);
    h.titleEnd = end;
    h.runIn = true;
    return child;
  }
  return null;
}

/** Adds the headings run into paragraphs to the line-start headings (in text order) and splits glued titles. */
export function withInlineHeadings(lines: LineIndex, lineHeadings: readonly Heading[], skip: ReadonlySet<number>): Heading[] {
  const byLine = new Map(lineHeadings.map((h) => [h.line, h]));
  const state = new NumberingState();
  const out: Heading[] = [];
  const { text } = lines;
  const take = (h: Heading | null) => {
    for (let cur = h; cur; cur = splitGluedChild(cur, text)) {
      out.push(cur);
      state.see(cur);
    }
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const start = byLine.get(line);
    if (start) take(start);
    if (skip.has(line)) continue;
    const lineEnd = lines.ends[line];
    let flattened = lineEnd - lines.starts[line] > FLATTENED_LINE;
    for (let i = lines.starts[line]; i < lineEnd; i++) {
      if (!SENTENCE_END.has(text.charCodeAt(i)) && !introducesHeadings(text, i)) continue;
      let j = i + 1;
      while (j < lineEnd && SPACE.test(text[j])) j++;
      if (j >= lineEnd || !canStartMarker(text.charCodeAt(j))) continue;
      const m = matchMarker(text.slice(j, Math.min(lineEnd, j + 12)));
      if (!m || m.level > 4 || (m.level > 2 && !flattened) || !state.continues(m.level, m.number, flattened)) continue;
      const h = inlineAt(text, j, line, lineEnd);
      if (!h) continue;
      if (h.level <= 2) flattened = true;
      take(h);
    }
  }
  return out;
}
