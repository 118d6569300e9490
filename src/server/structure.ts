import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver';
import { demote, moveDown, moveSection, moveUp, promote, type OutlineDocument, type OutlineSection, type TextEdit } from '../core';
import { validEdits } from '../core/edits/fix';
import { countsOf } from '../core/structure/counts';
import type { MessageLanguage } from '../core/text/language';
import { pick, rangeOf, toTextEdits } from './convert';
import type { Translate } from './l10n';
import type { CountsResult, MoveSectionParams, MoveSectionResult, OutlineNode, PlaceholderItem } from './protocol';
import type { Linted } from './reports';

const thousands = (n: number) => n.toLocaleString('en-US');

/** `2处占位符 · 1,024字` (or `2 placeholders · 1,024 chars`, as the document's messages go). */
export function countsLabel(lang: MessageLanguage, placeholders: number, chars: number): string {
  return pick(
    lang,
    `${placeholders}处占位符 · ${thousands(chars)}字`,
    `${placeholders} placeholder${placeholders === 1 ? '' : 's'} · ${thousands(chars)} chars`,
  );
}

/**
 * The outline as the editor shows it: each document of the file (its title, else 文档 2 or 目录) and each section
 * (marker and title), with counts. One untitled document is left out: its sections are the top level.
 */
export function outlineNodes(linted: Linted, t: Translate): OutlineNode[] {
  const docs = linted.outline();
  const lang = linted.context.language;
  const nodes = docs.map((d) => documentNode(linted, d, lang, t));
  return docs.length === 1 && !docs[0].title ? nodes[0].children : nodes;
}

function documentNode(linted: Linted, d: OutlineDocument, lang: MessageLanguage, t: Translate): OutlineNode {
  const { positions, model } = linted;
  const range = rangeOf(positions, d.start, d.end);
  const selectionRange: Range =
    d.titleLine >= 0 ? rangeOf(positions, model.lines.starts[d.titleLine], model.lines.ends[d.titleLine]) : { start: range.start, end: range.start };
  return {
    kind: d.kind === 'toc' ? 'toc' : 'document',
    name: d.title || (d.kind === 'toc' ? t('Table of contents') : t('Document {0}', d.index + 1)),
    detail: countsLabel(lang, d.placeholders, d.chars),
    level: 0,
    start: d.start,
    end: d.end,
    range,
    selectionRange,
    placeholders: d.placeholders,
    chars: d.chars,
    children: d.sections.map((s) => sectionNode(linted, s, lang)),
  };
}

function sectionNode(linted: Linted, s: OutlineSection, lang: MessageLanguage): OutlineNode {
  const { positions } = linted;
  // The section starts at its line's start, so a cursor on a markdown heading's `## ` (or on the indentation before a
  // marker) is inside it: breadcrumbs and the outline's follow-cursor then pick this section.
  const end = positions.positionAt(Math.max(s.end, s.titleEnd));
  const range: Range = { start: { line: positions.positionAt(s.start).line, character: 0 }, end };
  const name = s.level > 0 ? `${s.marker}${s.title}` : s.title || s.marker;
  return {
    kind: 'section',
    name: name || s.marker,
    detail: countsLabel(lang, s.placeholders, s.chars),
    level: s.level,
    start: s.start,
    end: s.end,
    range,
    selectionRange: rangeOf(positions, s.start, Math.max(s.titleEnd, s.start)),
    placeholders: s.placeholders,
    chars: s.chars,
    children: s.children.map((c) => sectionNode(linted, c, lang)),
  };
}

/** The outline as document symbols: the Outline view, breadcrumbs, Go to Symbol and sticky scroll. */
export function documentSymbols(nodes: OutlineNode[]): DocumentSymbol[] {
  return nodes.map((n) => ({
    name: n.name,
    detail: n.detail,
    kind: n.kind === 'section' ? SymbolKind.String : SymbolKind.File,
    range: n.range,
    selectionRange: n.selectionRange,
    children: documentSymbols(n.children),
  }));
}

/** Folds each section (and each document of a file that holds several). */
export function foldingRanges(linted: Linted): FoldingRange[] {
  const docs = linted.outline();
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  };
  const walk = (s: OutlineSection) => {
    add(s.line, linted.positions.positionAt(s.end).line);
    s.children.forEach(walk);
  };
  for (const d of docs) {
    if (docs.length > 1) add(d.startLine, d.endLine);
    d.sections.forEach(walk);
  }
  return ranges;
}

/** 字数 and pages of the document, or of the given ranges summed (a selection), through the one counting service. */
export function counts(linted: Linted, ranges: Range[] | undefined): CountsResult {
  const { positions, model } = linted;
  const spans = ranges?.length ? ranges.map((r) => [positions.offsetAt(r.start), positions.offsetAt(r.end)]) : [[0, model.text.length]];
  let zishu = 0;
  let pages = 0;
  for (const [start, end] of spans) {
    const c = countsOf(model, start, end);
    zishu += c.zishu;
    pages += c.pages;
  }
  return { version: linted.version, zishu, pages };
}

const CONTEXT_CHARS = 16;

/** `…前文「XX」后文…`: a placeholder in its line, shortened, for a pick list. */
export function placeholderContext(lineText: string, startCol: number, endCol: number): string {
  const from = Math.max(0, startCol - CONTEXT_CHARS);
  const to = Math.min(lineText.length, endCol + CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${lineText.slice(from, startCol)}「${lineText.slice(startCol, endCol)}」${lineText.slice(endCol, to)}${to < lineText.length ? '…' : ''}`.trim();
}

/** The placeholders of this version (the placeholder rule's problems, silencing applied). */
export function placeholders(linted: Linted, spans = linted.problems.filter((p) => p.ruleId === 'placeholder')): PlaceholderItem[] {
  const { positions, model } = linted;
  return spans.map((p) => {
    const range = rangeOf(positions, p.start, p.end);
    const line = model.lines.lineText(range.start.line);
    const endCol = range.end.line === range.start.line ? range.end.character : line.length;
    return { start: p.start, end: p.end, range, text: linted.text.slice(p.start, p.end), context: placeholderContext(line, range.start.character, endCol) };
  });
}

const STEPS = { moveUp, moveDown, promote, demote };

/** The section at a position: the last numbered heading on or above its line (its marker's offset). */
function sectionAt(linted: Linted, line: number): number | undefined {
  let found: number | undefined;
  for (const h of linted.model.headings) if (h.level > 0 && h.line <= line) found = h.markerStart;
  return found;
}

/** A section moved and the document renumbered, as the core computes it; no edits when it cannot move that way. */
export function sectionMove(linted: Linted, params: MoveSectionParams, reportInvalid: (edits: TextEdit[]) => void): MoveSectionResult {
  const { model, context } = linted;
  const mode = context.config.numbering.mode;
  const start = params.section ?? (params.position ? sectionAt(linted, params.position.line) : undefined);
  let edits: TextEdit[] = [];
  if (start !== undefined) {
    if (params.op === 'move') edits = params.to ? moveSection(model, start, params.to, mode) : [];
    else edits = STEPS[params.op](model, start, mode);
  }
  // Applied by the editor as one edit: overlapping edits would fail there as a whole, so they are a bug, never sent.
  if (!validEdits(linted.text, edits)) {
    reportInvalid(edits);
    edits = [];
  }
  return { version: linted.version, edits: toTextEdits(linted.positions, edits) };
}
