/**
 * Number formats of list levels (ECMA-376 §17.18.59 ST_NumberFormat): a level's counter as its label shows it.
 * Where Word and LibreOffice agree the forms are theirs; where they part (measured in test/unit/docx-render.test.ts)
 * the choice is written beside the format. Formats not listed here are shown as decimal numbers.
 */

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CN_UNITS = ['', '十', '百', '千'];
const CN_LEGAL_UNITS = ['', '拾', '佰', '仟'];
const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

/** 1..9999 in Chinese counting: 十一, 一百零五, 一千零一十; a leading 一十 is 十 (except in the legal forms). */
function chineseBelow10000(n: number, digits: string[], units: string[], bareTen: boolean): string {
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += bareTen && d === 1 && unit === units[1] && out === '' ? unit : digits[d] + unit;
  });
  return out;
}

/**
 * Chinese counting with 万 above 9999 (一万二千三百四十五). LibreOffice 7.4 renders chineseCounting,
 * chineseCountingThousand and ideographDigital alike, this way, at every size; Word is said to differ above 99 for
 * chineseCounting and ideographDigital (digit by digit). No 公文 level reaches 100: LibreOffice's forms are kept.
 */
function chineseCounting(n: number, digits = CN_DIGITS, units = CN_UNITS, bareTen = true): string {
  if (n < 10000) return chineseBelow10000(n, digits, units, bareTen);
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  const rest = low === 0 ? '' : (low < 1000 ? digits[0] : '') + chineseBelow10000(low, digits, units, false);
  return chineseCounting(high, digits, units, bareTen) + '万' + rest;
}

function letters(n: number, base: string): string {
  // A, …, Z, AA, BB, …, ZZ, AAA: the letter repeated, as Word and LibreOffice both count.
  const letter = String.fromCharCode(base.charCodeAt(0) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/** ①..㊿: Unicode has circled numbers to 50; LibreOffice uses them all (Word stops at 20), then plain digits. */
function enclosedCircle(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCharCode(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCharCode(0x32b1 + n - 36);
  return String(n);
}

const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

type Formatter = (n: number) => string;

const FORMATS: Record<string, Formatter> = {
  decimal: String,
  decimalZero: (n) => (n < 10 ? `0${n}` : String(n)),
  // Word shows full-width digits; LibreOffice 7.4 shows ASCII ones. The displayed text is Word's.
  decimalFullWidth: (n) => fullWidth(String(n)),
  decimalFullWidth2: (n) => fullWidth(String(n)),
  decimalHalfWidth: String,
  decimalEnclosedCircle: enclosedCircle,
  decimalEnclosedCircleChinese: enclosedCircle,
  chineseCounting: (n) => chineseCounting(n),
  chineseCountingThousand: (n) => chineseCounting(n),
  ideographDigital: (n) => chineseCounting(n),
  japaneseCounting: (n) => chineseCounting(n),
  taiwaneseCounting: (n) => chineseCounting(n),
  chineseLegalSimplified: (n) => chineseCounting(n, CN_LEGAL_DIGITS, CN_LEGAL_UNITS, false),
  ideographTraditional: (n) => (n <= 10 ? STEMS[n - 1] : String(n)),
  ideographZodiac: (n) => (n <= 12 ? BRANCHES[n - 1] : String(n)),
  upperLetter: (n) => letters(n, 'A'),
  lowerLetter: (n) => letters(n, 'a'),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  ordinal,
  none: () => '',
};

/**
 * `n` in the number format `format`. Zero and negative counters (a list started at 0) are shown as decimal digits,
 * as LibreOffice shows them; an unknown format as decimal, as Word falls back.
 */
export function formatNumber(n: number, format: string): string {
  if (format === 'none') return '';
  if (n <= 0) return String(n);
  return (FORMATS[format] ?? String)(n);
}

/** Whether the format is one this reader renders itself (others fall back to decimal). */
export const knownFormat = (format: string): boolean => format === 'bullet' || format in FORMATS;
