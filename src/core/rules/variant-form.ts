import type { Rule } from './rule';
import { NO_OPTIONS } from './rule';
import { VARIANTS } from './wording/variants';
import { outsideFixed, scopeWithTerms } from './wording/terms';
import { compileList, entryProblem, findEntries, keepWordMatches } from './wording/match';

const LIST = compileList(VARIANTS);

/**
 * 异形词 of GF 1001-2001 written in the non-preferred form (`成份`, `联接`, `丰富多采`). Short forms are checked
 * against the segmentation as typo does (`组成份额` is 组成|份额, `个人材料` is 个人|材料); variants that are words
 * elsewhere carry their exclusions (`预定单位` holds no 定单).
 */
export const variantForm: Rule = {
  id: 'variant-form',
  defaultSeverity: 'warning',
  category: 'wording',
  description: '异形词用了非推荐词形（如“成份”“联接”“丰富多采”），按GF 1001-2001改为推荐词形',
  descriptionEn: 'Variant word forms GF 1001-2001 does not prefer (成份, 联接, 丰富多采), with the preferred form',
  fix: {
    zh: '改为推荐词形；四字词语安全，二字词仅快速修复',
    en: 'write the preferred form: safe for four-character forms, a quick fix for two-character ones',
  },
  basis: { zh: 'GF 1001-2001《第一批异形词整理表》', en: 'GF 1001-2001, First List of Variant Word Forms' },
  options: NO_OPTIONS,
  scope: ({ config }) => scopeWithTerms(config, 'line'),
  check({ model, segmenter, config }) {
    const found = outsideFixed(model, config, findEntries(model, LIST));
    return keepWordMatches(model, found, segmenter).map((m) => entryProblem(m, { zh: '异形词', en: 'Variant form' }));
  },
};
