import type { Rule, RuleProblem } from './rule';
import { NO_OPTIONS } from './rule';
import { isProseRange, type DocumentModel } from '../structure/model';
import { ASCII_TOKEN_CHAR, DATE_CHINESE, DOCUMENT_NUMBER, ISSUER_BEFORE, LATIN_LETTER, URL_LIKE, globalCopy } from '../structure/patterns';
import { chineseToNumber } from '../text/numerals';
import { isWebMetadataLine } from '../structure/furniture';

/** ASCII punctuation that sits between a label and its value (`Date: `, `(`, `,`). */
const ASCII_SEPARATOR = /[:;,()"'=]/;

/** The usual last character of an issuing authority's abbreviation (国发, 国办函, 陕政办字, 国令): a fix there cannot guess wrong. */
const ISSUER_CODE_END = /[发函字办令电文规通复报呈]/;

/** After 号, a place (`3号楼`, `5号院`): an address, not a document number. */
const NUMBER_IS_ADDRESS = /^[楼院线房室门栋层路街巷仓库馆厅]/;

/** An issuing date in Chinese numerals alone on its line (`二〇二四年三月十三日`). Groups: year, month, day. */
const DATE_CHINESE_NUMERALS_LINE = /^[ \t\u3000]*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日[ \t\u3000]*$/;

/** A numeric date `2024-3-13`, `2024/03/13`, `2024.3.13` (never inside a version, an IP address, a path or a range). Groups: year, separator, month, day. */
const DATE_NUMERIC = /(?<![0-9A-Za-z_./\\:-])((?:19|20)[0-9]{2})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9A-Za-z_]|[./:-][0-9A-Za-z])/;

/** GB/T 9704-2012 §7.3.5.4 (issuing date) and §7.2.5 (document number). */
const DATE_CLAUSE = { zh: 'GB/T 9704-2012 第7.3.5.4条', en: 'GB/T 9704-2012 §7.3.5.4' };
const NUMBER_CLAUSE = { zh: 'GB/T 9704-2012 第7.2.5条', en: 'GB/T 9704-2012 §7.2.5' };

/**
 * A two-digit year's century, as POSIX strptime's %y guesses it: 69–99 are 19xx, 00–68 are 20xx. A guess, so the
 * fix that uses it is never safe.
 */
export const centuryOf = (yy: number): number => (yy >= 69 ? 1900 + yy : 2000 + yy);

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const validDate = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
const hasLeadingZero = (s: string | undefined): boolean => s !== undefined && s.length > 1 && s[0] === '0';

interface Found {
  start: number;
  end: number;
  message: string;
  messageEn: string;
  fixed?: string;
  safe?: boolean;
  /** A date, not a document number. */
  date?: boolean;
}

const toProblem = (f: Found): RuleProblem => ({
  start: f.start,
  end: f.end,
  message: f.message,
  messageEn: f.messageEn,
  ...(f.fixed !== undefined
    ? { fix: { safe: f.safe ?? false, edits: [{ start: f.start, end: f.end, text: f.fixed }], title: `改为“${f.fixed}”`, titleEn: `Change to "${f.fixed}"` } }
    : {}),
});

/** Words before `12年` that make it a length of time (`连续12年`, `近10年`, `已满20年`), not a year written short. */
const DURATION_BEFORE = /(?:连续|近|已|共|历时|长达|满|超过|达|多|第|前|后|每|数|逾|约|过去)$/;

/** `2024年03月13日` (leading zeros), `24年3月13日` (a two-digit year). */
function chineseDates(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(globalCopy(DATE_CHINESE))) {
    const [whole, yearText, monthText, dayText] = m;
    const month = Number(monthText);
    const day = dayText === undefined ? undefined : Number(dayText);
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
    const zeros = hasLeadingZero(monthText) || hasLeadingZero(dayText);
    // `连续12年3月`, `近10年5月`: a number of years before a month, not a year.
    const shortYear = yearText !== undefined && yearText.length === 2 && !DURATION_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index));
    if (!zeros && !shortYear) continue;
    const year = yearText === undefined ? '' : String(shortYear ? centuryOf(Number(yearText)) : Number(yearText));
    const fixed = `${year ? `${year}年` : ''}${month}月${day === undefined ? '' : `${day}日`}`;
    const start = m.index;
    const faults: Array<[string, string]> = [];
    if (shortYear) faults.push(['年份应写全，不能简写为两位', 'write the year in full, not as two digits']);
    if (zeros) faults.push(['月、日不编虚位（不加前导零）', 'no leading zeros in month or day']);
    out.push({
      start,
      end: start + whole.length,
      message: `日期“${whole}”格式不规范：${faults.map((f) => f[0]).join('；')}，应为“${fixed}”${shortYear ? '（年份系推测，请核对）' : ''}（${DATE_CLAUSE.zh}）`,
      messageEn: `Date "${whole}": ${faults.map((f) => f[1]).join('; ')}; write "${fixed}"${shortYear ? ' (the century is a guess: check it)' : ''} (${DATE_CLAUSE.en})`,
      fixed,
      // A two-digit year's century is a guess; dropping a zero is not.
      safe: !shortYear,
      date: true,
    });
  }
  return out;
}

/** The nearest character on one side within the line, past spaces and ASCII punctuation (`Date: 2024-03-13`). */
function neighbour(text: string, i: number, step: -1 | 1): string {
  for (let j = i; j >= 0 && j < text.length; j += step) {
    const c = text[j];
    if (c === '\n' || c === '\r') return '';
    if (c !== ' ' && c !== '\t' && !ASCII_SEPARATOR.test(c)) return c;
  }
  return '';
}

/** `2024-3-13`, `2024/03/13`, `2024.3.13`: the issuing form is `2024年3月13日`. */
function numericDates(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(globalCopy(DATE_NUMERIC))) {
    const [whole, yearText, , monthText, dayText] = m;
    const start = m.index;
    const end = start + whole.length;
    const year = Number(yearText);
    const month = Number(monthText);
    const day = Number(dayText);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    // Next to Latin words (`PyCharm 2024.3.1`, `Date: 2024-03-13` in English) it is a version or English text.
    if (LATIN_LETTER.test(neighbour(text, start - 1, -1)) || LATIN_LETTER.test(neighbour(text, end, 1))) continue;
    let s = start;
    while (s > 0 && ASCII_TOKEN_CHAR.test(text[s - 1])) s--;
    let e = end;
    while (e < text.length && ASCII_TOKEN_CHAR.test(text[e])) e++;
    if (URL_LIKE.test(text.slice(s, e))) continue;
    const fixed = `${year}年${month}月${day}日`;
    const valid = validDate(year, month, day);
    out.push({
      start,
      end,
      message: `日期“${whole}”应写作“${fixed}”${valid ? '' : '（此日期不存在，请核对）'}（${DATE_CLAUSE.zh}）`,
      messageEn: `Date "${whole}": write "${fixed}"${valid ? '' : ' (no such date: check it)'} (${DATE_CLAUSE.en})`,
      fixed,
      safe: valid,
      date: true,
    });
  }
  return out;
}

const CN_YEAR_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** An issuing date in Chinese numerals on a line of its own (`二〇二四年三月十三日`): GB/T 9704-2012 wants Arabic numerals. */
function chineseNumeralDates(model: DocumentModel): Found[] {
  const { lines } = model;
  const out: Found[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    if (!model.isProseLine(line)) continue;
    const lineText = lines.lineText(line);
    const m = DATE_CHINESE_NUMERALS_LINE.exec(lineText);
    if (!m) continue;
    const year = Number([...m[1]].map((c) => CN_YEAR_DIGIT[c]).join(''));
    const month = chineseToNumber(m[2]);
    const day = chineseToNumber(m[3]);
    if (!validDate(year, month, day)) continue;
    const date = `${m[1]}年${m[2]}月${m[3]}日`;
    const start = lines.starts[line] + lineText.indexOf(date);
    const fixed = `${year}年${month}月${day}日`;
    out.push({
      start,
      end: start + date.length,
      message: `成文日期“${date}”应使用阿拉伯数字：“${fixed}”（${DATE_CLAUSE.zh}）`,
      messageEn: `Issuing date "${date}": use Arabic numerals, "${fixed}" (${DATE_CLAUSE.en})`,
      fixed,
      safe: true,
      date: true,
    });
  }
  return out;
}

/** 文号 `卫发[2024]第05号`: the year in 〔〕, no 第, no leading zeros (`卫发〔2024〕5号`). */
function documentNumbers(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(globalCopy(DOCUMENT_NUMBER))) {
    const [whole, open, year, close, di, serial] = m;
    const start = m.index;
    if (!ISSUER_BEFORE.test(text.charAt(start - 1))) continue;
    if (NUMBER_IS_ADDRESS.test(text.slice(start + whole.length, start + whole.length + 1))) continue;
    const afterIssuerCode = ISSUER_CODE_END.test(text[start - 1] ?? '');
    // `卫发〔23〕5号`: a two-digit year, but only after a usual issuer code (`（23）5号` elsewhere may be anything).
    const shortYear = year.length === 2;
    if (shortYear && !afterIssuerCode) continue;
    const faults: Array<[string, string]> = [];
    if (shortYear) faults.push(['年份应写全，不能简写为两位', 'write the year in full, not as two digits']);
    if (open !== '〔' || close !== '〕')
      faults.push([`年份应用六角括号“〔〕”，不用“${open}${close}”`, `the year goes in hexagonal brackets 〔〕, not ${open}${close}`]);
    if (di) faults.push(['序号前不加“第”', 'no 第 before the serial number']);
    if (hasLeadingZero(serial)) faults.push(['序号不编虚位（不加前导零）', 'no leading zeros in the serial number']);
    if (!faults.length) continue;
    const fixed = `〔${shortYear ? centuryOf(Number(year)) : year}〕${Number(serial)}号`;
    out.push({
      start,
      end: start + whole.length,
      message: `发文字号“${whole}”格式不规范：${faults.map((f) => f[0]).join('；')}，应为“${fixed}”${shortYear ? '（年份系推测，请核对）' : ''}（${NUMBER_CLAUSE.zh}）`,
      messageEn: `Document number "${whole}": ${faults.map((f) => f[1]).join('; ')}; write "${fixed}"${shortYear ? ' (the century is a guess: check it)' : ''} (${NUMBER_CLAUSE.en})`,
      fixed,
      // Only after a usual issuer code (国发, 国办函) is it surely a document number; elsewhere it is offered, not
      // applied. A two-digit year's century is a guess either way.
      safe: afterIssuerCode && !shortYear,
    });
  }
  return out;
}

/**
 * `发布时间：`, `时间：`, `日期：`, `更新日期：` right before the date, at the start of the line or after a blank (`来源：…\u3000时间：`):
 * a web page's metadata, not the report's own date. (`会议时间：` is the report's.)
 */
const PAGE_DATE_LABEL = /(?:发布|更新|发稿|录入|上传|修改|生成)?(?:时间|日期)[ \t]*[:：|｜][ \t\u3000]*$/;
const FIELD_START = /[ \t\u3000【[|｜]/;
/** `2026-02-03 09:02:33`, `2024-3-13 09:30`, `2026年02月10日 07时41分`: a time right after the date makes it a timestamp. */
const TIME_AFTER = /^(?:[ \t\u3000]*|T)\d{1,2}(?:[:：]\d{2}(?:[:：]\d{2})?|时\d{1,2}分(?:\d{1,2}秒)?)/;

/** Only blanks (and not many) in `text[start, end)`. */
const isBlank = (text: string, start: number, end: number): boolean => end - start <= 8 && /^[ \t\u3000]*$/.test(text.slice(start, end));

/** On a page's metadata line (`发布时间：2026-02-10`). */
function isPageDate(text: string, lineStart: number, start: number): boolean {
  const before = text.slice(Math.max(lineStart, start - 16), start);
  const m = PAGE_DATE_LABEL.exec(before);
  if (!m) return false;
  const at = start - before.length + m.index;
  return at === lineStart || FIELD_START.test(text[at - 1]);
}

/**
 * A date in a page's metadata, or a machine's timestamp alone on its line or to the second (`2026-02-03 09:02:33`), is
 * no date of the report: not flagged. Any other date with a time after it is, but only as a suggestion: the fix must
 * not run the two together (`2026年2月3日09:02`) once spacing has had its say.
 */
function judgeTimestamps(model: DocumentModel, f: Found): Found | null {
  if (!f.date) return f;
  const { text, lines } = model;
  const line = lines.lineAt(f.start);
  const ls = lines.starts[line];
  const le = lines.ends[line];
  if (isPageDate(text, ls, f.start) || isWebMetadataLine(text, ls, le)) return null;
  const time = TIME_AFTER.exec(text.slice(f.end, Math.min(le, f.end + 14)));
  if (!time) return f;
  const alone = isBlank(text, ls, f.start) && isBlank(text, f.end + time[0].length, le);
  if (alone || /\d[:：]\d+[:：]\d|秒/.test(time[0])) return null;
  return { ...f, safe: false };
}

/** Dates and document numbers in the forms GB/T 9704-2012 prescribes. */
export const dateFormat: Rule = {
  id: 'date-format',
  defaultSeverity: 'warning',
  category: 'format',
  description: '日期用阿拉伯数字、年份写全、不加前导零（2024年3月13日）；发文字号写作“〔2024〕5号”',
  descriptionEn: 'Dates in Arabic numerals, full year, no leading zeros (2024年3月13日); document numbers as 〔2024〕5号',
  fix: {
    zh: '改为规范写法，安全；两位年份、不存在的日期仅快速修复',
    en: "rewrite to `2024年3月13日` / `〔2024〕5号`: safe; a two-digit year's century or an impossible date: quick fix only",
  },
  basis: { zh: 'GB/T 9704-2012 第7.3.5.4条、第7.2.5条', en: 'GB/T 9704-2012 §7.3.5.4, §7.2.5' },
  options: NO_OPTIONS,
  scope: 'line',
  check({ model }) {
    const { text } = model;
    const found = [...chineseDates(text), ...numericDates(text), ...chineseNumeralDates(model), ...documentNumbers(text)];
    return found
      .filter((f) => isProseRange(model, f.start, f.end))
      .map((f) => judgeTimestamps(model, f))
      .filter((f): f is Found => f !== null)
      .sort((a, b) => a.start - b.start)
      .map(toProblem);
  },
};
