import { matchMarker } from './headings';
import { INDENT } from './patterns';
import { isChineseText, SAMPLE } from '../text/language';

const MIN_HEADINGS = 2;
const HASH_HEADING = /^#{1,6}[ \t]/;

/**
 * Whether a plaintext or markdown document looks like a Chinese report (`gongwen.enable: auto`): in its first
 * 64 KB, at least 30% of the non-space characters are CJK and at least two lines begin with a level-1 or
 * level-2 marker or a `#` heading. Keeps a plain README.txt out of it.
 */
export function looksLikeReport(text: string): boolean {
  if (!isChineseText(text)) return false;
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let headings = 0;
  for (const line of sample.split(/\r\n|\r|\n/)) {
    const rest = line.slice(INDENT.exec(line)![0].length);
    const m = matchMarker(rest);
    if ((m && m.level <= 2) || HASH_HEADING.test(rest)) headings++;
    if (headings >= MIN_HEADINGS) return true;
  }
  return false;
}
