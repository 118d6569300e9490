// One file's share of `gongwen check`: read, decode, fix, lint and render it. The same code runs in the main thread and
// in the worker threads of a parallel run, and hands back everything the run prints for the file, so that the main
// thread prints the same bytes in the same order however the files were spread.

import crypto from 'node:crypto';
import fs from 'node:fs';
import { fixAll, lintModel, parse, type LintOptions } from '../core';
import type { SegmenterSetting } from '../core/config/settings';
import { encodeText, readFileBytes, writeFileAtomic } from './io';
import { decodeReport, type ReportFile } from './docx-input';
import { annotateCopy } from './annotate';
import { pick, type Lang } from './lang';
import { fileProblemsJson, formatProblemLines, problemTable, tableJson, tableLines, tally, type ProblemTable, type Tally } from './format';
import { withSegmentation, type SegmentationUse } from './segmentation';
import type { Output } from './report';

/** What every file of a run is checked with (plain data: it is sent to the workers). */
export interface CheckSettings {
  format: 'text' | 'json';
  fix: boolean;
  fixDryRun: boolean;
  lang: Lang;
  /** `--segmenter`: overrides the config's `segmenter`. */
  segmenter?: SegmenterSetting;
  /** `--cache`: keep each file's problems as a table, with the hash of its bytes. */
  table: boolean;
  /** `--annotate -o`: where the copy of the (one) Word document with its problems as comments goes. */
  annotate?: string;
}

/** A file to check, with the options its config gives (plain data). */
export interface FileTask {
  /** Its place among the files the paths expanded to. */
  index: number;
  path: string;
  options: Pick<LintOptions, 'format' | 'config' | 'filePath'>;
}

/** Everything a file's check prints and counts. */
export interface FileResult {
  index: number;
  path: string;
  /** Read and decoded (an unreadable or binary file is skipped with a line in `err`). */
  read: boolean;
  /** A rule or the parser failed on it: skipped with a line in `err`, and the run exits 2. */
  internalError: boolean;
  /**
   * The run exits 2 for it, its line in `err`: a Word document the reader refused (skipped), `--fix` asked of a Word
   * document (checked, not fixed), an annotated copy that could not be written.
   */
  failed: boolean;
  /** Its stderr lines, in order. */
  err: string[];
  /** Its stdout lines printed before the problems (`--fix-dry-run`'s diff). */
  out: string[];
  tally: Tally;
  /** Its problem lines (text format). */
  lines?: string[];
  /** Its objects of the JSON array (json format). */
  json?: Uint8Array;
  table?: ProblemTable;
  /** sha1 of its bytes (with `table`). */
  hash?: string;
  segmentation?: SegmentationUse;
}

/**
 * Past this much text nodejieba loads its whole dictionary (~1.2 s): finding the slice of a run this large (~50 ms a MB)
 * would cost as much.
 */
const SCOPE_BYTES = 16 * 1024 * 1024;

/**
 * Checks files one at a time, `each` told of each result as it is done. `claim` hands out the next file's number (a
 * counter shared between threads, so that a thread that started late simply takes fewer files); by default the files
 * in order. When a file first needs the segmenter, nodejieba is prepared for the words of the whole run, so that each
 * thread loads it once (the rules that segment — repeated-word, overused-word, the wording lists' short entries — may
 * cut any paragraph).
 */
export function checkFiles(tasks: readonly FileTask[], settings: CheckSettings, each: (r: FileResult) => void, claim?: () => number): void {
  let sequential = 0;
  const next = claim ?? (() => sequential++);
  const run = runScope(tasks);
  for (let i = next(); i < tasks.length; i = next()) {
    const task = tasks[i];
    const result = emptyResult(task);
    const early = run?.take(task.path);
    const bytes = early?.bytes ?? readFileBytes(task.path);
    const decoded = early?.decoded ?? (bytes.ok ? decodeReport(task.path, bytes.bytes) : bytes);
    if (decoded.ok) {
      if (settings.table && bytes.ok) result.hash = contentHash(bytes.bytes);
      lintFile(task, decoded.file, bytes.ok ? bytes.bytes : undefined, settings, run?.scope, result);
    } else {
      result.err.push(pick(settings.lang, decoded.message, decoded.messageEn));
      result.failed = decoded.reason === 'docx';
    }
    each(result);
  }
}

/** A file read and decoded for the scope before its turn came. */
interface EarlyRead {
  bytes: ReturnType<typeof readFileBytes>;
  decoded: ReturnType<typeof decodeReport>;
}

/**
 * The scope of a whole run, read when first asked for, and the bytes it read of the files not checked yet (handed over
 * once, so that no file is read twice); undefined when the run is too large for a slice to pay.
 */
function runScope(tasks: readonly FileTask[]): { scope: () => readonly string[]; take: (file: string) => EarlyRead | undefined } | undefined {
  let bytes = 0;
  for (const t of tasks) {
    try {
      bytes += fs.statSync(t.path).size;
    } catch {
      // Unreadable: it adds nothing to the scope.
    }
    if (bytes > SCOPE_BYTES) return undefined;
  }
  const read = new Map<string, EarlyRead>();
  const scope = lazyOnce(() => {
    const parts = new Set<string>();
    for (const t of tasks) {
      const r = readFileBytes(t.path);
      const decoded = r.ok ? decodeReport(t.path, r.bytes) : r;
      read.set(t.path, { bytes: r, decoded });
      // Copies of one text (a folder of drafts and their backups) need their words looked up once.
      if (decoded.ok) parts.add(decoded.file.text);
    }
    return [...parts];
  });
  const take = (file: string) => {
    const early = read.get(file);
    read.delete(file);
    return early;
  };
  return { scope, take };
}

function lazyOnce<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

export function contentHash(bytes: Uint8Array): string {
  return crypto.createHash('sha1').update(bytes).digest('hex');
}

function emptyResult(task: FileTask): FileResult {
  return {
    index: task.index,
    path: task.path,
    read: false,
    internalError: false,
    failed: false,
    err: [],
    out: [],
    tally: { error: 0, warning: 0, info: 0, hint: 0 },
  };
}

function lintFile(
  task: FileTask,
  file: ReportFile,
  bytes: Buffer | undefined,
  settings: CheckSettings,
  scope: (() => readonly string[]) | undefined,
  result: FileResult,
): void {
  result.read = true;
  const io: Output = { out: (l) => result.out.push(l), err: (l) => result.err.push(l) };
  const options = withSegmentation(task.options, settings.segmenter, settings.lang, io, undefined, {
    scope,
    onUse: (use) => {
      if (result.segmentation) return;
      result.segmentation = use;
      // Every file that met a fallback says so; the main thread prints it for the first of them only.
      if (use.fallbackLine) io.err(use.fallbackLine);
    },
  });
  // A bug in a rule or the parser costs one file a clear line and exit 2, never the whole run a stack trace.
  try {
    const { docx } = file;
    if (docx && (settings.fix || settings.fixDryRun)) refuseFix(task.path, settings, io, result);
    const text = !docx && (settings.fix || settings.fixDryRun) ? applyFixes(task.path, file, options, settings, io) : file.text;
    const model = parse(text, options.format ?? 'text');
    const problems = lintModel(model, options);
    const { lines } = model;
    result.tally = tally(problems);
    if (settings.table) result.table = problemTable(lines, problems, docx);
    const found = { file: task.path, lines, problems, docx };
    if (settings.format === 'json') result.json = result.table ? tableJson(task.path, result.table) : fileProblemsJson(found);
    else if (!settings.fixDryRun) {
      const out: string[] = (result.lines = []);
      if (result.table) tableLines(task.path, result.table, settings.lang, (l) => out.push(l));
      else formatProblemLines(found, settings.lang, (l) => out.push(l));
    }
    if (settings.annotate && docx && bytes) result.failed ||= !annotateCopy(task.path, bytes, docx, problems, settings.annotate, settings.lang, io);
  } catch (e) {
    result.internalError = true;
    result.tally = { error: 0, warning: 0, info: 0, hint: 0 };
    delete result.table;
    const why = e instanceof Error ? e.message : String(e);
    io.err(
      pick(
        settings.lang,
        `${task.path}：检查时出现内部错误，已跳过（${why}）；请报告此问题`,
        `${task.path}: internal error while checking, skipped (${why}); please report it`,
      ),
    );
  }
}

/** `--fix` on a Word document: fixes are edits of the extracted text, which cannot be written back into Word's runs. */
function refuseFix(filePath: string, settings: CheckSettings, io: Output, result: FileResult): void {
  const flag = settings.fix ? '--fix' : '--fix-dry-run';
  io.err(
    pick(
      settings.lang,
      `${filePath}：${flag} 不能用于 Word 文档（修复是对提取出的文本的修改，无法写回 Word 的文字块），已检查，未修改；要把问题带回 Word，请用 --annotate -o 输出带批注的副本`,
      `${filePath}: ${flag} does not apply to Word documents (fixes edit the extracted text, which cannot be written back into Word's runs): checked, not changed; to take the problems back into Word, write a copy with comments with --annotate -o`,
    ),
  );
  result.failed = true;
}

/** Applies safe fixes; writes the file back (same encoding, BOM, line endings) or prints the diff. Returns the new text. */
function applyFixes(filePath: string, file: ReportFile, options: LintOptions, settings: CheckSettings, io: Output): string {
  const before = file.text;
  const { output, fixed, invalid } = fixAll(before, options);
  // A fix with overlapping edits is a rule's bug: never applied, and said so rather than silently dropped.
  for (const p of invalid) {
    io.err(
      pick(
        settings.lang,
        `${filePath}：内部错误：规则 ${p.ruleId} 的修复含重叠的编辑，未应用（${p.message}）`,
        `${filePath}: internal error: the fix of rule ${p.ruleId} has overlapping edits and was not applied (${p.messageEn})`,
      ),
    );
  }
  if (output === before) return before;
  if (settings.fixDryRun) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTwoFilesPatch } = require('diff') as typeof import('diff');
    // Only the newline that `out` adds again: a CRLF file's last line keeps its \r, as --fix writes it.
    io.out(createTwoFilesPatch(filePath, filePath, before, output, '', '').replace(/\n$/, ''));
    return output;
  }
  try {
    writeFileAtomic(filePath, encodeText(output, file.encoding, file.bom));
    io.err(pick(settings.lang, `${filePath}：已修复 ${fixed} 处`, `${filePath}: fixed ${fixed} problem${fixed === 1 ? '' : 's'}`));
    return output;
  } catch (e) {
    io.err(pick(settings.lang, `${filePath}：无法写回修复（${(e as Error).message}）`, `${filePath}: could not write the fixes (${(e as Error).message})`));
    return before;
  }
}
