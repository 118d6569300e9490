/**
 * `.gongwenrc.json`: parsing, validation against `schemas/gongwenrc.schema.json`, defaults, and
 * per-file rule resolution. Pure: the caller reads the file and passes its text.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import schema from '../../schemas/gongwenrc.schema.json';
import type { GongwenConfig, IgnoreEntry, OverrideEntry, RuleSetting } from './config-types';
import { RULE_IDS } from './rules';
import type { Severity } from './types';

/** The ids of the registered rules, for `parseConfig`'s `knownRuleIds` (which stays a parameter). */
export const KNOWN_RULE_IDS: readonly string[] = RULE_IDS;

export const DEFAULT_CONFIG: GongwenConfig = deepFreeze({
  rules: {},
  placeholders: { patterns: [], allow: ['X光', 'X线', 'X射线', 'X染色体'] },
  numbering: { style: 'gbt9704', mode: 'auto' },
  segmenter: 'auto',
  dictionary: [],
  ignore: [],
  overrides: [],
});

/** One problem in a configuration file. */
export interface ConfigError {
  file: string;
  /** JSON path of the offending value, e.g. `rules.placeholder`, `placeholders.patterns[1]`; "" for the whole file. */
  key: string;
  message: string;
  messageEn: string;
}

export type ParseConfigResult = { ok: true; config: GongwenConfig } | { ok: false; errors: ConfigError[] };

/** A rule's effective setting for one file. */
export interface ResolvedRule {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

const SEVERITIES_OR_OFF: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];
const RULE_ID = /^[a-z][a-z0-9-]*$/;

// ---------------------------------------------------------------------------------------------
// parseConfig

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

  const fail = (key: string, message: string, messageEn: string): ParseConfigResult =>
    ({ ok: false, errors: [{ file, key, message, messageEn }] });

  if (/^[ \t\r\n]*$/.test(text)) {
    return fail('',
      '文件为空：应包含一个 JSON 对象，至少写 {}',
      'The file is empty: it must contain a JSON object, at least {}');
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const issue = findJsonSyntaxIssue(text);
    if (!issue) {
      const detail = err instanceof Error ? err.message : '';
      return fail('', `JSON 语法错误：${detail}`, `JSON syntax error: ${detail}`);
    }
    const { line, column } = lineColumnOf(text, issue.offset);
    return fail('',
      `JSON 语法错误（第 ${line} 行第 ${column} 列）：${issue.zh}`,
      `JSON syntax error (line ${line}, column ${column}): ${issue.en}`);
  }

  if (!isPlainObject(data)) {
    return fail('',
      `整个文件应为一个 JSON 对象 { … }，而不是${describeValue(data).zh}`,
      `The file must contain a JSON object { … }, not ${describeValue(data).en}`);
  }

  const errors = dedupe([...schemaErrors(data, file), ...semanticErrors(data, file, knownRuleIds)]);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: mergeWithDefaults(data as Partial<GongwenConfig>) };
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
    ignore: (user.ignore ?? d.ignore).map((e): IgnoreEntry =>
      (e.files ? { rule: e.rule, text: e.text, files: [...e.files] } : { rule: e.rule, text: e.text })),
    overrides: (user.overrides ?? d.overrides).map((o): OverrideEntry =>
      ({ files: typeof o.files === 'string' ? o.files : [...o.files], rules: copyRules(o.rules) })),
  };
  if (user.maxChars !== undefined) config.maxChars = user.maxChars;
  return config;
}

function copyRules(rules: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules)) {
    out[id] = Array.isArray(setting) ? [setting[0], setting[1]] : setting;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Schema validation and error messages

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    // Annotation understood by VS Code's JSON editor, not by Ajv.
    ajv.addVocabulary(['enumDescriptions']);
    validator = ajv.compile(schema as object);
  }
  return validator;
}

type PathSegment = string | number;

function schemaErrors(data: Record<string, unknown>, file: string): ConfigError[] {
  const validate = getValidator();
  if (validate(data)) return [];
  const ajvErrors = validate.errors ?? [];
  // An `anyOf` failure is explained from the value itself; its branches' errors would only confuse.
  const anyOfPaths = ajvErrors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const inside = (p: string) => anyOfPaths.some((a) => p === a || p.startsWith(a + '/'));
  // "must be one of …" says more than "must be text" when both are reported.
  const enumPaths = new Set(ajvErrors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const out: ConfigError[] = [];
  for (const e of ajvErrors) {
    if (e.keyword === 'propertyNames') continue; // the nested error carries `propertyName`
    if (e.keyword === 'type' && enumPaths.has(e.instancePath)) continue;
    const path = toSegments(data, e.instancePath);
    if (e.keyword === 'anyOf') {
      // The schema has two unions: a rule's setting (inside a `rules` object) and `overrides[].files`.
      const value = valueAt(data, path);
      const isRuleSetting = path.length >= 2 && path[path.length - 2] === 'rules';
      for (const m of isRuleSetting ? explainRuleSetting(value, path) : explainGlobs(value, path)) {
        out.push(toConfigError(file, m));
      }
      continue;
    }
    if (inside(e.instancePath) && e.propertyName === undefined) continue;
    const m = explainAjvError(e, path);
    out.push(toConfigError(file, m));
  }
  return out;
}

function toConfigError(file: string, m: Explained): ConfigError {
  const key = formatKey(m.path);
  const fill = (s: string) => s.split(KEY).join(`"${key}"`);
  return { file, key, message: fill(m.zh), messageEn: fill(m.en) };
}

interface Explained {
  path: PathSegment[];
  zh: string;
  en: string;
}

/** Replaced by the quoted key in `toConfigError`, so messages can name their key. */
const KEY = '\u0000KEY\u0000';

function explainAjvError(e: ErrorObject, path: PathSegment[]): Explained {
  const parent = e.parentSchema ?? {};
  switch (e.keyword) {
    case 'type': {
      if (path.length === 0) break;
      if (parent.type === 'integer' && parent.minimum === 1) return positiveInteger(path, e.data);
      const expected = typeName(String(e.params.type));
      const got = describeValue(e.data);
      return { path, zh: `${KEY} 应为${expected.zh}，而不是${got.zh}`, en: `${KEY} must be ${expected.en}, not ${got.en}` };
    }
    case 'minimum':
      if (parent.type === 'integer' && parent.minimum === 1) return positiveInteger(path, e.data);
      break;
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return {
        path,
        zh: `${KEY} 应为 ${joinZh(allowed)}（当前为 ${quote(e.data)}）`,
        en: `${KEY} must be ${joinEn(allowed)} (got ${quote(e.data)})`,
      };
    }
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const allowed = Object.keys((parent.properties ?? {}) as Record<string, unknown>);
      const guess = didYouMean(name, allowed);
      const where = path.length === 0 ? '' : `"${formatKey(path)}" 中`;
      const whereEn = path.length === 0 ? '' : ` in "${formatKey(path)}"`;
      return {
        path: [...path, name],
        zh: `${KEY} 不是可识别的设置项：${where}只能写 ${joinZh(allowed.map((k) => `"${k}"`))}${guess ? `。是否想写 "${guess}"？` : ''}`,
        en: `${KEY} is not a known setting${whereEn} (allowed: ${allowed.join(', ')})${guess ? `. Did you mean "${guess}"?` : ''}`,
      };
    }
    case 'required': {
      const name = String(e.params.missingProperty);
      return { path: [...path, name], zh: `缺少必填项 ${KEY}`, en: `${KEY} is required but missing` };
    }
    case 'minLength':
      return { path, zh: `${KEY} 不能为空`, en: `${KEY} must not be empty` };
    case 'pattern':
      if (e.propertyName !== undefined) {
        return {
          path: [...path, e.propertyName],
          zh: `${KEY}：规则名 ${quote(e.propertyName)} 格式不对，应由小写字母、数字和连字符组成，以字母开头（如 "placeholder"）`,
          en: `${KEY}: rule id ${quote(e.propertyName)} is malformed; use lower-case letters, digits and hyphens, starting with a letter (e.g. "placeholder")`,
        };
      }
      break;
  }
  if (path.length === 0) {
    return { path, zh: `配置无效：${e.message ?? e.keyword}`, en: `Invalid configuration: ${e.message ?? e.keyword}` };
  }
  return { path, zh: `${KEY} 无效：${e.message ?? e.keyword}`, en: `${KEY} is invalid: ${e.message ?? e.keyword}` };
}

function positiveInteger(path: PathSegment[], value: unknown): Explained {
  return {
    path,
    zh: `${KEY} 应为正整数，如 5000（当前为 ${quote(value)}）`,
    en: `${KEY} must be a positive whole number such as 5000 (got ${quote(value)})`,
  };
}

const SEVERITY_LIST_ZH = `${joinZh(SEVERITIES_OR_OFF.map((s) => `"${s}"`))}`;
const SEVERITY_LIST_EN = `${joinEn(SEVERITIES_OR_OFF.map((s) => `"${s}"`))}`;

function explainRuleSetting(value: unknown, path: PathSegment[]): Explained[] {
  const form = {
    zh: `应为 ${SEVERITY_LIST_ZH} 之一，或 [严重程度, { 选项 }]`,
    en: `must be one of ${SEVERITY_LIST_EN}, or [severity, { options }]`,
  };
  if (typeof value === 'string') {
    return [{ path, zh: `${KEY} ${form.zh}（当前为 ${quote(value)}）`, en: `${KEY} ${form.en} (got ${quote(value)})` }];
  }
  if (Array.isArray(value)) {
    if (value.length !== 2) {
      return [{
        path,
        zh: `${KEY} 应恰好有两项 [严重程度, { 选项 }]，如 ["warning", {}]（当前有 ${value.length} 项）`,
        en: `${KEY} must have exactly two items [severity, { options }], e.g. ["warning", {}] (got ${value.length})`,
      }];
    }
    const out: Explained[] = [];
    if (typeof value[0] !== 'string' || !SEVERITIES_OR_OFF.includes(value[0])) {
      out.push({
        path: [...path, 0],
        zh: `${KEY} 应为 ${SEVERITY_LIST_ZH}（当前为 ${quote(value[0])}）`,
        en: `${KEY} must be ${SEVERITY_LIST_EN} (got ${quote(value[0])})`,
      });
    }
    if (!isPlainObject(value[1])) {
      out.push({
        path: [...path, 1],
        zh: `${KEY} 是规则选项，应为对象 { … }，而不是${describeValue(value[1]).zh}`,
        en: `${KEY} holds the rule's options and must be an object { … }, not ${describeValue(value[1]).en}`,
      });
    }
    if (out.length > 0) return out;
  }
  return [{ path, zh: `${KEY} ${form.zh}，而不是${describeValue(value).zh}`, en: `${KEY} ${form.en}, not ${describeValue(value).en}` }];
}

function explainGlobs(value: unknown, path: PathSegment[]): Explained[] {
  const form = { zh: '应为通配模式（如 "drafts/**"）或其数组（如 ["*.txt", "*.md"]）', en: 'must be a glob pattern (e.g. "drafts/**") or a list of them (e.g. ["*.txt", "*.md"])' };
  if (value === '') return [{ path, zh: `${KEY} 不能为空`, en: `${KEY} must not be empty` }];
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return [{ path, zh: `${KEY} 至少要有一个通配模式`, en: `${KEY} must contain at least one glob pattern` }];
    }
    const out: Explained[] = [];
    value.forEach((item, i) => {
      if (typeof item !== 'string') {
        out.push({ path: [...path, i], zh: `${KEY} 应为通配模式文字，而不是${describeValue(item).zh}`, en: `${KEY} must be a glob pattern string, not ${describeValue(item).en}` });
      } else if (item === '') {
        out.push({ path: [...path, i], zh: `${KEY} 不能为空`, en: `${KEY} must not be empty` });
      }
    });
    if (out.length > 0) return out;
  }
  return [{ path, zh: `${KEY} ${form.zh}，而不是${describeValue(value).zh}`, en: `${KEY} ${form.en}, not ${describeValue(value).en}` }];
}

/** Checks the schema cannot express: known rule ids, compilable regular expressions and globs. */
function semanticErrors(data: Record<string, unknown>, file: string, knownRuleIds: readonly string[] | undefined): ConfigError[] {
  const out: ConfigError[] = [];
  const push = (path: PathSegment[], m: { zh: string; en: string }) => out.push(toConfigError(file, { path, ...m }));

  const checkRuleId = (id: string, path: PathSegment[]) => {
    if (!knownRuleIds || !RULE_ID.test(id) || knownRuleIds.includes(id)) return;
    const known = knownRuleIds.length > 0 ? knownRuleIds.join(', ') : '—';
    const knownZh = knownRuleIds.length > 0 ? knownRuleIds.join('、') : '无';
    const guess = didYouMean(id, knownRuleIds);
    push(path, {
      zh: `${KEY}：没有名为 ${quote(id)} 的规则（已知规则：${knownZh}）${guess ? `。是否想写 "${guess}"？` : ''}`,
      en: `${KEY}: unknown rule id ${quote(id)} (known: ${known})${guess ? `. Did you mean "${guess}"?` : ''}`,
    });
  };
  const checkRules = (rules: unknown, path: PathSegment[]) => {
    if (isPlainObject(rules)) for (const id of Object.keys(rules)) checkRuleId(id, [...path, id]);
  };
  const checkGlob = (glob: unknown, path: PathSegment[]) => {
    if (typeof glob !== 'string' || glob === '') return;
    try {
      picomatch.makeRe(normalizeGlob(glob).glob, PICOMATCH_OPTIONS);
    } catch (err) {
      const detail = err instanceof Error ? err.message : '';
      push(path, { zh: `${KEY} 不是有效的通配模式（${detail}）`, en: `${KEY} is not a valid glob pattern (${detail})` });
    }
  };

  checkRules(data.rules, ['rules']);

  const placeholders = data.placeholders;
  if (isPlainObject(placeholders) && Array.isArray(placeholders.patterns)) {
    placeholders.patterns.forEach((source: unknown, i) => {
      if (typeof source !== 'string' || source === '') return;
      const path = ['placeholders', 'patterns', i];
      let re: RegExp;
      try {
        // Unicode mode has the stricter syntax: a pattern valid here compiles with or without the `u` flag.
        re = new RegExp(source, 'u');
      } catch (err) {
        const detail = err instanceof Error ? err.message : '';
        push(path, { zh: `${KEY} 不是有效的正则表达式（${detail}）`, en: `${KEY} is not a valid regular expression (${detail})` });
        return;
      }
      if (re.test('')) {
        push(path, {
          zh: `${KEY} 会匹配空文字，每个位置都会被当作占位符；请让它至少匹配一个字符（如把 * 改为 +）`,
          en: `${KEY} matches empty text, so every position would be a placeholder; make it match at least one character (e.g. + instead of *)`,
        });
      }
    });
  }

  if (Array.isArray(data.ignore)) {
    data.ignore.forEach((entry: unknown, i) => {
      if (!isPlainObject(entry)) return;
      if (typeof entry.rule === 'string') checkRuleId(entry.rule, ['ignore', i, 'rule']);
      if (Array.isArray(entry.files)) entry.files.forEach((g: unknown, j) => checkGlob(g, ['ignore', i, 'files', j]));
    });
  }

  if (Array.isArray(data.overrides)) {
    data.overrides.forEach((entry: unknown, i) => {
      if (!isPlainObject(entry)) return;
      checkRules(entry.rules, ['overrides', i, 'rules']);
      if (typeof entry.files === 'string') checkGlob(entry.files, ['overrides', i, 'files']);
      else if (Array.isArray(entry.files)) entry.files.forEach((g: unknown, j) => checkGlob(g, ['overrides', i, 'files', j]));
    });
  }
  return out;
}

function dedupe(errors: ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const id = `${e.key}\u0000${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Keys (JSON paths)

function toSegments(data: unknown, pointer: string): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(seg);
      out.push(index);
      node = node[index];
    } else {
      out.push(seg);
      node = isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, seg) ? node[seg] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let node = data;
  for (const seg of path) {
    if (typeof seg === 'number') node = Array.isArray(node) ? node[seg] : undefined;
    else node = isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, seg) ? node[seg] : undefined;
  }
  return node;
}

/** `rules.placeholder`, `placeholders.patterns[1]`, `rules["odd.key"]`. */
function formatKey(path: PathSegment[]): string {
  let key = '';
  for (const seg of path) {
    if (typeof seg === 'number') key += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) key += key === '' ? seg : `.${seg}`;
    else key += `[${JSON.stringify(seg)}]`;
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// Wording helpers

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(type: string): { zh: string; en: string } {
  switch (type) {
    case 'string': return { zh: '用双引号括起来的文字', en: 'text in double quotes' };
    case 'integer': return { zh: '整数', en: 'a whole number' };
    case 'number': return { zh: '数字', en: 'a number' };
    case 'boolean': return { zh: ' true 或 false', en: 'true or false' };
    case 'object': return { zh: '对象 { … }', en: 'an object { … }' };
    case 'array': return { zh: '数组 [ … ]', en: 'a list [ … ]' };
    default: return { zh: type, en: type };
  }
}

function describeValue(v: unknown): { zh: string; en: string } {
  if (v === null) return { zh: ' null', en: 'null' };
  if (Array.isArray(v)) return { zh: '数组 [ … ]', en: 'a list [ … ]' };
  switch (typeof v) {
    case 'string': return { zh: `文字 ${quote(v)}`, en: `the text ${quote(v)}` };
    case 'number': return { zh: `数字 ${v}`, en: `the number ${v}` };
    case 'boolean': return { zh: ` ${v}`, en: String(v) };
    case 'object': return { zh: '对象 { … }', en: 'an object { … }' };
    default: return { zh: '空值', en: 'nothing' };
  }
}

/** A short display of a value; containers are not expanded (they may be huge or deeply nested). */
function quote(v: unknown): string {
  if (Array.isArray(v)) return '[ … ]';
  if (typeof v === 'object' && v !== null) return '{ … }';
  const s = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? JSON.stringify(v) : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function joinZh(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')} 或 ${items[items.length - 1]}`;
}

function joinEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The closest candidate within a small edit distance, for "did you mean". */
function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    if (c.length > 64) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** One line naming the file and the key, in the requested language. */
export function formatConfigError(e: ConfigError, lang: 'zh' | 'en'): string {
  const message = lang === 'en' ? e.messageEn : e.message;
  const line = e.key === '' || message.includes(`"${e.key}"`) ? `${e.file}: ${message}` : `${e.file}: "${e.key}": ${message}`;
  return line.replace(/\s*[\r\n]+\s*/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// JSON syntax errors with a position (Node 20's JSON.parse messages carry none)

interface SyntaxIssue {
  offset: number;
  zh: string;
  en: string;
}

function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const FULL_WIDTH: Record<string, string> = {
  '，': ',', '：': ':', '“': '"', '”': '"', '‘': '"', '’': '"', '｛': '{', '｝': '}',
  '［': '[', '］': ']', '【': '[', '】': ']', '\u3000': ' ',
};

type Expect = 'value' | 'valueOrClose' | 'valueAfterComma' | 'keyOrClose' | 'keyAfterComma' | 'colon' | 'commaOrClose' | 'end';

/** The first syntax error of a JSON text (RFC 8259), found without recursion. */
function findJsonSyntaxIssue(t: string): SyntaxIssue | undefined {
  const n = t.length;
  const stack: number[] = []; // '{' or '[' char codes
  let expect: Expect = 'value';
  let lastComma = -1;
  let i = 0;
  const after = (): Expect => (stack.length > 0 ? 'commaOrClose' : 'end');
  const trailingComma = (): SyntaxIssue => ({
    offset: lastComma,
    zh: '多余的逗号：最后一项后面不能有 ","',
    en: 'trailing comma: no "," may follow the last item',
  });
  for (;;) {
    while (i < n && isJsonSpace(t.charCodeAt(i))) i++;
    if (i >= n) {
      if (expect === 'end') return undefined;
      if (stack.length === 0 || expect === 'colon' || expect === 'value') {
        return { offset: n, zh: '文件意外结束：缺少值', en: 'unexpected end of file: a value is missing' };
      }
      const close = stack[stack.length - 1] === 123 ? '}' : ']';
      return { offset: n, zh: `文件意外结束：缺少 "${close}"`, en: `unexpected end of file: "${close}" is missing` };
    }
    const c = t.charCodeAt(i);
    switch (expect) {
      case 'keyOrClose':
      case 'keyAfterComma':
        if (c === 125 /* } */) {
          if (expect === 'keyAfterComma') return trailingComma();
          stack.pop();
          i++;
          expect = after();
          continue;
        }
        if (c === 34 /* " */) {
          const r = scanString(t, i);
          if (typeof r !== 'number') return r;
          i = r;
          expect = 'colon';
          continue;
        }
        return unexpected(t, i, 'key');
      case 'colon':
        if (c === 58 /* : */) {
          i++;
          expect = 'value';
          continue;
        }
        return unexpected(t, i, 'colon');
      case 'commaOrClose': {
        const open = stack[stack.length - 1];
        if (c === 44 /* , */) {
          lastComma = i;
          i++;
          expect = open === 123 ? 'keyAfterComma' : 'valueAfterComma';
          continue;
        }
        if ((c === 125 && open === 123) || (c === 93 && open === 91)) {
          stack.pop();
          i++;
          expect = after();
          continue;
        }
        return unexpected(t, i, open === 123 ? 'commaInObject' : 'commaInArray');
      }
      case 'end':
        return unexpected(t, i, 'end');
      default: {
        if (c === 93 /* ] */ && expect !== 'value') {
          if (expect === 'valueAfterComma') return trailingComma();
          stack.pop();
          i++;
          expect = after();
          continue;
        }
        if (c === 123 || c === 91) {
          stack.push(c);
          i++;
          expect = c === 123 ? 'keyOrClose' : 'valueOrClose';
          continue;
        }
        if (c === 34) {
          const r = scanString(t, i);
          if (typeof r !== 'number') return r;
          i = r;
          expect = after();
          continue;
        }
        if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
          const r = scanNumber(t, i);
          if (typeof r !== 'number') return r;
          i = r;
          expect = after();
          continue;
        }
        const literal = ['true', 'false', 'null'].find((w) => t.startsWith(w, i) && !/[A-Za-z0-9_$]/.test(t[i + w.length] ?? ''));
        if (literal) {
          i += literal.length;
          expect = after();
          continue;
        }
        return unexpected(t, i, 'value');
      }
    }
  }
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function scanString(t: string, start: number): number | SyntaxIssue {
  for (let j = start + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92 /* \ */) {
      const e = t[j + 1];
      if (e === undefined) break;
      if ('"\\/bfnrt'.includes(e)) {
        j++;
        continue;
      }
      if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(t.slice(j + 2, j + 6))) {
        j += 5;
        continue;
      }
      const shown = t.slice(j, j + 2);
      return {
        offset: j,
        zh: `无效的转义 ${quoteChar(shown)}：JSON 中反斜杠要写成 "\\\\"（正则表达式的 \\d 应写成 \\\\d）`,
        en: `invalid escape ${quoteChar(shown)}: write a backslash as "\\\\" in JSON (a regular expression's \\d becomes \\\\d)`,
      };
    }
    if (c === 10 || c === 13) {
      return {
        offset: start,
        zh: '字符串没有在本行结束：缺少结尾的双引号 "（字符串内的换行要写成 \\n）',
        en: 'the string is not closed on its line: the closing " is missing (a line break inside a string is written \\n)',
      };
    }
    if (c < 0x20) {
      return {
        offset: j,
        zh: `字符串中不能直接包含控制字符 ${quoteChar(t[j])}（制表符要写成 \\t）`,
        en: `a string cannot contain the control character ${quoteChar(t[j])} (write a tab as \\t)`,
      };
    }
  }
  return { offset: start, zh: '字符串缺少结尾的双引号 "', en: 'the string is missing its closing "' };
}

function scanNumber(t: string, start: number): number | SyntaxIssue {
  const bad: SyntaxIssue = { offset: start, zh: '数字格式不正确', en: 'malformed number' };
  const isDigit = (k: number) => t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57;
  let j = start;
  if (t[j] === '-') j++;
  if (t[j] === '0') {
    j++;
    if (isDigit(j)) return { offset: start, zh: '数字不能以 0 开头', en: 'a number cannot start with 0' };
  } else if (isDigit(j)) {
    while (isDigit(j)) j++;
  } else {
    return bad;
  }
  if (t[j] === '.') {
    j++;
    if (!isDigit(j)) return bad;
    while (isDigit(j)) j++;
  }
  if (t[j] === 'e' || t[j] === 'E') {
    j++;
    if (t[j] === '+' || t[j] === '-') j++;
    if (!isDigit(j)) return bad;
    while (isDigit(j)) j++;
  }
  return j;
}

type Context = 'value' | 'key' | 'colon' | 'commaInObject' | 'commaInArray' | 'end';

function unexpected(t: string, i: number, context: Context): SyntaxIssue {
  const ch = String.fromCodePoint(t.codePointAt(i) ?? 0);
  const shown = quoteChar(ch);
  const ascii = FULL_WIDTH[ch];
  if (ascii !== undefined) {
    return ch === '\u3000'
      ? { offset: i, zh: '使用了全角空格，应改为半角空格', en: 'a full-width space (U+3000) must be an ordinary space' }
      : { offset: i, zh: `使用了全角符号 ${shown}，应改为半角 "${ascii}"`, en: `the full-width ${shown} must be the ASCII "${ascii}"` };
  }
  if (ch === '/' && (t[i + 1] === '/' || t[i + 1] === '*')) {
    return { offset: i, zh: 'JSON 中不能写注释', en: 'comments are not allowed in JSON' };
  }
  if (ch === "'") {
    return { offset: i, zh: '文字须用双引号 " 括起来，不能用单引号 \'', en: 'text must be in double quotes ", not single quotes \'' };
  }
  const wordLike = /[\p{L}\p{N}_$]/u.test(ch);
  switch (context) {
    case 'key':
      if (wordLike) return { offset: i, zh: '设置项名称须用双引号括起来，如 "rules"', en: 'property names must be in double quotes, e.g. "rules"' };
      return { offset: i, zh: `此处应为用双引号括起来的设置项名称，而不是 ${shown}`, en: `expected a property name in double quotes, not ${shown}` };
    case 'colon':
      return { offset: i, zh: `设置项名称后面应为冒号 ":"，而不是 ${shown}`, en: `expected ":" after the property name, not ${shown}` };
    case 'commaInObject':
    case 'commaInArray': {
      const close = context === 'commaInObject' ? '}' : ']';
      if (ch === '}' || ch === ']') {
        return { offset: i, zh: `括号不匹配：此处应为 "${close}"`, en: `mismatched bracket: expected "${close}" here` };
      }
      if (ch === '"' || ch === '{' || ch === '[' || ch === '-' || wordLike) {
        return { offset: i, zh: '缺少逗号：前后两项之间要用 "," 隔开', en: 'missing comma: items must be separated by ","' };
      }
      return { offset: i, zh: `缺少逗号：上一项后面应为 "," 或 "${close}"，而不是 ${shown}`, en: `missing comma: expected "," or "${close}" after the previous item, not ${shown}` };
    }
    case 'end':
      return { offset: i, zh: `JSON 内容已经结束，后面多了 ${shown}`, en: `unexpected ${shown} after the end of the JSON content` };
    case 'value':
      if (ch === ',' || ch === '}' || ch === ']') return { offset: i, zh: '此处缺少值', en: 'a value is missing here' };
      if (wordLike) return { offset: i, zh: '文字须用双引号括起来，如 "warning"', en: 'text must be in double quotes, e.g. "warning"' };
      return { offset: i, zh: `此处应为值，而不是 ${shown}`, en: `expected a value, not ${shown}` };
  }
}

function quoteChar(s: string): string {
  if (s === '"') return "'\"'";
  return s.length === 1 && s.charCodeAt(0) < 0x20 ? `U+${s.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `"${s}"`;
}

// ---------------------------------------------------------------------------------------------
// resolveRules

const PICOMATCH_OPTIONS = { dot: true, windows: false } as const;
const matcherCache = new Map<string, (path: string) => boolean>();

function normalizeGlob(glob: string): { glob: string; anchored: boolean } {
  let g = glob;
  let anchored = false;
  while (g.startsWith('./')) g = g.slice(2);
  if (g.startsWith('/')) {
    anchored = true;
    g = g.replace(/^\/+/, '');
  }
  return { glob: g, anchored };
}

function matcherFor(glob: string): (path: string) => boolean {
  let m = matcherCache.get(glob);
  if (!m) {
    const { glob: g, anchored } = normalizeGlob(glob);
    try {
      const isMatch = picomatch(g, PICOMATCH_OPTIONS);
      const byBasename = !anchored && !g.includes('/');
      m = (p) => isMatch(p) || (byBasename && isMatch(p.slice(p.lastIndexOf('/') + 1)));
    } catch {
      m = () => false;
    }
    matcherCache.set(glob, m);
  }
  return m;
}

function normalizePath(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p.replace(/^\/+/, '');
}

/**
 * Whether `relativePath` (relative to the configuration's folder) matches a glob or any of a list.
 * A glob without "/" also matches the file name in any folder, as in ESLint and markdownlint.
 */
export function matchesGlobs(files: string | readonly string[], relativePath: string): boolean {
  const path = normalizePath(relativePath);
  const globs = typeof files === 'string' ? [files] : files;
  return globs.some((g) => typeof g === 'string' && g !== '' && matcherFor(g)(path));
}

/**
 * Each rule's effective severity and options: `defaults`, then `config.rules`, then every override
 * whose `files` match `relativePath` (later ones win). `[severity, options]` replaces the options;
 * a plain severity keeps the options of earlier layers. Rules set only in the configuration are
 * included too.
 */
export function resolveRules(config: GongwenConfig, defaults: Record<string, Severity>, relativePath?: string): Record<string, ResolvedRule> {
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
