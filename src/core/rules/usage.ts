import type { Rule, RuleProblem } from './rule';
import { NO_OPTIONS } from './rule';
import { USAGES, type UsagePattern } from './wording/usages';
import { SOURCES } from './wording/sources';
import { outsideFixed, scopeWithTerms } from './wording/terms';
import { isProseRange, type DocumentModel } from '../structure/model';

/** The problem for one occurrence of a usage pair. */
function usageProblem(u: UsagePattern, start: number): RuleProblem {
  const end = start + u.wrong.length;
  const source = SOURCES[u.source];
  return {
    start,
    end,
    message: `“${u.wrong}”应为“${u.right}”：${u.reason}（${source.zh}）`,
    messageEn: `"${u.wrong}": write "${u.right}" here (${source.en})`,
    fix: { safe: u.safe, edits: [{ start, end, text: u.right }], title: `改为“${u.right}”`, titleEn: `Change to "${u.right}"` },
    ...(u.severityCap ? { severityCap: u.severityCap } : {}),
  };
}

/**
 * Whether text[start, end) lies inside a cited title on its line (`《其它应收款核算办法》`): a title is quoted as it
 * was issued, so its wording is not the writer's to change.
 */
function inCitedTitle(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('《', start);
  if (open < 0 || /[》\r\n]/.test(text.slice(open + 1, start))) return false;
  const close = text.indexOf('》', end);
  return close >= 0 && !/[《\r\n]/.test(text.slice(end, close));
}

function occurrences(model: DocumentModel, u: UsagePattern): RuleProblem[] {
  const { text } = model;
  const out: RuleProblem[] = [];
  for (const m of text.matchAll(new RegExp(u.pattern.source, 'g'))) {
    const end = m.index + m[0].length;
    if (!isProseRange(model, m.index, end) || inCitedTitle(text, m.index, end)) continue;
    out.push(usageProblem(u, m.index));
  }
  return out;
}

/**
 * 公文 usage pairs, each only in the context that makes it wrong: `截止` before a point in time (截至), `其它` (其他,
 * info), `的` between an adverb and a verb-complement (`认真的做好` → 认真地做好), `必须品` and `必需` before a verb.
 * A cited title (`《…》`) keeps its wording.
 */
export const usage: Rule = {
  id: 'usage',
  defaultSeverity: 'warning',
  category: 'wording',
  description: '公文常见用法错误：“截止”+时间应为“截至”，“其它”统一为“其他”，“认真的做好”应为“认真地做好”，必须／必需',
  descriptionEn: 'Usage pairs in context: 截止 before a date (截至), 其它 (其他), 的 before a verb (地), 必须/必需',
  fix: {
    zh: '改为正确用法，安全；“截止”改“截至”仅快速修复',
    en: 'write the right word: safe, except 截止 → 截至 (a quick fix: the sentence may need 截止于)',
  },
  basis: { zh: '《现代汉语词典》（第7版）；公文写作惯例', en: 'Xiandai Hanyu Cidian, 7th edition; drafting practice' },
  severityNote: { zh: '“其它”为 info', en: '其它 is info' },
  options: NO_OPTIONS,
  scope: ({ config }) => scopeWithTerms(config, 'line'),
  check({ model, config }) {
    const found = USAGES.flatMap((u) => occurrences(model, u)).sort((a, b) => a.start - b.start);
    return outsideFixed(model, config, found);
  },
};
