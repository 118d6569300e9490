/**
 * Validation against `schemas/gongwenrc.schema.json` with Ajv, and the explanation of Ajv's
 * errors as bilingual `ConfigError`s that name the offending key.
 */
import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../schemas/gongwenrc.schema.json';
import { KEY, formatKey, toConfigError, toSegments, valueAt } from './errors';
import type { ConfigError, Explained, PathSegment } from './types';
import { describeValue, didYouMean, isPlainObject, joinEn, joinZh, quote, typeName } from './wording';
import { RULES } from '../rules';
import type { RuleOptionsSchema } from '../rules/rule';

const SEVERITIES_OR_OFF: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];
const SEVERITY_LIST_ZH = joinZh(SEVERITIES_OR_OFF.map((s) => `"${s}"`));
const SEVERITY_LIST_EN = joinEn(SEVERITIES_OR_OFF.map((s) => `"${s}"`));

let ajvInstance: Ajv | undefined;
let validator: ValidateFunction | undefined;
const optionValidators = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  if (!ajvInstance) {
    // Loaded on first use: a run without a config file never pays for the schema validator.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
    ajvInstance = new AjvClass({ allErrors: true, verbose: true, strict: true });
    // Annotations: `enumDescriptions` for VS Code's JSON editor; `descriptionEn` in the rules' option declarations.
    ajvInstance.addVocabulary(['enumDescriptions', 'descriptionEn']);
  }
  return ajvInstance;
}

function getValidator(): ValidateFunction {
  validator ??= getAjv().compile(schema as object);
  return validator;
}

/** The validator of one registered rule's options, compiled from its declaration (the source of the schema file). */
function optionsValidator(ruleId: string, options: RuleOptionsSchema): ValidateFunction {
  let v = optionValidators.get(ruleId);
  if (!v) {
    v = getAjv().compile(options);
    optionValidators.set(ruleId, v);
  }
  return v;
}

const RULE_OPTIONS = new Map<string, RuleOptionsSchema>(RULES.map((r) => [r.id, r.options]));

/** The schema errors of a parsed configuration, one per offending key where possible. */
export function schemaErrors(data: Record<string, unknown>, file: string): ConfigError[] {
  const validate = getValidator();
  if (validate(data)) return [];
  const ajvErrors = validate.errors ?? [];
  const redundant = redundantErrors(ajvErrors);
  const out: ConfigError[] = [];
  for (const e of ajvErrors) {
    if (redundant(e)) continue;
    const path = toSegments(data, e.instancePath);
    for (const m of explain(e, data, path)) out.push(toConfigError(file, m));
  }
  return out;
}

/** Errors whose message another error in the same report says better. */
function redundantErrors(ajvErrors: ErrorObject[]): (e: ErrorObject) => boolean {
  // An `anyOf` failure is explained from the value itself; its branches' errors would only confuse.
  const anyOfPaths = ajvErrors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const insideAnyOf = (p: string) => anyOfPaths.some((a) => p === a || p.startsWith(a + '/'));
  // "must be one of …" says more than "must be text" when both are reported.
  const enumPaths = new Set(ajvErrors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  return (e) =>
    e.keyword === 'propertyNames' || // the nested error carries `propertyName`
    (e.keyword === 'type' && enumPaths.has(e.instancePath)) ||
    (e.keyword !== 'anyOf' && insideAnyOf(e.instancePath) && e.propertyName === undefined);
}

function explain(e: ErrorObject, data: Record<string, unknown>, path: PathSegment[]): Explained[] {
  if (e.keyword !== 'anyOf') return [explainAjvError(e, path)];
  // The schema has two unions: a rule's setting (inside a `rules` object) and `overrides[].files`.
  const value = valueAt(data, path);
  const isRuleSetting = path.length >= 2 && path[path.length - 2] === 'rules';
  return isRuleSetting ? explainRuleSetting(value, path) : explainGlobs(value, path);
}

type AjvExplainer = (e: ErrorObject, path: PathSegment[]) => Explained | undefined;

const AJV_EXPLAINERS = new Map<string, AjvExplainer>([
  ['type', explainType],
  ['minimum', (e, path) => (isPositiveIntegerSchema(e) ? positiveInteger(path, e.data) : undefined)],
  ['enum', explainEnum],
  ['additionalProperties', explainAdditionalProperty],
  ['required', (e, path) => ({ path: [...path, String(e.params.missingProperty)], zh: `缺少必填项 ${KEY}`, en: `${KEY} is required but missing` })],
  ['minLength', (_e, path) => ({ path, zh: `${KEY} 不能为空`, en: `${KEY} must not be empty` })],
  ['pattern', explainRuleIdPattern],
]);

function explainAjvError(e: ErrorObject, path: PathSegment[]): Explained {
  const explained = AJV_EXPLAINERS.get(e.keyword)?.(e, path);
  if (explained) return explained;
  const detail = e.message ?? e.keyword;
  if (path.length === 0) return { path, zh: `配置无效：${detail}`, en: `Invalid configuration: ${detail}` };
  return { path, zh: `${KEY} 无效：${detail}`, en: `${KEY} is invalid: ${detail}` };
}

function isPositiveIntegerSchema(e: ErrorObject): boolean {
  const parent = e.parentSchema ?? {};
  return parent.type === 'integer' && parent.minimum === 1;
}

function explainType(e: ErrorObject, path: PathSegment[]): Explained | undefined {
  if (path.length === 0) return undefined;
  if (isPositiveIntegerSchema(e)) return positiveInteger(path, e.data);
  const expected = typeName(String(e.params.type));
  const got = describeValue(e.data);
  return { path, zh: `${KEY} 应为${expected.zh}，而不是${got.zh}`, en: `${KEY} must be ${expected.en}, not ${got.en}` };
}

function explainEnum(e: ErrorObject, path: PathSegment[]): Explained {
  const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
  return {
    path,
    zh: `${KEY} 应为 ${joinZh(allowed)}（当前为 ${quote(e.data)}）`,
    en: `${KEY} must be ${joinEn(allowed)} (got ${quote(e.data)})`,
  };
}

function explainAdditionalProperty(e: ErrorObject, path: PathSegment[]): Explained {
  const name = String(e.params.additionalProperty);
  const allowed = Object.keys((e.parentSchema?.properties ?? {}) as Record<string, unknown>);
  const guess = didYouMean(name, allowed);
  const where = path.length === 0 ? '' : `"${formatKey(path)}" 中`;
  const whereEn = path.length === 0 ? '' : ` in "${formatKey(path)}"`;
  return {
    path: [...path, name],
    zh: `${KEY} 不是可识别的设置项：${where}只能写 ${joinZh(allowed.map((k) => `"${k}"`))}${guess ? `。是否想写 "${guess}"？` : ''}`,
    en: `${KEY} is not a known setting${whereEn} (allowed: ${allowed.join(', ')})${guess ? `. Did you mean "${guess}"?` : ''}`,
  };
}

function explainRuleIdPattern(e: ErrorObject, path: PathSegment[]): Explained | undefined {
  if (e.propertyName === undefined) return undefined;
  return {
    path: [...path, e.propertyName],
    zh: `${KEY}：规则名 ${quote(e.propertyName)} 格式不对，应由小写字母、数字和连字符组成，以字母开头（如 "placeholder"）`,
    en: `${KEY}: rule id ${quote(e.propertyName)} is malformed; use lower-case letters, digits and hyphens, starting with a letter (e.g. "placeholder")`,
  };
}

function positiveInteger(path: PathSegment[], value: unknown): Explained {
  return {
    path,
    zh: `${KEY} 应为正整数，如 5000（当前为 ${quote(value)}）`,
    en: `${KEY} must be a positive whole number such as 5000 (got ${quote(value)})`,
  };
}

/** A rule's setting: a severity or "off", or [severity, { options }]. */
function explainRuleSetting(value: unknown, path: PathSegment[]): Explained[] {
  const form = {
    zh: `应为 ${SEVERITY_LIST_ZH} 之一，或 [严重程度, { 选项 }]`,
    en: `must be one of ${SEVERITY_LIST_EN}, or [severity, { options }]`,
  };
  if (typeof value === 'string') {
    return [{ path, zh: `${KEY} ${form.zh}（当前为 ${quote(value)}）`, en: `${KEY} ${form.en} (got ${quote(value)})` }];
  }
  if (Array.isArray(value)) {
    const items = explainRulePair(value, path);
    if (items.length > 0) return items;
  }
  return [{ path, zh: `${KEY} ${form.zh}，而不是${describeValue(value).zh}`, en: `${KEY} ${form.en}, not ${describeValue(value).en}` }];
}

function explainRulePair(value: unknown[], path: PathSegment[]): Explained[] {
  if (value.length !== 2) {
    return [
      {
        path,
        zh: `${KEY} 应恰好有两项 [严重程度, { 选项 }]，如 ["warning", {}]（当前有 ${value.length} 项）`,
        en: `${KEY} must have exactly two items [severity, { options }], e.g. ["warning", {}] (got ${value.length})`,
      },
    ];
  }
  const out: Explained[] = [];
  if (typeof value[0] !== 'string' || !SEVERITIES_OR_OFF.includes(value[0])) {
    out.push({
      path: [...path, 0],
      zh: `${KEY} 应为 ${SEVERITY_LIST_ZH}（当前为 ${quote(value[0])}）`,
      en: `${KEY} must be ${SEVERITY_LIST_EN} (got ${quote(value[0])})`,
    });
  }
  if (isPlainObject(value[1])) {
    const ruleId = String(path[path.length - 1]);
    const options = RULE_OPTIONS.get(ruleId);
    if (options) out.push(...explainRuleOptions(ruleId, options, value[1], [...path, 1]));
  } else {
    out.push({
      path: [...path, 1],
      zh: `${KEY} 是规则选项，应为对象 { … }，而不是${describeValue(value[1]).zh}`,
      en: `${KEY} holds the rule's options and must be an object { … }, not ${describeValue(value[1]).en}`,
    });
  }
  return out;
}

/** `overrides[].files`: one glob or a non-empty list of them. */
function explainGlobs(value: unknown, path: PathSegment[]): Explained[] {
  const form = {
    zh: '应为通配模式（如 "drafts/**"）或其数组（如 ["*.txt", "*.md"]）',
    en: 'must be a glob pattern (e.g. "drafts/**") or a list of them (e.g. ["*.txt", "*.md"])',
  };
  if (value === '') return [{ path, zh: `${KEY} 不能为空`, en: `${KEY} must not be empty` }];
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return [{ path, zh: `${KEY} 至少要有一个通配模式`, en: `${KEY} must contain at least one glob pattern` }];
    }
    const out: Explained[] = [];
    value.forEach((item, i) => {
      if (typeof item !== 'string') {
        out.push({
          path: [...path, i],
          zh: `${KEY} 应为通配模式文字，而不是${describeValue(item).zh}`,
          en: `${KEY} must be a glob pattern string, not ${describeValue(item).en}`,
        });
      } else if (item === '') {
        out.push({ path: [...path, i], zh: `${KEY} 不能为空`, en: `${KEY} must not be empty` });
      }
    });
    if (out.length > 0) return out;
  }
  return [{ path, zh: `${KEY} ${form.zh}，而不是${describeValue(value).zh}`, en: `${KEY} ${form.en}, not ${describeValue(value).en}` }];
}

/** A registered rule's `[severity, options]` options, checked against its declaration: unknown keys, wrong values. */
export function explainRuleOptions(ruleId: string, options: RuleOptionsSchema, value: Record<string, unknown>, path: PathSegment[]): Explained[] {
  const validate = optionsValidator(ruleId, options);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // "must be a whole number" already says what "must be at least 2" would add for 1.5.
  const typeWrong = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors
    .filter((e) => e.keyword === 'type' || !typeWrong.has(e.instancePath))
    .map((e) => {
      const at = [...path, ...toSegments(value, e.instancePath)];
      if (e.keyword === 'additionalProperties' && e.instancePath === '') return unknownOption(ruleId, options, String(e.params.additionalProperty), at);
      if (e.keyword === 'type') return optionType(e, at);
      if (e.keyword === 'minimum' || e.keyword === 'maximum') return optionBound(e, at);
      return explainAjvError(e, at);
    });
}

function unknownOption(ruleId: string, options: RuleOptionsSchema, name: string, path: PathSegment[]): Explained {
  const allowed = Object.keys(options.properties);
  const at = [...path, name];
  if (allowed.length === 0) {
    return {
      path: at,
      zh: `${KEY}：规则 "${ruleId}" 没有选项，只能写 {}`,
      en: `${KEY}: rule "${ruleId}" takes no options; write {}`,
    };
  }
  const guess = didYouMean(name, allowed);
  return {
    path: at,
    zh: `${KEY}：规则 "${ruleId}" 没有选项 ${quote(name)}（可用选项：${allowed.map((k) => `"${k}"`).join('、')}）${guess ? `。是否想写 "${guess}"？` : ''}`,
    en: `${KEY}: rule "${ruleId}" has no option ${quote(name)} (options: ${allowed.join(', ')})${guess ? `. Did you mean "${guess}"?` : ''}`,
  };
}

function optionType(e: ErrorObject, path: PathSegment[]): Explained {
  const expected = typeName(String(e.params.type));
  const got = describeValue(e.data);
  return { path, zh: `${KEY} 应为${expected.zh}，而不是${got.zh}`, en: `${KEY} must be ${expected.en}, not ${got.en}` };
}

function optionBound(e: ErrorObject, path: PathSegment[]): Explained {
  const limit = Number(e.params.limit);
  return e.keyword === 'minimum'
    ? { path, zh: `${KEY} 应不小于 ${limit}（当前为 ${quote(e.data)}）`, en: `${KEY} must be at least ${limit} (got ${quote(e.data)})` }
    : { path, zh: `${KEY} 应不大于 ${limit}（当前为 ${quote(e.data)}）`, en: `${KEY} must be at most ${limit} (got ${quote(e.data)})` };
}
