/**
 * The paragraphs of the main document body as Word displays them: in document order, tables' paragraphs
 * included (and marked), text boxes, headers, footers, footnotes and comments left out. Each paragraph keeps the
 * source elements its characters come from, so that the annotating writer can anchor on the same characters.
 *
 * Displayed text, run by run: `w:t`; `w:tab` and `w:ptab` a tab; `w:br` and `w:cr` a line break (`\n`: Word
 * starts a new line there, and a heading after one is a heading); `w:noBreakHyphen` U+2011; `w:sym` its
 * character. Not displayed: deleted text (`w:del`, `w:moveFrom`), hidden runs (`w:vanish`), field codes (only a
 * field's result shows), soft hyphens, footnote and endnote marks, drawings and text boxes, math.
 */
import { MC, W, XML_NS, attr, child, childVal, isElement, is, onOff, textOf, type XmlElement } from './xml';
import { numPrOf, type NumberingReference } from './styles';

/** A piece of displayed text and the element that shows it. */
export interface TextAtom {
  text: string;
  /** The element that shows it: `w:t`, `w:tab`, `w:br`, `w:sym`… */
  node: XmlElement;
  /** The run holding it; comment marks go before or after it, or split it. */
  run: XmlElement;
  /**
   * Where marks may go instead, when not inside the run: an `mc:AlternateContent` around the run (marks go
   * around the whole of it, never into one of its alternatives).
   */
  host: XmlElement | undefined;
}

export interface BodyParagraph {
  element: XmlElement;
  /** 1-based, in document order. */
  index: number;
  inTable: boolean;
  styleId: string | undefined;
  numPr: NumberingReference | undefined;
  /**
   * The paragraph mark is hidden (a style separator, `w:vanish`/`w:specVanish`) or deleted (tracked): Word shows
   * the next paragraph on the same line.
   */
  joinsNext: boolean;
  atoms: TextAtom[];
}

/** A field being read: its code first, then (after `separate`) its displayed result. */
interface Field {
  showing: boolean;
}

interface Walk {
  paragraphs: BodyParagraph[];
  /** Fields open at this point: fields may span runs and paragraphs (a table of contents). */
  fields: Field[];
}

/** The alternative of an `mc:AlternateContent` that is read: its fallback, written for readers that know no extension. */
function chosenAlternative(ac: XmlElement): XmlElement | undefined {
  return child(ac, MC, 'Fallback') ?? child(ac, MC, 'Choice');
}

const XML_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

function textAtom(t: XmlElement, run: XmlElement, host: XmlElement | undefined): TextAtom | undefined {
  const raw = textOf(t);
  // Without xml:space="preserve", Word drops the spaces at either end of the element's text.
  const text = attr(t, 'space', XML_NS) === 'preserve' ? raw : raw.replace(XML_SPACE, '');
  return text ? { text, node: t, run, host } : undefined;
}

function symbol(sym: XmlElement): string {
  const code = parseInt(attr(sym, 'char') ?? '', 16);
  return Number.isFinite(code) && code > 0 ? String.fromCodePoint(code) : '';
}

function fieldChar(fc: XmlElement, fields: Field[]): void {
  const type = attr(fc, 'fldCharType');
  if (type === 'begin') fields.push({ showing: false });
  else if (type === 'separate' && fields.length) fields[fields.length - 1].showing = true;
  else if (type === 'end') fields.pop();
}

/** The displayed text of one child of a run, or undefined for what shows nothing. */
function runChildText(c: XmlElement): string | undefined {
  switch (c.local) {
    case 'tab':
    case 'ptab':
      return '\t';
    case 'br':
    case 'cr':
      return '\n';
    case 'noBreakHyphen':
      return '\u2011';
    case 'sym':
      return symbol(c);
    default:
      return undefined;
  }
}

function readRun(run: XmlElement, host: XmlElement | undefined, walk: Walk, atoms: TextAtom[]): void {
  const hidden = onOff(child(child(run, W, 'rPr'), W, 'vanish')) === true;
  for (const c of run.children) {
    if (!isElement(c) || c.uri !== W) continue;
    if (c.local === 'fldChar') {
      fieldChar(c, walk.fields);
      continue;
    }
    if (hidden || walk.fields.some((f) => !f.showing)) continue;
    if (c.local === 't') {
      const atom = textAtom(c, run, host);
      if (atom) atoms.push(atom);
      continue;
    }
    const text = runChildText(c);
    if (text) atoms.push({ text, node: c, run, host });
  }
}

/** Elements inside a paragraph whose runs are displayed: links, insertions, content controls, simple fields… */
const RUN_CONTAINERS = new Set(['hyperlink', 'ins', 'moveTo', 'smartTag', 'customXml', 'sdtContent', 'fldSimple', 'dir', 'bdo']);

function readInline(el: XmlElement, host: XmlElement | undefined, walk: Walk, atoms: TextAtom[]): void {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (is(c, MC, 'AlternateContent')) {
      const chosen = chosenAlternative(c);
      if (chosen) readInline(chosen, host ?? c, walk, atoms);
    } else if (c.uri !== W) continue;
    else if (c.local === 'r') readRun(c, host, walk, atoms);
    else if (c.local === 'sdt') {
      const content = child(c, W, 'sdtContent');
      if (content) readInline(content, host, walk, atoms);
    } else if (RUN_CONTAINERS.has(c.local)) readInline(c, host, walk, atoms);
  }
}

function readParagraph(p: XmlElement, inTable: boolean, walk: Walk): BodyParagraph {
  const pPr = child(p, W, 'pPr');
  const mark = child(pPr, W, 'rPr');
  const hiddenMark = onOff(child(mark, W, 'vanish')) === true || onOff(child(mark, W, 'specVanish')) === true;
  const atoms: TextAtom[] = [];
  readInline(p, undefined, walk, atoms);
  return {
    element: p,
    index: walk.paragraphs.length + 1,
    inTable,
    styleId: childVal(pPr, 'pStyle'),
    numPr: numPrOf(pPr),
    joinsNext: hiddenMark || child(mark, W, 'del') !== undefined,
    atoms,
  };
}

/** Block containers whose content is not body text. */
const SKIPPED_BLOCKS = new Set(['sectPr', 'sdtPr', 'sdtEndPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'del', 'moveFrom']);

function readBlocks(el: XmlElement, inTable: boolean, walk: Walk): void {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (is(c, MC, 'AlternateContent')) {
      const chosen = chosenAlternative(c);
      if (chosen) readBlocks(chosen, inTable, walk);
    } else if (c.uri !== W || SKIPPED_BLOCKS.has(c.local)) continue;
    else if (c.local === 'p') walk.paragraphs.push(readParagraph(c, inTable, walk));
    else readBlocks(c, inTable || c.local === 'tbl', walk);
  }
}

/** A joined paragraph's successor must be the next paragraph of the same container (a cell does not run on). */
function settleJoins(paragraphs: BodyParagraph[]): void {
  paragraphs.forEach((p, i) => {
    const next = paragraphs[i + 1];
    if (p.joinsNext && (!next || next.element.parent !== p.element.parent)) p.joinsNext = false;
  });
}

/** The body paragraphs of a parsed `word/document.xml`. */
export function bodyParagraphs(document: XmlElement): BodyParagraph[] {
  const body = child(document, W, 'body');
  const walk: Walk = { paragraphs: [], fields: [] };
  if (body) readBlocks(body, false, walk);
  settleJoins(walk.paragraphs);
  return walk.paragraphs;
}
