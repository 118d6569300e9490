import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, formatConfigError, parseConfig, type ConfigError } from '../../src/core/config';
import type { GongwenConfig, TermsSetting } from '../../src/core/config/settings';
import { createLintSession, lint } from '../../src/core';
import { testRule } from './rule-tester';

/** `.gongwenrc.json`'s `terms` (issue 17): validation, banned terms, institution names, fixed phrases. */

const FILE = '.gongwenrc.json';
const withTerms = (terms: TermsSetting): Partial<GongwenConfig> => ({ terms });

function configErrors(json: unknown): ConfigError[] {
  const r = parseConfig(JSON.stringify(json), FILE);
  if (r.ok) assert.fail('expected errors, got a valid config');
  return r.errors;
}

/** The one error at `key`, its one-line forms naming the file and the key in both languages. */
function errorAt(errs: ConfigError[], key: string): ConfigError {
  const found = errs.filter((e) => e.key === key);
  assert.equal(found.length, 1, `one error at ${key}; got ${JSON.stringify(errs.map((e) => `${e.key}: ${e.messageEn}`))}`);
  for (const lang of ['zh', 'en'] as const) {
    const line = formatConfigError(found[0], lang);
    assert.ok(line.startsWith(`${FILE}: `) && line.includes(`"${key}"`), line);
  }
  return found[0];
}

describe('config: terms', () => {
  it('is absent unless configured, and copied when it is', () => {
    assert.equal(DEFAULT_CONFIG.terms, undefined);
    const none = parseConfig('{}', FILE);
    assert.ok(none.ok && none.config.terms === undefined);
    const terms = {
      banned: ['某某', { term: '市卫健委', replacement: '市卫生健康委', reason: '规范化简称' }],
      institutions: [{ full: '杭州市发展和改革委员会', short: ['市发改委'] }, { full: '杭州市人民政府' }],
      fixed: ['其它费用核算办法'],
    };
    const r = parseConfig(JSON.stringify({ terms }), FILE);
    assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
    assert.deepEqual(r.config.terms, { ...terms, institutions: [terms.institutions[0], { full: '杭州市人民政府', short: [] }] });
    assert.notEqual(r.config.terms.banned[1], terms.banned[1]);
  });

  it('explains a wrong banned item, naming its key', () => {
    const errs = configErrors({
      terms: { banned: [3, '', {}, { term: '某某', replacment: '' }, { term: '', reason: 1 }, ['x']] },
    });
    assert.match(errorAt(errs, 'terms.banned[0]').message, /应为禁用的词（文字）或 \{"term"/);
    assert.match(errorAt(errs, 'terms.banned[1]').messageEn, /must not be empty/);
    assert.match(errorAt(errs, 'terms.banned[2].term').messageEn, /required/);
    assert.match(errorAt(errs, 'terms.banned[3].replacment').messageEn, /Did you mean "replacement"/);
    assert.match(errorAt(errs, 'terms.banned[4].term').message, /不能为空/);
    assert.match(errorAt(errs, 'terms.banned[4].reason').messageEn, /must be text/);
    assert.match(errorAt(errs, 'terms.banned[5]').messageEn, /not a list/);
    assert.equal(errs.length, 7);
  });

  it('explains wrong institutions and fixed phrases with the schema, naming the key', () => {
    const errs = configErrors({
      terms: { institutions: [{ short: ['市发改委'] }, { full: '市政府', short: '市府' }, { full: 'x', name: 'y' }], fixed: [''], fixd: [] },
    });
    assert.match(errorAt(errs, 'terms.institutions[0].full').messageEn, /required/);
    assert.match(errorAt(errs, 'terms.institutions[1].short').messageEn, /must be a list/);
    assert.match(errorAt(errs, 'terms.institutions[2].name').messageEn, /allowed: full, short/);
    errorAt(errs, 'terms.fixed[0]');
    assert.match(errorAt(errs, 'terms.fixd').messageEn, /Did you mean "fixed"/);
  });

  it('rejects a name given twice over', () => {
    const errs = configErrors({
      terms: {
        institutions: [
          { full: '杭州市发展和改革委员会', short: ['市发改委', '杭州市发展和改革委员会'] },
          { full: '杭州市发展和改革局', short: ['市发改委'] },
        ],
        banned: ['市发改委', '其它', { term: '杭州市发展和改革局' }],
        fixed: ['其它'],
      },
    });
    assert.match(errorAt(errs, 'terms.institutions[0].short[1]').messageEn, /is the full name itself/);
    assert.match(errorAt(errs, 'terms.institutions[1].short[0]').message, /已在 "terms.institutions\[0\].short\[0\]" 中写过/);
    assert.match(errorAt(errs, 'terms.banned[0]').messageEn, /institution's name at "terms.institutions\[0\].short\[0\]"/);
    assert.match(errorAt(errs, 'terms.banned[1]').messageEn, /also in "terms.fixed"/);
    assert.match(errorAt(errs, 'terms.banned[2]').messageEn, /at "terms.institutions\[1\].full"/);
    assert.equal(errs.length, 5);
  });
});

testRule('banned-term', {
  valid: [
    // Nothing configured: the shipped list alone.
    '由市卫健委牵头，某某同志参加。',
    { text: '由市卫生健康委牵头。', config: withTerms({ banned: [{ term: '市卫健委', replacement: '市卫生健康委' }] }) },
    // A fixed phrase holds a banned term: the name stays as it is.
    { text: '《北朝鲜问题研究》一书。', config: withTerms({ fixed: ['北朝鲜问题研究'] }) },
    { text: '市卫健委大楼', config: withTerms({ banned: ['市卫健委'], fixed: ['市卫健委大楼'] }) },
  ],
  invalid: [
    {
      text: '由市卫健委牵头，严禁使用某某。',
      config: withTerms({ banned: ['某某', { term: '市卫健委', replacement: '市卫生健康委', reason: '本市规范化简称为“市卫生健康委”' }] }),
      errors: [
        {
          line: 1,
          column: 2,
          endColumn: 6,
          message: '禁用词“市卫健委”应为“市卫生健康委”：本市规范化简称为“市卫生健康委”（.gongwenrc.json 中配置）',
          safe: false,
        },
        { line: 1, column: 13, endColumn: 15, message: '禁用词“某某”：本单位配置的禁用词' },
      ],
      output: '由市卫生健康委牵头，严禁使用某某。',
    },
    {
      // The older rule option still works beside `terms.banned`; for the same term, `terms.banned` wins.
      text: '市卫健委、区卫健委',
      config: {
        terms: { banned: [{ term: '区卫健委', replacement: '区卫生健康委' }] },
        rules: { 'banned-term': ['warning', { terms: ['市卫健委=市卫生健康委', '区卫健委=区卫健局'] }] },
      },
      errors: [
        { line: 1, column: 1, endColumn: 5, message: '应为“市卫生健康委”' },
        { line: 1, column: 6, endColumn: 10, message: '应为“区卫生健康委”' },
      ],
      output: '市卫生健康委、区卫生健康委',
    },
  ],
});

const HZ = { full: '杭州市发展和改革委员会', short: ['市发改委', '发改委'] };
const GOV = { full: '杭州市人民政府', short: ['市政府'] };
const institutions = withTerms({ institutions: [HZ, GOV] });

describe('banned-term: institution names (terms.institutions)', () => {
  testRule('banned-term', {
    valid: [
      { text: '杭州市发展和改革委员会（以下简称“市发改委”）牵头，市发改委负责，发改委督办。', config: institutions },
      // Other bodies: another city's, each city's, an office under the government, a 主送机关 line.
      { text: '天津市发改委来访，各市发改委参加，全市发改委系统，省市发改委联合。', config: institutions },
      { text: '市政府办公室印发，市政府党组研究。', config: institutions },
      { text: '市政府：\n现将有关情况报告如下。\n抄送：市发改委。', config: institutions },
      // A fixed phrase holding the short name, and institutions without short names: nothing to judge.
      { text: '《市发改委工作规则》印发。', config: withTerms({ institutions: [HZ], fixed: ['市发改委工作规则'] }) },
      { text: '市发改委牵头。', config: withTerms({ institutions: [{ full: HZ.full }] }) },
      // A name near the full one is not guessed at.
      { text: '杭州市发改局牵头。', config: institutions },
    ],
    invalid: [
      {
        text: '由市发改委牵头，市发改委负责。杭州市发展和改革委员会督办。',
        config: institutions,
        errors: [{ line: 1, column: 2, endColumn: 6, message: '机关名称“市发改委”在本文中首次出现，应使用全称“杭州市发展和改革委员会”', safe: false }],
        output: '由杭州市发展和改革委员会（以下简称“市发改委”）牵头，市发改委负责。杭州市发展和改革委员会督办。',
      },
      {
        // The place written before the short name belongs to it; each institution is judged on its own.
        text: '经市政府同意，杭州市发改委牵头。',
        config: institutions,
        errors: [
          { line: 1, column: 2, endColumn: 5, message: '应使用全称“杭州市人民政府”' },
          { line: 1, column: 8, endColumn: 14, message: '“杭州市发改委”' },
        ],
        output: '经杭州市人民政府（以下简称“市政府”）同意，杭州市发展和改革委员会（以下简称“杭州市发改委”）牵头。',
      },
      {
        // Each document of the file on its own: the second document has not named the committee in full.
        text: '关于甲的报告\n一、总体情况\n杭州市发展和改革委员会牵头。\n二、下步打算\n市发改委负责。\n关于乙的报告\n一、总体情况\n由发改委负责。\n二、下步打算\n无。',
        config: institutions,
        errors: [{ line: 8, column: 2, endColumn: 5, message: '“发改委”' }],
      },
    ],
  });
});

describe('terms.fixed: no wording rule reports inside a fixed phrase', () => {
  const cases: Array<{ rule: string; text: string; fixed: string }> = [
    { rule: 'typo', text: '学习《布署规范汇编》。', fixed: '布署规范汇编' },
    { rule: 'variant-form', text: '检测成份标签项目。', fixed: '成份标签' },
    { rule: 'usage', text: '执行其它费用核算办法。', fixed: '其它费用核算办法' },
    { rule: 'banned-term', text: '购买《北朝鲜概况》。', fixed: '北朝鲜概况' },
    { rule: 'range-dash', text: '落实《2016-2020年规划纲要》。', fixed: '2016-2020年规划纲要' },
  ];
  for (const c of cases) {
    it(`${c.rule}: reported without it, silent inside it`, () => {
      const run = (config: GongwenConfig) => lint(c.text, { config, only: [c.rule] }).map((p) => c.text.slice(p.start, p.end));
      assert.equal(run(DEFAULT_CONFIG).length, 1, 'the phrase holds one problem of the rule');
      assert.deepEqual(run({ ...DEFAULT_CONFIG, terms: { fixed: [c.fixed] } }), []);
      // Outside the phrase the rule still reports: only the phrase's characters are protected.
      const twice = `${c.text}${c.text.replace(c.fixed, c.fixed.slice(0, -1))}`;
      const found = lint(twice, { config: { ...DEFAULT_CONFIG, terms: { fixed: [c.fixed] } }, only: [c.rule] });
      assert.equal(found.length, 1);
      assert.ok(found[0].start >= c.text.length);
    });
  }

  it('institution names are fixed phrases too', () => {
    const text = '杭州市其它产业发展中心';
    assert.equal(lint(text, { config: DEFAULT_CONFIG, only: ['usage'] }).length, 1);
    const config = { ...DEFAULT_CONFIG, terms: { institutions: [{ full: text }] } };
    assert.deepEqual(lint(text, { config, only: ['usage'] }), []);
  });

  it('a fixed phrase across a line break makes the rules judge the whole document', () => {
    const text = '执行其它费用\n核算办法。';
    const config = { ...DEFAULT_CONFIG, terms: { fixed: ['其它费用\n核算办法'] } };
    assert.equal(lint(text, { config: DEFAULT_CONFIG, only: ['usage'] }).length, 1);
    assert.deepEqual(lint(text, { config, only: ['usage'] }), []);
  });
});

describe('terms: an edit in one line re-lints like a fresh lint', () => {
  const keyed = (text: string, problems: ReturnType<typeof lint>) => problems.map((p) => `${p.ruleId} ${text.slice(p.start, p.end)} ${p.start}`);
  const body = '全年围绕中心工作，扎实推进各项重点任务，各项指标完成情况良好，群众满意度明显提高，';
  const base = `关于甲的报告\n一、总体情况\n${body}由杭州市发展和改革委员会牵头，严格执行其它费用\n核算办法。\n二、下步打算\n${body}由市发改委负责。\n`;

  /** Lints `base`, then `edited` in the same session: the same problems as a fresh lint of `edited`. */
  function relinted(config: GongwenConfig, edited: string): string[] {
    const session = createLintSession();
    session.lint(base, { config });
    const fresh = keyed(edited, lint(edited, { config }));
    assert.deepEqual(keyed(edited, session.lint(edited, { config })), fresh);
    assert.equal(session.stats().kind, 'incremental', JSON.stringify(session.stats()));
    return fresh;
  }

  it('finds an institution first named by its short form once the full name above is edited away', () => {
    const config = { ...DEFAULT_CONFIG, terms: { institutions: [HZ] } };
    assert.deepEqual(keyed(base, lint(base, { config, only: ['banned-term'] })), []);
    const edited = base.replace('杭州市发展和改革委员会', '有关单位和部门共同研究');
    const found = relinted(config, edited);
    assert.ok(found.includes(`banned-term 市发改委 ${edited.lastIndexOf('市发改委')}`), found.join('; '));
  });

  it('keeps a fixed phrase written across a line break silent after an edit in its first line', () => {
    const config = { ...DEFAULT_CONFIG, terms: { fixed: ['其它费用\n核算办法'] } };
    const found = relinted(config, base.replace('严格执行其它费用', '认真执行其它费用'));
    assert.ok(!found.some((p) => p.startsWith('usage')), found.join('; '));
  });
});

const NDRC = { full: '国家发展和改革委员会', short: ['国家发改委', '发改委'] };
const STATE_COUNCIL = { full: '中华人民共和国国务院', short: ['国务院'] };
const SASAC = { full: '国务院国有资产监督管理委员会', short: ['国务院国资委', '国资委'] };
const national = withTerms({ institutions: [NDRC, STATE_COUNCIL] });

describe('banned-term: institution names read as something else', () => {
  testRule('banned-term', {
    valid: [
      // A cited title is quoted as issued: its 发文机关 name is not the writer's to rewrite.
      { text: '根据《国务院关于加强安全生产工作的通知》要求，由有关部门落实。', config: national },
      // Another configured institution's longer name holds the short name: it is that institution's.
      { text: '国务院国有资产监督管理委员会（以下简称“国务院国资委”）牵头，国务院国资委负责。', config: withTerms({ institutions: [STATE_COUNCIL, SASAC] }) },
      // A document's title and a 发文机关署名 (a line of names only) take the full name or the 规范化简称.
      { text: '国务院关于加强安全生产工作的通知\n各省、自治区、直辖市人民政府：\n一、总体要求\n全年工作顺利。\n\n国务院\n2024年3月1日', config: national },
      { text: '关于联合开展检查的通知\n一、总体要求\n全年工作顺利。\n\n国家发改委　国务院\n2024年3月1日', config: national },
      // The short name being introduced, and the full name given at once in brackets.
      { text: '国家发展改革委员会（以下简称“发改委”）牵头。', config: national },
      { text: '发改委（国家发展和改革委员会）牵头。', config: national },
      // A post or a meeting of the institution names a person or a session.
      { text: '国务院总理李克强作报告，国务院常务会议审议。', config: national },
      // The full name broken across a line, as text taken from a PDF has it.
      { text: '由国家发展和改革\n委员会牵头，发改委负责。', config: national },
      { text: '由国家发展和改革\r\n委员会牵头，发改委负责。', config: national },
      // A BOM before a 主送 line.
      { text: '\uFEFF主送：国务院\n现将有关情况报告如下。', config: national },
    ],
    invalid: [
      {
        // The body's own short name beside another's longer one: only the other one's first use is reported.
        text: '国务院国资委牵头，由国务院部署。',
        config: withTerms({ institutions: [STATE_COUNCIL, SASAC] }),
        errors: [
          { line: 1, column: 1, endColumn: 7, message: '应使用全称“国务院国有资产监督管理委员会”' },
          { line: 1, column: 11, endColumn: 14, message: '应使用全称“中华人民共和国国务院”' },
        ],
      },
      {
        // After a post, the next use of the name on its own is the first mention.
        text: '国务院总理李克强作报告。由国务院部署。',
        config: national,
        errors: [{ line: 1, column: 14, endColumn: 17, message: '“国务院”' }],
      },
    ],
  });

  it('cuts a line once, however many uses of a short name it holds', () => {
    let cuts = 0;
    const segmenter = { name: 'fake', cut: (p: string) => (cuts++, p.match(/开发|委托|[^]/g) ?? []) };
    const text = '开发改委托，'.repeat(50);
    const config = { ...DEFAULT_CONFIG, terms: { institutions: [NDRC] } };
    assert.deepEqual(lint(text, { config, only: ['banned-term'], segmenter: () => segmenter }), []);
    assert.equal(cuts, 1);
  });
});

describe('banned-term: terms.banned beside the shipped list', () => {
  testRule('banned-term', {
    valid: [
      // A term of spaces alone (a config built in code) is no term.
      { text: '加强 管理。', config: withTerms({ banned: [' ', { term: '  ' }] }) },
      { text: '加强 管理。', config: withTerms({ institutions: [{ full: '国家发展和改革委员会', short: [' '] }] }) },
    ],
    invalid: [
      {
        // In both lists, bare in the writer's: reported once, with the shipped correction.
        text: '北朝鲜问题。',
        config: withTerms({ banned: ['北朝鲜'] }),
        errors: [{ line: 1, column: 1, endColumn: 4, message: '应为“朝鲜”' }],
        output: '朝鲜问题。',
      },
      {
        // In both lists with the writer's replacement: reported once, with the writer's.
        text: '北朝鲜问题。',
        config: withTerms({ banned: [{ term: '北朝鲜', replacement: '朝鲜民主主义人民共和国' }] }),
        errors: [{ line: 1, column: 1, endColumn: 4, message: '（.gongwenrc.json 中配置）' }],
        output: '朝鲜民主主义人民共和国问题。',
      },
    ],
  });
});

describe('config: terms names and terms given twice', () => {
  it('rejects a full name given twice or after another institution took it as a short name', () => {
    const errs = configErrors({
      terms: {
        institutions: [{ full: '国家发展和改革委员会', short: ['发改委'] }, { full: '发改委' }, { full: '国家发展和改革委员会', short: ['国家发改委'] }],
      },
    });
    assert.match(errorAt(errs, 'terms.institutions[1].full').messageEn, /already given at "terms.institutions\[0\].short\[0\]"/);
    assert.match(errorAt(errs, 'terms.institutions[2].full').message, /已在 "terms.institutions\[0\].full" 中写过/);
    assert.equal(errs.length, 2);
  });

  it('rejects names, phrases and banned terms of spaces alone, and a replacement that is the term itself', () => {
    const errs = configErrors({
      terms: {
        banned: [' ', { term: '　' }, { term: '老百姓', replacement: '老百姓' }],
        institutions: [{ full: ' ', short: ['市发改委', '\t'] }],
        fixed: ['其它应收款', '  '],
      },
    });
    assert.match(errorAt(errs, 'terms.banned[0]').messageEn, /must not be spaces only/);
    assert.match(errorAt(errs, 'terms.banned[1].term').message, /不能只有空格/);
    assert.match(errorAt(errs, 'terms.banned[2].replacement').messageEn, /is the banned term itself/);
    assert.match(errorAt(errs, 'terms.institutions[0].full').messageEn, /must not be spaces only/);
    assert.match(errorAt(errs, 'terms.institutions[0].short[1]').messageEn, /must not be spaces only/);
    assert.match(errorAt(errs, 'terms.fixed[1]').messageEn, /must not be spaces only/);
    assert.equal(errs.length, 6);
  });
});

describe('terms: a configured line break matches a CRLF text', () => {
  it('keeps a fixed phrase across a CRLF line break silent', () => {
    const text = '执行其它费用\r\n核算办法。';
    const config = { ...DEFAULT_CONFIG, terms: { fixed: ['其它费用\n核算办法'] } };
    assert.equal(lint(text, { config: DEFAULT_CONFIG, only: ['usage'] }).length, 1);
    assert.deepEqual(lint(text, { config, only: ['usage'] }), []);
  });

  it('finds a banned term across a CRLF line break', () => {
    const text = '由市卫健\r\n委牵头。';
    const config = { ...DEFAULT_CONFIG, terms: { banned: [{ term: '市卫健\n委', replacement: '市卫生健康委' }] } };
    const found = lint(text, { config, only: ['banned-term'] });
    assert.deepEqual(
      found.map((p) => [p.start, p.end, p.fix?.edits[0].text]),
      [[1, 7, '市卫生健康委']],
    );
  });
});
