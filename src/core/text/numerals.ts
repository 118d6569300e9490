/** Chinese and Arabic numerals as they appear in section markers. */

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Value of a Chinese numeral such as 三, 十一, 二十三, 一百零二; NaN when it is not one. */
export function chineseToNumber(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let pending = -1; // a digit waiting for its unit
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (pending >= 0 && pending !== 0) return NaN; // two digits in a row (二三)
      pending = CN_DIGITS[ch];
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      total += (pending < 0 ? 1 : pending) * unit;
      pending = -1;
    } else return NaN;
  }
  if (pending > 0) total += pending;
  return total > 0 ? total : NaN;
}

/** The Chinese numeral for 1..999 (十一, 二十, 一百零五). */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n <= 0) return String(n);
  if (n < 10) return CN_DIGIT_CHARS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGIT_CHARS[n % 10] : '');
  if (n < 100) return CN_DIGIT_CHARS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGIT_CHARS[n % 10] : '');
  const rest = n % 100;
  const hundreds = CN_DIGIT_CHARS[Math.floor(n / 100) % 10] + '百';
  if (rest === 0) return hundreds;
  if (rest < 10) return hundreds + '零' + CN_DIGIT_CHARS[rest];
  return hundreds + (rest < 20 ? '一' : '') + numberToChinese(rest);
}

/** Value of ASCII or full-width digits. */
export function arabicToNumber(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const d = c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : c - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return s ? n : NaN;
}

/** Renders `n` in the digit width of `sample` (full-width if sample is). */
export function renderArabic(n: number, sample: string): string {
  const fullWidth = /[０-９]/.test(sample);
  const s = String(n);
  return fullWidth ? s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10)) : s;
}
