/** Checks the schema cannot express: known rule ids, compilable regular expressions and globs. */
import { KEY, toConfigError } from './errors';
import { globSyntaxError } from './globs';
import type { ConfigError, PathSegment, Wording } from './types';
import { didYouMean, isPlainObject, quote } from './wording';

const RULE_ID = /^[a-z][a-z0-9-]*$/;

type Report = (path: PathSegment[], m: Wording) => void;

/**
 * Errors in a configuration that passed the JSON syntax check. `knownRuleIds`, when given, makes
 * rule ids outside it an error (in `rules`, `overrides[].rules` and `ignore[].rule`).
 */
export function semanticErrors(data: Record<string, unknown>, file: string, knownRuleIds: readonly string[] | undefined): ConfigError[] {
  const out: ConfigError[] = [];
  const report: Report = (path, m) => out.push(toConfigError(file, { path, ...m }));
  const checkId = (id: string, path: PathSegment[]) => {
    if (knownRuleIds) checkRuleId(id, path, knownRuleIds, report);
  };
  const checkRules = (rules: unknown, path: PathSegment[]) => {
    if (isPlainObject(rules)) for (const id of Object.keys(rules)) checkId(id, [...path, id]);
  };

  checkRules(data.rules, ['rules']);
  checkPatterns(data.placeholders, report);
  forEachObject(data.ignore, (entry, i) => {
    if (typeof entry.rule === 'string') checkId(entry.rule, ['ignore', i, 'rule']);
    if (Array.isArray(entry.files)) checkGlobs(entry.files, ['ignore', i, 'files'], report);
  });
  forEachObject(data.overrides, (entry, i) => {
    checkRules(entry.rules, ['overrides', i, 'rules']);
    checkGlobs(entry.files, ['overrides', i, 'files'], report);
  });
  return out;
}

function forEachObject(list: unknown, f: (entry: Record<string, unknown>, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((entry: unknown, i) => {
    if (isPlainObject(entry)) f(entry, i);
  });
}

function checkRuleId(id: string, path: PathSegment[], knownRuleIds: readonly string[], report: Report): void {
  // A malformed id is already reported by the schema.
  if (!RULE_ID.test(id) || knownRuleIds.includes(id)) return;
  const known = knownRuleIds.length > 0 ? knownRuleIds.join(', ') : '—';
  const knownZh = knownRuleIds.length > 0 ? knownRuleIds.join('、') : '无';
  const guess = didYouMean(id, knownRuleIds);
  report(path, {
    zh: `${KEY}：没有名为 ${quote(id)} 的规则（已知规则：${knownZh}）${guess ? `。是否想写 "${guess}"？` : ''}`,
    en: `${KEY}: unknown rule id ${quote(id)} (known: ${known})${guess ? `. Did you mean "${guess}"?` : ''}`,
  });
}

function checkPatterns(placeholders: unknown, report: Report): void {
  if (!isPlainObject(placeholders) || !Array.isArray(placeholders.patterns)) return;
  placeholders.patterns.forEach((source: unknown, i) => {
    if (typeof source === 'string' && source !== '') checkPattern(source, ['placeholders', 'patterns', i], report);
  });
}

function checkPattern(source: string, path: PathSegment[], report: Report): void {
  let re: RegExp;
  try {
    // Unicode mode has the stricter syntax: a pattern valid here compiles with or without the `u` flag.
    re = new RegExp(source, 'u');
  } catch (err) {
    const detail = err instanceof Error ? err.message : '';
    report(path, { zh: `${KEY} 不是有效的正则表达式（${detail}）`, en: `${KEY} is not a valid regular expression (${detail})` });
    return;
  }
  if (re.test('')) {
    report(path, {
      zh: `${KEY} 会匹配空文字，每个位置都会被当作占位符；请让它至少匹配一个字符（如把 * 改为 +）`,
      en: `${KEY} matches empty text, so every position would be a placeholder; make it match at least one character (e.g. + instead of *)`,
    });
  }
}

/** `files`: one glob or a list of them; other values are left to the schema. */
function checkGlobs(files: unknown, path: PathSegment[], report: Report): void {
  if (typeof files === 'string') checkGlob(files, path, report);
  else if (Array.isArray(files)) files.forEach((g: unknown, j) => checkGlob(g, [...path, j], report));
}

function checkGlob(glob: unknown, path: PathSegment[], report: Report): void {
  if (typeof glob !== 'string' || glob === '') return;
  const detail = globSyntaxError(glob);
  if (detail === undefined) return;
  report(path, { zh: `${KEY} 不是有效的通配模式（${detail}）`, en: `${KEY} is not a valid glob pattern (${detail})` });
}
