import type { Rule, RuleProblem } from './rule';
import { CONVENTION, Option, readOptions, ruleOptions } from './rule';
import type { DocumentModel, Heading } from '../structure/model';
import { SENTENCE_END, TITLE_STOP, nextMatch } from '../structure/patterns';

const OPTIONS = ruleOptions({
  maxLength: Option.Integer({
    minimum: 1,
    default: 120,
    description: '句子超过这么多字才报告',
    descriptionEn: 'Report a sentence longer than this many characters',
  }),
});

/** A sentence longer than `maxLength` characters (Han and every other non-space character, one each). */
export const sentenceLength: Rule = {
  id: 'sentence-length',
  defaultSeverity: 'info',
  category: 'wording',
  offByDefault: true,
  description: '句子过长（默认超过120字），建议拆分',
  descriptionEn: 'A sentence over 120 characters (by default): consider splitting it',
  fix: null,
  basis: { zh: '写作惯例', en: 'drafting convention' },
  options: OPTIONS,
  scope: 'line',
  check({ model, options }) {
    const { maxLength: max } = readOptions(OPTIONS, options);
    const problems: RuleProblem[] = [];
    const headingAt = new Map<number, Heading>(model.headings.map((h) => [h.line, h]));
    const ends = new SentenceEnds(model.text);
    for (const doc of model.documents) {
      if (doc.kind === 'toc') continue;
      for (let line = doc.startLine; line <= doc.endLine; line++) {
        if (line === doc.titleLine || !model.isProseLine(line)) continue;
        const lineStart = model.lines.starts[line];
        const lineEnd = model.lines.ends[line];
        const h = headingAt.get(line);
        // A heading's title is not a sentence: the body starts after it (and after the stop that ends it).
        let from = lineStart;
        if (h) {
          if (!h.runIn) continue;
          from = h.titleEnd;
          if (TITLE_STOP.test(model.text.charAt(from))) from++;
        }
        sentences(model, from, lineEnd, max, problems, ends);
      }
    }
    return problems;
  },
};

/** The text's sentence ends, met in order: one forward scan shared by every line. */
class SentenceEnds {
  private match: RegExpExecArray | null;
  constructor(private readonly text: string) {
    this.match = nextMatch(SENTENCE_END, text, 0);
  }

  /** Where each sentence end that starts in [from, to) ends, in order. */
  *within(from: number, to: number): Generator<number> {
    while (this.match && this.match.index < from) this.advance();
    for (; this.match && this.match.index < to; this.advance()) yield this.match.index + this.match[0].length;
  }

  private advance(): void {
    const m = this.match!;
    this.match = nextMatch(SENTENCE_END, this.text, m.index + m[0].length);
  }
}

function sentences(model: DocumentModel, from: number, to: number, max: number, problems: RuleProblem[], ends: SentenceEnds): void {
  // A heading whose title runs over lines (a markdown setext paragraph) ends after this line: nothing to read here,
  // and the shared scan must not move past the next lines' sentence ends.
  if (from >= to) return;
  const { text } = model;
  let start = from;
  const flush = (end: number) => {
    const sentenceStart = start;
    start = end;
    if (end - sentenceStart <= max) return; // never more characters than code units
    const [s, e, length] = measure(text, sentenceStart, end);
    if (length <= max) return;
    problems.push({
      start: s,
      end: e,
      message: `句子长达${length}字，超过${max}字，建议拆分为几个短句（${CONVENTION.zh}）`,
      messageEn: `This sentence runs to ${length} characters, over ${max}: consider splitting it (${CONVENTION.en})`,
    });
  };
  for (const end of ends.within(from, to)) flush(end);
  if (start < to) flush(to);
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

/** The sentence's bounds without surrounding spaces, and its length: non-space code points. */
function measure(text: string, start: number, end: number): [number, number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let length = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (!isSpace(c)) length++;
  }
  return [start, end, length];
}
