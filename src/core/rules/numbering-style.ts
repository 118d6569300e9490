import type { Rule, RuleProblem } from './rule';
import { CLAUSE_7_3_3, CONVENTION, NO_OPTIONS } from './rule';
import type { Heading, MarkerParts, ReportDocument } from '../structure/model';
import type { TextEdit } from '../types';
import { STANDARD_PARTS as STANDARD, isStandardForm, majorityKey, variantKey } from '../structure/numbering';

type Form = 'standard' | 'harmless' | 'nonstandard';

/** Standard; a harmless width variant used by web copies (`(一)`, `(1)`, `1．`, `１.`); or a form the standard never uses. */
function formOf(h: Heading): Form {
  if (isStandardForm(h)) return 'standard';
  const std = STANDARD[h.level];
  const p = h.parts;
  // Full-width digits in an otherwise standard marker: a width variant.
  if (p.open === std.open && p.close === std.close && p.suffix === std.suffix) return 'harmless';
  if ((h.level === 2 || h.level === 4) && p.open === '(' && p.close === ')' && p.suffix === '') return 'harmless';
  if (h.level === 3 && p.suffix === '．') return 'harmless';
  return 'nonstandard';
}

/** Numbering markers written in a variant: mixed at one level, or a form GB/T 9704 does not use. */
export const numberingStyle: Rule = {
  id: 'numbering-style',
  defaultSeverity: 'warning',
  category: 'structure',
  description: '编号格式不规范或同级混用（如“(一)”与“（一）”、“1、”与“1.”）',
  descriptionEn: 'Marker variants mixed at one level, or forms GB/T 9704 does not use (1、, 一., （一）、)',
  fix: { zh: '改为配置的规范写法，安全', en: 'rewrite the marker in the configured style (`numbering.style`), safe' },
  basis: { zh: 'GB/T 9704-2012 第7.3.3条', en: 'GB/T 9704-2012 §7.3.3' },
  severityNote: { zh: '；整级一致的无害变体为 `info`', en: '; `info` for a whole level written consistently in a harmless variant' },
  options: NO_OPTIONS,
  scope: 'structure',
  check({ model, config }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      if (doc.kind === 'toc') continue;
      for (const [level, headings] of headingsByLevel(doc)) {
        problems.push(...(config.numbering.style === 'document' ? checkAgainstMajority(headings) : checkAgainstStandard(level, headings)));
      }
    }
    return problems;
  },
};

function headingsByLevel(doc: ReportDocument): Map<number, Heading[]> {
  const map = new Map<number, Heading[]>();
  for (const h of doc.headings) {
    if (!STANDARD[h.level]) continue;
    const list = map.get(h.level) ?? [];
    list.push(h);
    map.set(h.level, list);
  }
  return map;
}

function standardParts(h: Heading): MarkerParts {
  return { ...STANDARD[h.level], numeral: h.parts.numeral.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)) };
}

const markerText = (parts: MarkerParts): string => parts.open + parts.numeral + parts.close + parts.suffix;

function rewrite(h: Heading, parts: MarkerParts): TextEdit {
  return { start: h.markerStart, end: h.markerEnd, text: markerText(parts) };
}

function checkAgainstStandard(level: number, headings: Heading[]): RuleProblem[] {
  const majority = majorityKey(headings);
  const consistent = headings.every((h) => variantKey(h) === majority);
  const first = headings[0];
  const want = markerText(standardParts(first));
  if (consistent && formOf(first) === 'harmless') {
    return [
      {
        start: first.markerStart,
        end: first.markerEnd,
        severityCap: 'info',
        message: `本文第${level}级编号均写作“${first.marker}”式，规范写法为“${want}”（${CLAUSE_7_3_3.zh}）`,
        messageEn: `Every level-${level} marker in this document is written like "${first.marker}"; the standard form is "${want}" (${CLAUSE_7_3_3.en})`,
        fix: {
          safe: true,
          edits: headings.map((h) => rewrite(h, standardParts(h))),
          title: `将本级编号全部改为“${want}”式`,
          titleEn: `Rewrite every marker of this level like "${want}"`,
        },
      },
    ];
  }
  const problems: RuleProblem[] = [];
  for (const h of headings) {
    const form = formOf(h);
    const odd = variantKey(h) !== majority;
    if (form === 'standard' && !odd) continue;
    if (form === 'harmless' && !odd) continue;
    const target = markerText(standardParts(h));
    const like = headings.find((x) => variantKey(x) === majority)!.marker;
    const unlike = odd ? `与本级其他编号“${like}”写法不一致` : '';
    const unlikeEn = odd ? `unlike the other markers of this level (${like})` : '';
    // A standard marker's fix rewrites the markers that carry no problem (and fix) of their own: the harmless majority.
    // The others' fixes are theirs, so no two problems of the rule offer the same edit (one fix per problem).
    const edits =
      form === 'standard'
        ? headings.filter((x) => formOf(x) === 'harmless' && variantKey(x) === majority).map((x) => rewrite(x, standardParts(x)))
        : [rewrite(h, standardParts(h))];
    // Nothing left for it to rewrite: every other variant is flagged on its own marker. Flagging the correct marker
    // too would tell the writer "1." should be "1.", and would make each fix of a "2、" raise a new problem on it.
    if (!edits.length) continue;
    problems.push({
      start: h.markerStart,
      end: h.markerEnd,
      message:
        form === 'nonstandard'
          ? `编号“${h.marker}”不规范，应为“${target}”${unlike ? '，且' + unlike : ''}（${CLAUSE_7_3_3.zh}）`
          : `编号“${h.marker}”${unlike}，规范写法为“${target}”（${CLAUSE_7_3_3.zh}）`,
      messageEn:
        form === 'nonstandard'
          ? `Marker "${h.marker}" is not a standard form; use "${target}"${unlikeEn ? ', and it is ' + unlikeEn : ''} (${CLAUSE_7_3_3.en})`
          : `Marker "${h.marker}" is ${unlikeEn}; the standard form is "${target}" (${CLAUSE_7_3_3.en})`,
      fix:
        form !== 'standard'
          ? { safe: true, edits, title: `改为“${target}”`, titleEn: `Change to "${target}"` }
          : { safe: true, edits, title: `将本级“${like}”式编号改为规范写法`, titleEn: `Rewrite the markers of this level like "${like}" in the standard form` },
    });
  }
  return problems;
}

function checkAgainstMajority(headings: Heading[]): RuleProblem[] {
  const majority = majorityKey(headings);
  const model = headings.find((h) => variantKey(h) === majority)!;
  return headings
    .filter((h) => variantKey(h) !== majority)
    .map((h) => {
      const parts = { ...model.parts, numeral: h.parts.numeral };
      const target = markerText(parts);
      // Consistency with the document's own majority is drafting practice, not the standard.
      return {
        start: h.markerStart,
        end: h.markerEnd,
        message: `编号“${h.marker}”与本级其他编号“${model.marker}”写法不一致，应为“${target}”（${CONVENTION.zh}）`,
        messageEn: `Marker "${h.marker}" is unlike the other markers of this level (${model.marker}); expected "${target}" (${CONVENTION.en})`,
        fix: { safe: true, edits: [rewrite(h, parts)], title: `改为“${target}”`, titleEn: `Change to "${target}"` },
      };
    });
}
