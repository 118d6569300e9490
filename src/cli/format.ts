import type { LineIndex, Problem, Severity, TextEdit } from '../core';
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

/** JSON string literals of the texts that repeat across problems (the file, each rule's messages), encoded once. */
function jsonCache(): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let json = cache.get(s);
    if (json === undefined) cache.set(s, (json = JSON.stringify(s)));
    return json;
  };
}

/**
 * Emits each problem of a file as the CLI prints it: a JSON object (the `CliProblem` shape, keys in that order) or a
 * compiler-style text line (`path:line:col  severity  message  rule-id`). Problems arrive sorted by start, so their
 * lines are found in one forward sweep, and no intermediate object is built: a web copy can hold 15,000 problems a
 * megabyte.
 */
export function formatProblems(f: FileProblems, format: 'json' | 'text', lang: Lang, emit: (line: string) => void): void {
  const { lines } = f;
  const length = lines.text.length;
  const clamp = (o: number) => (o < 0 ? 0 : o > length ? length : o);
  const json = jsonCache();
  const fileJson = json(f.file);
  const range = (start: number, end: number, line: number) => {
    const endLine = lines.lineAtFrom(end, line);
    return `"line":${line + 1},"column":${columnOn(lines, line, start)},"endLine":${endLine + 1},"endColumn":${columnOn(lines, endLine, end)}`;
  };
  const edit = (e: TextEdit) => {
    const start = clamp(e.start);
    return `{${range(start, clamp(e.end), lines.lineAt(start))},"text":${json(e.text)}}`;
  };
  let line = 0;
  for (const p of f.problems) {
    const start = clamp(p.start);
    line = lines.lineAtFrom(start, line);
    if (format === 'text') {
      emit(`${f.file}:${line + 1}:${columnOn(lines, line, start)}  ${p.severity}  ${pick(lang, p.message, p.messageEn)}  ${p.ruleId}`);
      continue;
    }
    const fix = p.fix ? `,"fix":{"safe":${p.fix.safe},"edits":[${p.fix.edits.map(edit).join(',')}]}` : '';
    emit(`{"file":${fileJson},${range(start, clamp(p.end), line)},"ruleId":${json(p.ruleId)},"severity":"${p.severity}","message":${json(p.message)},"messageEn":${json(p.messageEn)}${fix}}`);
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
