import type { Rule, RuleProblem } from './rule';
import { Option, readOptions, ruleOptions } from './rule';
import { BANNED_TERMS, NEEDS_CONTEXT } from './wording/banned-terms';
import type { WordingEntry } from './wording/sources';
import { compileList, entryProblem, findEntries, keepWordMatches, type CompiledList } from './wording/match';
import type { DocumentModel } from '../structure/model';

const OPTIONS = ruleOptions({
  terms: Option.Array(Option.String({ minLength: 1 }), {
    default: [],
    description: '本单位禁用的词：“错误写法=规范写法”（如“市卫健委=市卫生健康委”）或只写禁用的词',
    descriptionEn: 'Your own banned terms: "wrong=right" (an institution\'s unofficial short form and its official one) or just the term',
  }),
  builtIn: Option.Boolean({
    default: true,
    description: '是否检查内置的新华社禁用词',
    descriptionEn: "Whether to check the built-in list from Xinhua's guidance",
  }),
});

const BUILT_IN = compileList(BANNED_TERMS);

/** `市卫健委=市卫生健康委`, or a bare term with nothing to offer in its place. */
function userEntry(term: string): WordingEntry {
  const at = term.indexOf('=');
  const wrong = (at < 0 ? term : term.slice(0, at)).trim();
  const right = at < 0 ? '' : term.slice(at + 1).trim();
  return { wrong, right, source: 'regulations', reason: '本单位配置的禁用词（.gongwenrc.json）' };
}

function userProblem(model: DocumentModel, list: CompiledList): RuleProblem[] {
  return findEntries(model, list).map((m) => {
    if (m.entry.right) return entryProblem(m, { zh: '禁用词', en: 'Banned term' });
    return {
      start: m.start,
      end: m.end,
      message: `禁用词“${m.entry.wrong}”：${m.entry.reason}`,
      messageEn: `Banned term "${m.entry.wrong}" (configured in .gongwenrc.json)`,
    };
  });
}

/** Whether a term that needs context has it in the characters before it. */
const inContext = (model: DocumentModel, wrong: string, start: number): boolean =>
  NEEDS_CONTEXT[wrong] === undefined || NEEDS_CONTEXT[wrong].test(model.text.slice(Math.max(0, start - 12), start));

/**
 * Terms 新华社's guidance rules out that matter in a 公文 (`北朝鲜`, `中港`, `台湾政府`, `村长`, `老板` for an
 * official), and the writer's own (`terms`: `"市卫健委=市卫生健康委"`). Short built-in terms are checked against the
 * segmentation (`农村长期` holds no 村长).
 */
export const bannedTerm: Rule = {
  id: 'banned-term',
  defaultSeverity: 'warning',
  category: 'wording',
  description: '新华社禁用词和慎用词中公文常涉及的（如“北朝鲜”“中港”“台湾政府”），以及本单位配置的禁用词',
  descriptionEn: "Terms Xinhua's guidance rules out that matter in a 公文 (北朝鲜, 中港, 台湾政府), and your own",
  fix: { zh: '改为规范说法，仅快速修复', en: 'write the proper term: quick fix only' },
  basis: { zh: '新华社《新华社新闻信息报道中的禁用词和慎用词》', en: "Xinhua's list of banned and cautioned words" },
  options: OPTIONS,
  // Line by line, unless a configured term holds a line break.
  scope: ({ options }) => (readOptions(OPTIONS, options).terms.some((t) => /[\r\n]/.test(t)) ? 'document' : 'line'),
  check({ model, options, segmenter }) {
    const { terms, builtIn } = readOptions(OPTIONS, options);
    const problems: RuleProblem[] = [];
    if (builtIn) {
      const found = findEntries(model, BUILT_IN).filter((m) => inContext(model, m.entry.wrong, m.start));
      problems.push(...keepWordMatches(model, found, segmenter).map((m) => entryProblem(m, { zh: '禁用词', en: 'Banned term' })));
    }
    const own = terms.map(userEntry).filter((e) => e.wrong);
    if (own.length) problems.push(...userProblem(model, compileList(own)));
    return problems.sort((a, b) => a.start - b.start);
  },
};
