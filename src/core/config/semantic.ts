/** Checks the schema cannot express: known rule ids, compilable regular expressions and globs. */
import { KEY, formatKey, toConfigError } from './errors';
import { globSyntaxError } from './globs';
import type { ConfigError, PathSegment, Wording } from './types';
import { describeValue, didYouMean, isPlainObject, quote } from './wording';

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
  checkTerms(data.terms, report);
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

const BANNED_KEYS = ['term', 'replacement', 'reason'];

/** Spaces alone (an empty text is the schema's to report): a name or phrase of spaces would match every space. */
const isBlank = (s: string): boolean => s !== '' && s.trim() === '';
const SPACES_ONLY: Wording = { zh: `${KEY} 不能只有空格`, en: `${KEY} must not be spaces only` };

/**
 * `terms`: the items of `banned` (text or `{term, replacement?, reason?}`, which the schema cannot say without a
 * union), and names given twice over: one short name for two institutions, a short name equal to its full name, a
 * banned term that is also an institution's name or a fixed phrase.
 */
function checkTerms(terms: unknown, report: Report): void {
  if (!isPlainObject(terms)) return;
  const names = new Map<string, PathSegment[]>();
  forEachObject(terms.institutions, (inst, i) => {
    if (typeof inst.full === 'string' && inst.full !== '') {
      const path: PathSegment[] = ['terms', 'institutions', i, 'full'];
      if (isBlank(inst.full)) report(path, SPACES_ONLY);
      else if (names.has(inst.full)) report(path, nameTwice(inst.full, names.get(inst.full)!));
      else names.set(inst.full, path);
    }
    if (!Array.isArray(inst.short)) return;
    inst.short.forEach((short: unknown, j) => {
      if (typeof short !== 'string' || short === '') return;
      const path: PathSegment[] = ['terms', 'institutions', i, 'short', j];
      if (isBlank(short)) report(path, SPACES_ONLY);
      else if (short === inst.full)
        report(path, { zh: `${KEY} 与全称相同：简称应比全称短`, en: `${KEY} is the full name itself: a short name must be shorter` });
      else if (names.has(short)) report(path, nameTwice(short, names.get(short)!));
      else names.set(short, path);
    });
  });
  const fixed = new Set(Array.isArray(terms.fixed) ? terms.fixed : []);
  if (Array.isArray(terms.fixed)) {
    terms.fixed.forEach((phrase: unknown, i) => {
      if (typeof phrase === 'string' && isBlank(phrase)) report(['terms', 'fixed', i], SPACES_ONLY);
    });
  }
  if (!Array.isArray(terms.banned)) return;
  terms.banned.forEach((item: unknown, i) => {
    const path: PathSegment[] = ['terms', 'banned', i];
    const term = checkBannedItem(item, path, report);
    if (term === undefined) return;
    if (names.has(term)) report(path, bannedAndNamed(term, names.get(term)!));
    else if (fixed.has(term))
      report(path, {
        zh: `${KEY}：${quote(term)} 同时写在 "terms.fixed" 中，不能既禁用又保留`,
        en: `${KEY}: ${quote(term)} is also in "terms.fixed": a term cannot be both banned and fixed`,
      });
  });
}

/** One `terms.banned` item; its term when it is well formed. */
function checkBannedItem(item: unknown, path: PathSegment[], report: Report): string | undefined {
  if (typeof item === 'string') {
    if (item.trim() !== '') return item;
    report(path, item === '' ? { zh: `${KEY} 不能为空`, en: `${KEY} must not be empty` } : SPACES_ONLY);
    return undefined;
  }
  if (!isPlainObject(item)) {
    const got = describeValue(item);
    report(path, {
      zh: `${KEY} 应为禁用的词（文字）或 {"term": …, "replacement": …, "reason": …}，而不是${got.zh}`,
      en: `${KEY} must be the banned term (text) or {"term": …, "replacement": …, "reason": …}, not ${got.en}`,
    });
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(item).filter((k) => !BANNED_KEYS.includes(k))) {
    const guess = didYouMean(key, BANNED_KEYS);
    const hint = guess ? { zh: `。是否想写 "${guess}"？`, en: `. Did you mean "${guess}"?` } : { zh: '', en: '' };
    report([...path, key], {
      zh: `${KEY} 不是可识别的设置项：只能写 "term"、"replacement" 或 "reason"${hint.zh}`,
      en: `${KEY} is not a known setting (allowed: term, replacement, reason)${hint.en}`,
    });
    ok = false;
  }
  for (const key of BANNED_KEYS) {
    const value = item[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      report([...path, key], {
        zh: `${KEY} 应为用双引号括起来的文字，而不是${describeValue(value).zh}`,
        en: `${KEY} must be text in double quotes, not ${describeValue(value).en}`,
      });
      ok = false;
    } else if (key === 'term' && value.trim() === '') {
      report([...path, key], value === '' ? { zh: `${KEY} 不能为空`, en: `${KEY} must not be empty` } : SPACES_ONLY);
      ok = false;
    } else if (key === 'replacement' && value === item.term) {
      report([...path, key], { zh: `${KEY} 与禁用的词相同`, en: `${KEY} is the banned term itself` });
      ok = false;
    }
  }
  if (item.term === undefined) {
    report([...path, 'term'], { zh: `缺少必填项 ${KEY}`, en: `${KEY} is required but missing` });
    ok = false;
  }
  return ok ? (item.term as string) : undefined;
}

function nameTwice(name: string, first: PathSegment[]): Wording {
  const where = formatKey(first);
  return {
    zh: `${KEY}：${quote(name)} 已在 "${where}" 中写过，同一名称只能属于一个机关`,
    en: `${KEY}: ${quote(name)} is already given at "${where}"; a name can belong to one institution only`,
  };
}

function bannedAndNamed(term: string, at: PathSegment[]): Wording {
  const where = formatKey(at);
  return {
    zh: `${KEY}：${quote(term)} 是 "${where}" 中的机关名称，不能同时禁用`,
    en: `${KEY}: ${quote(term)} is an institution's name at "${where}" and cannot be banned too`,
  };
}
