import path from 'node:path';
import { formatConfigError, formatOf } from '../core';
import { pick, type Lang } from './lang';
import { addTally, formatSummary, joinJson, sortByFile, tableJson, tableLines, tableTally, type Tally } from './format';
import { outUtf8, type Output } from './report';
import { checkFiles, contentHash, type CheckSettings, type FileResult, type FileTask } from './check-file';
import { checkInParallel, fileSizes, threadCount } from './check-pool';
import { ConfigResolver } from './config-file';
import { CLI_EXTENSIONS, collectFiles } from './files';
import { readFileBytes } from './io';
import { cacheFilePath, ResultCache } from './result-cache';
import type { SegmenterSetting } from '../core/config/settings';

export interface CheckOptions {
  paths: string[];
  format: 'text' | 'json';
  fix: boolean;
  fixDryRun: boolean;
  maxWarnings?: number;
  config?: string;
  lang: Lang;
  /** `--segmenter`: overrides the config's `segmenter`. */
  segmenter?: SegmenterSetting;
  /** `--jobs`: at most this many threads (default: one per core); 1 checks every file in this thread. */
  jobs?: number;
  /** `--cache`: print unchanged files' problems from the cache file. */
  cache?: boolean;
  /** `--cache-location`: the cache file, or a folder for it. */
  cacheLocation?: string;
  /** `--annotate -o`: the copy of the one Word document named, with its problems as comments. */
  annotate?: string;
}

/** What the paths and configs came to before any file is read. */
interface Plan {
  tasks: FileTask[];
  /** Lines for stderr before each file's own (its config's errors, the first time that config is met). */
  before: string[][];
  usageError: boolean;
  /** Things named or met (files, missing paths, symlink loops ...): with nothing read, exit 2. */
  named: number;
}

/** `gongwen check`: lint files, optionally fix them; returns the exit code (a promise of it when workers run). */
export function runCheck(opts: CheckOptions, io: Output): number | Promise<number> {
  const plan = planCheck(opts, io);
  const settings: CheckSettings = {
    format: opts.format,
    fix: opts.fix,
    fixDryRun: opts.fixDryRun,
    lang: opts.lang,
    segmenter: opts.segmenter,
    // Fixing changes the files: it reads and writes no cache; annotating needs the document's problems, not a table.
    table: !!opts.cache && !opts.fix && !opts.fixDryRun && !opts.annotate,
    annotate: opts.annotate,
  };
  const cache = settings.table ? new ResultCache(cacheFilePath(opts.cacheLocation)) : null;
  const results: FileResult[] = [];
  const todo: FileTask[] = [];
  for (const task of plan.tasks) {
    const hit = cache && fromCache(cache, task, settings);
    if (hit) results[task.index] = hit;
    else todo.push(task);
  }
  const finish = (checked: readonly FileResult[]): number => {
    for (const r of checked) results[r.index] = r;
    if (cache) remember(cache, plan.tasks, results, settings, io);
    return report(plan, results, opts, io);
  };
  const sizes = fileSizes(todo);
  const threads = threadCount(
    todo.length,
    sizes.reduce((a, b) => a + b, 0),
    opts.jobs,
  );
  if (threads > 1) return checkInParallel(todo, settings, threads).then(finish);
  const checked: FileResult[] = [];
  checkFiles(todo, settings, (r) => checked.push(r));
  return finish(checked);
}

/** Expands the paths and resolves each file's config; says on stderr what is missing or skipped. */
function planCheck(opts: CheckOptions, io: Output): Plan {
  const { lang } = opts;
  const collected = collectFiles(opts.paths, process.cwd(), CLI_EXTENSIONS);
  for (const m of collected.missing) io.err(pick(lang, `${m}：文件或目录不存在`, `${m}: no such file or directory`));
  for (const w of collected.warnings) io.err(pick(lang, w.message, w.messageEn));
  const configs = new ConfigResolver(opts.config);
  const seenConfigErrors = new Set<string>();
  const plan: Plan = {
    tasks: [],
    before: [],
    usageError: collected.missing.length > 0,
    named: collected.files.length + collected.missing.length + collected.warnings.length,
  };
  collected.files.forEach((file, index) => {
    const loaded = configs.forFile(file);
    const lines: string[] = [];
    if (loaded.errors.length) {
      plan.usageError = true;
      const key = loaded.file ?? '';
      if (!seenConfigErrors.has(key)) {
        seenConfigErrors.add(key);
        for (const e of loaded.errors) lines.push(formatConfigError(e, lang));
        lines.push(
          pick(lang, `${loaded.file}：配置无效，其下的文件按默认设置检查`, `${loaded.file}: invalid config, files under it are checked with the defaults`),
        );
      }
    }
    const filePath = path.relative(loaded.root, path.resolve(file)).split(path.sep).join('/');
    plan.tasks.push({ index, path: file, options: { format: formatOf(file), config: loaded.config, filePath } });
    plan.before.push(lines);
  });
  return plan;
}

/** A file's result from the cache, when its bytes are those the cache saw under the same settings. */
function fromCache(cache: ResultCache, task: FileTask, settings: CheckSettings): FileResult | null {
  const read = readFileBytes(task.path);
  if (!read.ok) return null;
  const hash = contentHash(read.bytes);
  const table = cache.get(task.path, hash, cache.keyOf(task, settings.segmenter));
  if (!table) return null;
  const result: FileResult = {
    index: task.index,
    path: task.path,
    read: true,
    internalError: false,
    failed: false,
    err: [],
    out: [],
    tally: tableTally(table),
    table,
    hash,
  };
  if (settings.format === 'json') result.json = tableJson(task.path, table);
  else tableLines(task.path, table, settings.lang, (l) => (result.lines ??= []).push(l));
  return result;
}

/** Keeps the problems of every file checked with the engine its setting asks for (a fallback's may differ). */
function remember(cache: ResultCache, tasks: readonly FileTask[], results: readonly FileResult[], settings: CheckSettings, io: Output): void {
  for (const task of tasks) {
    const r = results[task.index];
    if (!r.read || r.internalError || !r.table || !r.hash || r.segmentation?.fallbackLine) continue;
    cache.set(task.path, r.hash, cache.keyOf(task, settings.segmenter), r.table);
  }
  const failed = cache.save();
  if (failed) io.err(pick(settings.lang, `${cache.file}：无法写入缓存（${failed}）`, `${cache.file}: could not write the cache (${failed})`));
}

/** Prints what the files came to, in the order a serial run prints it; returns the exit code. */
function report(plan: Plan, results: readonly FileResult[], opts: CheckOptions, io: Output): number {
  let announced = false;
  let read = 0;
  let usageError = plan.usageError;
  const total: Tally = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const task of plan.tasks) {
    const r = results[task.index];
    for (const line of plan.before[task.index]) io.err(line);
    // The engine's fallback line is said once a run, at the first file that needed an engine.
    const fallback = r.segmentation?.fallbackLine;
    for (const line of r.err) {
      if (line === fallback && fallback !== undefined) {
        if (announced) continue;
        announced = true;
      }
      io.err(line);
    }
    for (const line of r.out) io.out(line);
    if (r.read) read++;
    usageError ||= r.internalError || r.failed;
    addTally(total, r.tally);
  }
  const printed = sortByFile(results.filter((r) => r.read && !r.internalError).map((r) => ({ file: r.path, r }))).map((x) => x.r);
  // One problem per line: greppable, and a tenth of the bytes of indented JSON on a large report.
  if (opts.format === 'json') outUtf8(io, joinJson(printed.map((r) => r.json ?? new Uint8Array(0))));
  else if (!opts.fixDryRun) {
    for (const r of printed) for (const line of r.lines ?? []) io.out(line);
    io.out(formatSummary(total, read, opts.lang));
  }
  if ((read === 0 && plan.named > 0) || usageError) return 2;
  const tooManyWarnings = opts.maxWarnings !== undefined && total.warning > opts.maxWarnings;
  return total.error > 0 || tooManyWarnings ? 1 : 0;
}
