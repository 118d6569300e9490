import { fixAll, lint, LineIndex } from '../core';
import { encodeText, writeFileAtomic } from './io';
import { pick, type Lang } from './lang';
import { formatProblemLines, formatSummary, problemsJson, sortByFile, tally, type FileProblems } from './format';
import { forEachReport, outUtf8, type OpenedReport, type Output } from './report';
import { withSegmentation } from './segmentation';
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
}

/** `gongwen check`: lint files, optionally fix them; returns the exit code. */
export function runCheck(opts: CheckOptions, io: Output): number {
  const { lang } = opts;
  const results: FileProblems[] = [];
  const outcome = forEachReport(opts.paths, opts.config, lang, io, (report) => {
    report.options = withSegmentation(report.options, opts.segmenter, lang, io);
    const text = opts.fix || opts.fixDryRun ? applyFixes(report, opts, io) : report.file.text;
    results.push({ file: report.path, lines: new LineIndex(text), problems: lint(text, report.options) });
  });
  sortByFile(results);
  const problems = results.flatMap((r) => r.problems);
  // One problem per line: greppable, and a tenth of the bytes of indented JSON on a large report.
  if (opts.format === 'json') outUtf8(io, problemsJson(results));
  else if (!opts.fixDryRun) {
    for (const r of results) formatProblemLines(r, lang, (l) => io.out(l));
    io.out(formatSummary(tally(problems), outcome.read, lang));
  }
  if (outcome.nothingRead || outcome.usageError) return 2;
  const t = tally(problems);
  const tooManyWarnings = opts.maxWarnings !== undefined && t.warning > opts.maxWarnings;
  return t.error > 0 || tooManyWarnings ? 1 : 0;
}

/** Applies safe fixes; writes the file back (same encoding, BOM, line endings) or prints the diff. Returns the new text. */
function applyFixes(report: OpenedReport, opts: CheckOptions, io: Output): string {
  const before = report.file.text;
  const { output, fixed, invalid } = fixAll(before, report.options);
  // A fix with overlapping edits is a rule's bug: never applied, and said so rather than silently dropped.
  for (const p of invalid) {
    io.err(
      pick(
        opts.lang,
        `${report.path}：内部错误：规则 ${p.ruleId} 的修复含重叠的编辑，未应用（${p.message}）`,
        `${report.path}: internal error: the fix of rule ${p.ruleId} has overlapping edits and was not applied (${p.messageEn})`,
      ),
    );
  }
  if (output === before) return before;
  if (opts.fixDryRun) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTwoFilesPatch } = require('diff') as typeof import('diff');
    // Only the newline that `out` adds again: a CRLF file's last line keeps its \r, as --fix writes it.
    io.out(createTwoFilesPatch(report.path, report.path, before, output, '', '').replace(/\n$/, ''));
    return output;
  }
  try {
    writeFileAtomic(report.path, encodeText(output, report.file.encoding, report.file.bom));
    io.err(pick(opts.lang, `${report.path}：已修复 ${fixed} 处`, `${report.path}: fixed ${fixed} problem${fixed === 1 ? '' : 's'}`));
    return output;
  } catch (e) {
    io.err(pick(opts.lang, `${report.path}：无法写回修复（${(e as Error).message}）`, `${report.path}: could not write the fixes (${(e as Error).message})`));
    return before;
  }
}
