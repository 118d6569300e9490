import path from 'node:path';
import { formatOf, type LintOptions } from '../core';
import { formatConfigError } from '../core';
import { ConfigResolver } from './config-file';
import { CLI_EXTENSIONS, collectFiles } from './files';
import { readFileBytes } from './io';
import { decodeReport, type ReportFile } from './docx-input';
import { pick, type Lang } from './lang';

/** A report file read and ready to lint, with the options its config gives. */
export interface OpenedReport {
  path: string;
  /** Its text; `file.docx` maps it back to a Word document's paragraphs. */
  file: ReportFile;
  options: LintOptions;
}

/** Where the CLI writes: stdout for results, stderr for one-line messages. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** A line of output already encoded as UTF-8 (a large JSON result); absent: it is decoded and passed to `out`. */
  outBytes?(line: Uint8Array): void;
}

/** Prints a UTF-8 encoded line through whichever path the output offers. */
export function outUtf8(io: Output, line: Buffer): void {
  if (io.outBytes) io.outBytes(line);
  else io.out(line.toString('utf8'));
}

/**
 * Reads a file and resolves its config; reports what fails on stderr. `null` when it could not be read; `refused`
 * when it is a Word document the reader refused (encrypted, a `.doc`, damaged ...: the run exits 2).
 */
export function openReport(
  file: string,
  configs: ConfigResolver,
  lang: Lang,
  io: Output,
  seenConfigErrors: Set<string>,
): { report: OpenedReport | null; configBroken: boolean; refused: boolean } {
  const loaded = configs.forFile(file);
  let configBroken = false;
  if (loaded.errors.length) {
    configBroken = true;
    const key = loaded.file ?? '';
    if (!seenConfigErrors.has(key)) {
      seenConfigErrors.add(key);
      for (const e of loaded.errors) io.err(formatConfigError(e, lang));
      io.err(pick(lang, `${loaded.file}：配置无效，其下的文件按默认设置检查`, `${loaded.file}: invalid config, files under it are checked with the defaults`));
    }
  }
  const bytes = readFileBytes(file);
  const read = bytes.ok ? decodeReport(file, bytes.bytes) : bytes;
  if (!read.ok) {
    io.err(pick(lang, read.message, read.messageEn));
    return { report: null, configBroken, refused: read.reason === 'docx' };
  }
  const relative = path.relative(loaded.root, path.resolve(file)).split(path.sep).join('/');
  return {
    report: { path: file, file: read.file, options: { format: formatOf(file), config: loaded.config, filePath: relative } },
    configBroken,
    refused: false,
  };
}

/** What reading the named paths came to, for the exit code. */
export interface ReadOutcome {
  /** Files read and handed to the callback. */
  read: number;
  /** A missing path, a broken config or a Word document the reader refused: exit 2. */
  usageError: boolean;
  /** Something was named or met (a file, a missing path, a symlink loop) but nothing could be read: exit 2. */
  nothingRead: boolean;
}

/**
 * The loop every file command shares: expand the paths, report what is missing or skipped on stderr, read each
 * file with its config, and hand the readable ones to `each`.
 */
export function forEachReport(paths: string[], config: string | undefined, lang: Lang, io: Output, each: (report: OpenedReport) => void): ReadOutcome {
  const collected = collectFiles(paths, process.cwd(), CLI_EXTENSIONS);
  let usageError = collected.missing.length > 0;
  for (const m of collected.missing) io.err(pick(lang, `${m}：文件或目录不存在`, `${m}: no such file or directory`));
  for (const w of collected.warnings) io.err(pick(lang, w.message, w.messageEn));
  const configs = new ConfigResolver(config);
  const seenConfigErrors = new Set<string>();
  let read = 0;
  for (const file of collected.files) {
    const { report, configBroken, refused } = openReport(file, configs, lang, io, seenConfigErrors);
    usageError ||= configBroken || refused;
    if (!report) continue;
    read++;
    // A bug in a rule or the parser costs one file a clear line and exit 2, never the whole run a stack trace.
    try {
      each(report);
    } catch (e) {
      usageError = true;
      const why = e instanceof Error ? e.message : String(e);
      io.err(
        pick(
          lang,
          `${report.path}：检查时出现内部错误，已跳过（${why}）；请报告此问题`,
          `${report.path}: internal error while checking, skipped (${why}); please report it`,
        ),
      );
    }
  }
  const named = collected.files.length + collected.missing.length + collected.warnings.length;
  return { read, usageError, nothingRead: read === 0 && named > 0 };
}
