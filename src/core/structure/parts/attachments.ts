/**
 * Attachments: the documents attached to another, the 附件说明 (§7.3.4) and the attachments' pages after the 落款.
 */
import type { DocumentModel, Heading, ReportDocument } from '../model';
import type { Attachment, AttachmentNote } from './index';
import { bodyBlocks } from './body';
import { takeImprintLines } from './closing';
import { ENDS_LIKE_SENTENCE } from './patterns';
import { ATTACHMENT_LABEL } from '../patterns';
import { attachmentList } from '../attachments';
import { contentLines, PlainText, type Line } from './plain-text';

const ATTACHMENT_TITLE_MAX_CHARS = 60;

// ---------------------------------------------------------------------------------------------------------------
// Documents to export
// ---------------------------------------------------------------------------------------------------------------

/** The last non-empty line of a document that is not its title. */
function lastContentLine(model: DocumentModel, doc: ReportDocument): number {
  for (let l = doc.endLine; l >= doc.startLine; l--) if (l !== doc.titleLine && model.lines.lineText(l).trim() !== '') return l;
  return -1;
}

/**
 * Documents after `docIndex` that are its attachments: the model starts a new document where an attachment's text
 * restarts at `一、`, leaving the label `附件1` as the last line of the document before.
 */
export function attachedDocuments(model: DocumentModel, docIndex: number): number[] {
  const out: number[] = [];
  const plain = new PlainText(model);
  for (let i = docIndex; i + 1 < model.documents.length; i++) {
    const last = lastContentLine(model, model.documents[i]);
    if (last < 0 || !ATTACHMENT_LABEL.test(plain.line(last))) break;
    if (model.documents[i + 1].kind !== 'document') break;
    out.push(i + 1);
  }
  return out;
}

/** The documents `gongwen export` writes: every `document` (not a `toc`) that is no other's attachment. */
export function exportableDocuments(model: DocumentModel): number[] {
  const attached = new Set<number>();
  const out: number[] = [];
  model.documents.forEach((d, i) => {
    if (d.kind !== 'document' || attached.has(i)) return;
    out.push(i);
    for (const a of attachedDocuments(model, i)) attached.add(a);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Recognition
// ---------------------------------------------------------------------------------------------------------------

/**
 * The attachments' lines, taken off `lines`: from the first bare label `附件1` after the body's start; a label as the
 * last line starts an attachment that the model made a document of its own.
 */
export function takeAttachmentLines(lines: Line[]): Line[] {
  const firstLabel = lines.findIndex((l, i) => i > 0 && ATTACHMENT_LABEL.test(l.text));
  return firstLabel > 0 ? lines.splice(firstLabel) : [];
}

/**
 * 附件说明: the note the attachment rule reads ({@link attachmentList}, recognised once in the structure), when its lines
 * end the body; taken off `lines`.
 */
export function takeAttachmentNote(model: DocumentModel, doc: ReportDocument, plain: PlainText, lines: Line[]): AttachmentNote | null {
  const list = attachmentList(model, doc);
  if (!list) return null;
  const noteAt = lines.findIndex((l) => l.line === list.line);
  if (noteAt < 0 || lines.slice(noteAt + 1).some((l) => l.line > list.lastLine)) return null;
  lines.splice(noteAt);
  const items = list.items.map((item) => ({ number: item.number === null ? null : String(item.number), text: plain.segment(item.nameStart, item.nameEnd) }));
  return { line: list.line, items };
}

/** The attachments in `lines` (each from its label `附件1` to the next): label, title and text. */
export function splitAttachments(model: DocumentModel, plain: PlainText, lines: Line[], headings: Map<number, Heading>): Attachment[] {
  const out: Attachment[] = [];
  let i = 0;
  while (i < lines.length) {
    const label = lines[i];
    let j = i + 1;
    while (j < lines.length && !ATTACHMENT_LABEL.test(lines[j].text)) j++;
    const content = lines.slice(i + 1, j);
    let title: string | null = null;
    const t = content[0];
    if (t && !headings.has(t.line) && [...t.text].length <= ATTACHMENT_TITLE_MAX_CHARS && !ENDS_LIKE_SENTENCE.test(t.text)) {
      title = t.text;
      content.shift();
    }
    out.push({ line: label.line, label: label.text.replace(/[ \t\u3000]+/g, ''), title, blocks: bodyBlocks(model, plain, content, headings) });
    i = j;
  }
  return out;
}

/**
 * Takes the attached documents into the last attachment (their title and text); their trailing 版记 lines go to the
 * front of `imprintLines`, as the 版记 of the whole.
 */
export function appendAttachedDocuments(model: DocumentModel, plain: PlainText, attached: number[], attachments: Attachment[], imprintLines: Line[]): void {
  for (const a of attached) {
    const d = model.documents[a];
    const target = attachments[attachments.length - 1];
    const more = contentLines(model, plain, d);
    const dHeadings = new Map(d.headings.map((h) => [h.line, h]));
    // The attached document's trailing 版记 belongs to the whole.
    takeImprintLines(more, imprintLines);
    if (target && target.title === null && !target.blocks.length && d.titleLine >= 0) target.title = plain.line(d.titleLine);
    else if (target && d.titleLine >= 0) target.blocks.push({ kind: 'paragraph', line: d.titleLine, text: plain.line(d.titleLine) });
    const blocks = bodyBlocks(model, plain, more, dHeadings);
    if (target) target.blocks.push(...blocks);
  }
}
