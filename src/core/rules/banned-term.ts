import type { Rule, RuleContext, RuleProblem } from './rule';
import { Option, readOptions, ruleOptions } from './rule';
import { BANNED_TERMS, NEEDS_CONTEXT } from './wording/banned-terms';
import { compileList, entryProblem, findEntries, keepWordMatches, type EntryMatch } from './wording/match';
import { institutionProblems } from './wording/institutions';
import { occurrencesOf, outsideFixed, scopeWithTerms, termsOf, type BannedTerm } from './wording/terms';
import type { WordingEntry } from './wording/sources';
import type { DocumentModel } from '../structure/model';
import type { Segmenter } from '../text/segmenter';

const OPTIONS = ruleOptions({
  terms: Option.Array(Option.String({ minLength: 1 }), {
    default: [],
    description: '本单位禁用的词：“错误写法=规范写法”（如“市卫健委=市卫生健康委”）或只写禁用的词；与 .gongwenrc.json 的 terms.banned 合并使用',
    descriptionEn:
      'Your own banned terms: "wrong=right" (an institution\'s unofficial short form and its official one) or just the term; added to `terms.banned` of .gongwenrc.json',
  }),
  builtIn: Option.Boolean({
    default: true,
    description: '是否检查内置的新华社禁用词',
    descriptionEn: "Whether to check the built-in list from Xinhua's guidance",
  }),
});

const BUILT_IN = compileList(BANNED_TERMS);

/** The rule option's `市卫健委=市卫生健康委`, or a bare term with nothing to offer in its place. */
function optionTerm(term: string): BannedTerm {
  const at = term.indexOf('=');
  const wrong = (at < 0 ? term : term.slice(0, at)).trim();
  const right = at < 0 ? '' : term.slice(at + 1).trim();
  return { term: wrong, replacement: right, reason: '' };
}

/** The writer's banned terms: `terms.banned` of the configuration, then the rule option's. */
function ownTerms(context: RuleContext): BannedTerm[] {
  const fromOption = readOptions(OPTIONS, context.options).terms.map(optionTerm);
  return [...termsOf(context.config).banned, ...fromOption].filter((t) => t.term);
}

function ownProblem(m: EntryMatch, own: BannedTerm): RuleProblem {
  const reason = own.reason || '本单位配置的禁用词';
  const where = { zh: '.gongwenrc.json 中配置', en: 'configured in .gongwenrc.json' };
  if (!own.replacement) {
    return {
      start: m.start,
      end: m.end,
      message: `禁用词“${own.term}”：${reason}（${where.zh}）`,
      messageEn: `Banned term "${own.term}" (${where.en})`,
    };
  }
  return {
    start: m.start,
    end: m.end,
    message: `禁用词“${own.term}”应为“${own.replacement}”：${reason}（${where.zh}）`,
    messageEn: `Banned term "${own.term}": write "${own.replacement}" (${where.en})`,
    fix: {
      safe: false,
      edits: [{ start: m.start, end: m.end, text: own.replacement }],
      title: `改为“${own.replacement}”`,
      titleEn: `Change to "${own.replacement}"`,
    },
  };
}

/** A find of the writer's list, and whether its term is bare (no replacement, no reason: nothing of its own to say). */
interface OwnFind {
  problem: RuleProblem;
  bare: boolean;
}

/** A term holding a line break, written with LF and with CRLF: the text may have either. */
function lineBreakForms(term: string): string[] {
  if (!term.includes('\n')) return [term];
  const lf = term.replace(/\r\n/g, '\n');
  return [...new Set([term, lf, lf.replace(/\n/g, '\r\n')])];
}

function ownTermProblems(model: DocumentModel, own: BannedTerm[]): OwnFind[] {
  // The first entry of a term wins: `terms.banned` before the option, as `ownTerms` lists them.
  const byTerm = new Map<string, BannedTerm>();
  for (const t of own) for (const form of lineBreakForms(t.term)) if (!byTerm.has(form)) byTerm.set(form, t);
  const entries: WordingEntry[] = [...byTerm.keys()].map((wrong) => ({ wrong, right: '', source: 'regulations', reason: '' }));
  return findEntries(model, compileList(entries)).map((m) => {
    const term = byTerm.get(m.entry.wrong)!;
    return { problem: ownProblem(m, term), bare: !term.replacement && !term.reason };
  });
}

/**
 * A term both in the shipped list and the writer's (`北朝鲜`) is reported once: with the writer's replacement or
 * reason when there is one, else with the shipped entry, which has its correction.
 */
function oncePerTerm(shipped: RuleProblem[], own: OwnFind[]): RuleProblem[] {
  const at = (p: RuleProblem) => `${p.start}:${p.end}`;
  const shippedAt = new Set(shipped.map(at));
  const keptOwn = own.filter((o) => !(o.bare && shippedAt.has(at(o.problem)))).map((o) => o.problem);
  const ownAt = new Set(keptOwn.map(at));
  return [...shipped.filter((p) => !ownAt.has(at(p))), ...keptOwn];
}

/** Whether a term that needs context has it in the characters before it. */
const inContext = (model: DocumentModel, wrong: string, start: number): boolean =>
  NEEDS_CONTEXT[wrong] === undefined || NEEDS_CONTEXT[wrong].test(model.text.slice(Math.max(0, start - 12), start));

/** The segmenter, asked for once. */
function once(segmenter: RuleContext['segmenter']): () => Segmenter | undefined {
  let engine: Segmenter | undefined;
  let asked = false;
  return () => {
    if (!asked) [engine, asked] = [segmenter?.(), true];
    return engine;
  };
}

/**
 * Terms 新华社's guidance rules out that matter in a 公文 (`北朝鲜`, `中港`, `台湾政府`, `村长`, `老板` for an
 * official), the writer's own (`terms.banned` of .gongwenrc.json, or the option `terms`: `"市卫健委=市卫生健康委"`),
 * and a configured institution's short name used before its full name (`terms.institutions`). Short built-in terms
 * are checked against the segmentation (`农村长期` holds no 村长); nothing inside a `terms.fixed` phrase is reported.
 */
export const bannedTerm: Rule = {
  id: 'banned-term',
  defaultSeverity: 'warning',
  category: 'wording',
  description: '新华社禁用词和慎用词中公文常涉及的（如“北朝鲜”“中港”“台湾政府”），以及本单位配置的禁用词和机关名称',
  descriptionEn: "Terms Xinhua's guidance rules out that matter in a 公文 (北朝鲜, 中港, 台湾政府), your own, and your institutions' names",
  fix: { zh: '改为规范说法，仅快速修复', en: 'write the proper term: quick fix only' },
  basis: { zh: '新华社《新华社新闻信息报道中的禁用词和慎用词》', en: "Xinhua's list of banned and cautioned words" },
  options: OPTIONS,
  // Line by line, unless a configured term holds a line break or an institution's first mention is judged.
  scope: (context) => {
    const own = ownTerms(context);
    if (termsOf(context.config).institutions.some((i) => i.short.length) || own.some((t) => /[\r\n]/.test(t.term))) return 'document';
    return scopeWithTerms(context.config, 'line');
  },
  check(context) {
    const { model, options, segmenter, config } = context;
    const shipped: RuleProblem[] = [];
    if (readOptions(OPTIONS, options).builtIn) {
      const found = findEntries(model, BUILT_IN).filter((m) => inContext(model, m.entry.wrong, m.start));
      shipped.push(...keepWordMatches(model, found, segmenter).map((m) => entryProblem(m, { zh: '禁用词', en: 'Banned term' })));
    }
    const own = ownTerms(context);
    const problems = own.length ? oncePerTerm(shipped, ownTermProblems(model, own)) : shipped;
    const terms = termsOf(config);
    const kept = outsideFixed(model, config, problems);
    if (terms.institutions.length) {
      const fixed = occurrencesOf(model.text, terms.fixed);
      kept.push(...institutionProblems(model, terms.institutions, { segmenter: once(segmenter), fixed }));
    }
    return kept.sort((a, b) => a.start - b.start);
  },
};
