import type { Rule, RuleProblem } from './rule';
import { CLAUSE_7_3_3, NO_OPTIONS } from './rule';
import type { Heading, ReportDocument, SectionNode } from '../structure/model';

const LEVEL_EXAMPLE: Record<number, string> = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）', 5: '①' };

/** The numbered level of a node's parent: 0 for the document root or a `#` heading. */
const parentLevel = (node: SectionNode): number => (node.parent && node.parent.heading.level > 0 ? node.parent.heading.level : 0);

/**
 * A level skipped under a parent (`1.` directly under `一、`) where the same document elsewhere puts the
 * skipped level (`（一）`) under a parent of that kind: the writer likely forgot it here.
 */
export const numberingHierarchy: Rule = {
  id: 'numbering-hierarchy',
  defaultSeverity: 'info',
  category: 'structure',
  description: '越级编号：本文其他部分在此层级使用了中间一级',
  descriptionEn: 'A heading level is skipped where the rest of the document uses it',
  fix: null,
  basis: { zh: 'GB/T 9704-2012 第7.3.3条', en: 'GB/T 9704-2012 §7.3.3' },
  options: NO_OPTIONS,
  scope: 'structure',
  check({ model }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      if (doc.kind === 'toc') continue;
      const used = levelsUsedUnder(doc);
      const flaggedParents = new Set<SectionNode | null>();
      for (const node of doc.nodes) {
        const h = node.heading;
        // Under an unnumbered part of plain text (`2019年工作回顾`, `附件`) a part may start at any level.
        if (h.level === 0 || flaggedParents.has(node.parent) || isTextPart(node.parent) || swallowsText(h)) continue;
        const p = parentLevel(node);
        const skipped = [...(used.get(p) ?? [])].filter((l) => l > p && l < h.level).sort((a, b) => a - b)[0];
        if (skipped === undefined) continue;
        flaggedParents.add(node.parent);
        const parentMarker = node.parent ? node.parent.heading.marker || `“${node.parent.heading.title}”` : '文首';
        problems.push({
          start: h.markerStart,
          end: h.markerEnd,
          message: `越级编号：${h.marker}直接位于${parentMarker}之下，而本文其他部分在此使用“${LEVEL_EXAMPLE[skipped]}”一级（${CLAUSE_7_3_3.zh}）`,
          messageEn: `Level skipped: ${h.marker} sits directly under ${node.parent ? node.parent.heading.marker || `"${node.parent.heading.title}"` : 'the document start'}, while elsewhere this document uses the "${LEVEL_EXAMPLE[skipped]}" level there (${CLAUSE_7_3_3.en})`,
        });
      }
    }
    return problems;
  },
};

/** A "title" this long with no stop is a paragraph or a flattened list that begins with a number, not a heading to place. */
const MAX_TITLE = 100;
const swallowsText = (h: Heading): boolean => !h.runIn && h.title.length > MAX_TITLE;

/** An unnumbered part of plain text (no `#` marker): it has its own structure. */
function isTextPart(node: SectionNode | null): boolean {
  return node !== null && node.heading.level === 0 && node.heading.marker === '' && !node.heading.lead;
}

/** For each parent level, the child levels that appear directly under it somewhere in the document. */
function levelsUsedUnder(doc: ReportDocument): Map<number, Set<number>> {
  const used = new Map<number, Set<number>>();
  for (const node of doc.nodes) {
    if (node.heading.level === 0) continue;
    const p = parentLevel(node);
    if (!used.has(p)) used.set(p, new Set());
    used.get(p)!.add(node.heading.level);
  }
  return used;
}
