import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { completionsAt, type Suggestion } from '../core';
import { pick, rangeOf } from './convert';
import type { Linted } from './reports';

const KIND: Record<Suggestion['kind'], CompletionItemKind> = {
  heading: CompletionItemKind.Reference,
  enumeration: CompletionItemKind.EnumMember,
  date: CompletionItemKind.Value,
  name: CompletionItemKind.Text,
};

/** Typing a bracket at a line start asks for the next heading. */
export const COMPLETION_TRIGGERS = ['（', '('];

/** The core's context-aware completions: next heading, next ordinal, today's date, the document's names. */
export function completions(linted: Linted, position: Position): CompletionItem[] {
  const lang = linted.context.language;
  const offset = linted.positions.offsetAt(position);
  return completionsAt(linted.model, offset, { mode: linted.context.config.numbering.mode }).map((s) => {
    const detail = pick(lang, s.detail, s.detailEn);
    return {
      label: s.label,
      labelDetails: { description: detail },
      kind: KIND[s.kind],
      detail,
      sortText: String(s.rank).padStart(3, '0'),
      // Its own range: a heading replaces the part of a marker already typed (`（` → `（二）`).
      textEdit: { range: rangeOf(linted.positions, s.start, s.end), newText: s.text },
    };
  });
}
