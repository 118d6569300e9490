import * as vscode from 'vscode';
import type { OutlineDocument, OutlineSection } from '../core';
import { pickerFor, rangeOf, type PickText } from './convert';
import type { ReportStore } from './reports';

const thousands = (n: number) => n.toLocaleString('en-US');

/** `2处占位符 · 1,024字` (or `2 placeholders · 1,024 chars`, as the document's messages go). */
export function countsLabel(pick: PickText, placeholders: number, chars: number): string {
  return pick(`${placeholders}处占位符 · ${thousands(chars)}字`, `${placeholders} placeholder${placeholders === 1 ? '' : 's'} · ${thousands(chars)} chars`);
}

/** The section tree for the Outline view, breadcrumbs, Go to Symbol and sticky scroll. */
export class SymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: ReportStore) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    if (!this.store.isReport(doc)) return [];
    const docs = (await this.store.view(doc)).outline();
    const pick = pickerFor(doc);
    // One untitled document: its sections are the top level. Otherwise each document is a node of its own.
    if (docs.length === 1 && !docs[0].title) return docs[0].sections.map((s) => sectionSymbol(doc, s, pick));
    return docs.map((d) => documentSymbol(doc, d, pick));
  }
}

function documentSymbol(doc: vscode.TextDocument, d: OutlineDocument, pick: PickText): vscode.DocumentSymbol {
  const range = rangeOf(doc, d.start, d.end);
  const name = d.title || (d.kind === 'toc' ? vscode.l10n.t('Table of contents') : vscode.l10n.t('Document {0}', d.index + 1));
  const selection = d.titleLine >= 0 ? doc.lineAt(d.titleLine).range : new vscode.Range(range.start, range.start);
  const symbol = new vscode.DocumentSymbol(name, countsLabel(pick, d.placeholders, d.chars), vscode.SymbolKind.File, range, selection);
  symbol.children = d.sections.map((s) => sectionSymbol(doc, s, pick));
  return symbol;
}

function sectionSymbol(doc: vscode.TextDocument, s: OutlineSection, pick: PickText): vscode.DocumentSymbol {
  // The section starts at its line's start, so a cursor on a markdown heading's `## ` (or on the indentation
  // before a marker) is inside it: breadcrumbs and the Outline's follow-cursor then pick this section.
  const end = doc.positionAt(Math.max(s.end, s.titleEnd));
  const range = new vscode.Range(doc.positionAt(s.start).with({ character: 0 }), end);
  const selection = rangeOf(doc, s.start, Math.max(s.titleEnd, s.start));
  const name = s.level > 0 ? `${s.marker}${s.title}` : s.title || s.marker;
  const symbol = new vscode.DocumentSymbol(name || s.marker, countsLabel(pick, s.placeholders, s.chars), vscode.SymbolKind.String, range, selection);
  symbol.children = s.children.map((c) => sectionSymbol(doc, c, pick));
  return symbol;
}

/**
 * The symbol provider's registration. VS Code caches the outline of each document version and has no event
 * for "symbols changed", so `refresh()` registers the provider anew: that makes the Outline view, breadcrumbs
 * and Go to Symbol ask again after a setting (`gongwen.enable`, `gongwen.messageLanguage`), a
 * `.gongwenrc.json` or the session toggle changed what gongwen shows for an unchanged document.
 */
export class SymbolRegistration implements vscode.Disposable {
  private registration: vscode.Disposable;

  constructor(
    private readonly selector: vscode.DocumentSelector,
    private readonly provider: SymbolProvider,
  ) {
    this.registration = this.register();
  }

  refresh(): void {
    const old = this.registration;
    this.registration = this.register();
    old.dispose();
  }

  private register(): vscode.Disposable {
    // The label names our group in the Outline view and breadcrumbs where another provider (markdown's) also answers.
    return vscode.languages.registerDocumentSymbolProvider(this.selector, this.provider, { label: 'gongwen' });
  }

  dispose(): void {
    this.registration.dispose();
  }
}

/** Folds each section (and each document of a file that holds several). */
export class FoldingProvider implements vscode.FoldingRangeProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeFoldingRanges = this.changed.event;

  constructor(private readonly store: ReportStore) {}

  /** Asks VS Code for the ranges again (what counts as a report may have changed). */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

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
