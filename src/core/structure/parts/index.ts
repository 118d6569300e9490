/**
 * The 公文 parts of one document, recognised from the model's lines: what the export lays out as GB/T 9704-2012 says,
 * rather than as plain paragraphs.
 *
 * - 主送机关 (§7.3.2): the first line after the title, ending in `：`.
 * - 附件说明 (§7.3.4): `附件：1.××××` and the `2.××××` lines after it.
 * - 落款 and 成文日期 (§7.3.5): at the end of the body, an organisation's name, then a date line `2024年12月5日`.
 * - Attachments: after the 落款, a line `附件` or `附件1` on its own, then the attachment's title and text. An attachment
 *   whose text restarts at `一、` is a document of its own in the model; it is taken back in here
 *   ({@link attachedDocuments}).
 * - 版记 (§7.4): `抄送：…` and `××××  2024年12月5日印发` at the very end.
 *
 * Everything else is a title, a heading, a paragraph or (markdown) a table.
 */
import type { DocumentModel, Heading } from '../model';
import { appendAttachedDocuments, attachedDocuments, splitAttachments, takeAttachmentLines, takeAttachmentNote } from './attachments';
import { bodyBlocks } from './body';
import { imprintOf, takeImprintLines, takeSignature } from './closing';
import { NOTE_START } from './patterns';
import { contentLines, PlainText, type Line } from './plain-text';

export { attachedDocuments, exportableDocuments } from './attachments';
export { textWidth } from './body';
export { issuingDate } from './closing';
export { PlainText } from './plain-text';

/** A heading as exported: the heading's own text, and the body that runs on after it on the same line. */
export interface HeadingBlock {
  kind: 'heading';
  line: number;
  /** 1–4: the outline level (GB/T 9704 level by marker; a `#` heading's depth). */
  level: number;
  /** Marker and title, with the stop that ends the title (`1.强化组织领导。`). */
  text: string;
  /** Body text after the title on the same line (run-in heading), or ''. */
  body: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  line: number;
  text: string;
}

export interface TableBlock {
  kind: 'table';
  line: number;
  /** Rows of cell texts; the first row is the header. */
  rows: string[][];
  /** Alignment of each column from the delimiter row. */
  align: Array<'left' | 'center' | 'right' | null>;
}

export type BodyBlock = HeadingBlock | ParagraphBlock | TableBlock;

/** 附件说明: `附件：1.××××`; `number` is null for a single attachment written without one. */
export interface AttachmentNote {
  line: number;
  items: Array<{ number: string | null; text: string }>;
}

/** 落款 (the issuing organisations' names, possibly none) and 成文日期 (Arabic numerals). */
export interface Signature {
  line: number;
  organisations: string[];
  /** The date as §7.3.5.4 writes it: `2024年12月5日`. */
  date: string;
  /** The date as the source wrote it. */
  sourceDate: string;
}

/** An attachment's pages: its label (`附件1`), title and text. */
export interface Attachment {
  line: number;
  label: string;
  title: string | null;
  blocks: BodyBlock[];
}

/** 版记 (§7.4): 抄送 and 印发机关/印发日期. */
export interface Imprint {
  line: number;
  /** `抄送：…` without its label. */
  copyTo: string | null;
  issuer: { organisation: string; date: string } | null;
}

export interface DocumentParts {
  docIndex: number;
  /** Model documents merged into this one as its attachments. */
  attached: number[];
  title: string | null;
  addressee: string | null;
  body: BodyBlock[];
  attachmentNote: AttachmentNote | null;
  signature: Signature | null;
  attachments: Attachment[];
  imprint: Imprint | null;
}

const ADDRESSEE_MAX_CHARS = 120;

/** Recognises the 公文 parts of document `docIndex` (and of the documents attached to it). */
export function recogniseParts(model: DocumentModel, docIndex: number): DocumentParts {
  const doc = model.documents[docIndex];
  if (!doc) throw new RangeError(`no document ${docIndex} (the file holds ${model.documents.length})`);
  const plain = new PlainText(model);
  const attached = attachedDocuments(model, docIndex);
  const headings = new Map<number, Heading>();
  for (const h of doc.headings) headings.set(h.line, h);
  const lines = contentLines(model, plain, doc);

  // Taken off the ends of `lines` in this order: 版记, attachments, 落款 and 成文日期, 附件说明, 主送机关.
  const imprintLines: Line[] = [];
  takeImprintLines(lines, imprintLines);
  const attachmentLines = takeAttachmentLines(lines);
  const signature = takeSignature(lines, headings);
  const attachmentNote = takeAttachmentNote(model, doc, plain, lines);
  const addressee = takeAddressee(lines, headings);

  const body = bodyBlocks(model, plain, lines, headings);
  const attachments = splitAttachments(model, plain, attachmentLines, headings);
  appendAttachedDocuments(model, plain, attached, attachments, imprintLines);

  return {
    docIndex,
    attached,
    title: doc.titleLine >= 0 ? plain.line(doc.titleLine) : null,
    addressee,
    body,
    attachmentNote,
    signature,
    attachments,
    imprint: imprintOf(imprintLines),
  };
}

/** 主送机关: the first line after the title, ending in `：`; taken off `lines`. */
function takeAddressee(lines: Line[], headings: Map<number, Heading>): string | null {
  const first = lines[0];
  if (!first || headings.has(first.line) || !/[：:]$/.test(first.text) || /[。；]/.test(first.text)) return null;
  if ([...first.text].length > ADDRESSEE_MAX_CHARS || NOTE_START.test(first.text)) return null;
  lines.shift();
  return first.text;
}
