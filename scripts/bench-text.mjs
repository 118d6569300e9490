// What the benchmark scripts (bench.mjs, bench-incremental.mjs, bench-lsp.mjs) build their inputs and edits from: the
// corpus reports as markdown, repeated to a size, and where a writer types into them.

export const LEVEL1 = /^[ \t\u3000]*[一二三四五六七八九十]+、/;
export const ANY_MARKER = /^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、,，]|[（(]\d+[）)]|[\u2460-\u2473])/;

/**
 * What a re-lint measurement types, one more character each time: a sentence of report prose, not one character
 * over and over (`字字字…` is a run of a 叠词 that the repetition check must weigh at every offset, which no writer types).
 */
export const TYPED_SENTENCE = '坚持以人民为中心的发展思想，统筹推进各项重点工作，确保年度目标任务全面完成。';

/** A document title as the conventions define it: short, no marker, not ending like a sentence. */
const isTitleLike = (line) => line.length > 0 && line.length <= 50 && !ANY_MARKER.test(line) && !/[。；：，,;:]$/.test(line);

/** One corpus report as markdown: `#` title, `##` level-1 headings, paragraphs separated by blank lines. */
export function toMarkdown(text) {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  // The title: the first title-like line (002 opens with an outline of headings, so its title comes after that).
  const title = lines.findIndex(isTitleLike);
  return lines
    .map((l, i) => {
      if (LEVEL1.test(l)) return `## ${l}`;
      if (i === title) return `# ${l}`;
      return l;
    })
    .join('\n\n');
}

/** Repeats `unit` (whole lines) up to `bytes` UTF-8 bytes, cut at a line end, never over. */
export function repeatTo(unit, bytes) {
  const lines = unit.split('\n').map((l) => `${l}\n`);
  const out = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const line = lines[i % lines.length];
    const n = Buffer.byteLength(line);
    if (size + n > bytes) break;
    out.push(line);
    size += n;
  }
  return out.join('');
}

/** The middle of the first paragraph line (40 characters or more, no marker or markdown syntax) at or after the text's midpoint. */
export function editOffset(text) {
  for (let start = text.lastIndexOf('\n', text.length >> 1) + 1; start < text.length;) {
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const line = text.slice(start, end);
    if (line.length >= 40 && !ANY_MARKER.test(line) && !/^[#>\-*|]/.test(line)) return start + (line.length >> 1);
    start = end + 1;
  }
  return text.length >> 1;
}
