/**
 * XML parts as element trees that remember where each element stands in the source text, so that the reader and
 * the annotating writer see the same elements and the writer can splice the source without re-serialising it.
 * Parsed by saxes (namespace-aware, well-formedness checked); a DTD is refused, so no entity is ever expanded.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DocxError, corrupt } from './errors';

/** WordprocessingML's main namespace (transitional; strict documents are mapped onto it). */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Markup Compatibility (`mc:AlternateContent`). */
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Strict OOXML namespaces and the transitional ones the code matches. */
const STRICT: Record<string, string> = {
  'http://purl.oclc.org/ooxml/wordprocessingml/main': W,
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

export interface XmlAttribute {
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlText {
  kind: 'text';
  text: string;
}

/** An element with its place in the source: `start` at `<`, `openEnd` after the open tag, `closeStart` at `</`. */
export interface XmlElement {
  kind: 'element';
  /** The name as written, prefix included (`w:p`). */
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  parent: XmlElement | null;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

export type XmlNode = XmlElement | XmlText;

/** The text of an XML part: UTF-8 or UTF-16 by its byte-order mark (UTF-8 without one), the mark removed. */
export function decodeXml(bytes: Uint8Array, part: string): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw corrupt(`${part} 的文字编码无效`, `${part} is not valid ${encoding.toUpperCase()}`);
  }
}

const canonical = (uri: string): string => STRICT[uri] ?? uri;

function elementOf(tag: SaxesTagNS, parent: XmlElement | null, start: number): XmlElement {
  const attributes: XmlAttribute[] = [];
  for (const a of Object.values(tag.attributes)) attributes.push({ name: a.name, local: a.local, uri: canonical(a.uri), value: a.value });
  return {
    kind: 'element',
    name: tag.name,
    prefix: tag.prefix,
    local: tag.local,
    uri: canonical(tag.uri),
    attributes,
    children: [],
    parent,
    start,
    openEnd: start,
    closeStart: start,
    end: start,
    selfClosing: tag.isSelfClosing,
  };
}

/** Parses `text` (one part, named for the message) into its root element. */
export function parseXml(text: string, part: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  parser.on('doctype', () => {
    throw corrupt(`${part} 含有 DTD`, `${part} holds a DTD, which no Word part has`);
  });
  parser.on('opentag', (tag) => {
    const el = elementOf(tag, current, text.lastIndexOf('<', parser.position - 1));
    el.openEnd = parser.position;
    if (current) current.children.push(el);
    else root = el;
    current = el;
  });
  parser.on('closetag', () => {
    const el = current!;
    el.end = parser.position;
    el.closeStart = el.selfClosing ? el.end : text.lastIndexOf('<', parser.position - 1);
    current = el.parent;
  });
  const addText = (t: string) => current?.children.push({ kind: 'text', text: t });
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw corrupt(`${part} 的 XML 无法解析`, `${part} is not well-formed XML (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!root) throw corrupt(`${part} 是空的`, `${part} is empty`);
  return root;
}

export const isElement = (n: XmlNode | undefined): n is XmlElement => n?.kind === 'element';

/** Whether `el` is the element `local` of namespace `uri`. */
export const is = (el: XmlNode | undefined, uri: string, local: string): boolean => isElement(el) && el.uri === uri && el.local === local;

/** The first child element `local` of namespace `uri`. */
export function child(el: XmlElement | undefined, uri: string, local: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (isElement(c) && is(c, uri, local)) return c;
  return undefined;
}

/** The child elements `local` of namespace `uri`. */
export function children(el: XmlElement | undefined, uri: string, local: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => is(c, uri, local));
}

/** An attribute by local name: in namespace `uri`, or without a namespace (some writers leave the prefix off). */
export function attr(el: XmlElement | undefined, local: string, uri = W): string | undefined {
  if (!el) return undefined;
  let bare: string | undefined;
  for (const a of el.attributes) {
    if (a.local !== local) continue;
    if (a.uri === uri) return a.value;
    if (a.uri === '') bare = a.value;
  }
  return bare;
}

/** `w:val` of the child `local`, the usual shape of a WordprocessingML property. */
export const childVal = (el: XmlElement | undefined, local: string): string | undefined => attr(child(el, W, local), 'val');

/** An integer attribute value, or undefined where it is missing or not a number. */
export function intVal(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * An on/off property (`<w:vanish/>`, `<w:isLgl w:val="false"/>`): present means on unless its value says off;
 * undefined where the element is absent.
 */
export function onOff(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return !(v === '0' || v === 'false' || v === 'off');
}

/** The text content of an element (its text children only). */
export const textOf = (el: XmlElement): string => el.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');

/**
 * Escapes text for element content or a double-quoted attribute value. A carriage return is written as a character
 * reference: a raw one would be read back as a line feed (XML 1.0 §2.11), changing the copy's text.
 */
export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
