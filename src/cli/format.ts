import type { LineIndex, Problem, Severity } from '../core';
import type { DocxTextMap } from '../docx';
import { wordPosition, wordSpan, type WordSpan } from './docx-input';
import { JsonBytes } from './json-bytes';
import { pick, type Lang } from './lang';

/** A problem as the CLI prints it in JSON: 1-based lines and columns, UTF-16, endColumn exclusive. */
export interface CliProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A Word document's problem: where it lies in Word (1-based paragraphs and columns; `endColumn` exclusive). */
  docx?: WordSpan;
  ruleId: string;
  severity: Severity;
  message: string;
  messageEn: string;
  fix?: { safe: boolean; edits: Array<{ line: number; column: number; endLine: number; endColumn: number; text: string }> };
}

/** One file's problems as lint returns them (sorted by position), with the line index of the text they were found in. */
export interface FileProblems {
  file: string;
  lines: LineIndex;
  problems: readonly Problem[];
  /** The text was extracted from a Word document: positions are printed as its paragraphs and columns. */
  docx?: DocxTextMap;
}

/** 1-based column of an offset on a known 0-based line (an offset inside a terminator clamps to the line's end). */
function columnOn(lines: LineIndex, line: number, offset: number): number {
  return Math.min(offset, lines.ends[line]) - lines.starts[line] + 1;
}

/**
 * The compiler-style line of each problem of a file (`path:line:col  severity  message  rule-id`). Problems arrive
 * sorted by start, so their lines are found in one forward sweep.
 */
export function formatProblemLines(f: FileProblems, lang: Lang, emit: (line: string) => void): void {
  const { lines } = f;
  let line = 0;
  for (const p of f.problems) {
    const start = clampTo(lines, p.start);
    line = lines.lineAtFrom(start, line);
    const at = f.docx ? wordAt(f.docx, start, lang) : `${line + 1}:${columnOn(lines, line, start)}`;
    emit(`${f.file}:${at}  ${p.severity}  ${pick(lang, p.message, p.messageEn)}  ${p.ruleId}`);
  }
}

function wordAt(map: DocxTextMap, start: number, lang: Lang): string {
  const at = map.locate(start);
  return wordPosition(at.paragraph, at.column + 1, lang);
}

/** `,"docx":{…}`: the `WordSpan` of a problem, its keys in that order. */
function docxJson(s: WordSpan): string {
  return `,"docx":{"paragraph":${s.paragraph},"column":${s.column},"endParagraph":${s.endParagraph},"endColumn":${s.endColumn},"inLabel":${s.inLabel}}`;
}

const clampTo = (lines: LineIndex, offset: number): number => (offset < 0 ? 0 : offset > lines.text.length ? lines.text.length : offset);

/**
 * `check --format json`: one array of every file's problems, one object a line, each in the `CliProblem` shape with
 * its keys in that order (byte for byte what `JSON.stringify` of that object writes). Built as UTF-8 bytes straight
 * from the core's problems, with no object per problem: a web copy can hold 15,000 problems a megabyte.
 */
export function problemsJson(files: readonly FileProblems[]): Buffer {
  return joinJson(files.map((f) => fileProblemsJson(f)));
}

/** The array `problemsJson` prints, from each file's objects (`fileProblemsJson`), in that order. */
export function joinJson(chunks: readonly Uint8Array[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const c of chunks) {
    if (!c.length) continue;
    parts.push(parts.length ? COMMA_LINE : OPEN, c);
  }
  return parts.length ? Buffer.concat([...parts, CLOSE]) : Buffer.from('[]');
}

const OPEN = Buffer.from('[\n');
const COMMA_LINE = Buffer.from(',\n');
const CLOSE = Buffer.from('\n]');

/** One file's objects of the JSON array, joined by `,\n` (empty when it has no problem). */
export function fileProblemsJson(f: FileProblems): Buffer {
  if (!f.problems.length) return Buffer.alloc(0);
  const { lines } = f;
  const out = new JsonBytes(f.problems.length * 400 + 16);
  const tails = new ProblemTails();
  /** `"line":…,"column":…,"endLine":…,"endColumn":…` of a range whose start is on `line`. */
  const range = (start: number, end: number, line: number) => {
    const endLine = lines.lineAtFrom(end, line);
    return `"line":${line + 1},"column":${columnOn(lines, line, start)},"endLine":${endLine + 1},"endColumn":${columnOn(lines, endLine, end)}`;
  };
  let line = 0;
  let first = true;
  for (const p of f.problems) {
    const start = clampTo(lines, p.start);
    line = lines.lineAtFrom(start, line);
    out.ascii(first ? '{"file":' : ',\n{"file":').string(f.file);
    first = false;
    const end = clampTo(lines, p.end);
    out.latin1(`,${range(start, end, line)}${f.docx ? docxJson(wordSpan(f.docx, start, end)) : ''}`).raw(tails.of(p));
    if (p.fix) {
      out.ascii(p.fix.safe ? ',"fix":{"safe":true,"edits":[' : ',"fix":{"safe":false,"edits":[');
      p.fix.edits.forEach((e, k) => {
        const editStart = clampTo(lines, e.start);
        out
          .latin1(`${k ? ',{' : '{'}${range(editStart, clampTo(lines, e.end), lines.lineAt(editStart))},"text":`)
          .string(e.text)
          .ascii('}');
      });
      out.ascii(']}');
    }
    out.ascii('}');
  }
  return out.bytes();
}

/**
 * One file's problems without its path and in both languages, as `--cache` keeps them and prints them again: positions
 * already in lines and columns, every string once. `problems` holds PROBLEM_FIELDS numbers a problem: line, column,
 * endLine, endColumn, then the string numbers of ruleId, severity, message and messageEn, then its fix's number in
 * `fixes` or -1. A fix is `[safe ? 1 : 0, then for each edit line, column, endLine, endColumn and its text's number]`.
 */
export interface ProblemTable {
  strings: string[];
  problems: number[];
  fixes: number[][];
  /** A Word document's: DOCX_FIELDS numbers a problem, its `WordSpan` (paragraph, column, endParagraph, endColumn, inLabel 0/1). */
  docx?: number[];
}

export const PROBLEM_FIELDS = 9;
export const DOCX_FIELDS = 5;

/** The table of a file's problems (what `fileProblemsJson` and `formatProblemLines` print, minus the path). */
export function problemTable(lines: LineIndex, problems: readonly Problem[], docx?: DocxTextMap): ProblemTable {
  const table: ProblemTable = { strings: [], problems: [], fixes: [] };
  if (docx) table.docx = [];
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let n = ids.get(s);
    if (n === undefined) ids.set(s, (n = table.strings.push(s) - 1));
    return n;
  };
  /** Appends line, column, endLine, endColumn of a range whose start is on `line`. */
  const range = (to: number[], start: number, end: number, line: number) => {
    const endLine = lines.lineAtFrom(end, line);
    to.push(line + 1, columnOn(lines, line, start), endLine + 1, columnOn(lines, endLine, end));
  };
  let line = 0;
  for (const p of problems) {
    const start = clampTo(lines, p.start);
    line = lines.lineAtFrom(start, line);
    const end = clampTo(lines, p.end);
    range(table.problems, start, end, line);
    if (docx) {
      const s = wordSpan(docx, start, end);
      table.docx!.push(s.paragraph, s.column, s.endParagraph, s.endColumn, s.inLabel ? 1 : 0);
    }
    table.problems.push(id(p.ruleId), id(p.severity), id(p.message), id(p.messageEn), p.fix ? table.fixes.length : -1);
    if (!p.fix) continue;
    const fix = [p.fix.safe ? 1 : 0];
    for (const e of p.fix.edits) {
      const editStart = clampTo(lines, e.start);
      range(fix, editStart, clampTo(lines, e.end), lines.lineAt(editStart));
      fix.push(id(e.text));
    }
    table.fixes.push(fix);
  }
  return table;
}

/** `fileProblemsJson` from a problem table: the same bytes. */
export function tableJson(file: string, table: ProblemTable): Buffer {
  const { strings, problems, fixes } = table;
  const count = problems.length / PROBLEM_FIELDS;
  if (!count) return Buffer.alloc(0);
  const out = new JsonBytes(count * 400 + 16);
  const range = (n: readonly number[], at: number) => `"line":${n[at]},"column":${n[at + 1]},"endLine":${n[at + 2]},"endColumn":${n[at + 3]}`;
  for (let i = 0, at = 0; i < count; i++, at += PROBLEM_FIELDS) {
    out.ascii(i ? ',\n{"file":' : '{"file":').string(file);
    out.latin1(`,${range(problems, at)}${table.docx ? docxJson(spanAt(table.docx, i)) : ''},"ruleId":`).string(strings[problems[at + 4]]);
    out.ascii(',"severity":').string(strings[problems[at + 5]]);
    out.ascii(',"message":').string(strings[problems[at + 6]]);
    out.ascii(',"messageEn":').string(strings[problems[at + 7]]);
    const fixAt = problems[at + 8];
    if (fixAt >= 0) {
      const fix = fixes[fixAt];
      out.ascii(fix[0] ? ',"fix":{"safe":true,"edits":[' : ',"fix":{"safe":false,"edits":[');
      for (let e = 1; e < fix.length; e += 5) {
        out
          .latin1(`${e > 1 ? ',{' : '{'}${range(fix, e)},"text":`)
          .string(strings[fix[e + 4]])
          .ascii('}');
      }
      out.ascii(']}');
    }
    out.ascii('}');
  }
  return out.bytes();
}

/** `formatProblemLines` from a problem table: the same lines. */
export function tableLines(file: string, table: ProblemTable, lang: Lang, emit: (line: string) => void): void {
  const { strings, problems, docx } = table;
  for (let i = 0, at = 0; at < problems.length; i++, at += PROBLEM_FIELDS) {
    const message = strings[problems[at + (lang === 'en' ? 7 : 6)]];
    const position = docx ? wordPosition(docx[i * DOCX_FIELDS], docx[i * DOCX_FIELDS + 1], lang) : `${problems[at]}:${problems[at + 1]}`;
    emit(`${file}:${position}  ${strings[problems[at + 5]]}  ${message}  ${strings[problems[at + 4]]}`);
  }
}

/** The `WordSpan` of a table's `i`th problem. */
function spanAt(docx: readonly number[], i: number): WordSpan {
  const at = i * DOCX_FIELDS;
  return { paragraph: docx[at], column: docx[at + 1], endParagraph: docx[at + 2], endColumn: docx[at + 3], inLabel: docx[at + 4] === 1 };
}

/** Counts a table's problems by severity. */
export function tableTally(table: ProblemTable): Tally {
  const t: Tally = { error: 0, warning: 0, info: 0, hint: 0 };
  for (let at = 5; at < table.problems.length; at += PROBLEM_FIELDS) t[table.strings[table.problems[at]] as Severity]++;
  return t;
}

/**
 * `,"ruleId":…,"severity":…,"message":…,"messageEn":…` as UTF-8, encoded once for each message (a rule's messages
 * are shared strings: 13,000 half-width commas have four).
 */
class ProblemTails {
  private readonly byMessage = new Map<string, { ruleId: string; severity: string; messageEn: string; bytes: Buffer }>();

  of(p: Problem): Buffer {
    const hit = this.byMessage.get(p.message);
    if (hit && hit.ruleId === p.ruleId && hit.severity === p.severity && hit.messageEn === p.messageEn) return hit.bytes;
    const json = `,"ruleId":${JSON.stringify(p.ruleId)},"severity":${JSON.stringify(p.severity)},"message":${JSON.stringify(p.message)},"messageEn":${JSON.stringify(p.messageEn)}`;
    const bytes = Buffer.from(json, 'utf8');
    this.byMessage.set(p.message, { ruleId: p.ruleId, severity: p.severity, messageEn: p.messageEn, bytes });
    return bytes;
  }
}

/** Orders files as the CLI prints them (by path); each file's problems keep lint's order, by position. */
export function sortByFile<T extends { file: string }>(list: T[]): T[] {
  return list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export interface Tally {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function tally(problems: ReadonlyArray<{ severity: Severity }>): Tally {
  const t: Tally = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const p of problems) t[p.severity]++;
  return t;
}

/** The sum of tallies. */
export function addTally(into: Tally, t: Tally): Tally {
  into.error += t.error;
  into.warning += t.warning;
  into.info += t.info;
  into.hint += t.hint;
  return into;
}

/** The summary line after the problems. */
export function formatSummary(t: Tally, files: number, lang: Lang): string {
  const total = t.error + t.warning + t.info + t.hint;
  if (lang === 'en') {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    return `${plural(total, 'problem')} (${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info + t.hint} info) in ${plural(files, 'file')}`;
  }
  return `共 ${total} 个问题（${t.error} 个错误，${t.warning} 个警告，${t.info + t.hint} 个提示），检查了 ${files} 个文件`;
}
