import type { DocumentModel, ReportDocument, SectionNode } from '../structure/model';
import type { NumberingModeSetting } from '../config/settings';
import type { TextEdit } from '../types';
import { arrangementEdits } from './restructure-markers';
import { applyEdits, validEdits } from './fix';

/**
 * Where a section goes, each section named by its marker's offset (`Heading.markerStart`): right before or after
 * another section (as its sibling, at its level), or into a section as its first or last child.
 */
export type SectionTarget = { before: number } | { after: number } | { into: number; position: 'first' | 'last' };

/** Deepest level a marker can have (`①`). */
const MAX_LEVEL = 5;

/** Where the moved section lands: its new parent and level, and the line it goes before (or the document's end). */
interface Placement {
  parent: SectionNode | null;
  level: number;
  at: number | 'end';
}

/**
 * Moves a numbered section with all its subsections (whole lines: see `blockMove` for the blank lines) and renumbers
 * every heading the move affects: the siblings at the source and at the target, the moved headings (whose level
 * follows the target), and for a level numbered continuously through the document every later heading of it.
 * A target that leaves the lines where they are (the last child moved after its parent) only rewrites markers.
 * Returns edits of the original text as the one edit path takes them (`moveResult`): sorted, neither overlapping
 * nor touching, for `applyEdits` or one editor edit; `[]` when the move is invalid (a `#` heading, a table of
 * contents, another document, into itself, deeper than `①`) or changes nothing.
 */
export function moveSection(model: DocumentModel, sectionStart: number, target: SectionTarget, mode: NumberingModeSetting = 'auto'): TextEdit[] {
  const found = locate(model, sectionStart);
  if (!found) return [];
  const placement = place(found.doc, found.node, target);
  return placement ? moveEdits(model, found.doc, found.node, placement, mode) : [];
}

/** Swaps a section with its previous sibling. */
export function moveUp(model: DocumentModel, sectionStart: number, mode: NumberingModeSetting = 'auto'): TextEdit[] {
  const prev = sibling(model, sectionStart, -1);
  return prev ? moveSection(model, sectionStart, { before: prev.heading.markerStart }, mode) : [];
}

/** Swaps a section with its next sibling. */
export function moveDown(model: DocumentModel, sectionStart: number, mode: NumberingModeSetting = 'auto'): TextEdit[] {
  const next = sibling(model, sectionStart, 1);
  return next ? moveSection(model, sectionStart, { after: next.heading.markerStart }, mode) : [];
}

/** Makes a section a sibling of its parent, right after the parent's subtree (its later siblings stay where they are). */
export function promote(model: DocumentModel, sectionStart: number, mode: NumberingModeSetting = 'auto'): TextEdit[] {
  const parent = locate(model, sectionStart)?.node.parent;
  return parent && parent.heading.level > 0 ? moveSection(model, sectionStart, { after: parent.heading.markerStart }, mode) : [];
}

/** Makes a section the last child of its previous sibling. */
export function demote(model: DocumentModel, sectionStart: number, mode: NumberingModeSetting = 'auto'): TextEdit[] {
  const prev = sibling(model, sectionStart, -1);
  return prev ? moveSection(model, sectionStart, { into: prev.heading.markerStart, position: 'last' }, mode) : [];
}

const isNumbered = (n: SectionNode): boolean => n.heading.level > 0 && n.heading.number !== null;

function within(node: SectionNode, ancestor: SectionNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** The numbered section whose marker starts at `offset`, outside tables of contents. */
function locate(model: DocumentModel, offset: number): { doc: ReportDocument; node: SectionNode } | null {
  for (const doc of model.documents) {
    if (doc.kind === 'toc') continue;
    const node = doc.nodes.find((n) => n.heading.markerStart === offset);
    if (node) return isNumbered(node) ? { doc, node } : null;
  }
  return null;
}

function sibling(model: DocumentModel, offset: number, step: -1 | 1): SectionNode | null {
  const found = locate(model, offset);
  if (!found) return null;
  const siblings = found.node.parent ? found.node.parent.children : found.doc.sections;
  const other = siblings[siblings.indexOf(found.node) + step];
  return other && isNumbered(other) ? other : null;
}

/** Index in `doc.nodes` of the last node of `node`'s subtree. */
function lastIndex(doc: ReportDocument, node: SectionNode): number {
  let j = doc.nodes.indexOf(node);
  while (j + 1 < doc.nodes.length && within(doc.nodes[j + 1], node)) j++;
  return j;
}

/** The line of the first heading after a subtree, or the document's end. */
function lineAfter(doc: ReportDocument, node: SectionNode): number | 'end' {
  const next = doc.nodes[lastIndex(doc, node) + 1];
  return next ? next.heading.line : 'end';
}

/** The level a new child of `parent` takes: the shallowest one the document puts under a parent of that level. */
function childLevel(doc: ReportDocument, parent: SectionNode, moved: SectionNode): number {
  const parentLevel = parent.heading.level;
  let level = Infinity;
  for (const n of doc.nodes) {
    const p = n.parent && n.parent.heading.level > 0 ? n.parent.heading.level : 0;
    if (isNumbered(n) && p === parentLevel) level = Math.min(level, n.heading.level);
  }
  return level < Infinity ? level : parentLevel > 0 ? parentLevel + 1 : moved.heading.level;
}

function place(doc: ReportDocument, moved: SectionNode, target: SectionTarget): Placement | null {
  const anchorAt = (offset: number) => doc.nodes.find((n) => n.heading.markerStart === offset && n !== moved && !within(n, moved));
  if ('into' in target) {
    const parent = anchorAt(target.into);
    if (!parent) return null;
    const others = parent.children.filter((c) => c !== moved);
    if (!others.length) return { parent, level: childLevel(doc, parent, moved), at: lineAfter(doc, parent) };
    if (target.position === 'first') {
      const first = others[0];
      return { parent, level: isNumbered(first) ? first.heading.level : childLevel(doc, parent, moved), at: first.heading.line };
    }
    // A numbered section after a `#` subsection would land inside it.
    const last = others[others.length - 1];
    return isNumbered(last) ? { parent, level: last.heading.level, at: lineAfter(doc, parent) } : null;
  }
  const anchor = anchorAt('before' in target ? target.before : target.after);
  if (!anchor || !isNumbered(anchor)) return null;
  return { parent: anchor.parent, level: anchor.heading.level, at: 'before' in target ? anchor.heading.line : lineAfter(doc, anchor) };
}

function moveEdits(model: DocumentModel, doc: ReportDocument, moved: SectionNode, placement: Placement, mode: NumberingModeSetting): TextEdit[] {
  const nodes = doc.nodes;
  const i = nodes.indexOf(moved);
  const j = lastIndex(doc, moved);
  const subtree = nodes.slice(i, j + 1);
  const inSubtree = new Set(subtree);
  const shift = placement.level - moved.heading.level;
  if (subtree.some((n) => n.heading.level + shift < 1 || n.heading.level + shift > MAX_LEVEL)) return [];
  const next = j + 1 < nodes.length ? nodes[j + 1].heading.line : 'end';
  const inPlace = placement.at === moved.heading.line || placement.at === next;
  const rest = nodes.filter((n) => !inSubtree.has(n));
  const at = placement.at;
  const index = inPlace ? i : at === 'end' ? rest.length : rest.filter((n) => n.heading.line < at).length;
  const marks = arrangementEdits(
    model,
    doc,
    {
      order: [...rest.slice(0, index), ...subtree, ...rest.slice(index)],
      parentOf: (n) => (n === moved ? placement.parent : n.parent),
      levelOf: (n) => (inSubtree.has(n) ? n.heading.level + shift : n.heading.level),
    },
    mode,
  );
  if (!marks) return [];
  if (inPlace) return moveResult(model.text, marks);
  const move = blockMove(model, doc, moved, next, at, marks);
  if (!move) return [];
  // The marks the moved block carries are in its insertion; every other mark stays, and one cut by the block's
  // removal would overlap it: `moveResult` refuses that rather than drop a renumbering.
  const [from, to] = move.carried;
  return moveResult(model.text, [...marks.filter((e) => e.start < from || e.end > to), ...move.edits]);
}

/**
 * The one check every restructuring passes before anyone applies it: the edits must be what `validEdits` accepts
 * (inside the text, pairwise disjoint); touching ones are then joined (an insertion right before a marker rewrite
 * becomes one edit), so an editor never has to order two edits at one point. Overlapping edits are a bug of the
 * move computed above: an error, never a scrambled report.
 */
export function moveResult(text: string, edits: readonly TextEdit[]): TextEdit[] {
  if (!validEdits(text, edits)) {
    throw new Error(`section move produced overlapping or out-of-range edits: ${JSON.stringify(edits.map((e) => [e.start, e.end]))}`);
  }
  const out: TextEdit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out[out.length - 1];
    if (last && e.start === last.end) out[out.length - 1] = { start: last.start, end: e.end, text: last.text + e.text };
    else out.push({ ...e });
  }
  return out;
}

interface BlockMove {
  /** The range of the original text whose marks the inserted block carries (applied to it, not left in place). */
  carried: [number, number];
  edits: TextEdit[];
}

/**
 * The two edits that move the block of lines of a section: delete it at the source, insert it (markers rewritten by
 * `marks`) at the target. A section followed by another heading takes its lines and the blank lines after it; the
 * last section of a document takes the blank lines before it instead. Line terminators stay with their lines, except
 * at the document's end, where the terminator that ends the last line (or its absence) stays at the end.
 */
function blockMove(
  model: DocumentModel,
  doc: ReportDocument,
  moved: SectionNode,
  next: number | 'end',
  at: number | 'end',
  marks: TextEdit[],
): BlockMove | null {
  const { text, lines } = model;
  const { starts, ends } = lines;
  const blank = (line: number) => lines.lineText(line).trim() === '';
  const term = (line: number) => text.slice(ends[line], line + 1 < starts.length ? starts[line + 1] : text.length);
  const first = moved.heading.line;
  const lastLine = next === 'end' ? doc.endLine : next - 1;
  // The original text of [a, b) with the moved headings' marker edits applied, through the one `applyEdits`.
  const edited = (a: number, b: number): string => {
    const inside = marks.filter((e) => e.start >= a && e.end <= b).map((e) => ({ ...e, start: e.start - a, end: e.end - a }));
    const { output, skipped } = applyEdits(text.slice(a, b), inside);
    if (skipped.length) throw new Error(`section move: overlapping marker edits at ${skipped.map((e) => e.start + a).join(', ')}`);
    return output;
  };
  if (next !== 'end') {
    let content = lastLine;
    while (content > first && blank(content)) content--;
    const [removeStart, removeEnd] = [starts[first], starts[next]];
    if (at !== 'end')
      return {
        carried: [removeStart, removeEnd],
        edits: [
          { start: removeStart, end: removeEnd, text: '' },
          { start: starts[at], end: starts[at], text: edited(removeStart, removeEnd) },
        ],
      };
    // To the document's end: after its last line, the blank lines go before the section.
    const end = ends[doc.endLine];
    const insert = term(content) + text.slice(starts[content + 1], starts[next]) + edited(starts[first], ends[content]);
    return {
      carried: [starts[first], ends[content]],
      edits: [
        { start: removeStart, end: removeEnd, text: '' },
        { start: end, end, text: insert },
      ],
    };
  }
  if (at === 'end') return null;
  let before = first - 1;
  while (before >= doc.startLine && blank(before)) before--;
  if (before < doc.startLine) return null;
  const [removeStart, removeEnd] = [ends[before], ends[lastLine]];
  const insert = edited(starts[first], ends[lastLine]) + term(before) + text.slice(starts[before + 1], starts[first]);
  return {
    carried: [starts[first], ends[lastLine]],
    edits: [
      { start: removeStart, end: removeEnd, text: '' },
      { start: starts[at], end: starts[at], text: insert },
    ],
  };
}
