import * as vscode from 'vscode';
import type { OutlineDocument, OutlineSection } from '../core';
import { pickText, rangeOf } from './convert';
import type { ReportStore } from './reports';

const thousands = (n: number) => n.toLocaleString('en-US');

/** `2处占位符 · 1,024字` */
export function countsLabel(placeholders: number, chars: number): string {
  return pickText(`${placeholders}处占位符 · ${thousands(chars)}字`, `${placeholders} placeholder${placeholders === 1 ? '' : 's'} · ${thousands(chars)} chars`);
}

/** The section tree for the Outline view, breadcrumbs, Go to Symbol and sticky scroll. */
export class SymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: ReportStore) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    if (!this.store.isReport(doc)) return [];
    const docs = (await this.store.view(doc)).outline();
    // One untitled document: its sections are the top level. Otherwise each document is a node of its own.
    if (docs.length === 1 && !docs[0].title) return docs[0].sections.map((s) => sectionSymbol(doc, s));
    return docs.map((d) => documentSymbol(doc, d));
  }
}

function documentSymbol(doc: vscode.TextDocument, d: OutlineDocument): vscode.DocumentSymbol {
  const range = rangeOf(doc, d.start, d.end);
  const name = d.title || (d.kind === 'toc' ? vscode.l10n.t('Table of contents') : vscode.l10n.t('Document {0}', d.index + 1));
  const selection = d.titleLine >= 0 ? doc.lineAt(d.titleLine).range : new vscode.Range(range.start, range.start);
  const symbol = new vscode.DocumentSymbol(name, countsLabel(d.placeholders, d.chars), vscode.SymbolKind.File, range, selection);
  symbol.children = d.sections.map((s) => sectionSymbol(doc, s));
  return symbol;
}

function sectionSymbol(doc: vscode.TextDocument, s: OutlineSection): vscode.DocumentSymbol {
  const range = rangeOf(doc, s.start, Math.max(s.end, s.titleEnd));
  const selection = rangeOf(doc, s.start, Math.max(s.titleEnd, s.start));
  const name = s.level > 0 ? `${s.marker}${s.title}` : s.title || s.marker;
  const symbol = new vscode.DocumentSymbol(name || s.marker, countsLabel(s.placeholders, s.chars), vscode.SymbolKind.String, range, selection);
  symbol.children = s.children.map((c) => sectionSymbol(doc, c));
  return symbol;
}

/** Folds each section (and each document of a file that holds several). */
export class FoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly store: ReportStore) {}

  async provideFoldingRanges(doc: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    if (!this.store.isReport(doc)) return [];
    const docs = (await this.store.view(doc)).outline();
    const ranges: vscode.FoldingRange[] = [];
    const add = (startLine: number, endLine: number) => {
      if (endLine > startLine) ranges.push(new vscode.FoldingRange(startLine, endLine, vscode.FoldingRangeKind.Region));
    };
    const walk = (s: OutlineSection) => {
      add(s.line, doc.positionAt(s.end).line);
      s.children.forEach(walk);
    };
    for (const d of docs) {
      if (docs.length > 1) add(d.startLine, d.endLine);
      d.sections.forEach(walk);
    }
    return ranges;
  }
}
