import type { Problem } from '../types';
import type { DocumentModel } from '../structure/model';
import { parse } from '../structure/parse';
import { lintModel, type LintOptions } from './lint';

/**
 * A lint session for one open document: what a long-lived process (the language server) keeps between edits of that
 * document, so a re-lint after a small edit reuses what the edit did not touch. Its caches belong to it and are gone
 * with it (close the document, drop the session): no module-level state.
 */
export interface LintSession {
  /** Lints the document's current text; the same problems as `lint(text, options)`, in the same order. */
  lint(text: string, options?: LintOptions): Problem[];
  /** The model of the text last linted (parsed once, shared with the outline, folding and counts), or null before the first lint. */
  readonly model: DocumentModel | null;
}

export function createLintSession(): LintSession {
  let model: DocumentModel | null = null;
  return {
    lint(text, options = {}) {
      const format = options.format ?? 'text';
      if (!model || model.text !== text || model.format !== format) model = parse(text, format);
      return lintModel(model, options);
    },
    get model() {
      return model;
    },
  };
}
