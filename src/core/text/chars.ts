/** Character classes for the writing checks (punctuation-width, spacing, date-format, quote-pairs). */
import { CJK_PUNCT, DIGIT, HAN } from '../structure/patterns';

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
