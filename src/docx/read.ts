/** `readDocx`: a `.docx`'s body paragraphs as Word displays them, automatic numbering labels included. */
import { bodyParagraphs, type BodyParagraph } from './body';
import { NumberingCounters, NumberingDefinitions } from './numbering';
import { openPackage, type DocxPackage, type OpenOptions } from './package';
import { Styles, type NumberingReference } from './styles';
import { parseXml, type XmlElement } from './xml';

/** One body paragraph. */
export interface DocxParagraph {
  /** 1-based, the body's paragraphs in document order (tables' included, text boxes' not). */
  index: number;
  /** The automatic numbering label Word displays (`一、`, `（一）`, `1.`), or '' where the paragraph has none. */
  label: string;
  /** What Word puts between the label and the text: a tab, a space or nothing ('' without a label). */
  suffix: '\t' | ' ' | '';
  /** The displayed text of the paragraph's runs, the label not included. */
  text: string;
  /** Inside a table. */
  inTable: boolean;
  /** The paragraph style (`w:pStyle`), or the default paragraph style where it names none. */
  styleId: string | undefined;
  /** Where the label comes from: the list instance and level; undefined without one. */
  numbering: { numId: string; level: number; format: string } | undefined;
  /** The paragraph mark is hidden (a style separator) or deleted: the next paragraph is shown on the same line. */
  joinsNext: boolean;
}

export interface DocxText {
  paragraphs: DocxParagraph[];
  /** A macro-enabled document read with `allowMacros` (its macros were neither read nor run). */
  macroEnabled: boolean;
}

/** A parsed document: the package, the main part's text and tree, and its paragraphs with their sources. */
export interface LoadedDocx {
  pkg: DocxPackage;
  documentText: string;
  document: XmlElement;
  body: BodyParagraph[];
  text: DocxText;
}

const LAST_LEVEL = 8;

function parsePart(pkg: DocxPackage, kind: string, fallback: string): XmlElement | undefined {
  const part = pkg.related(kind) ?? (pkg.zip.entry(fallback) ? fallback : undefined);
  const text = part === undefined ? undefined : pkg.text(part);
  return text === undefined ? undefined : parseXml(text, part!);
}

/**
 * The list and level numbering a paragraph: its own `w:numPr` where that names a list (`w:numId` 0 removes the
 * style's numbering), else its style's, inherited along `w:basedOn`; a style's level is its `w:ilvl`, or the level
 * linked to the style by `w:pStyle`. An own `w:numPr` without `w:numId` is ignored, as LibreOffice ignores it.
 */
function numberingOf(p: BodyParagraph, styleId: string | undefined, styles: Styles, defs: NumberingDefinitions): { numId: string; level: number } | undefined {
  const own: NumberingReference | undefined = p.numPr?.numId !== undefined ? p.numPr : undefined;
  const ref = own ?? styles.numberingOf(styleId);
  if (ref?.numId === undefined || ref.numId === '0') return undefined;
  const level = own ? (own.ilvl ?? 0) : (ref.ilvl ?? defs.levelOfStyle(ref.numId, styles.chain(styleId)) ?? 0);
  return { numId: ref.numId, level: Math.min(Math.max(level, 0), LAST_LEVEL) };
}

function paragraphsOf(body: BodyParagraph[], styles: Styles, defs: NumberingDefinitions): DocxParagraph[] {
  const counters = new NumberingCounters(defs);
  return body.map((p) => {
    const styleId = p.styleId ?? styles.defaultParagraphStyle;
    const ref = numberingOf(p, styleId, styles, defs);
    const label = ref && counters.next(ref.numId, ref.level);
    return {
      index: p.index,
      label: label?.label ?? '',
      suffix: label?.label ? label.suffix : '',
      text: p.atoms.map((a) => a.text).join(''),
      inTable: p.inTable,
      styleId,
      numbering: label && { numId: label.numId, level: label.level, format: label.format },
      joinsNext: p.joinsNext,
    };
  });
}

/** Opens and reads a `.docx` (for `readDocx` and the annotating writer alike). */
export function loadDocx(bytes: Uint8Array, options: OpenOptions = {}): LoadedDocx {
  const pkg = openPackage(bytes, options);
  const documentText = pkg.text(pkg.mainPart)!;
  const document = parseXml(documentText, pkg.mainPart);
  const styles = new Styles(parsePart(pkg, 'styles', 'word/styles.xml'));
  const defs = new NumberingDefinitions(parsePart(pkg, 'numbering', 'word/numbering.xml'), styles);
  const body = bodyParagraphs(document);
  return { pkg, documentText, document, body, text: { paragraphs: paragraphsOf(body, styles, defs), macroEnabled: pkg.macroEnabled } };
}

/**
 * The body paragraphs of a `.docx`, each with its displayed text and automatic numbering label. Pure: bytes in,
 * text out. Throws a DocxError (typed, with Chinese and English messages) for encrypted, binary, corrupt, non-Word,
 * macro-enabled (unless `allowMacros`) and oversized input. Nothing in the document is ever executed.
 */
export function readDocx(bytes: Uint8Array, options: OpenOptions = {}): DocxText {
  return loadDocx(bytes, options).text;
}
