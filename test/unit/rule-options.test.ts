import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { DEFAULT_CONFIG, KNOWN_RULE_IDS, checkRuleSettings, formatConfigError, parseConfig, type ConfigError } from '../../src/core/config';
import { lint } from '../../src/core/rules/lint';
import { RULES } from '../../src/core/rules';
import { NO_OPTIONS, RULE_CATEGORIES, readOptions } from '../../src/core/rules/rule';
import { factsBlock, generate, replaceBlock, rulesTable, withFacts } from '../../scripts/gen-rules';

const FILE = '.gongwenrc.json';
const ROOT = path.join(__dirname, '..', '..');

function configErrors(config: object): { key: string; en: string; zh: string }[] {
  const r = parseConfig(JSON.stringify(config), FILE, KNOWN_RULE_IDS);
  if (r.ok) assert.fail('expected configuration errors');
  return r.errors.map((e: ConfigError) => ({ key: e.key, en: formatConfigError(e, 'en'), zh: formatConfigError(e, 'zh') }));
}

describe('rule options: declared once, validated', () => {
  it('every rule declares a category, both descriptions and an options schema that takes no unknown keys', () => {
    for (const rule of RULES) {
      assert.ok(rule.category in RULE_CATEGORIES, rule.id);
      assert.ok(rule.description.length > 0 && rule.descriptionEn.length > 0, rule.id);
      assert.equal(rule.options.type, 'object', rule.id);
      assert.equal(rule.options.additionalProperties, false, rule.id);
      assert.equal(rule.options.required, undefined, `${rule.id}: options are never required`);
      for (const [key, p] of Object.entries(rule.options.properties)) {
        assert.ok(typeof p.description === 'string' && typeof p.descriptionEn === 'string', `${rule.id}.${key} needs zh/en descriptions`);
      }
    }
    assert.deepEqual(
      RULES.filter((r) => r.options !== NO_OPTIONS).map((r) => [r.id, Object.keys(r.options.properties)]),
      [
        ['heading-title-stop', ['minLength', 'ratio']],
        ['sentence-length', ['maxLength']],
        ['max-chars', ['limit']],
        ['repeated-word', ['allow']],
        ['overused-word', ['minCount', 'charsPerUse', 'allow']],
        ['banned-term', ['terms', 'builtIn']],
      ],
    );
  });

  it('a misspelt option key is a configuration error at that key', () => {
    assert.deepEqual(configErrors({ rules: { 'sentence-length': ['info', { maxxx: 20 }] } }), [
      {
        key: 'rules.sentence-length[1].maxxx',
        en: '.gongwenrc.json: "rules.sentence-length[1].maxxx": rule "sentence-length" has no option "maxxx" (options: maxLength)',
        zh: '.gongwenrc.json: "rules.sentence-length[1].maxxx"：规则 "sentence-length" 没有选项 "maxxx"（可用选项："maxLength"）',
      },
    ]);
    assert.deepEqual(
      configErrors({ rules: { 'heading-title-stop': ['warning', { minLenght: 30 }] } }).map((e) => e.en),
      [
        '.gongwenrc.json: "rules.heading-title-stop[1].minLenght": rule "heading-title-stop" has no option "minLenght" (options: minLength, ratio). Did you mean "minLength"?',
      ],
    );
  });

  it('a value of the wrong type is a configuration error at that key', () => {
    assert.deepEqual(configErrors({ rules: { 'sentence-length': ['info', { maxLength: 'twenty' }] } }), [
      {
        key: 'rules.sentence-length[1].maxLength',
        en: '.gongwenrc.json: "rules.sentence-length[1].maxLength" must be a whole number, not the text "twenty"',
        zh: '.gongwenrc.json: "rules.sentence-length[1].maxLength" 应为整数，而不是文字 "twenty"',
      },
    ]);
    assert.deepEqual(
      configErrors({ overrides: [{ files: '*.md', rules: { 'overused-word': ['info', { minCount: 1.5, allow: ['推进', 3] }] } }] }).map((e) => e.en),
      [
        '.gongwenrc.json: "overrides[0].rules.overused-word[1].minCount" must be a whole number, not the number 1.5',
        '.gongwenrc.json: "overrides[0].rules.overused-word[1].allow[1]" must be text in double quotes, not the number 3',
      ],
    );
    assert.deepEqual(
      configErrors({ rules: { 'sentence-length': ['info', { maxLength: 0 }] } }).map((e) => e.en),
      ['.gongwenrc.json: "rules.sentence-length[1].maxLength" must be at least 1 (got 0)'],
    );
  });

  it('a rule without options accepts only {}', () => {
    assert.deepEqual(
      configErrors({ rules: { placeholder: ['error', { minLength: 2 }] } }).map((e) => e.en),
      ['.gongwenrc.json: "rules.placeholder[1].minLength": rule "placeholder" takes no options; write {}'],
    );
    assert.equal(
      parseConfig(
        '{"rules": {"placeholder": ["error", {}], "sentence-length": ["info", {"maxLength": 150}], "max-chars": ["info", {"limit": 5000}]}}',
        FILE,
        KNOWN_RULE_IDS,
      ).ok,
      true,
    );
  });

  it('the CLI exits 2 naming the file and the key, and still checks with the defaults', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-options-'));
    try {
      const config = path.join(tmp, '.gongwenrc.json');
      fs.writeFileSync(config, JSON.stringify({ rules: { 'sentence-length': ['info', { maxxx: 20 }] } }));
      const doc = path.join(tmp, 'a.txt');
      fs.writeFileSync(doc, 'XX');
      const out: string[] = [];
      const err: string[] = [];
      const code = main(['check', '--lang', 'en', doc], { out: (l) => out.push(l), err: (l) => err.push(l) });
      assert.equal(code, 2);
      assert.ok(err.includes(`${config}: "rules.sentence-length[1].maxxx": rule "sentence-length" has no option "maxxx" (options: maxLength)`), err.join('\n'));
      assert.match(out.join('\n'), /placeholder/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('the settings (gongwen.rules) are checked the same way, as warnings that keep what can be kept', () => {
    const r = checkRuleSettings({ 'sentence-length': ['info', { maxxx: 20 }], placeholder: 'warn', 'overused-word': 'info' }, 'settings.json');
    assert.deepEqual(r.rules, { 'sentence-length': ['info', { maxxx: 20 }], 'overused-word': 'info' });
    assert.deepEqual(
      r.errors.map((e) => [e.key, formatConfigError(e, 'en')]),
      [
        [
          'gongwen.rules.sentence-length[1].maxxx',
          'settings.json: "gongwen.rules.sentence-length[1].maxxx": rule "sentence-length" has no option "maxxx" (options: maxLength)',
        ],
        [
          'gongwen.rules.placeholder',
          'settings.json: "gongwen.rules.placeholder" must be one of "off", "hint", "info", "warning" or "error", or [severity, { options }] (got "warn")',
        ],
      ],
    );
    assert.deepEqual(checkRuleSettings({}, 'settings.json'), { rules: {}, errors: [] });
  });

  it('rules read their options typed, with defaults, and ignore values that do not fit (unchecked settings)', () => {
    const sentenceLength = RULES.find((r) => r.id === 'sentence-length')!;
    assert.deepEqual(readOptions(sentenceLength.options, {}), { maxLength: 120 });
    assert.deepEqual(readOptions(sentenceLength.options, { maxLength: 'twenty', maxxx: 20 }), { maxLength: 120 });
    assert.deepEqual(readOptions(sentenceLength.options, { maxLength: 30 }), { maxLength: 30 });
    const overused = RULES.find((r) => r.id === 'overused-word')!;
    const defaults = readOptions(overused.options, {});
    assert.deepEqual(defaults, { minCount: 5, charsPerUse: 50, allow: [] });
    (defaults.allow as string[]).push('x');
    assert.deepEqual(readOptions(overused.options, {}).allow, [], 'defaults are copied');
    assert.deepEqual(readOptions(overused.options, { minCount: 1, allow: ['a', 2] }), { minCount: 5, charsPerUse: 50, allow: [] });
    for (const rule of RULES) readOptions(rule.options, {}); // every declared type is supported

    // A long sentence: reported at 30, and at the default (120) when the option is misspelt in unchecked settings.
    const text = `一、总体要求\n${'加强组织领导'.repeat(10)}。\n`;
    const found = (options: Record<string, unknown>) =>
      lint(text, { only: ['sentence-length'], config: { ...DEFAULT_CONFIG, rules: { 'sentence-length': ['info', options] } } }).length;
    assert.equal(found({ maxLength: 30 }), 1);
    assert.equal(found({ maxLenght: 30 }), 0);
  });
});

describe('generated files (npm run gen:rules)', () => {
  it('schemas/gongwenrc.schema.json, package.json and the facts and options blocks of docs/rules/*.md are up to date', () => {
    const stale: string[] = [];
    for (const [file, expected] of generate(ROOT)) {
      if (fs.readFileSync(path.join(ROOT, file), 'utf8') !== expected) stale.push(file);
    }
    assert.deepEqual(stale, [], `stale generated files: run npm run gen:rules (${stale.join(', ')})`);
  });

  it('the schema carries each rule, its severity or [severity, options], and its options schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/gongwenrc.schema.json'), 'utf8'));
    const entries = schema.definitions.rules.properties;
    assert.deepEqual(
      Object.keys(entries),
      RULES.map((r) => r.id),
    );
    assert.deepEqual(entries['sentence-length'].anyOf[1].items[1], {
      title: 'Options of sentence-length (sentence-length 的选项)',
      description: 'Options left out take their defaults (未写的选项取默认值)',
      type: 'object',
      additionalProperties: false,
      properties: {
        maxLength: { description: 'Report a sentence longer than this many characters (句子超过这么多字才报告)', minimum: 1, default: 120, type: 'integer' },
      },
    });
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const settings = pkg.contributes.configuration.properties['gongwen.rules'].properties;
    assert.deepEqual(
      Object.keys(settings),
      RULES.map((r) => r.id),
    );
    assert.deepEqual(settings['sentence-length'].enum, ['off', 'hint', 'info', 'warning', 'error']);
  });

  it('every rule page holds a generated options block', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs/rules/sentence-length.md'), 'utf8');
    assert.ok(
      page.includes(
        '<!-- options -->\n| 选项 Option | 类型 Type | 默认 Default | 含义 Meaning |\n|---|---|---|---|\n| `maxLength` | 整数 integer, ≥ 1 | `120` | 句子超过这么多字才报告 / Report a sentence longer than this many characters |\n',
      ),
    );
    const none = fs.readFileSync(path.join(ROOT, 'docs/rules/spacing.md'), 'utf8');
    assert.ok(none.includes('<!-- options -->\n本规则没有 `[级别, {选项}]` 形式的选项'));
  });
});

describe('gen-rules: the facts of a rule page', () => {
  const rule = (id: string) => RULES.find((r) => r.id === id)!;
  const rows = (id: string) => factsBlock(rule(id)).split('\n');

  it('states category, default severity, fix and basis from the declaration, in both languages', () => {
    assert.deepEqual(rows('numbering-style'), [
      '| | |',
      '|---|---|',
      '| 类别 Category | 层次结构 / Structure |',
      '| 默认级别 Default severity | `warning`；整级一致的无害变体为 `info` / `warning`; `info` for a whole level written consistently in a harmless variant |',
      '| 修复 Fix | 改为配置的规范写法，安全 / rewrite the marker in the configured style (`numbering.style`), safe |',
      '| 依据 Basis | GB/T 9704-2012 第7.3.3条 / GB/T 9704-2012 §7.3.3 |',
    ]);
  });

  it('says off for a rule off by default, none for a rule without a fix, and a text the same in both languages once', () => {
    assert.equal(rows('sentence-length')[3], '| 默认级别 Default severity | 关闭（开启后为 `info`） / off (`info` when turned on) |');
    assert.equal(rows('placeholder')[4], '| 修复 Fix | 无 / none |');
    assert.equal(rows('punctuation-width')[5], '| 依据 Basis | GB/T 15834-2011 |');
  });

  it('puts the block under the title of a page without one, and refuses a page whose title is not the rule', () => {
    const page = '# spacing — 多余的空格\n\n## 中文\n';
    assert.equal(
      withFacts(page, 'spacing.md', rule('spacing')),
      `# spacing — 多余的空格\n\n<!-- rule-facts -->\n${factsBlock(rule('spacing'))}\n<!-- /rule-facts -->\n\n## 中文\n`,
    );
    assert.throws(() => withFacts('# 空格\n', 'spacing.md', rule('spacing')), /spacing\.md: the first line must be the title/);
  });

  it('finds a rule page whose facts were edited by hand stale, and regenerates it as it was', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-rules-'));
    try {
      for (const file of ['package.json', 'schemas/gongwenrc.schema.json', 'README.md']) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(root, file));
      }
      fs.cpSync(path.join(ROOT, 'docs/rules'), path.join(root, 'docs/rules'), { recursive: true });
      const page = path.join(root, 'docs/rules/placeholder.md');
      const committed = fs.readFileSync(page, 'utf8');
      const edited = committed.replace('| 默认级别 Default severity | `error` |', '| 默认级别 Default severity | `warning` |');
      assert.notEqual(edited, committed);
      fs.writeFileSync(page, edited);
      const stale = [...generate(root)].filter(([file, expected]) => fs.readFileSync(path.join(root, file), 'utf8') !== expected).map(([file]) => file);
      assert.deepEqual(stale, ['docs/rules/placeholder.md']);
      assert.equal(generate(root).get('docs/rules/placeholder.md'), committed);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('gen-rules: marked blocks', () => {
  it('replaces only what lies between the markers, and says when there are none', () => {
    assert.equal(
      replaceBlock('a\n<!-- rules-table -->\nold\n<!-- /rules-table -->\nb\n', 'rules-table', 'new'),
      'a\n<!-- rules-table -->\nnew\n<!-- /rules-table -->\nb\n',
    );
    assert.equal(replaceBlock('a\n', 'rules-table', 'new'), undefined);
  });
});

describe('gen-rules: the rules table', () => {
  const table = rulesTable('docs/rules/').split('\n');

  it('has the columns of docs/rules/README.md: rule with anchor and page, name, default, what it checks, fix, basis', () => {
    assert.equal(table.length, RULES.length + 2);
    assert.equal(table[0], '| 规则 Rule | 中文名 | 默认级别 Default | 检查什么 What it checks | 修复 Fix | 依据 Basis |');
    assert.equal(table[1], '|---|---|---|---|---|---|');
    assert.equal(
      table[2],
      '| <a id="placeholder"></a>[`placeholder`](docs/rules/placeholder.md) | 未填写的占位符（XX、xxxx年、***、××、某某、〇〇、□□、____、【待补充】） | `error` | Unfilled placeholders (XX, xxxx年, ***, ××, 某某, 〇〇, □□, ____, 【待补充】) | — | 写作惯例 |',
    );
    assert.ok(
      table.includes(
        '| <a id="sentence-length"></a>[`sentence-length`](docs/rules/sentence-length.md) | 句子过长（默认超过120字），建议拆分 | 关闭 off（`info`） | A sentence over 120 characters (by default): consider splitting it | — | 写作惯例 |',
      ),
    );
    assert.ok(
      table.includes(
        '| <a id="numbering-sequence"></a>[`numbering-sequence`](docs/rules/numbering-sequence.md) | 同级编号跳号、重号或顺序颠倒 | `warning` | Numbers at one level skip, repeat or go backwards | 重新编号；一处明显跳号或一个错号时安全，否则仅快速修复 / renumber: safe for one clear gap or one stray number, else quick fix only | GB/T 9704-2012 第7.3.3条 |',
      ),
    );
  });

  it('lists the rules grouped by category, in the order of RULE_CATEGORIES', () => {
    const ids = table.slice(2).map((row) => /id="([a-z-]+)"/.exec(row)![1]);
    const order = Object.keys(RULE_CATEGORIES);
    const categories = ids.map((id) => order.indexOf(RULES.find((r) => r.id === id)!.category));
    assert.deepEqual(
      categories,
      [...categories].sort((a, b) => a - b),
    );
    assert.deepEqual([...ids].sort(), RULES.map((r) => r.id).sort());
  });

  it('escapes a | inside a cell', () => {
    const rule = RULES.find((r) => r.id === 'spacing')!;
    const saved = rule.basis;
    try {
      (rule as { basis: { zh: string; en: string } }).basis = { zh: 'a|b', en: 'a|b' };
      assert.ok(
        rulesTable('')
          .split('\n')
          .some((row) => row.startsWith('| <a id="spacing">') && row.endsWith(' | a\\|b |')),
      );
    } finally {
      (rule as { basis: { zh: string; en: string } }).basis = saved;
    }
  });
});

describe('rule declarations: fix and basis', () => {
  it('every fix says whether it is safe or a quick fix only, in both languages; every basis is given', () => {
    for (const rule of RULES) {
      assert.ok(rule.basis.zh && rule.basis.en, `${rule.id}: basis`);
      if (rule.fix === null) continue;
      assert.match(rule.fix.zh, /安全|仅快速修复/, rule.id);
      assert.match(rule.fix.en, /safe|quick fix only/, rule.id);
    }
  });

  it('a rule declared without a fix offers none', () => {
    const text = [
      '关于XX工作的报告',
      '一、总体要求',
      '1.加强领导。内容“未闭合。',
      '（一）推进工作。内容。',
      '（二）推进工作。内容。',
      '（三）推进工作。内容。',
      `（四）${'推进工作全面落实各项任务要求'.repeat(5)}正文继续写下去。`,
      '二、主要做法',
      '（一）推进落实',
      `推进推进工作，推进改革，推进发展，推进创新，推进开放，推进协调，推进共享，推进绿色。${'加强组织领导'.repeat(25)}。`,
    ].join('\n');
    const without = RULES.filter((r) => r.fix === null).map((r) => r.id);
    assert.deepEqual(without, ['placeholder', 'numbering-hierarchy', 'heading-title-stop', 'quote-pairs', 'sentence-length', 'max-chars', 'overused-word']);
    const config = {
      ...DEFAULT_CONFIG,
      maxChars: 10,
      rules: { 'sentence-length': 'info' as const, 'overused-word': ['info', { minCount: 3 }] as ['info', Record<string, unknown>] },
    };
    const problems = lint(text, { config, only: without });
    assert.deepEqual([...new Set(problems.map((p) => p.ruleId))].sort(), [...without].sort(), 'each rule without a fix is exercised');
    assert.deepEqual(
      problems.filter((p) => p.fix).map((p) => p.ruleId),
      [],
    );
  });
});
