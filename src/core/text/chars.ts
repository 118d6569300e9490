/** Character classes for the writing checks (punctuation-width, spacing, date-format, quote-pairs). */
/** Han characters (CJK Unified Ideographs and extensions, compatibility ideographs). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;
export const DIGIT = /[0-9０-９]/;
/** Full-width (Chinese) punctuation: CJK symbols, full-width forms, curly quotes, ellipsis, dash (never U+3000). */
export const CJK_PUNCT = /[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/;

/** The code point ending just before `i` (a surrogate pair counts as one), or '' at the text's start. */
export function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The code point starting at `i` (a surrogate pair counts as one), or '' at the text's end. */
export function charAt(text: string, i: number): string {
  if (i >= text.length) return '';
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return text.slice(i, i + 2);
  return text[i];
}

export const isHan = (ch: string): boolean => ch !== '' && HAN.test(ch);
export const isCjkPunct = (ch: string): boolean => ch !== '' && CJK_PUNCT.test(ch);
/** A Han character or a full-width punctuation mark: what Chinese text is made of. */
export const isChinese = (ch: string): boolean => isHan(ch) || isCjkPunct(ch);
export const isDigit = (ch: string): boolean => ch !== '' && DIGIT.test(ch);

/** A BMP ideograph by its UTF-16 code unit (CJK Unified, Extension A, Compatibility): the hot loops' test, no string. */
export const isIdeographCode = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/** A Han character by its code unit for counting 字数: a BMP ideograph, or 〇 (the zero of 二〇二四年). */
export const isHanCode = (c: number): boolean => isIdeographCode(c) || c === 0x3007;
