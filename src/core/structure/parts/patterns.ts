/** Line patterns shared by the recognisers of the 公文 parts ({@link recogniseParts} in `parts.ts`). */

const SP = '[ \\t\\u3000]*';
/** `附件：1.××××` / `附件:××××` (the note); group 1: the rest. */
export const NOTE_START = new RegExp(`^附件${SP}[：:]${SP}(.+)$`);
/** A numbered item `1.××××` (ASCII or full-width dot, or 、). Groups: number, text. */
export const NOTE_ITEM = new RegExp(`^([0-9０-９]{1,2})${SP}[.．、]${SP}(.+)$`);
/** 成文日期, Arabic: `2024年12月5日` (leading zeros tolerated). */
export const DATE_ARABIC = new RegExp(`^${SP}([0-9０-９]{4})${SP}年${SP}([0-9０-９]{1,2})${SP}月${SP}([0-9０-９]{1,2})${SP}日${SP}$`);
/** 成文日期 in Chinese numerals: `二〇二四年十二月五日`. */
export const DATE_CHINESE = new RegExp(`^${SP}([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日${SP}$`);
/** 版记: `抄送：…`. */
export const COPY_TO = new RegExp(`^抄送${SP}[：:]${SP}(.*)$`);
/** 版记: `××××办公室  2024年12月5日印发`. Groups: organisation, date. */
export const ISSUED = new RegExp(`^(.*?)${SP}([0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日)${SP}印发${SP}$`);
/** Endings of a sentence or clause: a line ending so is no organisation's name. */
export const ENDS_LIKE_SENTENCE = /[。；：，、,;:！？!?）)]$/;

/** Full-width digits made ASCII. */
export const toAscii = (s: string): string => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
