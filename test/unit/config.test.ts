import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { DEFAULT_CONFIG, KNOWN_RULE_IDS, formatConfigError, matchesGlobs, parseConfig, resolveRules, type ConfigError } from '../../src/core/config';
import type { GongwenConfig } from '../../src/core/config/settings';
import type { Severity } from '../../src/core/types';

const FILE = '.gongwenrc.json';
const KNOWN = ['placeholder', 'heading-title-stop', 'numbering-order'];

function ok(text: string, known?: readonly string[]): GongwenConfig {
  const r = parseConfig(text, FILE, known);
  if (!r.ok) assert.fail(`expected a valid config, got: ${r.errors.map((e) => formatConfigError(e, 'en')).join('; ')}`);
  return r.config;
}

function errors(text: string, known?: readonly string[]): ConfigError[] {
  const r = parseConfig(text, FILE, known);
  if (r.ok) assert.fail('expected errors, got a valid config');
  assert.ok(r.errors.length > 0);
  return r.errors;
}

/** The single error at `key`; checks both languages' one-line forms name the file and the key. */
function errorAt(errs: ConfigError[], key: string): ConfigError {
  const found = errs.filter((e) => e.key === key);
  assert.equal(found.length, 1, `one error at ${JSON.stringify(key)}; got keys ${JSON.stringify(errs.map((e) => e.key))}`);
  const e = found[0];
  assert.equal(e.file, FILE);
  for (const lang of ['zh', 'en'] as const) {
    const line = formatConfigError(e, lang);
    assert.ok(line.startsWith(`${FILE}: `), line);
    if (key !== '') assert.ok(line.includes(`"${key}"`), line);
    assert.ok(!/[\r\n]/.test(line), line);
  }
  assert.ok(e.message.length > 0 && e.messageEn.length > 0);
  return e;
}

describe('config: parseConfig', () => {
  it('accepts a full configuration and merges it over the defaults', () => {
    const config = ok(
      JSON.stringify({
        $schema: './node_modules/gongwen/schemas/gongwenrc.schema.json',
        rules: { placeholder: 'error', 'heading-title-stop': ['info', { minLength: 30 }], 'numbering-order': 'off' },
        placeholders: { patterns: ['【[^】]*待定[^】]*】', '\\d+号文'], allow: ['X档案'] },
        numbering: { style: 'document', mode: 'continuous' },
        segmenter: 'intl',
        dictionary: ['卫健委', '医共体'],
        maxChars: 8000,
        ignore: [
          { rule: 'placeholder', text: 'XX路', files: ['reports/**'] },
          { rule: 'placeholder', text: '××' },
        ],
        overrides: [
          { files: 'drafts/**', rules: { placeholder: 'off' } },
          { files: ['*.txt'], rules: { placeholder: 'hint' } },
        ],
      }),
      KNOWN,
    );
    assert.deepEqual(config, {
      rules: { placeholder: 'error', 'heading-title-stop': ['info', { minLength: 30 }], 'numbering-order': 'off' },
      placeholders: {
        patterns: ['【[^】]*待定[^】]*】', '\\d+号文'],
        allow: ['X光', 'X线', 'X射线', 'X染色体', '1+X', '数据要素×', '人工智能+', '1+N+X', 'N+X', 'X档案'],
      },
      numbering: { style: 'document', mode: 'continuous' },
      segmenter: 'intl',
      dictionary: ['卫健委', '医共体'],
      maxChars: 8000,
      ignore: [
        { rule: 'placeholder', text: 'XX路', files: ['reports/**'] },
        { rule: 'placeholder', text: '××' },
      ],
      overrides: [
        { files: 'drafts/**', rules: { placeholder: 'off' } },
        { files: ['*.txt'], rules: { placeholder: 'hint' } },
      ],
    });
  });

  it('fills in defaults: {} gives DEFAULT_CONFIG, and the result is a fresh copy', () => {
    const config = ok('{}');
    assert.deepEqual(config, DEFAULT_CONFIG);
    assert.equal('maxChars' in config, false);
    config.placeholders.allow.push('Y');
    config.rules.placeholder = 'off';
    assert.deepEqual(ok('{}'), DEFAULT_CONFIG);
    assert.deepEqual(DEFAULT_CONFIG.placeholders.allow, ['X光', 'X线', 'X射线', 'X染色体', '1+X', '数据要素×', '人工智能+', '1+N+X', 'N+X']);
  });

  it('adds placeholders.allow to the default list (without duplicates); other arrays replace; numbering merges per field', () => {
    const config = ok('{"placeholders": {"allow": ["X档案", "X光"]}, "numbering": {"mode": "restart"}, "dictionary": ["词"]}');
    assert.deepEqual(config.placeholders, {
      patterns: [],
      allow: ['X光', 'X线', 'X射线', 'X染色体', '1+X', '数据要素×', '人工智能+', '1+N+X', 'N+X', 'X档案'],
    });
    assert.deepEqual(config.numbering, { style: 'gbt9704', mode: 'restart' });
    assert.deepEqual(config.dictionary, ['词']);
    assert.deepEqual(ok('{"numbering": {"style": "document"}}').numbering, { style: 'document', mode: 'auto' });
    assert.deepEqual(ok('{"placeholders": {"patterns": ["待定"]}}').placeholders.allow, DEFAULT_CONFIG.placeholders.allow);
  });

  it('allows a leading UTF-8 BOM', () => {
    assert.deepEqual(ok('\uFEFF{"segmenter": "off"}').segmenter, 'off');
    assert.deepEqual(ok('\uFEFF{}'), DEFAULT_CONFIG);
  });

  it('reports an empty file clearly', () => {
    for (const text of ['', '\uFEFF', '  \n\t\r\n']) {
      const e = errorAt(errors(text), '');
      assert.match(e.message, /为空/);
      assert.match(e.messageEn, /empty/);
    }
  });

  it('reports a JSON syntax error with its line and column', () => {
    const e = errorAt(errors('{\n  "rules": {\n    "placeholder": "off",\n  }\n}'), '');
    assert.match(e.message, /JSON 语法错误（第 3 行第 25 列）/);
    assert.match(e.messageEn, /JSON syntax error \(line 3, column 25\)/);
    assert.match(e.messageEn, /comma/);
    assert.match(formatConfigError(e, 'zh'), /^\.gongwenrc\.json: JSON 语法错误/);
  });

  it('counts lines after a BOM and across CRLF, and explains common mistakes', () => {
    const cases: [string, string, RegExp][] = [
      ['\uFEFF{\r\n"a": 1\r\n"b": 2}', 'line 3, column 1', /missing comma/],
      ['{"a"：1}', 'line 1, column 5', /full-width/],
      ["{'a': 1}", 'line 1, column 2', /double quotes/],
      ['{"a": warning}', 'line 1, column 7', /double quotes/],
      ['{"p": "\\d+"}', 'line 1, column 8', /escape/],
      ['{"a": 1 // note\n}', 'line 1, column 9', /comments/],
      ['{"a": [1, 2', 'line 1, column 12', /end of file/],
      ['{"a": 1}}', 'line 1, column 9', /after the end/],
      ['{"a": "x\n"}', 'line 1, column 7', /not closed/],
    ];
    for (const [text, where, why] of cases) {
      const e = errorAt(errors(text), '');
      assert.ok(e.messageEn.includes(where), `${JSON.stringify(text)}: ${e.messageEn}`);
      assert.match(e.messageEn, why);
    }
  });

  it('rejects a top-level value that is not an object', () => {
    const e = errorAt(errors('[]'), '');
    assert.match(e.message, /JSON 对象/);
    assert.match(e.messageEn, /object/);
    for (const text of ['null', '"x"', '42', 'true']) errorAt(errors(text), '');
  });

  it('rejects unknown keys at the top level and in nested objects, naming the key', () => {
    const top = errorAt(errors('{"rulez": {}}'), 'rulez');
    assert.match(top.messageEn, /not a known setting/);
    assert.match(top.messageEn, /Did you mean "rules"/);

    const nested = errorAt(errors('{"numbering": {"styel": "document"}}'), 'numbering.styel');
    assert.match(nested.message, /"style"/);
    assert.match(nested.messageEn, /allowed: style, mode/);

    errorAt(errors('{"placeholders": {"pattern": []}}'), 'placeholders.pattern');
    errorAt(errors('{"ignore": [{"rule": "placeholder", "text": "X", "file": []}]}'), 'ignore[0].file');
    errorAt(errors('{"overrides": [{"files": "a", "rules": {}, "severity": "off"}]}'), 'overrides[0].severity');
  });

  it('explains a wrong enum value in both languages', () => {
    const e = errorAt(errors('{"numbering": {"style": "gb"}}'), 'numbering.style');
    assert.equal(e.message, '"numbering.style" 应为 "gbt9704" 或 "document"（当前为 "gb"）');
    assert.equal(e.messageEn, '"numbering.style" must be "gbt9704" or "document" (got "gb")');
    errorAt(errors('{"numbering": {"mode": 1}}'), 'numbering.mode');
    errorAt(errors('{"segmenter": "jieba"}'), 'segmenter');
  });

  it('checks rule settings: severity strings and [severity, options] pairs', () => {
    ok('{"rules": {"a": "off", "b": "hint", "c": "info", "d": "warning", "e": ["error", {}]}}');
    const errs = errors('{"rules": {"a": "warn", "b": ["error"], "c": ["nope", {}], "d": ["error", 3], "e": 5, "Bad_Id": "off"}}');
    assert.match(errorAt(errs, 'rules.a').messageEn, /"off", "hint", "info", "warning" or "error".*got "warn"/);
    assert.match(errorAt(errs, 'rules.b').messageEn, /exactly two items/);
    errorAt(errs, 'rules.c[0]');
    assert.match(errorAt(errs, 'rules.d[1]').messageEn, /options/);
    errorAt(errs, 'rules.e');
    assert.match(errorAt(errs, 'rules.Bad_Id').messageEn, /lower-case/);
    assert.equal(errs.length, 6);
  });

  it('rejects unknown rule ids when the known ids are given, listing them', () => {
    const text = '{"rules": {"placeholdr": "off"}, "overrides": [{"files": "*.md", "rules": {"zzz": "off"}}], "ignore": [{"rule": "qqq", "text": "X"}]}';
    ok(text); // without known ids, any well-formed id is accepted
    const errs = errors(text, KNOWN);
    const e = errorAt(errs, 'rules.placeholdr');
    assert.match(e.messageEn, /unknown rule id.*known: placeholder, heading-title-stop, numbering-order/);
    assert.match(e.messageEn, /Did you mean "placeholder"/);
    assert.match(e.message, /placeholder、heading-title-stop、numbering-order/);
    assert.equal(formatConfigError(e, 'en').startsWith(`${FILE}: "rules.placeholdr": unknown rule id`), true);
    errorAt(errs, 'overrides[0].rules.zzz');
    errorAt(errs, 'ignore[0].rule');
    assert.equal(errs.length, 3);
    assert.ok(KNOWN_RULE_IDS.includes('placeholder'));
  });

  it('checks that placeholder patterns compile, naming the index', () => {
    const errs = errors('{"placeholders": {"patterns": ["XX", "(未填", "[z-a]"]}}');
    const e = errorAt(errs, 'placeholders.patterns[1]');
    assert.match(e.messageEn, /not a valid regular expression \(Invalid regular expression: .*\)/);
    assert.match(e.message, /不是有效的正则表达式/);
    errorAt(errs, 'placeholders.patterns[2]');
    assert.equal(errs.length, 2);
    assert.match(errorAt(errors('{"placeholders": {"patterns": ["X*"]}}'), 'placeholders.patterns[0]').messageEn, /empty text/);
    errorAt(errors('{"placeholders": {"patterns": [""]}}'), 'placeholders.patterns[0]');
  });

  it('checks the other value kinds with exact keys', () => {
    errorAt(errors('{"placeholders": {"allow": ["X光", ""]}}'), 'placeholders.allow[1]');
    errorAt(errors('{"placeholders": {"patterns": "XX"}}'), 'placeholders.patterns');
    errorAt(errors('{"dictionary": ["词", 3]}'), 'dictionary[1]');
    for (const v of ['0', '-5', '1.5', '"100"']) {
      assert.match(errorAt(errors(`{"maxChars": ${v}}`), 'maxChars').messageEn, /positive whole number/);
    }
    errorAt(errors('{"$schema": 1}'), '$schema');
    const ignoreErrs = errors(
      '{"ignore": [{"rule": "placeholder"}, {"rule": "placeholder", "text": ""}, {"rule": "placeholder", "text": "X", "files": [""]}]}',
    );
    assert.match(errorAt(ignoreErrs, 'ignore[0].text').messageEn, /required/);
    errorAt(ignoreErrs, 'ignore[1].text');
    errorAt(ignoreErrs, 'ignore[2].files[0]');
    const overrideErrs = errors('{"overrides": [{"files": [], "rules": {}}, {"files": 3, "rules": {}}, {"files": ["a", 2], "rules": {}}, {"files": "a"}]}');
    errorAt(overrideErrs, 'overrides[0].files');
    errorAt(overrideErrs, 'overrides[1].files');
    errorAt(overrideErrs, 'overrides[2].files[1]');
    errorAt(overrideErrs, 'overrides[3].rules');
    assert.equal(overrideErrs.length, 4);
    errorAt(errors('{"rules": []}'), 'rules');
  });

  it('quotes keys that are not plain names', () => {
    const e = errorAt(errors('{"rules": {"a.b": "off"}}'), 'rules["a.b"]');
    assert.ok(formatConfigError(e, 'en').includes('rules["a.b"]'));
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ rules: v, overrides: [v], ignore: v })),
        ),
        (text) => {
          const r = parseConfig(text, FILE, KNOWN);
          if (!r.ok) for (const e of r.errors) assert.equal(typeof formatConfigError(e, 'zh'), 'string');
        },
      ),
      { numRuns: 300 },
    );
    const deep = 100000;
    for (const text of [
      '['.repeat(deep),
      '['.repeat(deep) + ']'.repeat(deep),
      `{"segmenter": ${'['.repeat(deep)}${']'.repeat(deep)}}`,
      '{"rules": {"__proto__": "off", "constructor": "off"}}',
    ]) {
      assert.equal(parseConfig(text, FILE, KNOWN).ok, false);
    }
  });
});

describe('config: resolveRules', () => {
  const defaults: Record<string, Severity> = { placeholder: 'warning', 'heading-title-stop': 'info', 'numbering-order': 'error' };

  function config(json: object): GongwenConfig {
    return ok(JSON.stringify(json));
  }

  it('starts from the defaults and applies config.rules', () => {
    const c = config({ rules: { 'heading-title-stop': ['error', { minLength: 2 }], 'numbering-order': 'off', extra: 'hint' } });
    assert.deepEqual(resolveRules(c, defaults), {
      placeholder: { severity: 'warning', options: {} },
      'heading-title-stop': { severity: 'error', options: { minLength: 2 } },
      'numbering-order': { severity: 'off', options: {} },
      extra: { severity: 'hint', options: {} },
    });
    assert.deepEqual(resolveRules(DEFAULT_CONFIG, defaults).placeholder, { severity: 'warning', options: {} });
  });

  it('applies matching overrides: globs with a slash match the path, without a slash also the basename', () => {
    const c = config({
      rules: { placeholder: 'error' },
      overrides: [
        { files: 'drafts/**', rules: { placeholder: 'off' } },
        { files: '*.txt', rules: { 'heading-title-stop': 'off' } },
        { files: ['docs/*.md', '.hidden/**'], rules: { 'numbering-order': 'hint' } },
      ],
    });
    const sev = (path?: string) => Object.fromEntries(Object.entries(resolveRules(c, defaults, path)).map(([id, r]) => [id, r.severity]));
    assert.deepEqual(sev(), { placeholder: 'error', 'heading-title-stop': 'info', 'numbering-order': 'error' });
    assert.deepEqual(sev('report.md'), { placeholder: 'error', 'heading-title-stop': 'info', 'numbering-order': 'error' });
    assert.equal(sev('drafts/a/b.md').placeholder, 'off');
    assert.equal(sev('drafts\\b.md').placeholder, 'off'); // Windows separators
    assert.equal(sev('./drafts/b.md').placeholder, 'off');
    assert.equal(sev('other/drafts/b.md').placeholder, 'error'); // a glob with a slash is anchored
    assert.equal(sev('a.txt')['heading-title-stop'], 'off');
    assert.equal(sev('deep/er/a.txt')['heading-title-stop'], 'off'); // basename match
    assert.equal(sev('docs/a.md')['numbering-order'], 'hint');
    assert.equal(sev('docs/sub/a.md')['numbering-order'], 'error');
    assert.equal(sev('.hidden/x.md')['numbering-order'], 'hint'); // dot: true
  });

  it('lets later overrides win and keeps options when only the severity changes', () => {
    const c = config({
      rules: { 'heading-title-stop': ['warning', { minLength: 2 }] },
      overrides: [
        { files: '**/*.md', rules: { 'heading-title-stop': 'error' } },
        { files: 'notes/*.md', rules: { 'heading-title-stop': 'info' } },
        { files: 'notes/special.md', rules: { 'heading-title-stop': ['hint', { minLength: 5 }] } },
        { files: 'special.md', rules: { 'heading-title-stop': 'warning' } },
      ],
    });
    assert.deepEqual(resolveRules(c, defaults, 'a.md')['heading-title-stop'], { severity: 'error', options: { minLength: 2 } });
    assert.deepEqual(resolveRules(c, defaults, 'notes/a.md')['heading-title-stop'], { severity: 'info', options: { minLength: 2 } });
    assert.deepEqual(resolveRules(c, defaults, 'notes/special.md')['heading-title-stop'], { severity: 'warning', options: { minLength: 5 } });
    // Resolving does not share option objects with the configuration.
    resolveRules(c, defaults, 'a.md')['heading-title-stop'].options.minLength = 99;
    assert.deepEqual(resolveRules(c, defaults, 'a.md')['heading-title-stop'].options, { minLength: 2 });
  });

  it('matchesGlobs: one glob or a list', () => {
    assert.equal(matchesGlobs('*.md', 'a/b/c.md'), true);
    assert.equal(matchesGlobs(['*.txt', 'x/**'], 'x/y/z.md'), true);
    assert.equal(matchesGlobs([], 'a.md'), false);
    assert.equal(matchesGlobs('/a.md', 'b/a.md'), false); // a leading slash anchors to the configuration's folder
    assert.equal(matchesGlobs('/a.md', 'a.md'), true);
  });
});
