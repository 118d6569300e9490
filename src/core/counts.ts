import type { LineIndex } from './text';

/**
 * 字数 as Word and WPS count it: each Han character and each full-width punctuation mark is 1, each run of
 * Latin letters or digits is 1; spaces and half-width punctuation count 0.
 */
export function countZishu(text: string, start = 0, end = text.length): number {
  const kinds = codeKinds();
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = kinds[c];
    if (kind === ALNUM) {
      if (!inWord) count++;
      inWord = true;
      continue;
    }
    inWord = false;
    if (kind === COUNTED) count++;
    else if (kind === HIGH_SURROGATE) {
      // An astral Han character (CJK Extension B and later) counts once for its pair.
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (c >= 0xd840 && c <= 0xd87f) count++;
        i++;
      }
    }
  }
  return count;
}

const OTHER = 0;
const ALNUM = 1;
const COUNTED = 2;
const HIGH_SURROGATE = 3;
let kindTable: Uint8Array | null = null;

/** What each UTF-16 code unit is to 字数, tabulated once (65,536 bytes): the count then costs one lookup a character. */
function codeKinds(): Uint8Array {
  if (!kindTable) {
    kindTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      kindTable[c] = isAlnum(c) ? ALNUM : c >= 0xd800 && c <= 0xdbff ? HIGH_SURROGATE : isHan(c) || isFullWidthPunctuation(c) ? COUNTED : OTHER;
    }
  }
  return kindTable;
}

/**
 * 字数 of any range in O(length of its first and last lines): per-line counts summed ahead. A count is additive at a
 * line start (no run of letters or digits and no surrogate pair crosses a line break), so a range splits there
 * exactly. The outline asks for every section's 字数, children included: counting each range afresh cost the text
 * times the depth of the tree.
 */
export class ZishuIndex {
  /** 字数 of the text before each line's start. */
  private readonly before: Float64Array;

  constructor(private readonly lines: LineIndex) {
    const n = lines.lineCount;
    this.before = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) this.before[k + 1] = this.before[k] + countZishu(lines.text, lines.starts[k], lines.ends[k]);
  }

  count(start: number, end: number): number {
    if (end <= start) return 0;
    const { lines, before } = this;
    const first = lines.lineAt(start);
    const last = lines.lineAtFrom(end, first);
    if (first === last) return countZishu(lines.text, start, end);
    return countZishu(lines.text, start, lines.ends[first]) + (before[last] - before[first + 1]) + countZishu(lines.text, lines.starts[last], end);
  }
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** CJK punctuation, full-width forms, curly quotes, the ellipsis and dashes used in Chinese text. */
export function isFullWidthPunctuation(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x303f && c !== 0x3007) ||
    (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2018 && c <= 0x201f) || c === 0x2026 || c === 0x2014 || c === 0x2015 || c === 0x00b7 || c === 0x2027 ||
    (c >= 0xfe10 && c <= 0xfe1f) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0x2460 && c <= 0x24ff) || c === 0x25a1 || c === 0x25cb || c === 0x00d7
  );
}
