import type { DocumentModel, ReportDocument, SectionNode } from '../structure/model';
import type { NumberingModeSetting } from '../config/settings';
import type { TextEdit } from '../types';
import { MODE_LEVELS, STANDARD_PARTS, majorityKey, numberingOf, numeralFor, renumberEdit, variantKey } from '../structure/numbering';
import { matchMarker } from '../structure/headings';

/** A document as it will read after a move: its sections in their new order, with their new parents and levels. */
export interface Arrangement {
  order: SectionNode[];
  parentOf: (node: SectionNode) => SectionNode | null;
  levelOf: (node: SectionNode) => number;
}

const isNumbered = (n: SectionNode): boolean => n.heading.level > 0 && n.heading.number !== null;

/**
 * The marker edits (relative to the original text) that number `after` right: every run whose members or order
 * changed is renumbered from its first change on, continuing from the number before it; for a level numbered
 * continuously through the document (levels 3 and 4, per `numberingOf`) the whole level is one run. Headings whose
 * level changes get a marker of the new level, in the document's majority style for it. Null when a marker would
 * not read back as the heading it should be (`①` past 20, a title that would merge with the new marker).
 */
export function arrangementEdits(model: DocumentModel, doc: ReportDocument, after: Arrangement, mode: NumberingModeSetting): TextEdit[] | null {
  const numbers = assignNumbers(doc, after, mode);
  const styles = new Map<number, Style>();
  const styleFor = (level: number): Style => styles.get(level) ?? styles.set(level, styleOf(doc, level)).get(level)!;
  const text = model.text;
  const edits: TextEdit[] = [];
  for (const node of after.order) {
    if (!isNumbered(node)) continue;
    const h = node.heading;
    const level = after.levelOf(node);
    const n = numbers.get(node)!;
    let edit: TextEdit | null = null;
    if (level !== h.level) {
      const s = styleFor(level);
      edit = { start: h.markerStart, end: h.markerEnd, text: s.open + numeralFor(level, n, s.sample) + s.close + s.suffix };
    } else if (n !== h.number) edit = renumberEdit(h, n);
    if (!edit) continue;
    const marker = text.slice(h.markerStart, edit.start) + edit.text + text.slice(edit.end, h.markerEnd);
    const read = matchMarker(marker + text.slice(h.markerEnd, h.lineEnd));
    if (!read || read.level !== level || read.number !== n || read.length !== marker.length) return null;
    edits.push(edit);
    if (level !== h.level && h.hashes > 0) edits.push(...hashEdit(model, doc, node, level));
  }
  return edits;
}

/** Numbers for every numbered node of the new arrangement. */
function assignNumbers(doc: ReportDocument, after: Arrangement, mode: NumberingModeSetting): Map<SectionNode, number> {
  const levels = numberingOf(doc, mode);
  const ids = new Map<SectionNode | null, number>();
  const id = (n: SectionNode | null): number => ids.get(n) ?? ids.set(n, ids.size).get(n)!;
  const departures = new Set<string>();
  for (const entry of levels.values()) for (const run of entry.departures) departures.add(`${id(run.parent)}:${run.level}`);
  const continuous = (level: number): boolean =>
    (MODE_LEVELS as readonly number[]).includes(level) && (levels.get(level)?.effective ?? (mode === 'continuous' ? 'continuous' : 'restart')) === 'continuous';
  // A run is keyed by parent and level; a continuously numbered level is one run (its departing parts aside).
  const keyOf = (parent: SectionNode | null, level: number): string => {
    const run = `${id(parent)}:${level}`;
    return continuous(level) && !departures.has(run) ? `L${level}` : run;
  };
  const group = (order: SectionNode[], parentOf: (n: SectionNode) => SectionNode | null, levelOf: (n: SectionNode) => number) => {
    const runs = new Map<string, SectionNode[]>();
    for (const n of order) {
      if (!isNumbered(n)) continue;
      const key = keyOf(parentOf(n), levelOf(n));
      const run = runs.get(key);
      if (run) run.push(n);
      else runs.set(key, [n]);
    }
    return runs;
  };
  const before = group(
    doc.nodes,
    (n) => n.parent,
    (n) => n.heading.level,
  );
  const numbers = new Map<SectionNode, number>();
  for (const [key, run] of group(after.order, after.parentOf, after.levelOf)) {
    const old = before.get(key) ?? [];
    let k = 0;
    while (k < run.length && run[k] === old[k]) k++;
    run.forEach((n, j) => numbers.set(n, j < k ? n.heading.number! : j === 0 ? (old[0]?.heading.number ?? 1) : numbers.get(run[j - 1])! + 1));
  }
  return numbers;
}

interface Style {
  open: string;
  close: string;
  suffix: string;
  /** A numeral of the style, for the digit width. */
  sample: string;
}

/** How the document writes a level: its majority variant, else the standard form. */
function styleOf(doc: ReportDocument, level: number): Style {
  const written = doc.headings.filter((h) => h.level === level && h.number !== null);
  if (written.length) {
    const key = majorityKey(written);
    const { open, close, suffix, numeral } = written.find((h) => variantKey(h) === key)!.parts;
    return { open, close, suffix, sample: numeral };
  }
  const std = STANDARD_PARTS[level];
  return { open: std?.open ?? '', close: std?.close ?? '', suffix: std?.suffix ?? '', sample: '' };
}

const ATX = /^ {0,3}(#+)(?=[ \t]|$)/;

/**
 * A markdown `## 一、` heading that changes level takes the `#` count the document uses for its new level, else
 * its own shifted by the change. Setext headings and the rest of the line stay as they are.
 */
function hashEdit(model: DocumentModel, doc: ReportDocument, node: SectionNode, level: number): TextEdit[] {
  const h = node.heading;
  const m = ATX.exec(model.lines.lineText(h.line));
  if (!m || m[1].length !== h.hashes) return [];
  const counts = new Map<number, number>();
  for (const x of doc.headings) if (x.level === level && x.hashes > 0) counts.set(x.hashes, (counts.get(x.hashes) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const hashes = usual ?? Math.min(6, Math.max(1, h.hashes + level - h.level));
  if (hashes === h.hashes) return [];
  const end = model.lines.starts[h.line] + m[0].length;
  return [{ start: end - m[1].length, end, text: '#'.repeat(hashes) }];
}
