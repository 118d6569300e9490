import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, lint, LineIndex, type Segmenter } from '../../../src/core';
import { loadSegmenter } from '../../../src/engines/segmenters';
import fc from 'fast-check';
import { CN_NUMERALS_ONLY, REPEATED_HAN } from '../../../src/core/patterns';
import { candidatesOf } from '../../../src/core/rules/repeated-word';
import { problemsOf, testRule } from '../rule-tester';
import { corpusWritingSuite } from '../support/corpus-writing';

// With no provider, lint uses the built-in Intl.Segmenter (plus the report vocabulary): the weakest engine.
testRule('repeated-word', {
  valid: [
    '层层落实，人人参与，月月考核。',
    '我们要常常看看。',
    '一个个项目落地见效。',
    '组建区中医医院为龙头的区级中医医共体。',
    '传染病病例数下降。',
    '紧紧围绕高质量发展。',
    '加强传染病专病专防策略。',
    '二〇二二年以来，一一对应。',
    '为了了解情况。',
    '扎扎实实推进工作，方方面面都要兼顾。',
    '研究研究再说。',
    '要求求真务实。',
    'XX市市委召开会议。',
    '的确如此。',
    { text: '代码 `的的` 不查。\n\n```\n建设建设\n```\n', format: 'markdown' },
    { text: '卫生健康委的的工作。', config: { segmenter: 'off' } },
    // An allowed reduplication from the rule's options.
    { text: '抓抓落实。', config: { rules: { 'repeated-word': ['warning', { allow: ['抓抓'] }] } } },
  ],
  invalid: [
    {
      text: '卫生健康委的的工作。',
      errors: [{ line: 1, column: 6, endColumn: 8, severity: 'warning', message: '“的”重复', safe: true }],
      output: '卫生健康委的工作。',
    },
    {
      text: '一、总体要求\n全面推进党风廉政建设建设。',
      errors: [{ line: 2, column: 9, endColumn: 13, message: '删除多余的“建设”', safe: true }],
      output: '一、总体要求\n全面推进党风廉政建设。',
    },
    {
      text: '市第二人民医院建设项目项目土建已基本完工。',
      errors: [{ line: 1, column: 10, endColumn: 14, message: '“项目”重复' }],
      output: '市第二人民医院建设项目土建已基本完工。',
    },
    {
      text: '这是的的的错误。',
      errors: [{ line: 1, column: 3, endColumn: 6, message: '“的”重复了2次' }],
      output: '这是的错误。',
    },
    {
      text: '在在全市范围内推进推进工作，\r\n检查了了解决问题。',
      errors: [
        { line: 1, column: 1, endColumn: 3 },
        { line: 1, column: 8, endColumn: 12 },
        { line: 2, column: 3, endColumn: 5 },
      ],
      output: '在全市范围内推进工作，\r\n检查了解决问题。',
    },
    {
      text: '要加强管理加强管理。',
      errors: [{ line: 1, column: 2, endColumn: 10, message: '“加强管理”重复' }],
      output: '要加强管理。',
    },
    {
      text: '# 标题\n\n推进推进工作。\n',
      format: 'markdown',
      errors: [{ line: 3, column: 1, endColumn: 5 }],
      output: '# 标题\n\n推进工作。\n',
    },
  ],
});

/** The engines this machine has: every one must judge alike on these cases. */
function engines(): Segmenter[] {
  const found: Segmenter[] = [];
  for (const setting of ['nodejieba', 'rs-jieba', 'intl'] as const) {
    const seg = loadSegmenter(setting, [], () => {});
    if (seg && !found.some((s) => s.name === seg.name)) found.push(seg);
  }
  return found;
}

const CASES: Array<[string, string[]]> = [
  ['层层落实，人人参与，月月考核。我们要常常看看，一个个项目落地。', []],
  ['组建区中医医院为龙头的区级中医医共体，中医医疗机构。', []],
  ['传染病病例数下降，紧紧围绕高质量发展，加强传染病专病专防策略。', []],
  ['二〇二二年以来，为了了解情况，要求求真务实，XX市市委。', []],
  // 一A一A counts one by one, like 一个个: deleting a copy would change the sentence.
  ['干部一户一户走访，一步一步推进，一个一个落实，一村一村排查，一件一件办好。', []],
  ['卫生健康委的的工作。党风廉政建设建设。建设项目项目。', ['的的', '建设建设', '项目项目']],
  ['推进推进工作，在在全市，我们们的工作，加强管理加强管理。', ['推进推进', '在在', '们们', '加强管理加强管理']],
];

describe('repeated-word on every engine', function () {
  this.timeout(60000);
  for (const seg of engines()) {
    it(`${seg.name}: the same verdicts`, () => {
      for (const [text, want] of CASES) {
        const got = lint(text, { segmenter: () => seg, only: ['repeated-word'] }).map((p) => text.slice(p.start, p.end));
        assert.deepEqual(got, want, `${text} — ${seg.cut(text).join('/')}`);
      }
    });
  }
});

corpusWritingSuite('repeated-word', { fixes: true });

describe('corpus: repeated-word with each engine', function () {
  this.timeout(60000);
  const CORPUS = path.join(__dirname, '..', '..', 'fixtures', 'corpus');
  const expected = fs
    .readFileSync(path.join(CORPUS, 'expected-writing', 'repeated-word.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => !r.summary);
  for (const seg of engines()) {
    it(`${seg.name}: exactly the one real repetition (002 line 34, 建设项目项目), and its fix`, () => {
      const got: string[] = [];
      for (const file of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()) {
        const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
        const lines = new LineIndex(text);
        const problems = lint(text, { segmenter: () => seg, only: ['repeated-word'] });
        for (const p of problems) {
          const s = lines.lineColumn(p.start);
          got.push(`${file}:${s.line}:${s.column}-${lines.lineColumn(p.end).column} ${text.slice(p.start, p.end)}`);
        }
        const fixed = applyEdits(text, problems.flatMap((p) => p.fix!.edits)).output;
        assert.deepEqual(lint(fixed, { segmenter: () => seg, only: ['repeated-word'] }), []);
      }
      assert.deepEqual(got, expected.map((r) => `${r.file}:${r.line}:${r.col}-${r.endCol} ${r.text}`));
    });
  }
});

describe('repeated-word on a line of one character typed over and over', () => {
  // 字字 is a normal 叠词, so every offset of the line starts an allowed span: checking each candidate against
  // each span was quadratic and took minutes here; now each candidate looks up only the substrings around it.
  it('reports the run once, from its first extra copy, within the default timeout', () => {
    const text = `推进${'字'.repeat(40000)}工作。`;
    const problems = lint(text, { only: ['repeated-word'] });
    assert.deepEqual(
      problems.map((p) => [p.start, p.end, p.message]),
      [[2, 40002, '“字字”重复了19999次：删除多余的“字字”（写作惯例）']],
    );
  });
});

describe('repeated-word candidates (the in-place scan)', () => {
  /** The definition: at every offset, each length 1–8 that REPEATED_HAN matches whole there. */
  function byPattern(line: string): Array<{ start: number; unit: number }> {
    const whole = new RegExp(`^${REPEATED_HAN.source}$`);
    const found: Array<{ start: number; unit: number }> = [];
    for (let i = 0; i < line.length; i++) {
      for (let unit = 1; unit <= 8 && i + 2 * unit <= line.length; unit++) {
        if (whole.test(line.slice(i, i + 2 * unit)) && line.slice(i, i + unit) === line.slice(i + unit, i + 2 * unit) && !CN_NUMERALS_ONLY.test(line.slice(i, i + unit))) found.push({ start: i, unit });
      }
    }
    return found;
  }

  it('finds exactly what the pattern finds, on any line and at any offset (fast-check)', () => {
    const piece = fc.constantFrom('的', '建设', '项目', '一', '二', '层层', 'ab', '1', '，', ' ', '𠀀', '\ud840', '豈', '㐀', '〇');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.string({ maxLength: 3 }), (parts, prefix) => {
        const line = parts.join('');
        const text = `${prefix}${line}\n`;
        assert.deepEqual(candidatesOf(text, prefix.length, prefix.length + line.length), byPattern(line));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('repeated-word with unusual allow lists', () => {
  const text = `${'推进工作的的落实，'.repeat(200)}\n`; // 1,800 characters, 200 的的
  const found = (allow: string[]) => problemsOf('repeated-word', text, 'text', { rules: { 'repeated-word': ['warning', { allow }] } }).length;

  it('takes an allow list of 200,000 entries (the longest was found by spreading them into Math.max)', () => {
    const allow = Array.from({ length: 200000 }, (_, i) => `词${i}`);
    assert.equal(found(allow), 200);
  });

  it('finds a long allow entry around a candidate, and is not slowed by its length', () => {
    const long = '推进工作的的落实，'.repeat(600); // 5,400 characters: the line holds it only partly
    assert.equal(found([long]), 200);
    assert.equal(found(['作的的落']), 0);
    // Found at each of the first 198 repetitions, it covers the 的的 of 199 of them: only the last is left.
    assert.equal(found([`${'推进工作的的落实，'.repeat(2)}推进`]), 1);
  });
});
