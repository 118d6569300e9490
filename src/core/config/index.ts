/**
 * `.gongwenrc.json`: parsing, validation against `schemas/gongwenrc.schema.json`, defaults, and
 * per-file rule resolution. Pure: the caller reads the file and passes its text.
 */
import type { GongwenConfig, IgnoreEntry, OverrideEntry, RuleSetting, TermsSetting } from './settings';
import { RULE_IDS } from '../rules';
import type { Severity } from '../types';
import { dedupe } from './errors';
import { schemaErrors } from './explain';
import { matchesGlobs } from './globs';
import { semanticErrors } from './semantic';
import { jsonSyntaxError } from './syntax';
import type { ConfigError, ParseConfigResult, ResolvedRule, Wording } from './types';
import { describeValue, isPlainObject } from './wording';

export type { ConfigError, ParseConfigResult, ResolvedRule } from './types';
export { matchesGlobs } from './globs';

/** The ids of the registered rules, for `parseConfig`'s `knownRuleIds` (which stays a parameter). */
export const KNOWN_RULE_IDS: readonly string[] = RULE_IDS;

export const DEFAULT_CONFIG: GongwenConfig = deepFreeze({
  rules: {},
  // Real terms that look like placeholders: medical X-ray terms and current policy terms (「数据要素×」行动, 1+N+X).
  placeholders: { patterns: [], allow: ['X光', 'X线', 'X射线', 'X染色体', '1+X', '数据要素×', '人工智能+', '1+N+X', 'N+X'] },
  numbering: { style: 'gbt9704', mode: 'auto' },
  segmenter: 'auto',
  dictionary: [],
  ignore: [],
  overrides: [],
});

/**
 * Parses and validates the text of a `.gongwenrc.json`. Never throws. `knownRuleIds`, when given,
 * makes rule ids outside it an error (in `rules`, `overrides[].rules` and `ignore[].rule`).
 */
export function parseConfig(jsonText: string, file: string, knownRuleIds?: readonly string[]): ParseConfigResult {
  try {
    return parseConfigUnchecked(jsonText, file, knownRuleIds);
  } catch (err) {
    // Not expected; a configuration problem must never crash the linter.
    const detail = err instanceof Error ? err.message : 'unknown error';
    return {
      ok: false,
      errors: [{ file, key: '', message: `无法读取配置：${detail}`, messageEn: `Cannot read the configuration: ${detail}` }],
    };
  }
}

function parseConfigUnchecked(jsonText: string, file: string, knownRuleIds: readonly string[] | undefined): ParseConfigResult {
  let text = typeof jsonText === 'string' ? jsonText : '';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const fail = (m: Wording): ParseConfigResult => ({ ok: false, errors: [{ file, key: '', message: m.zh, messageEn: m.en }] });

  if (/^[ \t\r\n]*$/.test(text)) {
    return fail({ zh: '文件为空：应包含一个 JSON 对象，至少写 {}', en: 'The file is empty: it must contain a JSON object, at least {}' });
  }
  let data: unknown;
  try {
    // JSON.parse decides validity (and does not recurse); jsonc-parser only explains a failure.
    data = JSON.parse(text);
  } catch (err) {
    return fail(jsonSyntaxError(text, err));
  }
  if (!isPlainObject(data)) {
    const got = describeValue(data);
    return fail({ zh: `整个文件应为一个 JSON 对象 { … }，而不是${got.zh}`, en: `The file must contain a JSON object { … }, not ${got.en}` });
  }
  const errors = dedupe([...schemaErrors(data, file), ...semanticErrors(data, file, knownRuleIds)]);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: mergeWithDefaults(data) };
}

function mergeWithDefaults(user: Partial<GongwenConfig>): GongwenConfig {
  const d = DEFAULT_CONFIG;
  const config: GongwenConfig = {
    rules: copyRules(user.rules ?? d.rules),
    placeholders: {
      patterns: [...(user.placeholders?.patterns ?? d.placeholders.patterns)],
      allow: [...new Set([...d.placeholders.allow, ...(user.placeholders?.allow ?? [])])],
    },
    numbering: {
      style: user.numbering?.style ?? d.numbering.style,
      mode: user.numbering?.mode ?? d.numbering.mode,
    },
    segmenter: user.segmenter ?? d.segmenter,
    dictionary: [...(user.dictionary ?? d.dictionary)],
    ignore: (user.ignore ?? d.ignore).map((e): IgnoreEntry => (e.files ? { rule: e.rule, text: e.text, files: [...e.files] } : { rule: e.rule, text: e.text })),
    overrides: (user.overrides ?? d.overrides).map((o): OverrideEntry => ({
      files: typeof o.files === 'string' ? o.files : [...o.files],
      rules: copyRules(o.rules),
    })),
  };
  if (user.maxChars !== undefined) config.maxChars = user.maxChars;
  if (user.terms !== undefined) config.terms = copyTerms(user.terms);
  return config;
}

function copyTerms(terms: TermsSetting): TermsSetting {
  return {
    banned: (terms.banned ?? []).map((b) => (typeof b === 'string' ? b : { ...b })),
    institutions: (terms.institutions ?? []).map((i) => ({ full: i.full, short: [...(i.short ?? [])] })),
    fixed: [...(terms.fixed ?? [])],
  };
}

function copyRules(rules: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules)) {
    out[id] = Array.isArray(setting) ? [setting[0], setting[1]] : setting;
  }
  return out;
}

/**
 * The editor's `gongwen.rules` setting, checked as `.gongwenrc.json`'s `rules` is: the entries to use and the
 * problems to warn about (keys start with `gongwen.rules`). A setting is a warning, not an error, so nothing stops:
 * an entry whose severity is wrong is dropped (the rule keeps its default); an entry with a good severity is kept,
 * and the rule reads only the options that fit its schema (the others take their defaults).
 */
export function checkRuleSettings(rules: unknown, source: string): { rules: Record<string, RuleSetting>; errors: ConfigError[] } {
  if (!isPlainObject(rules)) {
    const errors = rules === undefined ? [] : dedupe(schemaErrors({ rules }, source)).map(inSettings);
    return { rules: {}, errors };
  }
  const kept: Record<string, RuleSetting> = {};
  const errors: ConfigError[] = [];
  for (const [id, setting] of Object.entries(rules)) {
    const data = { rules: { [id]: setting } };
    const found = dedupe([...schemaErrors(data, source), ...semanticErrors(data, source, KNOWN_RULE_IDS)]);
    errors.push(...found.map(inSettings));
    const severityOk = (s: unknown) => typeof s === 'string' && ['off', 'hint', 'info', 'warning', 'error'].includes(s);
    if (found.length === 0) kept[id] = setting as RuleSetting;
    else if (Array.isArray(setting) && setting.length === 2 && severityOk(setting[0]) && isPlainObject(setting[1]))
      kept[id] = [setting[0], { ...setting[1] }] as RuleSetting;
  }
  return { rules: kept, errors };
}

/** A settings error names the setting: `gongwen.rules.…` rather than the config file's `rules.…`. */
function inSettings(e: ConfigError): ConfigError {
  const rename = (s: string) =>
    s
      .split(`"${e.key}"`)
      .join(`"gongwen.${e.key}"`)
      .replace(/"rules([.[])/g, '"gongwen.rules$1');
  return { ...e, key: `gongwen.${e.key}`, message: rename(e.message), messageEn: rename(e.messageEn) };
}

/** One line naming the file and the key, in the requested language. */
export function formatConfigError(e: ConfigError, lang: 'zh' | 'en'): string {
  const message = lang === 'en' ? e.messageEn : e.message;
  const line = e.key === '' || message.includes(`"${e.key}"`) ? `${e.file}: ${message}` : `${e.file}: "${e.key}": ${message}`;
  return line.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Each rule's effective severity and options: `defaults`, then `config.rules`, then every override
 * whose `files` match `relativePath` (later ones win). `[severity, options]` replaces the options;
 * a plain severity keeps the options of earlier layers. Rules set only in the configuration are
 * included too.
 */
export function resolveRules(config: GongwenConfig, defaults: Record<string, Severity | 'off'>, relativePath?: string): Record<string, ResolvedRule> {
  const out = new Map<string, ResolvedRule>();
  for (const [id, severity] of Object.entries(defaults)) out.set(id, { severity, options: {} });
  const apply = (rules: Record<string, RuleSetting> | undefined) => {
    if (!isPlainObject(rules)) return;
    for (const [id, setting] of Object.entries(rules)) {
      if (Array.isArray(setting)) {
        out.set(id, { severity: setting[0], options: isPlainObject(setting[1]) ? { ...setting[1] } : {} });
      } else {
        out.set(id, { severity: setting, options: out.get(id)?.options ?? {} });
      }
    }
  };
  apply(config.rules);
  if (relativePath !== undefined) {
    for (const o of config.overrides ?? []) {
      if (matchesGlobs(o.files, relativePath)) apply(o.rules);
    }
  }
  return Object.fromEntries(out);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
