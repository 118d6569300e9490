import type { DocumentModel } from './model';
import type { GongwenConfig } from './config-types';
import {
  ASCII_TOKEN_CHAR, CN_NUMERAL_CHAR, DIGIT, HAN, LATIN_LETTER, PLACEHOLDER_CANDIDATE, TEMPLATE_NOTE_CONTENT, URL_LIKE, globalCopy,
} from './patterns';

/** An unfilled placeholder: `XX`, `xxxx年`, `***`, `××`, `某某`, `〇〇`, `□□`, `____`, `【待补充】`. */
export interface Placeholder {
  start: number;
  end: number;
  text: string;
}

const cache = new WeakMap<DocumentModel, Placeholder[]>();

/** Every placeholder of a parsed file, found once per model (the rule and the outline's counts share it). */
export function findPlaceholders(model: DocumentModel, config: GongwenConfig): Placeholder[] {
  let found = cache.get(model);
  if (!found) cache.set(model, (found = scan(model, config)));
  return found;
}

function scan(model: DocumentModel, config: GongwenConfig): Placeholder[] {
  const { text } = model;
  const candidates: Placeholder[] = [];
  for (const m of text.matchAll(globalCopy(PLACEHOLDER_CANDIDATE))) {
    const start = m.index!;
    const end = start + m[0].length;
    if (isPlaceholder(text, m[0], start, end)) candidates.push({ start, end, text: m[0] });
  }
  for (const source of config.placeholders.patterns) {
    for (const re of compileUserPattern(source)) {
      for (const m of text.matchAll(re)) {
        if (m[0].length > 0) candidates.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
      }
    }
  }
  const allowed = allowedRanges(text, config.placeholders.allow);
  const kept = candidates.filter((p) => !model.isExcluded(p.start, p.end) && !allowed.some(([s, e]) => s <= p.start && p.end <= e));
  return maximal(kept);
}

/** Compiles a user pattern once per source text; the config validated it, and one that fails matches nothing. */
const userPatterns = new Map<string, RegExp | null>();
function compileUserPattern(source: string): RegExp[] {
  if (!userPatterns.has(source)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(source, 'u');
    } catch {
      try { re = new RegExp(source); } catch { re = null; }
    }
    userPatterns.set(source, re);
  }
  const re = userPatterns.get(source);
  return re ? [globalCopy(re)] : [];
}

/** Where the allowed terms stand, typed with half-width or full-width Latin letters and digits (X光, Ｘ光). */
function allowedRanges(text: string, allow: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const term of allow) {
    const wide = toFullWidth(term);
    for (const word of wide === term ? [term] : [term, wide]) {
      if (!word) continue;
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) ranges.push([i, i + word.length]);
    }
  }
  return ranges;
}

/** ASCII letters, digits and signs as their full-width forms (U+FF01–U+FF5E). */
const toFullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Sorted, with candidates inside a larger one (an x inside 【待补充x】) dropped. */
function maximal(list: Placeholder[]): Placeholder[] {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placeholder[] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last && p.start < last.end) {
      if (p.end > last.end) out[out.length - 1] = { start: last.start, end: p.end, text: last.text + p.text.slice(last.end - p.start) };
      continue;
    }
    out.push(p);
  }
  return out;
}

/** Judges a candidate by its first character's kind and its neighbours. */
function isPlaceholder(text: string, match: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  switch (match[0]) {
    case '【':
      return TEMPLATE_NOTE_CONTENT.test(match.slice(1, -1));
    case '（':
    case '(':
      return true;
    case 'x': case 'X': case 'ｘ': case 'Ｘ':
      return isXPlaceholder(text, start, end, before, after);
    case '×':
      return match.length >= 2 || isLoneTimesSign(text, start, end, before, after);
    case '〇': case '○':
      return !CN_NUMERAL_CHAR.test(before) && !CN_NUMERAL_CHAR.test(after);
    case '_': case '＿':
      return !LATIN_LETTER.test(before) && !LATIN_LETTER.test(after) && !DIGIT.test(before) && !inUrl(text, start, end);
    case '*':
      return true;
    default:
      return true; // 某某, □□
  }
}

/**
 * `XX市`, `xx余条`, `x%`, `20XX年`, `xxxx-xx-xx` are placeholders; `Excel`, `3x3`, `1920x1080`, `10x`, `x64`,
 * `X-ray`, `iPhone X`, `Python 3.x`, `https://x.com` are not.
 */
function isXPlaceholder(text: string, start: number, end: number, before: string, after: string): boolean {
  if (LATIN_LETTER.test(before) || LATIN_LETTER.test(after) || DIGIT.test(after)) return false;
  if (numberExpression(text, start, end) || inLatinPhrase(text, start, end) || versionSeries(text, start, end)) return false;
  return !inUrl(text, start, end);
}

/**
 * `Python 3.x`, `Vue 2.x`, `v1.x`: one x after a software name's version number, not a blank decimal (`完成1.x万元`,
 * `12.x%`).
 */
function versionSeries(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || text[start - 1] !== '.' || !DIGIT.test(text[start - 2] ?? '')) return false;
  let i = start - 2;
  while (i > 0 && DIGIT.test(text[i - 1])) i--;
  const name = text[i - 1] === ' ' ? text[i - 2] : text[i - 1];
  return start - 1 - i <= 2 && LATIN_LETTER.test(name ?? '') && !/[%‰]/.test(text[end] ?? '');
}

/**
 * A Latin word across one space or hyphen (`iPhone X`, `X-ray`); `X 射线` is not Latin, and neither are blanks
 * joined the same way (`xxxx-xx-xx`, `XX XX`): a word across the gap must hold a letter other than x.
 */
function inLatinPhrase(text: string, start: number, end: number): boolean {
  const gap = (c: string | undefined) => c === ' ' || c === '-';
  return (gap(text[start - 1]) && isLatinWordEnding(text, start - 2)) || (gap(text[end]) && isLatinWordStarting(text, end + 1));
}

const X_LETTER = /[xXｘＸ]/;

/** The Latin letters ending at `last` (walking left) hold one other than x. */
function isLatinWordEnding(text: string, last: number): boolean {
  for (let i = last; i >= 0 && LATIN_LETTER.test(text[i]); i--) if (!X_LETTER.test(text[i])) return true;
  return false;
}

/** The Latin letters starting at `first` hold one other than x. */
function isLatinWordStarting(text: string, first: number): boolean {
  for (let i = first; i < text.length && LATIN_LETTER.test(text[i]); i++) if (!X_LETTER.test(text[i])) return true;
  return false;
}

/** 年月日号 after a sign make it a blank in a date or a number (`202X年`, `〔2024〕×号`), whatever stands before it. */
const DATE_UNIT = /[年月日号]/;

/**
 * One sign in a number expression: after a digit (`10x`, `3x3`) or between digits across a space (`3 x 4`). A run
 * of signs (`20XX年`, `20××`, an identity number's `34xxxxxx…`) or a sign before a date unit (`202X年`) is a blank.
 */
function numberExpression(text: string, start: number, end: number): boolean {
  return end - start === 1 && !DATE_UNIT.test(text[end] ?? '') && nearDigits(text, start, end);
}

/** A digit just before (3x3, 10x) or, across one space, on both sides (3 x 3): a number expression. */
function nearDigits(text: string, start: number, end: number): boolean {
  const left = text[start - 1] === ' ' ? text[start - 2] : text[start - 1];
  const right = text[end] === ' ' ? text[end + 1] : text[end];
  return DIGIT.test(text[start - 1] ?? '') || (DIGIT.test(left ?? '') && DIGIT.test(right ?? ''));
}

/**
 * A single × stands for a blank between Han characters, punctuation or brackets (×市, ×月×日, 〔2024〕×号, 202×年),
 * not in 3×4.
 */
function isLoneTimesSign(text: string, start: number, end: number, before: string, after: string): boolean {
  if (numberExpression(text, start, end) || DIGIT.test(after)) return false;
  const blankSide = (c: string) => c === '' || HAN.test(c) || TIMES_SIGN_NEIGHBOUR.test(c);
  // Not a number expression, so a digit before it is a year's (202×年).
  return (blankSide(before) || DIGIT.test(before)) && blankSide(after);
}
const TIMES_SIGN_NEIGHBOUR = /[\s，。、；：“”（）〔〕［］【】《》]/;

/** Whether the printable ASCII token around [start, end) looks like a URL, e-mail address or domain. */
function inUrl(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s > 0 && start - s < 2048 && ASCII_TOKEN_CHAR.test(text[s - 1])) s--;
  while (e < text.length && e - end < 2048 && ASCII_TOKEN_CHAR.test(text[e])) e++;
  if (s === start && e === end) return false;
  return URL_LIKE.test(text.slice(s, e));
}
