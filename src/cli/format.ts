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
  const tails = new ProblemTails();
  out.ascii('[\n');
  let first = true;
  for (const f of files) {
    const { lines } = f;
    /** `"line":…,"column":…,"endLine":…,"endColumn":…` of a range whose start is on `line`. */
    const range = (start: number, end: number, line: number) => {
      const endLine = lines.lineAtFrom(end, line);
      return `"line":${line + 1},"column":${columnOn(lines, line, start)},"endLine":${endLine + 1},"endColumn":${columnOn(lines, endLine, end)}`;
    };
    let line = 0;
    for (const p of f.problems) {
      const start = clampTo(lines, p.start);
      line = lines.lineAtFrom(start, line);
      out.ascii(first ? '{"file":' : ',\n{"file":').string(f.file);
      first = false;
      out.latin1(`,${range(start, clampTo(lines, p.end), line)}`).raw(tails.of(p));
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
  }
  return out.ascii('\n]').bytes();
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

/** The summary line after the problems. */
export function formatSummary(t: Tally, files: number, lang: Lang): string {
  const total = t.error + t.warning + t.info + t.hint;
  if (lang === 'en') {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    return `${plural(total, 'problem')} (${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info + t.hint} info) in ${plural(files, 'file')}`;
  }
  return `共 ${total} 个问题（${t.error} 个错误，${t.warning} 个警告，${t.info + t.hint} 个提示），检查了 ${files} 个文件`;
}
