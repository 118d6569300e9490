import { isHanCode } from './chars';

/** The language a problem message is shown in. */
export type MessageLanguage = 'zh' | 'en';

/** Conventions: a document's language (and whether it is a report, `looksLikeReport`) is judged on its first 64 KB; it is Chinese from 30% CJK. */
export const SAMPLE = 64 * 1024;
const MIN_CJK_SHARE = 0.3;

/**
 * The share of CJK characters (Han, CJK symbols and punctuation, full-width forms) among the non-space
 * characters of the text's first 64 KB; 0 for a text with no visible character.
 */
export function cjkShare(text: string): number {
  const end = Math.min(text.length, SAMPLE);
  let cjk = 0;
  let visible = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0x3000) continue;
    visible++;
    if (isHanCode(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return visible ? cjk / visible : 0;
}

/** Whether a document is Chinese: at least 30% of the non-space characters of its first 64 KB are CJK. */
export const isChineseText = (text: string): boolean => cjkShare(text) >= MIN_CJK_SHARE;

/**
 * The language of problem messages for one document. `setting` is `gongwen.messageLanguage`: `zh-cn` (or
 * `zh`) and `en` force one; `auto` (and anything unknown) gives Chinese for a Chinese document, else follows
 * `displayLanguage` (VS Code's, e.g. `en`, `zh-cn`). `text` is only scanned for `auto`; a function is called
 * only then, so a caller can hand over the document's text lazily.
 */
export function messageLanguage(setting: string | undefined, displayLanguage: string, text: string | (() => string)): MessageLanguage {
  const forced = (setting ?? '').toLowerCase();
  if (forced === 'en') return 'en';
  if (forced === 'zh' || forced === 'zh-cn') return 'zh';
  if (isChineseText(typeof text === 'function' ? text() : text)) return 'zh';
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
