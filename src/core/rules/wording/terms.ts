import type { GongwenConfig, TermsSetting } from '../../config/settings';
import type { DocumentModel } from '../../structure/model';
import type { RuleProblem, RuleScope } from '../rule';
import { escapeRegExp } from './match';

/** A banned term of `terms.banned` (or of banned-term's older `terms` option), read into one shape. */
export interface BannedTerm {
  term: string;
  replacement: string;
  reason: string;
}

/** An institution of `terms.institutions`, with its short names longest first. */
export interface Institution {
  full: string;
  short: string[];
}

/** `terms` read once per configuration: unchecked input (a config built in code) is read leniently. */
export interface Terms {
  banned: BannedTerm[];
  institutions: Institution[];
  /** The phrases no wording rule reports inside: `terms.fixed` and every institution's full and short names. */
  protectedPhrases: string[];
  /** `terms.fixed` alone: the institution check keeps to these (the names themselves are what it looks at). */
  fixed: string[];
}

const NO_TERMS: Terms = { banned: [], institutions: [], protectedPhrases: [], fixed: [] };
const read = new WeakMap<TermsSetting, Terms>();

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** A term of spaces alone would match every space: read as no term. */
const termText = (v: unknown): string => (text(v).trim() ? text(v) : '');
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(termText).filter(Boolean) : []);

function bannedTerm(item: unknown): BannedTerm | undefined {
  if (typeof item === 'string') return termText(item) ? { term: item, replacement: '', reason: '' } : undefined;
  if (typeof item !== 'object' || item === null) return undefined;
  const o = item as Record<string, unknown>;
  const term = termText(o.term);
  return term ? { term, replacement: text(o.replacement), reason: text(o.reason) } : undefined;
}

function readTerms(setting: TermsSetting): Terms {
  const banned = (Array.isArray(setting.banned) ? setting.banned : []).map(bannedTerm).filter((b): b is BannedTerm => b !== undefined);
  const institutions = (Array.isArray(setting.institutions) ? setting.institutions : [])
    .map((i): Institution => ({ full: termText(i?.full), short: texts(i?.short).sort((a, b) => b.length - a.length) }))
    .filter((i) => i.full);
  const fixed = texts(setting.fixed);
  const names = institutions.flatMap((i) => [i.full, ...i.short]);
  return { banned, institutions, fixed, protectedPhrases: [...new Set([...fixed, ...names])] };
}

/** The configuration's `terms`, read (nothing when it has none). */
export function termsOf(config: GongwenConfig): Terms {
  const setting = config.terms;
  if (!setting || typeof setting !== 'object') return NO_TERMS;
  let terms = read.get(setting);
  if (!terms) read.set(setting, (terms = readTerms(setting)));
  return terms;
}

/** Every occurrence of the phrases in the text, as [start, end) pairs in text order. */
export function occurrencesOf(haystack: string, phrases: readonly string[]): Array<[number, number]> {
  if (!phrases.length) return [];
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  // A phrase's line break matches the text's, LF or CRLF: the configuration's JSON writes it `\n`.
  const pattern = new RegExp(sorted.map((p) => escapeRegExp(p).replace(/\r?\n/g, '\\r?\\n')).join('|'), 'g');
  const out: Array<[number, number]> = [];
  for (const m of haystack.matchAll(pattern)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const protectedCache = new WeakMap<DocumentModel, WeakMap<Terms, Array<[number, number]>>>();

/** Where the protected phrases stand in the model's text, found once per model and configuration. */
function protectedRanges(model: DocumentModel, terms: Terms): Array<[number, number]> {
  let byTerms = protectedCache.get(model);
  if (!byTerms) protectedCache.set(model, (byTerms = new WeakMap()));
  let ranges = byTerms.get(terms);
  if (!ranges) byTerms.set(terms, (ranges = occurrencesOf(model.text, terms.protectedPhrases)));
  return ranges;
}

/**
 * The problems that touch no protected phrase (`terms.fixed`, institution names): a fixed phrase's characters must
 * not change, so no wording rule reports (and offers to rewrite) anything that overlaps one.
 */
export function outsideFixed<P extends Pick<RuleProblem, 'start' | 'end'>>(model: DocumentModel, config: GongwenConfig, problems: P[]): P[] {
  const terms = termsOf(config);
  if (!terms.protectedPhrases.length || !problems.length) return problems;
  const ranges = protectedRanges(model, terms);
  if (!ranges.length) return problems;
  return problems.filter((p) => !ranges.some(([s, e]) => s < Math.max(p.end, p.start + 1) && p.start < e));
}

/**
 * A wording rule's scope with `terms` configured: a protected phrase written across a line break can only be found
 * in the whole text, so the rule then runs on the whole document.
 */
export function scopeWithTerms(config: GongwenConfig, scope: RuleScope): RuleScope {
  return termsOf(config).protectedPhrases.some((p) => /[\r\n]/.test(p)) ? 'document' : scope;
}
