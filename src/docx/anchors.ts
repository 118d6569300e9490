/**
 * Comment anchors in `word/document.xml`: `w:commentRangeStart` before a range's first character,
 * `w:commentRangeEnd` after its last, and a run holding `w:commentReference` right after the end, splitting runs
 * (and their `w:t`) at the columns. The source is spliced, never re-serialised: everything not split is kept byte
 * for byte.
 */
import type { BodyParagraph, TextAtom } from './body';
import { W, escapeXml, isElement, is, type XmlElement } from './xml';

/** A comment to anchor: its id and its columns in the paragraph's displayed text (0-based, end exclusive). */
export interface CommentAnchor {
  id: number;
  paragraph: BodyParagraph;
  startColumn: number;
  endColumn: number;
}

/** A mark and its order among the marks at one point: ends and references first, then empty ranges, then starts. */
interface Mark {
  xml: string;
  rank: number;
  id: number;
}

/** A point inside a run: before content child `child`, at `offset` characters into its displayed text. */
interface RunPoint {
  child: number;
  offset: number;
  marks: Mark[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A W-namespace element written in the prefix of `like` (an element of the same document). */
function wElement(like: XmlElement, local: string, id: number): string {
  if (like.prefix) return `<${like.prefix}:${local} ${like.prefix}:id="${id}"/>`;
  return `<w:${local} xmlns:w="${W}" w:id="${id}"/>`;
}

function marksOf(a: CommentAnchor, like: XmlElement): { start: Mark[]; end: Mark[] } {
  const rangeStart = wElement(like, 'commentRangeStart', a.id);
  const rangeEnd = wElement(like, 'commentRangeEnd', a.id);
  const r = like.prefix ? `${like.prefix}:r` : 'w:r';
  const open = like.prefix ? `<${r}>` : `<w:r xmlns:w="${W}">`;
  const reference = `${open}${wElement(like, 'commentReference', a.id)}</${r}>`;
  if (a.endColumn <= a.startColumn) {
    return {
      start: [
        { xml: rangeStart, rank: 2, id: a.id },
        { xml: rangeEnd, rank: 3, id: a.id },
        { xml: reference, rank: 4, id: a.id },
      ],
      end: [],
    };
  }
  return {
    start: [{ xml: rangeStart, rank: 5, id: a.id }],
    end: [
      { xml: rangeEnd, rank: 0, id: a.id },
      { xml: reference, rank: 1, id: a.id },
    ],
  };
}

/** The elements of a run other than its properties: what it shows, in order. */
const contentOf = (run: XmlElement): XmlElement[] => run.children.filter((c): c is XmlElement => isElement(c) && !is(c, W, 'rPr'));

/** Where column `column` falls among the atoms: the atom and the offset in it (`after`: the side of the character before). */
function atomAt(atoms: TextAtom[], column: number, after: boolean): { atom: TextAtom; offset: number } {
  let start = 0;
  for (const atom of atoms) {
    const end = start + atom.text.length;
    if (after ? column > start && column <= end : column >= start && column < end) return { atom, offset: column - start };
    start = end;
  }
  const last = atoms[atoms.length - 1];
  return { atom: last, offset: last.text.length };
}

/** Collects, per element, the marks to place: runs by point, hosts and empty paragraphs before or after. */
class Placement {
  readonly runs = new Map<XmlElement, RunPoint[]>();
  readonly around = new Map<XmlElement, { before: Mark[]; after: Mark[] }>();
  readonly inside = new Map<XmlElement, Mark[]>();

  place(p: BodyParagraph, column: number, after: boolean, marks: Mark[]): void {
    if (!marks.length) return;
    if (!p.atoms.length) return this.push(this.inside, p.element, marks);
    const length = p.atoms.reduce((n, a) => n + a.text.length, 0);
    // A point at the very end has no character after it: it goes after the last one.
    const { atom, offset } = atomAt(p.atoms, column, after || column >= length);
    if (atom.host) {
      // Marks never go into an alternative: they go around the whole, on the side that keeps the characters in.
      const sides = this.around.get(atom.host) ?? { before: [], after: [] };
      this.around.set(atom.host, sides);
      const before = offset === 0 || (offset < atom.text.length && !after);
      (before ? sides.before : sides.after).push(...marks);
      return;
    }
    const index = contentOf(atom.run).indexOf(atom.node);
    const point = offset === 0 ? { child: index, offset: 0 } : offset === atom.text.length ? { child: index + 1, offset: 0 } : { child: index, offset };
    const points = this.runs.get(atom.run) ?? [];
    this.runs.set(atom.run, points);
    const same = points.find((q) => q.child === point.child && q.offset === point.offset);
    if (same) same.marks.push(...marks);
    else points.push({ ...point, marks: [...marks] });
  }

  private push(map: Map<XmlElement, Mark[]>, el: XmlElement, marks: Mark[]): void {
    map.set(el, [...(map.get(el) ?? []), ...marks]);
  }
}

const joined = (marks: Mark[]): string =>
  [...marks]
    .sort((a, b) => a.rank - b.rank || a.id - b.id)
    .map((m) => m.xml)
    .join('');

/** A run rebuilt with marks at its points: split into runs of the same properties where a mark falls inside. */
function splitRun(source: string, run: XmlElement, points: RunPoint[], atoms: TextAtom[]): string {
  const open = source.slice(run.start, run.openEnd);
  const close = source.slice(run.closeStart, run.end);
  const rPr = run.children.find((c): c is XmlElement => is(c, W, 'rPr'));
  const properties = rPr ? source.slice(rPr.start, rPr.end) : '';
  const content = contentOf(run);
  const t = (text: string, like: XmlElement) => `<${like.name} xml:space="preserve">${escapeXml(text)}</${like.name}>`;
  let out = '';
  let buffer = '';
  const flush = () => {
    if (buffer) out += open + properties + buffer + close;
    buffer = '';
  };
  const sorted = [...points].sort((a, b) => a.child - b.child || a.offset - b.offset);
  content.forEach((c, i) => {
    const here = sorted.filter((p) => p.child === i);
    const text = atoms.find((a) => a.node === c)?.text ?? '';
    let from = 0;
    for (const p of here) {
      if (p.offset > 0) buffer += t(text.slice(from, p.offset), c);
      from = p.offset;
      flush();
      out += joined(p.marks);
    }
    buffer += from === 0 ? source.slice(c.start, c.end) : t(text.slice(from), c);
  });
  flush();
  for (const p of sorted.filter((q) => q.child >= content.length)) out += joined(p.marks);
  return out;
}

function emptyParagraph(source: string, p: XmlElement, marks: Mark[]): Edit {
  if (!p.selfClosing) return { start: p.closeStart, end: p.closeStart, text: joined(marks) };
  const open = source.slice(p.start, p.end).replace(/\s*\/>$/, '>');
  return { start: p.start, end: p.end, text: `${open}${joined(marks)}</${p.name}>` };
}

/** `source` (the main document's XML) with the comments anchored. */
export function anchorComments(source: string, anchors: CommentAnchor[]): string {
  const placement = new Placement();
  for (const a of anchors) {
    const { start, end } = marksOf(a, a.paragraph.element);
    placement.place(a.paragraph, a.startColumn, false, start);
    placement.place(a.paragraph, a.endColumn, true, end);
  }
  const atomsOf = new Map<XmlElement, TextAtom[]>();
  for (const p of new Set(anchors.map((a) => a.paragraph))) for (const atom of p.atoms) atomsOf.set(atom.run, [...(atomsOf.get(atom.run) ?? []), atom]);
  const edits: Edit[] = [];
  for (const [run, points] of placement.runs) edits.push({ start: run.start, end: run.end, text: splitRun(source, run, points, atomsOf.get(run) ?? []) });
  for (const [host, sides] of placement.around) {
    edits.push({ start: host.start, end: host.end, text: joined(sides.before) + source.slice(host.start, host.end) + joined(sides.after) });
  }
  for (const [p, marks] of placement.inside) edits.push(emptyParagraph(source, p, marks));
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}
