import { textParagraphs } from '../structure/paragraphs';
import type { Rule, RuleProblem } from './rule';
import { NO_OPTIONS } from './rule';
import type { DocumentModel } from '../structure/model';
import { isBlankLine } from '../text/lines';
import { LINE_PREFIX, nextMatch } from '../structure/patterns';
import { charAt, isChinese } from '../text/chars';

/** Paired marks that quote-pairs balances (round brackets of either width pair with each other). */
const PAIRED_MARK = /[“”‘’《》（）()]/;

const GBT_15834 = { zh: 'GB/T 15834-2011', en: 'GB/T 15834-2011' };

type Kind = 'double' | 'single' | 'title' | 'paren';
const KINDS: readonly Kind[] = ['double', 'single', 'title', 'paren'];

interface Mark {
  kind: Kind;
  opening: boolean;
}

const MARKS: Record<string, Mark> = {
  '“': { kind: 'double', opening: true },
  '”': { kind: 'double', opening: false },
  '‘': { kind: 'single', opening: true },
  '’': { kind: 'single', opening: false },
  '《': { kind: 'title', opening: true },
  '》': { kind: 'title', opening: false },
  '（': { kind: 'paren', opening: true },
  '）': { kind: 'paren', opening: false },
  // Half-width brackets pair with either width (`（共)` is one pair, for punctuation-width to fix), and are never
  // reported themselves: `1)` and `a)` enumerate, and half-width text is not what this rule judges.
  '(': { kind: 'paren', opening: true },
  ')': { kind: 'paren', opening: false },
};

const NAMES: Record<Kind, { open: [string, string]; close: [string, string]; pair: [string, string] }> = {
  double: { open: ['前引号', 'opening quotation mark'], close: ['后引号', 'closing quotation mark'], pair: ['“', '”'] },
  single: { open: ['单前引号', 'opening single quotation mark'], close: ['单后引号', 'closing single quotation mark'], pair: ['‘', '’'] },
  title: { open: ['前书名号', 'opening title mark'], close: ['后书名号', 'closing title mark'], pair: ['《', '》'] },
  paren: { open: ['前括号', 'opening parenthesis'], close: ['后括号', 'closing parenthesis'], pair: ['（', '）'] },
};

/**
 * A `’` inside or after a Latin word (`China’s`, `students’ union`), or before a year's two digits (`中国’99昆明世界园艺博览会`),
 * is an apostrophe when no `‘` is open.
 */
function isApostrophe(text: string, i: number): boolean {
  if (/^[0-9]{2}(?![0-9])/.test(text.slice(i + 1, i + 4))) return true;
  return i > 0 && /[A-Za-z0-9]/.test(text[i - 1]) && !isChinese(charAt(text, i + 1));
}

/** Paragraphs as [first line, last line]: a line in plain text (hard wraps joined); consecutive prose lines of one block in markdown. */
function paragraphs(model: DocumentModel): Array<[number, number]> {
  const { lines } = model;
  const out: Array<[number, number]> = [];
  const blank = (l: number) => isBlankLine(lines, l);
  if (model.format !== 'markdown') return textParagraphs(model);
  const headingLines = new Set((model.markdown?.headings ?? []).map((h) => h.line));
  const startsBlock = (l: number) => headingLines.has(l) || LINE_PREFIX.exec(lines.lineText(l))![0].trim() !== '' || /^\s*\|/.test(lines.lineText(l));
  for (let l = 0; l < lines.lineCount; l++) {
    if (blank(l) || !model.isProseLine(l)) continue;
    let end = l;
    if (!headingLines.has(l)) {
      while (end + 1 < lines.lineCount && !blank(end + 1) && model.isProseLine(end + 1) && !startsBlock(end + 1)) end++;
    }
    out.push([l, end]);
    l = end;
  }
  return out;
}

/** The first non-space character of a paragraph's text, after any list or quote marker. */
function firstChar(model: DocumentModel, line: number): string {
  const t = model.lines.lineText(line);
  return t.slice(LINE_PREFIX.exec(t)![0].length).charAt(0);
}

function problem(kind: Kind, opening: boolean, start: number): RuleProblem {
  const n = NAMES[kind];
  const [have, want] = opening ? [n.open, n.close] : [n.close, n.open];
  const [haveMark, wantMark] = opening ? n.pair : [n.pair[1], n.pair[0]];
  return {
    start,
    end: start + 1,
    message: `${have[0]}「${haveMark}」在本段中没有配对的${want[0]}「${wantMark}」（${GBT_15834.zh}）`,
    messageEn: `${have[1][0].toUpperCase()}${have[1].slice(1)} "${haveMark}" with no matching ${want[1]} "${wantMark}" in the paragraph (${GBT_15834.en})`,
  };
}

/** Unbalanced “” ‘’ 《》 （） within a paragraph: the unmatched mark is reported. */
export const quotePairs: Rule = {
  id: 'quote-pairs',
  defaultSeverity: 'warning',
  category: 'typography',
  description: '段落内引号“”‘’、书名号《》、括号（）不成对',
  descriptionEn: 'Unbalanced quotation marks “” ‘’, title marks 《》 or brackets （） within a paragraph',
  fix: null,
  basis: { zh: 'GB/T 15834-2011', en: 'GB/T 15834-2011' },
  options: NO_OPTIONS,
  scope: 'paragraph',
  check({ model }) {
    const { text, lines } = model;
    const problems: RuleProblem[] = [];
    const paras = paragraphs(model);
    // One pass over the text's marks, paragraph by paragraph (marks outside every paragraph are passed over).
    let m = nextMatch(PAIRED_MARK, text, 0);
    // The open marks of the paragraph being read, emptied for each paragraph.
    const open: Record<Kind, number[]> = { double: [], single: [], title: [], paren: [] };
    paras.forEach(([first, last], p) => {
      for (const kind of KINDS) open[kind].length = 0;
      const from = lines.starts[first];
      const to = lines.ends[last];
      while (m && m.index < from) m = nextMatch(PAIRED_MARK, text, m.index + 1);
      for (; m && m.index < to; m = nextMatch(PAIRED_MARK, text, m.index + 1)) {
        const i = m.index;
        const ch = m[0];
        if (model.isExcluded(i, i + 1)) continue;
        const mark = MARKS[ch];
        // After a Latin word, ’ closes an open ‘ (‘Hello world’); with none open it is an apostrophe (students’ union).
        if (ch === '’' && !open.single.length && isApostrophe(text, i)) continue;
        if (mark.opening) open[mark.kind].push(i);
        else if (open[mark.kind].pop() === undefined && ch !== ')') problems.push(problem(mark.kind, false, i));
      }
      // A quotation over several paragraphs opens each with “ and closes only the last (GB/T 15834-2011).
      const next = paras[p + 1];
      if (open.double.length && next && firstChar(model, next[0]) === '“') open.double.shift();
      for (const kind of KINDS) {
        for (const i of open[kind]) if (text[i] !== '(') problems.push(problem(kind, true, i));
      }
    });
    return problems.sort((a, b) => a.start - b.start);
  },
};
