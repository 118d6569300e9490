/**
 * The Open Packaging Conventions layer of a `.docx`: what kind of file the bytes are, the content types, the
 * relationships, and where the main document and its numbering, styles and comments parts are.
 */
import { encrypted, legacyDoc, macroEnabled, notDocx } from './errors';
import { decodeXml, parseXml, attr, children, type XmlElement } from './xml';
import { DEFAULT_LIMITS, openZip, type ZipArchive, type ZipLimits } from './zip';

/** How a `.docx` is opened. */
export interface OpenOptions {
  /**
   * Read a macro-enabled document (`.docm`) instead of refusing it. Its VBA project is never inflated, interpreted
   * or run either way: only the XML parts are read.
   */
  allowMacros?: boolean;
  /** Tighter or looser bounds on unpacked sizes (the defaults: 64 MB a part, 256 MB in all). */
  limits?: Partial<ZipLimits>;
}

const PACKAGE_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPES = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/', 'http://purl.oclc.org/ooxml/officeDocument/relationships/'];

/** Content types of a WordprocessingML main part: document, template, and their macro-enabled kinds. */
const MAIN_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.document.macroenabled.main+xml',
  'application/vnd.ms-word.template.macroenabledtemplate.main+xml',
]);
const MACRO_TYPE = /macroenabled|vbaproject/i;

export interface Relationship {
  id: string;
  /** The last segment of the type URI (`numbering`, `styles`, `comments`, `officeDocument`). */
  kind: string;
  type: string;
  /** The target as a part name inside the package (no leading `/`); external targets are left as written. */
  target: string;
  external: boolean;
}

export interface DocxPackage {
  zip: ZipArchive;
  /** The main document part (`word/document.xml` as Word writes it). */
  mainPart: string;
  /** Its relationships part (`word/_rels/document.xml.rels`). */
  relsPart: string;
  relationships: Relationship[];
  /** The content types part, parsed. */
  contentTypes: XmlElement;
  contentTypesText: string;
  macroEnabled: boolean;
  /** A part's text (UTF-8 or UTF-16), or undefined where there is none. */
  text(part: string): string | undefined;
  /** The part a relationship of the main document points to, by kind (`numbering`, `styles`, `comments`). */
  related(kind: string): string | undefined;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Whether UTF-16LE `name` occurs in the bytes: an OLE directory entry's name. */
function holdsUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + name.length * 2 <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 0; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Refuses what is not a ZIP, naming what it is where that is known. */
function checkMagic(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE)) throw holdsUtf16(bytes, 'EncryptedPackage') ? encrypted() : legacyDoc();
  if (startsWith(bytes, [0x50, 0x4b])) return;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (head.startsWith('{\\rtf')) throw notDocx('这是 RTF 文档', 'this is an RTF document');
  if (head.startsWith('%PDF')) throw notDocx('这是 PDF 文件', 'this is a PDF file');
  throw notDocx('文件不是 ZIP 格式（.docx 是 ZIP 压缩包）', 'the file is not a ZIP package, which every .docx is');
}

/** `base`'s folder joined with a relative `target`, `..` resolved; an absolute target is taken from the root. */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships part of `part`: `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function readRelationships(root: XmlElement | undefined, source: string): Relationship[] {
  return children(root, RELS_NS, 'Relationship').map((r) => {
    const type = attr(r, 'Type', '') ?? '';
    const target = attr(r, 'Target', '') ?? '';
    const external = attr(r, 'TargetMode', '') === 'External';
    const prefix = REL_TYPES.find((p) => type.startsWith(p));
    return {
      id: attr(r, 'Id', '') ?? '',
      type,
      kind: prefix ? type.slice(prefix.length) : type,
      target: external ? target : resolvePart(source, target),
      external,
    };
  });
}

/** The content type of a part: its Override, else the Default of its extension. */
export function contentTypeOf(types: XmlElement, part: string): string | undefined {
  const name = `/${part}`.toLowerCase();
  for (const o of children(types, PACKAGE_NS, 'Override')) if ((attr(o, 'PartName', '') ?? '').toLowerCase() === name) return attr(o, 'ContentType', '');
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const d of children(types, PACKAGE_NS, 'Default')) if ((attr(d, 'Extension', '') ?? '').toLowerCase() === ext) return attr(d, 'ContentType', '');
  return undefined;
}

/** A macro-enabled main part, a VBA project part, or a content type declared for one. */
function hasMacros(zip: ZipArchive, types: XmlElement, mainType: string | undefined): boolean {
  if (mainType && MACRO_TYPE.test(mainType)) return true;
  if (zip.entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) return true;
  return [...children(types, PACKAGE_NS, 'Override'), ...children(types, PACKAGE_NS, 'Default')].some((t) => MACRO_TYPE.test(attr(t, 'ContentType', '') ?? ''));
}

/** Opens the bytes of a `.docx`: a typed DocxError for anything that is not one (or is one too large to open). */
export function openPackage(bytes: Uint8Array, options: OpenOptions = {}): DocxPackage {
  checkMagic(bytes);
  const zip = openZip(bytes, { ...DEFAULT_LIMITS, ...options.limits });
  const text = (part: string): string | undefined => {
    const data = zip.read(part);
    return data && decodeXml(data, part);
  };
  const typesText = text('[Content_Types].xml');
  if (typesText === undefined) throw notDocx('ZIP 中没有 [Content_Types].xml', 'the ZIP has no [Content_Types].xml');
  const contentTypes = parseXml(typesText, '[Content_Types].xml');
  const rootRels = text('_rels/.rels');
  const office = rootRels && readRelationships(parseXml(rootRels, '_rels/.rels'), '').find((r) => r.kind === 'officeDocument' && !r.external);
  const mainPart = office && zip.entry(office.target) ? office.target : 'word/document.xml';
  if (!zip.entry(mainPart)) throw notDocx('ZIP 中没有 word/document.xml', 'the ZIP has no word/document.xml');
  const mainType = contentTypeOf(contentTypes, mainPart);
  if (mainType && !MAIN_TYPES.has(mainType.toLowerCase())) throw notDocx(`主部件的类型是 ${mainType}`, `its main part is of type ${mainType}`);
  const macros = hasMacros(zip, contentTypes, mainType);
  if (macros && !options.allowMacros) throw macroEnabled();
  const relsPart = relsPartOf(mainPart);
  const relsText = text(relsPart);
  const relationships = relsText ? readRelationships(parseXml(relsText, relsPart), mainPart) : [];
  return {
    zip,
    mainPart,
    relsPart,
    relationships,
    contentTypes,
    contentTypesText: typesText,
    macroEnabled: macros,
    text,
    related: (kind) => relationships.find((r) => r.kind === kind && !r.external && zip.entry(r.target))?.target,
  };
}
