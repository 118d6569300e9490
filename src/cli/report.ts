import path from 'node:path';
import { formatOf, type LintOptions } from '../core';
import { formatConfigError } from '../core';
import type { ConfigResolver } from './config-file';
import { readTextFile, type DecodedFile } from './io';
import { pick, type Lang } from './lang';

/** A report file read and ready to lint, with the options its config gives. */
export interface OpenedReport {
  path: string;
  file: DecodedFile;
  options: LintOptions;
}

/** Where the CLI writes: stdout for results, stderr for one-line messages. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** Reads a file and resolves its config; reports what fails on stderr. `null` when it could not be read. */
export function openReport(file: string, configs: ConfigResolver, lang: Lang, io: Output, seenConfigErrors: Set<string>): { report: OpenedReport | null; configBroken: boolean } {
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
  const read = readTextFile(file);
  if (!read.ok) {
    io.err(pick(lang, read.message, read.messageEn));
    return { report: null, configBroken };
  }
  const relative = path.relative(loaded.root, path.resolve(file)).split(path.sep).join('/');
  return { report: { path: file, file: read.file, options: { format: formatOf(file), config: loaded.config, filePath: relative } }, configBroken };
}
