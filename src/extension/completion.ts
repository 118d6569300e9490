import * as vscode from 'vscode';
import { completionsAt, type Suggestion } from '../core';
import { pickerFor, rangeOf } from './convert';
import type { ReportStore } from './reports';

const KIND: Record<Suggestion['kind'], vscode.CompletionItemKind> = {
  heading: vscode.CompletionItemKind.Reference,
  enumeration: vscode.CompletionItemKind.EnumMember,
  date: vscode.CompletionItemKind.Value,
  name: vscode.CompletionItemKind.Text,
};

/** Typing a bracket at a line start asks for the next heading. */
export const COMPLETION_TRIGGERS = ['（', '('];

/** The core's context-aware completions: next heading, next ordinal, today's date, the document's names. */
export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly store: ReportStore) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    if (!this.store.isReport(doc)) return [];
    const view = await this.store.view(doc);
    const pick = pickerFor(doc);
    return completionsAt(view.model, doc.offsetAt(position), { mode: view.config.numbering.mode }).map((s) => {
      const item = new vscode.CompletionItem({ label: s.label, description: pick(s.detail, s.detailEn) }, KIND[s.kind]);
      item.insertText = s.text;
      item.range = rangeOf(doc, s.start, s.end);
      item.sortText = String(s.rank).padStart(3, '0');
      item.detail = pick(s.detail, s.detailEn);
      return item;
    });
  }
}
