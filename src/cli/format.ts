import type { LineIndex, Problem, Severity } from '../core';
import { JsonBytes } from './json-bytes';
import { pick, type Lang } from './lang';

/** A problem as the CLI prints it in JSON: 1-based lines and columns, UTF-16, endColumn exclusive. */
export interface CliProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
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
    emit(`${f.file}:${line + 1}:${columnOn(lines, line, start)}  ${p.severity}  ${pick(lang, p.message, p.messageEn)}  ${p.ruleId}`);
  }
}

const clampTo = (lines: LineIndex, offset: number): number => (offset < 0 ? 0 : offset > lines.text.length ? lines.text.length : offset);

/**
 * `check --format json`: one array of every file's problems, one object a line, each in the `CliProblem` shape with
 * its keys in that order (byte for byte what `JSON.stringify` of that object writes). Built as UTF-8 bytes straight
 * from the core's problems, with no object per problem: a web copy can hold 15,000 problems a megabyte.
 */
export function problemsJson(files: readonly FileProblems[]): Buffer {
  const count = files.reduce((n, f) => n + f.problems.length, 0);
  if (count === 0) return Buffer.from('[]');
  const out = new JsonBytes(count * 320 + 16);
  out.ascii('[\n');
  let first = true;
  for (const f of files) {
    const { lines } = f;
    /** `"line":…,"column":…,"endLine":…,"endColumn":…` of a range whose start is on `line`. */
    const range = (start: number, end: number, line: number) => {
      const endLine = lines.lineAtFrom(end, line);
      out.ascii('"line":').int(line + 1).ascii(',"column":').int(columnOn(lines, line, start));
      out.ascii(',"endLine":').int(endLine + 1).ascii(',"endColumn":').int(columnOn(lines, endLine, end));
    };
    let line = 0;
    for (const p of f.problems) {
      const start = clampTo(lines, p.start);
      line = lines.lineAtFrom(start, line);
      out.ascii(first ? '{"file":' : ',\n{"file":').string(f.file).ascii(',');
      first = false;
      range(start, clampTo(lines, p.end), line);
      out.ascii(',"ruleId":').string(p.ruleId).ascii(',"severity":').string(p.severity);
      out.ascii(',"message":').string(p.message).ascii(',"messageEn":').string(p.messageEn);
      if (p.fix) {
        out.ascii(',"fix":{"safe":').ascii(p.fix.safe ? 'true' : 'false').ascii(',"edits":[');
        p.fix.edits.forEach((e, k) => {
          const editStart = clampTo(lines, e.start);
          out.ascii(k ? ',{' : '{');
          range(editStart, clampTo(lines, e.end), lines.lineAt(editStart));
          out.ascii(',"text":').string(e.text).ascii('}');
        });
        out.ascii(']}');
      }
      out.ascii('}');
    }
  }
  return out.ascii('\n]').bytes();
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

/** The summary line after the problems. */
export function formatSummary(t: Tally, files: number, lang: Lang): string {
  const total = t.error + t.warning + t.info + t.hint;
  if (lang === 'en') {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    return `${plural(total, 'problem')} (${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info + t.hint} info) in ${plural(files, 'file')}`;
  }
  return `共 ${total} 个问题（${t.error} 个错误，${t.warning} 个警告，${t.info + t.hint} 个提示），检查了 ${files} 个文件`;
}
