/**
 * The markdown-it parser of the analysis, configured through its public API only. markdown-it is loaded on first
 * use: plain-text reports never pay for the markdown parser at start-up. The instance is created once and never
 * changed afterwards; a parse keeps its state in its own objects (the `env` and token stream of each call).
 */
import type MarkdownIt from 'markdown-it';

function createParser(): MarkdownIt {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownItClass = require('markdown-it') as typeof MarkdownIt;
  const md = new MarkdownItClass('default', { html: true, linkify: false, typographer: false });
  // Keep every inline token as its rule wrote it: joining text tokens would merge escapes (`text_special`) and the
  // halves of delimiters into plain text, and the walk could no longer tell where each came from.
  md.core.ruler.disable('text_join');
  md.inline.ruler2.disable('fragments_join');
  return md;
}

let parser: MarkdownIt | null = null;

/** The shared parser, created (and markdown-it loaded) on first use; configured once, never mutated after. */
export function markdownParser(): MarkdownIt {
  if (!parser) parser = createParser();
  return parser;
}
