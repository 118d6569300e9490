import { parseArgs } from 'node:util';
import { runCheck } from './check';
import { runOutline } from './outline-command';
import { detectLang, pick, type Lang } from './lang';
import type { Output } from './report';

declare const GONGWEN_VERSION: string;
const VERSION = typeof GONGWEN_VERSION === 'string' ? GONGWEN_VERSION : '0.0.0-dev';

const HELP_ZH = `gongwen ${VERSION} — 公文写作助手：检查占位符、GB/T 9704-2012 层次编号、大纲

用法：
  gongwen check [选项] <文件|目录|通配符>...   检查报告（目录下的 .txt .md .gw 文件）
  gongwen outline [选项] <文件>               输出章节大纲

选项：
  --format text|json   输出格式（默认 text）
  --fix                应用安全修复并写回原文件（保持编码、BOM 和换行符）
  --fix-dry-run        只打印修复的差异，不写文件
  --max-warnings N     警告超过 N 个时以 1 退出
  --config FILE        使用指定的配置文件，而不是就近的 .gongwenrc.json
  --lang zh|en         输出语言（默认随 LANG/LC_ALL）
  -h, --help           显示帮助
  -v, --version        显示版本

退出码：0 无错误；1 发现错误（或警告超过 --max-warnings）；2 用法错误、配置无效、路径不存在或没有可读文件。`;

const HELP_EN = `gongwen ${VERSION} — checks Chinese government reports: placeholders, GB/T 9704-2012 numbering, outline

Usage:
  gongwen check [options] <file|dir|glob>...   lint reports (.txt .md .gw files in folders)
  gongwen outline [options] <file>             print the section outline

Options:
  --format text|json   output format (default text)
  --fix                apply safe fixes and write files back (same encoding, BOM, line endings)
  --fix-dry-run        print the fixes as a diff, write nothing
  --max-warnings N     exit 1 when there are more than N warnings
  --config FILE        use this config file instead of the nearest .gongwenrc.json
  --lang zh|en         output language (default from LANG/LC_ALL)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors; 1 errors found (or more warnings than --max-warnings); 2 bad usage, invalid config, missing path or no readable file.`;

const OPTIONS = {
  format: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'max-warnings': { type: 'string' },
  config: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Runs the CLI; returns the exit code. */
export function main(argv: string[], io: Output): number {
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
  if (command === 'check') {
    if (!paths.length) return usage(lang, io, pick(lang, 'check 需要至少一个文件或目录', 'check needs at least one file or folder'));
    return runCheck({ paths, format, fix: !!values.fix, fixDryRun: !!values['fix-dry-run'], maxWarnings, config: values.config, lang }, io);
  }
  if (command === 'outline') {
    if (paths.length !== 1) return usage(lang, io, pick(lang, 'outline 需要一个文件', 'outline takes one file'));
    return runOutline({ file: paths[0], format, config: values.config, lang }, io);
  }
  return usage(lang, io, pick(lang, `未知命令“${command}”`, `unknown command "${command}"`));
}

function usage(lang: Lang, io: Output, problem: string): number {
  io.err(pick(lang, `gongwen：${problem}。运行 gongwen --help 查看用法。`, `gongwen: ${problem}. Run gongwen --help for usage.`));
  return 2;
}

/** Writes and exits only once stdout has drained, so piped JSON is never cut short. */
function runFromCommandLine(): void {
  const out: string[] = [];
  const io: Output = { out: (l) => out.push(l), err: (l) => process.stderr.write(l + '\n') };
  let code: number;
  try {
    code = main(process.argv.slice(2), io);
  } catch (e) {
    process.stderr.write(`gongwen: internal error: ${(e as Error).stack ?? e}\n`);
    code = 2;
  }
  process.exitCode = code;
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

if (require.main === module) runFromCommandLine();
