/**
 * `annotateDocx`: a copy of a `.docx` with each problem as a Word comment (批注) anchored on its characters.
 * The input bytes are never written to; every part the comments do not touch is copied unchanged.
 */
import { anchorComments, type CommentAnchor } from './anchors';
import type { BodyParagraph } from './body';
import { contentTypeOf, type DocxPackage, type OpenOptions } from './package';
import { loadDocx } from './read';
import { W, attr, escapeXml, isElement, parseXml, type XmlElement } from './xml';
import { writeZip } from './zip';

/** A problem to annotate: columns in the paragraph's displayed text, as `DocxTextMap.paragraphRange` gives them. */
export interface DocxProblem {
  /** 1-based paragraph index (`DocxParagraph.index`). */
  paragraph: number;
  /** 0-based, in the paragraph's text (a label's characters are column 0: such a problem anchors at the start). */
  startColumn: number;
  /** Exclusive; equal to `startColumn` for a comment on a point. */
  endColumn: number;
  /** The comment's text; `\n` starts a new paragraph in it. */
  message: string;
}

export interface AnnotateOptions extends OpenOptions {
  /** `w:date` of the comments (now by default). */
  date?: Date;
  /** `w:initials` (the author's first two characters by default). */
  initials?: string;
}

export const DEFAULT_AUTHOR = '公文写作助手';

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Word's comment dates: ISO 8601 to the second. */
const wordDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Every `w:id` used by comments in an element tree. */
function commentIds(root: XmlElement | undefined, out: number[]): number[] {
  if (!root) return out;
  if (root.uri === W && /^comment(RangeStart|RangeEnd|Reference)?$/.test(root.local)) {
    const id = Number(attr(root, 'id'));
    if (Number.isInteger(id)) out.push(id);
  }
  for (const c of root.children) if (isElement(c)) commentIds(c, out);
  return out;
}

/** One `w:comment`, written in the prefix `p` (with its own namespace declaration where the part has none). */
function commentXml(id: number, message: string, author: string, initials: string, date: string, p: string): string {
  const q = (local: string) => (p ? `${p}:${local}` : `w:${local}`);
  const xmlns = p ? '' : ` xmlns:w="${W}"`;
  const paragraphs = message.split('\n').map((line, i) => {
    const ref = i === 0 ? `<${q('r')}><${q('annotationRef')}/></${q('r')}>` : '';
    return `<${q('p')}>${ref}<${q('r')}><${q('t')} xml:space="preserve">${escapeXml(line)}</${q('t')}></${q('r')}></${q('p')}>`;
  });
  const attrs = `${q('id')}="${id}" ${q('author')}="${escapeXml(author)}" ${q('date')}="${date}" ${q('initials')}="${escapeXml(initials)}"`;
  return `<${q('comment')}${xmlns} ${attrs}>${paragraphs.join('')}</${q('comment')}>`;
}

/** `text` with `insert` placed before the closing tag of its root (a self-closing root is opened up). */
function appendToRoot(text: string, root: XmlElement, insert: string): string {
  if (!root.selfClosing) return text.slice(0, root.closeStart) + insert + text.slice(root.closeStart);
  const open = text.slice(root.start, root.end).replace(/\s*\/>$/, '>');
  return text.slice(0, root.start) + open + insert + `</${root.name}>` + text.slice(root.end);
}

/** A relationship id not yet used in the part. */
function freshId(root: XmlElement | undefined): string {
  const used = new Set((root?.children ?? []).filter(isElement).map((r) => attr(r, 'Id', '')));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

interface Part {
  name: string;
  text: string;
}

/** The content types with the comments part declared (unchanged when it already is). */
function contentTypes(pkg: DocxPackage, commentsPart: string): string {
  if (contentTypeOf(pkg.contentTypes, commentsPart) === COMMENTS_TYPE) return pkg.contentTypesText;
  const tag = pkg.contentTypes.prefix ? `${pkg.contentTypes.prefix}:Override` : 'Override';
  return appendToRoot(pkg.contentTypesText, pkg.contentTypes, `<${tag} PartName="/${commentsPart}" ContentType="${COMMENTS_TYPE}"/>`);
}

/** The main document's relationships with one to the comments part (unchanged when there is one). */
function documentRels(pkg: DocxPackage, commentsPart: string): Part | undefined {
  if (pkg.related('comments') === commentsPart) return undefined;
  const existing = pkg.text(pkg.relsPart);
  const text = existing ?? `${XML_DECLARATION}<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const root = parseXml(text, pkg.relsPart);
  const target = commentsPart.slice(commentsPart.lastIndexOf('/') + 1);
  const tag = root.prefix ? `${root.prefix}:Relationship` : 'Relationship';
  return { name: pkg.relsPart, text: appendToRoot(text, root, `<${tag} Id="${freshId(root)}" Type="${COMMENTS_REL}" Target="${target}"/>`) };
}

/** The comments part: the existing one extended, or a new one. */
function commentsPart(name: string, existing: { text: string; root: XmlElement } | undefined, comments: string[]): Part {
  if (!existing) return { name, text: `${XML_DECLARATION}<w:comments xmlns:w="${W}">${comments.join('')}</w:comments>` };
  return { name, text: appendToRoot(existing.text, existing.root, comments.join('')) };
}

function anchorsFor(body: BodyParagraph[], problems: DocxProblem[], firstId: number): CommentAnchor[] {
  return problems.map((p, i) => {
    const paragraph = body[p.paragraph - 1];
    if (!paragraph) throw new RangeError(`annotateDocx: paragraph ${p.paragraph} does not exist (the document has ${body.length})`);
    const length = paragraph.atoms.reduce((n, a) => n + a.text.length, 0);
    const clamp = (c: number) => Math.min(Math.max(Math.trunc(c), 0), length);
    const startColumn = clamp(p.startColumn);
    return { id: firstId + i, paragraph, startColumn, endColumn: Math.max(clamp(p.endColumn), startColumn) };
  });
}

/**
 * A copy of the `.docx` with one Word comment per problem, by `author`, anchored on the problem's characters
 * (splitting runs at its columns). An existing comments part is kept and extended; the content types and the main
 * document's relationships are updated. The same DocxErrors as `readDocx` for input that is not a readable `.docx`.
 */
export function annotateDocx(bytes: Uint8Array, problems: DocxProblem[], author = DEFAULT_AUTHOR, options: AnnotateOptions = {}): Uint8Array {
  const { pkg, documentText, document, body } = loadDocx(bytes, options);
  const commentsName = pkg.related('comments') ?? `${pkg.mainPart.slice(0, pkg.mainPart.lastIndexOf('/') + 1)}comments.xml`;
  const existingText = pkg.text(commentsName);
  const existing = existingText === undefined ? undefined : { text: existingText, root: parseXml(existingText, commentsName) };
  const ids = commentIds(document, commentIds(existing?.root, []));
  const anchors = anchorsFor(body, problems, ids.length ? Math.max(...ids) + 1 : 0);
  const date = wordDate(options.date ?? new Date());
  const initials = options.initials ?? [...author].slice(0, 2).join('');
  const prefix = existing ? existing.root.prefix : 'w';
  const comments = anchors.map((a, i) => commentXml(a.id, problems[i].message, author, initials, date, prefix));

  const replaced = new Map<string, string>();
  replaced.set(pkg.mainPart.toLowerCase(), anchorComments(documentText, anchors));
  const comment = commentsPart(commentsName, existing, comments);
  replaced.set(comment.name.toLowerCase(), comment.text);
  replaced.set('[content_types].xml', contentTypes(pkg, comment.name));
  const rels = documentRels(pkg, comment.name);
  if (rels) replaced.set(rels.name.toLowerCase(), rels.text);

  const encoder = new TextEncoder();
  const files = pkg.zip.entries.map((e) => {
    const text = replaced.get(e.name.toLowerCase());
    replaced.delete(e.name.toLowerCase());
    return { name: e.name, data: text === undefined ? pkg.zip.read(e.name)! : encoder.encode(utf8Declaration(text)) };
  });
  // Parts the package did not have: the comments, and the relationships of a document that had none.
  for (const part of [comment, rels]) {
    if (part && replaced.has(part.name.toLowerCase())) files.push({ name: part.name, data: encoder.encode(part.text) });
  }
  return writeZip(files, options.date ?? new Date());
}

/** Parts are written back in UTF-8: a declaration that said UTF-16 is corrected. */
const utf8Declaration = (text: string): string => text.replace(/^(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, '$1UTF-8$2');
