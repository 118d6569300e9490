import { applyEdits } from './fix';
import { lint, type LintOptions } from './lint';
import type { TextEdit } from './types';

/** At most this many lint-and-fix passes (a fix can reveal another). */
export const MAX_FIX_PASSES = 10;

export interface FixAllResult {
  output: string;
  /** Problems whose fixes were applied, over all passes. */
  fixed: number;
  passes: number;
}

/** The safe fixes of one lint pass, for the problems `select` keeps. */
export function safeEdits(text: string, options: LintOptions): { edits: TextEdit[]; problems: number } {
  const problems = lint(text, options).filter((p) => p.fix?.safe);
  return { edits: problems.flatMap((p) => p.fix!.edits), problems: problems.length };
}

/** Applies safe fixes, re-lints and repeats until nothing changes (CLI --fix and the editor's fix-all). */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  let output = text;
  let fixed = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const { edits, problems } = safeEdits(output, options);
    if (!edits.length) break;
    const result = applyEdits(output, edits);
    passes++;
    if (result.output === output) break;
    fixed += problems;
    output = result.output;
  }
  return { output, fixed, passes };
}
