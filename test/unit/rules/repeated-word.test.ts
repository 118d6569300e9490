import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, fixAll, lint, LineIndex, type Segmenter } from '../../../src/core';
import { loadSegmenter } from '../../../src/engines/segmenters';
import fc from 'fast-check';
import { CN_NUMERALS_ONLY, REPEATED_HAN } from '../../../src/core/structure/patterns';
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
    // Real 政府工作报告 text: names, distributive reduplication and a word ending where the next begins.
    '国产C919大型客机总装下线，屠呦呦获得诺贝尔生理学或医学奖。',
    '力争第二外国语学校、飞西学校、田田学校等6所学校动工建设。',
    '各项工作实现“月月有精彩、季季有突破”，经济社会发展呈现出良好态势。',
    '历史性实现“市市通高铁”，建成赣深高铁。',
    '确保“任务清单”事事有着落、件件有回音、桩桩见成效。',
    '开辟“仓仓分拨”等进口便捷通道。',
    '加快广湛、广汕汕、深江、深汕、梅龙等高铁建设。',
    '加快罗湖北站站城一体化及上盖物业开发。',
    // Emphasis and counting one by one.
    '撸起袖子加油干、实干实干再实干。',
    '做好全年工作，关键在于落实落实再落实。',
    '细颗粒物治理要一个微克一个微克压降。',
    '我们来不及停下喘口气、拍打拍打身上的尘土。',
    { text: '代码 `的的` 不查。\n\n```\n建设建设\n```\n', format: 'markdown' },
    { text: '卫生健康委的的工作。', config: { segmenter: 'off' } },
    // An allowed reduplication from the rule's options.
    { text: '抓抓落实。', config: { rules: { 'repeated-word': ['warning', { allow: ['抓抓'] }] } } },
  ],
  invalid: [
    {
      text: '卫生健康委的的工作。',
      // Deleting a copy is a suggestion, never applied unreviewed: the segmenter can be wrong about where a word ends.
      errors: [{ line: 1, column: 6, endColumn: 8, severity: 'warning', message: '“的”重复', safe: false }],
      output: '卫生健康委的工作。',
    },
    {
      text: '一、总体要求\n全面推进党风廉政建设建设。',
      errors: [{ line: 2, column: 9, endColumn: 13, message: '删除多余的“建设”', safe: false }],
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
      // 宝安区 report: a preposition doubled.
      text: '依托公立医院、社康中心为为户籍残疾人提供免费康复服务。',
      errors: [{ line: 1, column: 12, endColumn: 14, message: '“为”重复' }],
      output: '依托公立医院、社康中心为户籍残疾人提供免费康复服务。',
    },
    {
      text: '全面提高提高城市管理治理能力和水平。',
      errors: [{ line: 1, column: 3, endColumn: 7, message: '“提高”重复' }],
      output: '全面提高城市管理治理能力和水平。',
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

// Real report text: a repeat that straddles a word boundary is none, and a hard wrap is read across.
describe('repeated-word at word boundaries and hard wraps', () => {
  testRule('repeated-word', {
    valid: [
      // 安全/全链条: the fix deleted a 全 and gave 安全链条监管.
      '围绕“菜篮子”“米袋子”，强化食品药品安全全链条监管，守牢安全底线。',
      // 首都/都市圈 over a PDF's hard wrap: the join shows the boundary, so nothing is flagged on either line.
      '深入推进京津冀协同发展，加快建设现代化首都\n都市圈，推动交通一体化取得新突破。',
      '深入推进京津冀协同发展，加快建设现代化首都都\n市圈，推动交通一体化取得新突破。',
      '深入推进京津冀协同发展，加快建设现代化首都都\r\n市圈，推动交通一体化取得新突破。',
      // From the real-text set: 周周 is a reduplication (weekly), 水水 a transport term, and a 政府工作报告 titled by
      // its issuer begins with the 政府 its issuer ends with.
      '持续开展“创投天府·周周见”投资路演活动，提高全省创业投资活跃度。',
      '开展平盐铁路总规和详规编制，提升海铁、水水等多式联运比例，推动“公转水”“公转铁”和铁水、水水联运。',
      '綦江县人民政府政府工作报告',
      // A heading's title, or a short line, is not wrapped into the next line.
      '一、加强管理\n管理制度进一步健全，责任链条全面压实。',
      '建设项目\n项目负责人对工程质量负总责。',
    ],
    invalid: [
      {
        text: '市第二人民医院新院区建设项目\n项目土建已基本完工。',
        errors: [{ line: 1, column: 13, endColumn: 3, message: '“项目”重复', safe: false }],
        output: '市第二人民医院新院区建设项目\n土建已基本完工。',
      },
      {
        text: '市第二人民医院新院区建设项目项\n目土建已基本完工。',
        errors: [{ line: 1, column: 13, endColumn: 2, message: '“项目”重复', safe: false }],
        output: '市第二人民医院新院区建设项目\n土建已基本完工。',
      },
    ],
  });

  it('a repetition across a wrap spans the break; its fix deletes the copy, never the break', () => {
    const across = '市第二人民医院新院区建设项目\n项目土建已基本完工。';
    assert.deepEqual(
      lint(across, { only: ['repeated-word'] }).map((p) => [p.start, p.end, p.fix]),
      [[12, 17, { safe: false, edits: [{ start: 15, end: 17, text: '' }], title: '删除重复的“项目”', titleEn: 'Delete the repeated "项目"' }]],
    );
    const split = '市第二人民医院新院区建设项目项\n目土建已基本完工。';
    assert.deepEqual(
      lint(split, { only: ['repeated-word'] }).map((p) => [p.start, p.end, p.fix!.edits]),
      [
        [
          12,
          17,
          [
            { start: 14, end: 15, text: '' },
            { start: 16, end: 17, text: '' },
          ],
        ],
      ],
    );
  });

  it('reads a text wrapped throughout in paragraphs of bounded length, within the default timeout', () => {
    // Every break here is a wrap, so the whole text was once one paragraph of 600,000 characters: minutes.
    const text = '加快建设现代化首都都市圈推进交通一体化取得新突破的的工作\n'.repeat(20000);
    const problems = lint(text, { only: ['repeated-word'] });
    assert.equal(problems.length, 20000);
    assert.ok(problems.every((p) => text.slice(p.start, p.end) === '的的'));
  });

  it('offers no safe fix at all: --fix leaves every repetition to the writer', () => {
    const text = '卫生健康委的的工作。\n市第二人民医院建设项目项目土建已基本完工。';
    assert.ok(lint(text, { only: ['repeated-word'] }).length === 2);
    assert.equal(fixAll(text, { only: ['repeated-word'] }).output, text);
  });
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
  // 我们/们: a single character ending a longer word is no repetition (it may begin the next word, as in 安全/全链条).
  ['推进推进工作，在在全市，我们们的工作，加强管理加强管理。', ['推进推进', '在在', '加强管理加强管理']],
  // 安全/全/链条: the second 全 begins 全链条; deleting it gave 安全链条监管.
  ['围绕“菜篮子”“米袋子”，强化食品药品安全全链条监管，守牢安全底线。', []],
  // A PDF's hard wrap: judged on the joined text, 首都/都市/圈 holds no repetition on either side of the break.
  ['深入推进京津冀协同发展，加快建设现代化首都\n都市圈，推动交通一体化取得新突破。', []],
  ['深入推进京津冀协同发展，加快建设现代化首都都\n市圈，推动交通一体化取得新突破。', []],
  // The same word on both sides of a hard wrap is a repetition.
  ['市第二人民医院新院区建设项目\n项目土建已基本完工。', ['项目\n项目']],
  // After a heading, or a line too short to have been wrapped, the next line starts afresh.
  ['一、加强管理\n管理制度进一步健全，责任链条全面压实。', []],
  ['建设项目\n项目负责人对工程质量负总责。', []],
  // Real 政府工作报告 text: a name, distributive reduplication, emphasis, counting one by one, and names of lines
  // (广汕 + 汕汕); only the doubled preposition is a slip.
  ['国产C919大型客机总装下线，屠呦呦获得诺贝尔生理学或医学奖。', []],
  ['各项工作实现“月月有精彩、季季有突破”，开辟“仓仓分拨”等进口便捷通道。', []],
  ['撸起袖子加油干、实干实干再实干，细颗粒物治理要一个微克一个微克压降。', []],
  ['加快广湛、广汕汕、深江、深汕、梅龙等高铁建设，加快罗湖北站站城一体化。', []],
  ['依托公立医院、社康中心为为户籍残疾人提供免费康复服务。', ['为为']],
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
      for (const file of fs
        .readdirSync(CORPUS)
        .filter((f) => f.endsWith('.txt'))
        .sort()) {
        const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
        const lines = new LineIndex(text);
        const problems = lint(text, { segmenter: () => seg, only: ['repeated-word'] });
        for (const p of problems) {
          const s = lines.lineColumn(p.start);
          got.push(`${file}:${s.line}:${s.column}-${lines.lineColumn(p.end).column} ${text.slice(p.start, p.end)}`);
        }
        const fixed = applyEdits(
          text,
          problems.flatMap((p) => p.fix!.edits),
        ).output;
        assert.deepEqual(lint(fixed, { segmenter: () => seg, only: ['repeated-word'] }), []);
      }
      assert.deepEqual(
        got,
        expected.map((r) => `${r.file}:${r.line}:${r.col}-${r.endCol} ${r.text}`),
      );
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
        if (
          whole.test(line.slice(i, i + 2 * unit)) &&
          line.slice(i, i + unit) === line.slice(i + unit, i + 2 * unit) &&
          !CN_NUMERALS_ONLY.test(line.slice(i, i + unit))
        )
          found.push({ start: i, unit });
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
