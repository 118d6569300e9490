/**
 * The markdown-it parser of the analysis, with the stamping rules of `./plugin` installed. markdown-it is loaded
 * on first use: plain-text reports never pay for the markdown parser at start-up.
 */
import type MarkdownIt from 'markdown-it';
import { collectDelimiters, coreInline, INLINE_STAMPS, stampReference } from './plugin';

interface RuleRecord<T> {
  name: string;
  fn: T;
  alt: string[];
}

function rulesOf<T>(ruler: MarkdownIt.Ruler<T>): Array<RuleRecord<T>> {
  return (ruler as unknown as { __rules__: Array<RuleRecord<T>> }).__rules__;
}

/** Replace rule `name` of `ruler` by make(original), keeping its alternation chains. */
function wrapRule<T>(ruler: MarkdownIt.Ruler<T>, name: string, make: (orig: T) => T): void {
  const rule = rulesOf(ruler).find((x) => x.name === name);
  if (rule) ruler.at(name, make(rule.fn), { alt: rule.alt });
}

function createParser(): MarkdownIt {
  // Loaded on first use: plain-text reports never pay for the markdown parser at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownItClass = require('markdown-it') as typeof MarkdownIt;
  const md = new MarkdownItClass('default', { html: true, linkify: false, typographer: false });
  // The inline token children are not used after the walk: joining text tokens is wasted work.
  md.core.ruler.disable('text_join');
  md.inline.ruler2.disable('fragments_join');
  md.core.ruler.at('inline', coreInline);
  wrapRule(md.block.ruler, 'reference', stampReference);
  for (const [name, stamp] of INLINE_STAMPS) wrapRule(md.inline.ruler, name, stamp);
  md.inline.ruler2.push('gongwen_delimiters', collectDelimiters);
  return md;
}

let parser: MarkdownIt | null = null;

/** The shared parser, created (and markdown-it loaded) on first use. */
export function markdownParser(): MarkdownIt {
  if (!parser) parser = createParser();
  return parser;
}
