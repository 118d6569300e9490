import type { Rule, RuleProblem } from './rule';
import { NO_OPTIONS } from './rule';
import type { DocumentModel } from '../structure/model';
import { attachmentItemLines } from '../structure/attachments';
import { LATIN_LETTER } from '../structure/patterns';
import { outsideFixed, scopeWithTerms } from './wording/terms';

const CLAUSE = { zh: 'GB/T 15834-2011 第4.13.3条', en: 'GB/T 15834-2011 §4.13.3' };

/**
 * A dash written between the ends of a span of time where §4.13.3.2 wants the em dash: hyphen, full-width hyphen,
 * en dash, half-width tilde. (The clause allows the wave dash ～ for time as well: `（2016～2020年）` is right.)
 */
const DASH = '[-－–~]';
/** A number's start that is not the middle of a longer token (`15834-2011`, `COVID-19`, `-5`, `v1.2-3`). */
const NUMBER_START = '(?<![0-9０-９A-Za-z/._:#-])';

/** `2016-2020年`, `2016年-2020年`, `（2021-2025）`: a span of years. Groups: first year, its 年, the dash, second year. */
const YEAR_RANGE = new RegExp(`${NUMBER_START}((?:19|20)[0-9]{2})(年?)([ \\t]*${DASH}[ \\t]*)((?:19|20)[0-9]{2})(?=年|[）)])(?![0-9])`, 'g');

/** `1-6月`, `3月1-15日`: a span of months or days. Groups: first, the dash, second, 月 or 日. */
const MONTH_DAY_RANGE = new RegExp(`${NUMBER_START}([0-9]{1,2})([ \\t]*${DASH}[ \\t]*)([0-9]{1,2})(月|日)`, 'g');

/** Units of measured quantities and counts (`5-10个`, `10-30亿元`, `3%-5%`): not 年/月/日, which are time. */
const UNIT =
  '(?:%|％|‰|个|万|亿|千|百|米|公里|千米|厘米|毫米|平方米|平方公里|立方米|亩|公顷|人|名|家|岁|周岁|天|小时|分钟|元|吨|公斤|千克|克|升|次|项|所|户|辆|台|套|张|篇|件|床|倍|层|座|条|处|批|度|℃|兆瓦|千瓦)';
/** A span of a measured quantity. Groups: first number with its %, the dash, second number, the unit after it. */
const QUANTITY_RANGE = new RegExp(`${NUMBER_START}([0-9]+(?:\\.[0-9]+)?[%％]?)([ \\t]*[-－–][ \\t]*)([0-9]+(?:\\.[0-9]+)?)(?=([ \\t]*${UNIT}))`, 'g');

/** A Latin word just before (past blanks): a standard's or a product's number (`GB/T 2016-2020`), not a range. */
function afterLatin(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && (LATIN_LETTER.test(text[i]) || text[i] === '/');
}

interface Span {
  dashStart: number;
  dashEnd: number;
  dash: string;
  whole: string;
  start: number;
}

function problemOf(s: Span, time: boolean): RuleProblem {
  const fixed = time ? '—' : '～';
  const what = time ? '表示时间的起止用一字线“—”' : '表示数值范围的起止用浪纹线“～”';
  const whatEn = time ? 'a span of time takes the em dash —' : 'a range of values takes the wave dash ～';
  const replaced = s.whole.slice(0, s.dashStart - s.start) + fixed + s.whole.slice(s.dashEnd - s.start);
  return {
    start: s.dashStart,
    end: s.dashEnd,
    message: `“${s.whole}”：${what}，应为“${replaced}”（${CLAUSE.zh}）`,
    messageEn: `"${s.whole}": ${whatEn}; write "${replaced}" (${CLAUSE.en})`,
    fix: { safe: time, edits: [{ start: s.dashStart, end: s.dashEnd, text: fixed }], title: `改为“${fixed}”`, titleEn: `Change to "${fixed}"` },
  };
}

/** Spans of one pattern whose dash is not already right, with the dash's place. */
function* spans(text: string, pattern: RegExp, dashGroup: number, right: string, valid: (m: RegExpMatchArray) => boolean): Generator<Span> {
  for (const m of text.matchAll(pattern)) {
    const dash = m[dashGroup];
    if (dash.trim() === right || !valid(m) || afterLatin(text, m.index)) continue;
    const before = m.slice(1, dashGroup).join('');
    const dashStart = m.index + before.length;
    // The quantity's unit is looked ahead at, not matched: shown in the message all the same (`4.5%-5%`).
    const unit = pattern === QUANTITY_RANGE ? m[4] : '';
    yield { dashStart, dashEnd: dashStart + dash.length, dash, whole: m[0] + unit, start: m.index };
  }
}

const increasing = (a: string, b: string): boolean => Number(a) < Number(b);
const validYears = (m: RegExpMatchArray): boolean => increasing(m[1], m[4]) && Number(m[4]) - Number(m[1]) <= 50;
const validMonthsDays = (m: RegExpMatchArray): boolean => increasing(m[1], m[3]) && Number(m[3]) <= (m[4] === '月' ? 12 : 31);
const validQuantity = (m: RegExpMatchArray): boolean => increasing(m[1].replace(/[%％]/, ''), m[3]);

/** Lines where ranges are not judged: 附件 lines and their lists, and non-prose lines. */
function skippedLines(model: DocumentModel): (line: number) => boolean {
  const items = attachmentItemLines(model.lines);
  return (line) => !model.isProseLine(line) || items.has(line) || /^[ \t\u3000]*附件/.test(model.lines.lineText(line));
}

/**
 * Ranges written with a hyphen or tilde where GB/T 15834-2011 §4.13.3 wants another mark: a span of years, months
 * or days takes the em dash (`2016—2020年`, `1—6月`), a range of measured values the wave dash (`5～10个`). Dates
 * (`2024-3-13`), phone and standard numbers (`GB/T 15834-2011`), 文号 and 附件 lists are never touched.
 */
export const rangeDash: Rule = {
  id: 'range-dash',
  defaultSeverity: 'warning',
  category: 'typography',
  description: '起止范围的连接号：时间用一字线（2016—2020年、1—6月），数值用浪纹线（5～10个）',
  descriptionEn: 'Range marks: an em dash for spans of time (2016—2020年, 1—6月), a wave dash for ranges of values (5～10个)',
  fix: {
    zh: '改为“—”（时间，安全）或“～”（数值，仅快速修复）',
    en: 'write — for a span of time (safe) or ～ for a range of values (quick fix only)',
  },
  basis: CLAUSE,
  options: NO_OPTIONS,
  // Line by line, unless the text has attachment lists: whether a line is one's item depends on the `附件：` line above.
  scope: ({ model, config }) => scopeWithTerms(config, model.text.includes('附件') ? 'document' : 'line'),
  check({ model, config }) {
    const { text, lines } = model;
    const skip = skippedLines(model);
    const found: RuleProblem[] = [];
    const keep = (s: Span) => !skip(lines.lineAt(s.start)) && !model.isExcluded(s.start, s.start + s.whole.length);
    for (const s of spans(text, YEAR_RANGE, 3, '—', validYears)) if (keep(s)) found.push(problemOf(s, true));
    for (const s of spans(text, MONTH_DAY_RANGE, 2, '—', validMonthsDays)) if (keep(s)) found.push(problemOf(s, true));
    for (const s of spans(text, QUANTITY_RANGE, 2, '～', validQuantity)) if (keep(s)) found.push(problemOf(s, false));
    return outsideFixed(
      model,
      config,
      found.sort((a, b) => a.start - b.start),
    );
  },
};
