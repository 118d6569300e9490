import { applyFixes, combineFixes } from './fix';
import { lint, type LintOptions } from '../rules/lint';
import type { Problem, TextEdit } from '../types';

/** At most this many lint-and-fix passes (a fix can reveal another). */
export const MAX_FIX_PASSES = 10;

export interface FixAllResult {
  output: string;
  /** Problems whose fixes were applied, over all passes. */
  fixed: number;
  passes: number;
  /**
   * Problems whose fix a rule built with overlapping (or out-of-range) edits, never applied: a programming error the
   * caller reports. Positions are offsets into the text of the pass that met them, each problem listed once.
   */
  invalid: Problem[];
}

/** The safe fixes of one lint pass, combined (`combineFixes`): the edits to apply and how many problems they fix. */
export function safeEdits(text: string, options: LintOptions): { edits: TextEdit[]; problems: number } {
  const { edits, fixed } = combineFixes(
    text,
    lint(text, options).filter((p) => p.fix?.safe),
  );
  return { edits, problems: fixed.length };
}

/**
 * Applies safe fixes, re-lints and repeats until nothing changes (CLI --fix and the editor's fix-all). Each pass
 * takes every fix compatible with those before it (`applyFixes`); a fix overlapping one taken waits for the next pass.
 */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  let output = text;
  let fixed = 0;
  let passes = 0;
  const invalid = new Map<string, Problem>();
  while (passes < MAX_FIX_PASSES) {
    const result = applyFixes(
      output,
      lint(output, options).filter((p) => p.fix?.safe),
    );
    for (const p of result.invalid) invalid.set(`${p.ruleId}\u0000${p.message}`, p);
    if (!result.edits.length) break;
    passes++;
    if (result.output === output) break;
    fixed += result.fixed.length;
    output = result.output;
  }
  return { output, fixed, passes, invalid: [...invalid.values()] };
}
