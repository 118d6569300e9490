import { isProseRange, type DocumentModel } from '../../structure/model';
import type { RuleProblem } from '../rule';
import { tokensOf, type Segmenter } from '../../text/segmenter';
import { SOURCES, type WordingEntry } from './sources';

/** One occurrence of a list entry in the text. */
export interface EntryMatch {
  entry: WordingEntry;
  start: number;
  end: number;
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A list compiled once: one alternation of its wrong forms, longest first, and each form's entry. */
export interface CompiledList {
  pattern: RegExp;
  byWrong: ReadonlyMap<string, WordingEntry>;
}

export function compileList(entries: readonly WordingEntry[]): CompiledList {
  const byWrong = new Map(entries.map((e) => [e.wrong, e]));
  const forms = [...byWrong.keys()].sort((a, b) => b.length - a.length);
  return { pattern: new RegExp(forms.map(escapeRegExp).join('|'), 'g'), byWrong };
}

/** Whether the occurrence at `start` lies inside one of the entry's right longer strings (`不能自已`). */
export function isExcepted(text: string, start: number, entry: WordingEntry): boolean {
  for (const phrase of entry.except ?? []) {
    for (let at = phrase.indexOf(entry.wrong); at >= 0; at = phrase.indexOf(entry.wrong, at + 1)) {
      if (text.startsWith(phrase, start - at)) return true;
    }
  }
  return false;
}

/** Occurrences of the list's wrong forms on prose lines, outside markdown syntax and furniture, less exceptions. */
export function findEntries(model: DocumentModel, list: CompiledList): EntryMatch[] {
  const { text } = model;
  const out: EntryMatch[] = [];
  const pattern = new RegExp(list.pattern.source, 'g');
  for (const m of text.matchAll(pattern)) {
    const entry = list.byWrong.get(m[0])!;
    const start = m.index;
    const end = start + m[0].length;
    if (!isProseRange(model, start, end)) continue;
    if (isExcepted(text, start, entry)) continue;
    out.push({ entry, start, end });
  }
  return out;
}

/**
 * Whether a word of the line's segmentation crosses the occurrence's start or end: then its characters belong to two
 * words (`自己经历` holds `己经` across 自己|经历) and it is no wrong form. Undefined when no segmenter is at hand.
 * `compound`: a word that opens with the whole occurrence does not count (a misspelling opening a misspelt compound).
 */
export function crossesWord(
  model: DocumentModel,
  segmenter: Segmenter | undefined,
  start: number,
  end: number,
  within: 'compound' | 'word' = 'word',
): boolean | undefined {
  if (!segmenter) return undefined;
  const { lines } = model;
  const line = lines.lineAt(start);
  const lineStart = lines.starts[line];
  const paragraph = lines.lineText(line);
  const s = start - lineStart;
  const e = end - lineStart;
  const tokens = tokensOf(segmenter.cut(paragraph), paragraph);
  // `侯选人` is one word of jieba's dictionary: a misspelt compound that opens with the misspelling holds it, it does
  // not hide it (one that opens before it, `预防犯罪`, is a right word around the characters).
  if (within === 'compound' && tokens.some((t) => t.start === s && e <= t.end)) return false;
  return tokens.some((t) => (t.start < s && s < t.end) || (t.start < e && e < t.end));
}

/** Entries of this length or shorter can arise across a word boundary: they are checked against the segmentation. */
export const SHORT_FORM = 3;

/**
 * The matches that are wrong forms for sure: short ones must not straddle a segmentation word (and are dropped when
 * no segmenter is available); longer ones (four-character idioms) cannot arise across words. `within` as for
 * `crossesWord`: typo passes `compound`, since a form that is no word stays wrong inside a longer one.
 */
export function keepWordMatches(
  model: DocumentModel,
  matches: EntryMatch[],
  segmenter: (() => Segmenter | undefined) | undefined,
  within: 'compound' | 'word' = 'word',
): EntryMatch[] {
  let engine: Segmenter | undefined;
  let loaded = false;
  return matches.filter((m) => {
    if (m.entry.wrong.length > SHORT_FORM) return true;
    if (!loaded) {
      engine = segmenter?.();
      loaded = true;
    }
    return crossesWord(model, engine, m.start, m.end, within) === false;
  });
}

/** A problem for one match: the correction as a fix, safe only when the entry says the wrong form is never right. */
export function entryProblem(m: EntryMatch, what: { zh: string; en: string }): RuleProblem {
  const { entry } = m;
  const source = SOURCES[entry.source];
  return {
    start: m.start,
    end: m.end,
    message: `${what.zh}“${entry.wrong}”应为“${entry.right}”：${entry.reason}（${source.zh}）`,
    messageEn: `${what.en} "${entry.wrong}": write "${entry.right}" (${source.en})`,
    fix: {
      safe: entry.safe ?? false,
      edits: [{ start: m.start, end: m.end, text: entry.right }],
      title: `改为“${entry.right}”`,
      titleEn: `Change to "${entry.right}"`,
    },
  };
}
