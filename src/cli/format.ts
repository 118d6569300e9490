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

/** Converts a core problem (offsets) to the CLI's shape. */
export function toCliProblem(file: string, p: Problem, lines: LineIndex): CliProblem {
  const range = (start: number, end: number) => {
    const s = lines.lineColumn(start);
    const e = lines.lineColumn(end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  const edit = (e: TextEdit) => ({ ...range(e.start, e.end), text: e.text });
  return {
    file,
    ...range(p.start, p.end),
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    messageEn: p.messageEn,
    ...(p.fix ? { fix: { safe: p.fix.safe, edits: p.fix.edits.map(edit) } } : {}),
  };
}

/** `path:line:col  severity  message  rule-id`, like a compiler. */
export function formatTextLine(p: CliProblem, lang: Lang): string {
  return `${p.file}:${p.line}:${p.column}  ${p.severity}  ${pick(lang, p.message, p.messageEn)}  ${p.ruleId}`;
}

export interface Tally {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function tally(problems: readonly CliProblem[]): Tally {
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

/** Sorts by file, then position. */
export function sortProblems(list: CliProblem[]): CliProblem[] {
  return list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn));
}
