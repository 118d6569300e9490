/** The closing parts of a document: 落款 and 成文日期 (§7.3.5) at the end of the body, 版记 (§7.4) at the very end. */
import type { Heading } from '../model';
import { chineseToNumber } from '../../text/numerals';
import { matchMarker } from '../headings';
import type { Imprint, Signature } from './index';
import type { Line } from './plain-text';
import { COPY_TO, DATE_ARABIC, DATE_CHINESE, ENDS_LIKE_SENTENCE, ISSUED, NOTE_ITEM, NOTE_START, toAscii } from './patterns';

const ORGANISATION_MAX_CHARS = 40;
const CN_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** A date line (成文日期) in Arabic numerals, as §7.3.5.4 writes it; null when the line is no date. */
export function issuingDate(line: string): string | null {
  const a = DATE_ARABIC.exec(line);
  if (a) return `${Number(toAscii(a[1]))}年${Number(toAscii(a[2]))}月${Number(toAscii(a[3]))}日`;
  const c = DATE_CHINESE.exec(line);
  if (c) {
    const year = [...c[1]].map((ch) => CN_DIGIT[ch]).join('');
    const month = chineseToNumber(c[2]);
    const day = chineseToNumber(c[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${year}年${month}月${day}日`;
  }
  return null;
}

/** Moves the 版记 lines (`抄送：…`, `…印发`) at the end of `lines` to the front of `into`. */
export function takeImprintLines(lines: Line[], into: Line[]): void {
  while (lines.length && (COPY_TO.test(lines[lines.length - 1].text) || ISSUED.test(lines[lines.length - 1].text))) into.unshift(lines.pop()!);
}

/** 落款 and 成文日期: a date as the last line, and up to 3 organisations' names before it; taken off `lines`. */
export function takeSignature(lines: Line[], headings: Map<number, Heading>): Signature | null {
  const last = lines[lines.length - 1];
  const date = last ? issuingDate(last.text) : null;
  if (!(last && date)) return null;
  lines.pop();
  const organisations: Line[] = [];
  while (organisations.length < 3 && lines.length > 1 && isOrganisation(lines[lines.length - 1], headings)) organisations.unshift(lines.pop()!);
  return { line: organisations[0]?.line ?? last.line, organisations: organisations.map((o) => o.text), date, sourceDate: last.text.trim() };
}

function isOrganisation(l: Line, headings: Map<number, Heading>): boolean {
  const t = l.text;
  return (
    !headings.has(l.line) &&
    t !== '' &&
    [...t].length <= ORGANISATION_MAX_CHARS &&
    !ENDS_LIKE_SENTENCE.test(t) &&
    !NOTE_START.test(t) &&
    !NOTE_ITEM.test(t) &&
    issuingDate(t) === null &&
    matchMarker(t) === null
  );
}

export function imprintOf(lines: Line[]): Imprint | null {
  if (!lines.length) return null;
  let copyTo: string | null = null;
  let issuer: Imprint['issuer'] = null;
  for (const l of lines) {
    const cc = COPY_TO.exec(l.text);
    if (cc) copyTo = copyTo === null ? cc[1].trim() : `${copyTo}${cc[1].trim()}`;
    const is = ISSUED.exec(l.text);
    if (is) issuer = { organisation: is[1].trim(), date: issuingDate(is[2]) ?? is[2] };
  }
  return { line: lines[0].line, copyTo, issuer };
}
