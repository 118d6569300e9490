import { parseArgs } from 'node:util';
import { runCheck } from './check';
import { isCheckWorker, runCheckWorker } from './check-pool';
import { runOutline } from './outline-command';
import { runStats } from './stats-command';
import { annotateTargetProblem } from './annotate';
import { detectLang, pick, type Lang } from './lang';
import { SEGMENTER_SETTINGS } from './segmentation';
import type { SegmenterSetting } from '../core/config/settings';
import type { Output } from './report';

declare const GONGWEN_VERSION: string;
const VERSION = typeof GONGWEN_VERSION === 'string' ? GONGWEN_VERSION : '0.0.0-dev';

const HELP_ZH = `gongwen ${VERSION} — 公文写作助手：检查占位符、GB/T 9704-2012 层次编号、大纲

用法：
  gongwen check [选项] <文件|目录|通配符>...   检查报告（目录下的 .txt .md .gw 和 Word .docx 文件）
  gongwen check --annotate -o 输出.docx <文件.docx>
                                              检查 Word 文档，另存一份把每个问题作为批注的副本（原文件不动）
  gongwen outline [选项] <文件>               输出章节大纲
  gongwen export [--docx] [-o 输出] [--force] [--doc N] <文件>
                                              按 GB/T 9704-2012 版式导出 Word 文档（每个文档一个 .docx）
  gongwen stats [选项] <文件|目录|通配符>...   统计字数、汉字、段落和页数（按文档和章节）
  gongwen lsp --stdio                         在标准输入输出上运行语言服务器（供 Neovim、Helix、Zed、Emacs 等编辑器使用）

选项：
  --format text|json   输出格式（默认 text）
  --fix                应用安全修复并写回原文件（保持编码、BOM 和换行符）；不用于 .docx
  --fix-dry-run        只打印修复的差异，不写文件
  --max-warnings N     警告超过 N 个时以 1 退出
  --config FILE        使用指定的配置文件，而不是就近的 .gongwenrc.json
  --segmenter auto|nodejieba|rs-jieba|intl|off
                       分词引擎（默认 auto：nodejieba，不可用时依次回退到 @node-rs/jieba、Intl.Segmenter）；
                       off 关闭 repeated-word 和 overused-word。覆盖配置中的 segmenter
  --jobs N             （check）最多用 N 个线程并行检查（默认 CPU 核数减一；文件少时只用一个）；1 不开线程
  --cache              （check）内容未变的文件直接输出上次的结果（不解析、不分词）；--fix 时不用缓存
  --cache-location 路径 （check）缓存文件，或存放它的目录（默认当前目录下的 .gongwencache）
  --annotate           （check）把 .docx 的问题写成 Word 批注（作者“公文写作助手”），存为 -o 指定的副本
  --lang zh|en         输出语言（默认随 LANG/LC_ALL）
  --docx               （export）导出为 .docx（默认格式）
  -o, --out 路径       （export）输出文件或目录；文件含多个文档时依次加 -1、-2…；（check --annotate）带批注的副本
  --force              （export）仍有占位符时也导出
  --doc N              （export）只导出第 N 个文档（编号同 outline）
  -h, --help           显示帮助
  -v, --version        显示版本

Word 文档的位置按“段N:列M”（第 N 段第 M 个字符，从 1 起）给出。

退出码：0 无错误；1 发现错误（或警告超过 --max-warnings）；2 用法错误、配置无效、路径不存在、没有可读文件，
        或 Word 文档无法读取（加密、.doc、损坏、含宏）。
export：0 已导出；1 仍有占位符（已列出，未导出；加 --force 强制导出）；2 用法错误或无法读写。`;

const HELP_EN = `gongwen ${VERSION} — checks Chinese government reports: placeholders, GB/T 9704-2012 numbering, outline

Usage:
  gongwen check [options] <file|dir|glob>...   lint reports (.txt .md .gw and Word .docx files in folders)
  gongwen check --annotate -o out.docx <file.docx>
                                               lint a Word document and write a copy with each problem as a comment
                                               (the original is never written)
  gongwen outline [options] <file>             print the section outline
  gongwen export [--docx] [-o out] [--force] [--doc N] <file>
                                               export Word documents laid out as GB/T 9704-2012 requires (one .docx a document)
  gongwen stats [options] <file|dir|glob>...   count characters, Han characters, paragraphs and pages per document and section
  gongwen lsp --stdio                          run the language server on stdin/stdout (for Neovim, Helix, Zed, Emacs and others)

Options:
  --format text|json   output format (default text)
  --fix                apply safe fixes and write files back (same encoding, BOM, line endings); not for .docx
  --fix-dry-run        print the fixes as a diff, write nothing
  --max-warnings N     exit 1 when there are more than N warnings
  --config FILE        use this config file instead of the nearest .gongwenrc.json
  --segmenter auto|nodejieba|rs-jieba|intl|off
                       word segmentation engine (default auto: nodejieba, falling back to @node-rs/jieba, then
                       Intl.Segmenter); off turns repeated-word and overused-word off. Overrides the config's segmenter
  --jobs N             (check) check files on at most N threads (default: cores minus one; few files use one); 1: no threads
  --cache              (check) print an unchanged file's problems from the last run, without linting it; not with --fix
  --cache-location PATH (check) the cache file, or a folder for it (default .gongwencache in the current folder)
  --annotate           (check) write a .docx's problems as Word comments (author 公文写作助手) into the copy -o names
  --lang zh|en         output language (default from LANG/LC_ALL)
  --docx               (export) write .docx (the default format)
  -o, --out PATH       (export) output file or folder; a file holding several documents gets -1, -2…;
                       (check --annotate) the annotated copy
  --force              (export) export even though placeholders remain
  --doc N              (export) export only document N (numbered as outline numbers them)
  -h, --help           show this help
  -v, --version        show the version

A Word document's positions are paragraph:column (para3:col5: the 3rd paragraph's 5th character, both from 1).

Exit codes: 0 no errors; 1 errors found (or more warnings than --max-warnings); 2 bad usage, invalid config, missing path,
no readable file, or a Word document that cannot be read (encrypted, .doc, damaged, macro-enabled).
export: 0 written; 1 placeholders left (listed, nothing written; --force exports anyway); 2 bad usage or a file that cannot be read or written.`;

const OPTIONS = {
  format: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'max-warnings': { type: 'string' },
  config: { type: 'string' },
  segmenter: { type: 'string' },
  jobs: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  annotate: { type: 'boolean' },
  lang: { type: 'string' },
  docx: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  doc: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Options only `export` takes. */
const EXPORT_ONLY = ['docx', 'out', 'force', 'doc'] as const;
/** Options only `check` takes. */
const CHECK_ONLY = ['jobs', 'cache', 'cache-location', 'annotate'] as const;

/** Runs the CLI; returns the exit code (a promise of it for `export`, which packs the document asynchronously). */
export function main(argv: string[], io: Output): number | Promise<number> {
  // The language server takes its own arguments (editors pass --stdio) and then owns stdin and stdout. Loaded on use:
  // the protocol library stays out of every other command's start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (argv[0] === 'lsp') return (require('./lsp-command') as typeof import('./lsp-command')).runLsp(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const lang = detectLang(undefined);
    return usage(lang, io, (e as Error).message);
  }
  const { values, positionals } = parsed;
  const lang = detectLang(values.lang);
  if (values.version) {
    io.out(VERSION);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || !command) {
    io.out(lang === 'en' ? HELP_EN : HELP_ZH);
    return command || values.help ? 0 : 2;
  }
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') return usage(lang, io, `--lang ${values.lang}`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(lang, io, `--format ${format}`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) return usage(lang, io, `--max-warnings ${values['max-warnings']}`);
  const segmenter = values.segmenter as SegmenterSetting | undefined;
  if (segmenter !== undefined && !SEGMENTER_SETTINGS.includes(segmenter)) return usage(lang, io, `--segmenter ${segmenter}`);
  if (command !== 'export') {
    // `check --annotate` takes `-o` too: the copy it writes.
    const stray = EXPORT_ONLY.find((o) => values[o] !== undefined && !(o === 'out' && command === 'check' && values.annotate));
    if (stray === 'out' && command === 'check')
      return usage(lang, io, pick(lang, '-o 只用于 export 和 check --annotate', '-o is for export and check --annotate only'));
    if (stray) return usage(lang, io, pick(lang, `--${stray} 只用于 export`, `--${stray} is for export only`));
  }
  if (command !== 'check') {
    const stray = CHECK_ONLY.find((o) => values[o] !== undefined);
    if (stray) return usage(lang, io, pick(lang, `--${stray} 只用于 check`, `--${stray} is for check only`));
  }
  if (command === 'check') {
    if (!paths.length) return usage(lang, io, pick(lang, 'check 需要至少一个文件或目录', 'check needs at least one file or folder'));
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return usage(lang, io, `--jobs ${values.jobs}`);
    const cacheLocation = values['cache-location'];
    if (cacheLocation !== undefined && !values.cache)
      return usage(lang, io, pick(lang, '--cache-location 需与 --cache 同用', '--cache-location needs --cache'));
    if (cacheLocation === '') return usage(lang, io, pick(lang, '--cache-location 需要一个路径', '--cache-location needs a path'));
    if (values.annotate) {
      const problem = annotateUsage(paths, values.out, !!values.fix || !!values['fix-dry-run'], lang);
      if (problem) return usage(lang, io, problem);
    }
    return runCheck(
      {
        paths,
        format,
        fix: !!values.fix,
        fixDryRun: !!values['fix-dry-run'],
        maxWarnings,
        config: values.config,
        lang,
        segmenter,
        jobs,
        cache: !!values.cache,
        cacheLocation,
        annotate: values.annotate ? values.out : undefined,
      },
      io,
    );
  }
  if (command === 'outline') {
    if (paths.length !== 1) return usage(lang, io, pick(lang, 'outline 需要一个文件', 'outline takes one file'));
    return runOutline({ file: paths[0], format, config: values.config, lang }, io);
  }
  if (command === 'stats') {
    if (!paths.length) return usage(lang, io, pick(lang, 'stats 需要至少一个文件或目录', 'stats needs at least one file or folder'));
    return runStats({ paths, format, config: values.config, lang }, io);
  }
  if (command === 'export') {
    if (paths.length !== 1) return usage(lang, io, pick(lang, 'export 需要一个文件', 'export takes one file'));
    const stray =
      (['fix', 'fix-dry-run', 'max-warnings'] as const).find((o) => values[o] !== undefined) ?? (values.format !== undefined ? 'format' : undefined);
    if (stray) return usage(lang, io, pick(lang, `export 不接受 --${stray}`, `export does not take --${stray}`));
    const doc = values.doc === undefined ? undefined : Number(values.doc);
    if (doc !== undefined && !(Number.isInteger(doc) && doc >= 1)) return usage(lang, io, `--doc ${values.doc}`);
    if (values.out === '') return usage(lang, io, pick(lang, '-o 需要一个路径', '-o needs a path'));
    // Loaded on first use: the Word library stays out of every other command's start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runExport } = require('./export-command') as typeof import('./export-command');
    return runExport({ file: paths[0], out: values.out, force: !!values.force, doc, config: values.config, lang }, io);
  }
  return usage(lang, io, pick(lang, `未知命令“${command}”`, `unknown command "${command}"`));
}

/** What is wrong with `check --annotate`'s arguments, or null: one `.docx` in, `-o` another file out, no fixing. */
function annotateUsage(paths: string[], out: string | undefined, fixing: boolean, lang: Lang): string | null {
  if (fixing) return pick(lang, '--annotate 不能与 --fix、--fix-dry-run 同用', '--annotate does not go with --fix or --fix-dry-run');
  if (out === undefined || out === '') return pick(lang, '--annotate 需要 -o 指定副本的文件名', '--annotate needs -o naming the copy to write');
  if (paths.length !== 1 || !/\.docx$/i.test(paths[0])) return pick(lang, '--annotate 只用于一个 .docx 文件', '--annotate takes one .docx file');
  return annotateTargetProblem(paths[0], out, lang);
}

function usage(lang: Lang, io: Output, problem: string): number {
  io.err(pick(lang, `gongwen：${problem}。运行 gongwen --help 查看用法。`, `gongwen: ${problem}. Run gongwen --help for usage.`));
  return 2;
}

/** Writes and exits only once stdout has drained, so piped JSON is never cut short. */
function runFromCommandLine(): void {
  // A reader that stops early (`| head`) closes the pipe: the rest of the output has nowhere to go, which is no error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  const out: Array<string | Uint8Array> = [];
  const io: Output = { out: (l) => out.push(l), outBytes: (l) => out.push(l), err: (l) => process.stderr.write(l + '\n') };
  const internalError = (e: unknown): number => {
    process.stderr.write(`gongwen: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  };
  const finish = (code: number): void => {
    process.exitCode = code;
    // Consecutive text lines go out joined; an encoded chunk (the JSON result) goes out as it is.
    let pending: string[] = [];
    const flush = () => {
      if (pending.length) process.stdout.write(pending.join('\n') + '\n');
      pending = [];
    };
    for (const chunk of out) {
      if (typeof chunk === 'string') pending.push(chunk);
      else {
        flush();
        process.stdout.write(chunk);
        process.stdout.write('\n');
      }
    }
    flush();
  };
  let result: number | Promise<number>;
  try {
    result = main(process.argv.slice(2), io);
  } catch (e) {
    result = internalError(e);
  }
  if (typeof result === 'number') finish(result);
  else result.then(finish, (e) => finish(internalError(e)));
}

if (require.main === module) {
  // The same bundle is the worker of a parallel check (check-pool.ts).
  if (isCheckWorker()) runCheckWorker();
  else runFromCommandLine();
}
