import type { Rule } from './rule';
import { NO_OPTIONS } from './rule';
import { TYPOS } from './wording/typos';
import { outsideFixed, scopeWithTerms } from './wording/terms';
import { compileList, entryProblem, findEntries, keepWordMatches } from './wording/match';

const LIST = compileList(TYPOS);

/**
 * 错别字 from a compiled list (`布署`, `己经`, `严于律已`, `按步就班`): forms that are no word. A two- or
 * three-character form is only reported when no word of the segmentation crosses its edges (`自己经历` is 自己|经历,
 * not 己经), so without a segmenter those are not reported; four-character idioms need no segmentation.
 */
export const typo: Rule = {
  id: 'typo',
  defaultSeverity: 'error',
  category: 'wording',
  description: '错别字（如“布署”“己经”“严于律已”“按步就班”），按词表逐条给出正确写法',
  descriptionEn: 'Misspelt words (布署, 己经, 严于律已, 按步就班) from a list, each with its correct form',
  fix: {
    zh: '改为正确写法；四字成语的错写安全，二三字的仅快速修复',
    en: 'write the correct form: safe for a misspelt four-character idiom, a quick fix for a shorter form',
  },
  basis: { zh: '《现代汉语词典》（第7版）', en: 'Xiandai Hanyu Cidian, 7th edition' },
  options: NO_OPTIONS,
  scope: ({ config }) => scopeWithTerms(config, 'line'),
  check({ model, segmenter, config }) {
    const found = outsideFixed(model, config, findEntries(model, LIST));
    return keepWordMatches(model, found, segmenter, 'compound').map((m) => entryProblem(m, { zh: '错别字', en: 'Misspelling' }));
  },
};
