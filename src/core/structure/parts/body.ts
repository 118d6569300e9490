/** The body of a document or an attachment as blocks: headings, paragraphs and (markdown) tables. */
import type { DocumentModel, Heading } from '../model';
import type { BodyBlock, HeadingBlock, TableBlock } from './index';
import { isDelimiterRow, type Line, type PlainText } from './plain-text';

/** Width in characters as the page counts it: full-width 1, half-width (ASCII) 0.5. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

export function bodyBlocks(model: DocumentModel, plain: PlainText, lines: Line[], headings: Map<number, Heading>): BodyBlock[] {
  const out: BodyBlock[] = [];
  const depthOf = new Map<Heading, number>();
  for (const d of model.documents) for (const n of d.nodes) depthOf.set(n.heading, n.depth);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const raw = plain.raw(l.line);
    // A markdown table: a header row, a delimiter row, then rows up to the first line without a pipe.
    if (plain.markdown && raw.includes('|') && lines[i + 1]?.line === l.line + 1 && isDelimiterRow(plain.raw(l.line + 1))) {
      const rowLines = [l];
      let j = i + 2;
      while (j < lines.length && lines[j].line === lines[j - 1].line + 1 && plain.raw(lines[j].line).includes('|') && !isDelimiterRow(plain.raw(lines[j].line)))
        rowLines.push(lines[j++]);
      out.push({ kind: 'table', line: l.line, rows: rowLines.map((r) => cells(model, plain, r.line)), align: alignments(plain.raw(l.line + 1)) });
      i = j - 1;
      continue;
    }
    if (isDelimiterRow(raw) && !model.isProseLine(l.line)) continue;
    const h = headings.get(l.line);
    if (h && !h.inToc && ((h.level >= 1 && h.level <= 4) || h.level === 0)) {
      out.push(headingBlock(model, plain, h, depthOf.get(h) ?? 1));
      continue;
    }
    out.push({ kind: 'paragraph', line: l.line, text: l.text });
  }
  return out;
}

function headingBlock(model: DocumentModel, plain: PlainText, h: Heading, depth: number): HeadingBlock {
  const { lines, text } = model;
  const lineStart = lines.starts[h.line];
  const lineEnd = lines.ends[h.line];
  const level = h.level >= 1 ? h.level : Math.min(Math.max(depth, 1), 4);
  if (h.level === 0) return { kind: 'heading', line: h.line, level, text: plain.segment(h.titleStart, lineEnd), body: '' };
  if (!h.runIn) return { kind: 'heading', line: h.line, level, text: plain.segment(lineStart, lineEnd), body: '' };
  // The title ends at the first 。；： after it; the stop stays with the title.
  let split = h.titleEnd;
  while (split < lineEnd && !/[。；：]/.test(text[split])) split++;
  split = Math.min(split + 1, lineEnd);
  return { kind: 'heading', line: h.line, level, text: plain.segment(lineStart, split), body: plain.segment(split, lineEnd) };
}

/** Cells of a markdown table row: split at pipes outside code spans and not escaped. */
function cells(model: DocumentModel, plain: PlainText, line: number): string[] {
  const start = model.lines.starts[line];
  const raw = plain.raw(line);
  const bounds: number[] = [];
  let inCode = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '`') inCode = !inCode;
    else if (c === '\\') i++;
    else if (c === '|' && !inCode) bounds.push(i);
  }
  const edges = [-1, ...bounds, raw.length];
  const out: string[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const s = edges[k] + 1;
    const e = edges[k + 1];
    const cellText = plain.segment(start + s, start + e).replace(/\\\|/g, '|');
    // The empty ends outside a leading and a trailing pipe are no cells.
    if ((k === 0 || k === edges.length - 2) && raw.slice(s, e).trim() === '') continue;
    out.push(cellText);
  }
  return out;
}

function alignments(raw: string): TableBlock['align'] {
  return raw
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => {
      const t = c.trim();
      const left = t.startsWith(':');
      const right = t.endsWith(':');
      return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
    });
}
