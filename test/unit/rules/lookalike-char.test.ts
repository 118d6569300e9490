import assert from 'node:assert/strict';
import { fixAll, lint, parse } from '../../../src/core';
import { problemsOf, testRule } from '../rule-tester';

const only = { only: ['lookalike-char'] };

testRule('lookalike-char', {
  valid: [
    // The ideographic space, full-width punctuation, 〇, · and — are right in a 公文.
    '\u3000\u3000我们坚持稳中求进，全面推进“十四五”规划：一是……；二是（略）。',
    '二〇二五年三月·第一季度——总结',
    // Full-width ％ is left alone (digits and letters only); half-width text is already standard.
    '增长5％，GDP达到1.5万亿元，5G基站。',
    // A section marker's digits are numbering-style's; a blank to fill in is the placeholder rule's.
    '（１）加强组织领导\n１．完善制度',
    'ＸＸ市卫健委\nｘｘｘｘ年',
    // ZWJ inside an emoji sequence, ZWNJ in a Persian word: they join.
    '家庭👨\u200D👩\u200D👧，می\u200Cخواهم',
    // A full-width stop that is no decimal point.
    '共分三类．其中一类',
    // A byte-order mark left at the very start is no part of the text.
    '\uFEFF一、总体要求',
    // Markdown code is not prose.
    { text: '正文\n\n```\n⼯作\u200B\n```\n\n见 `２０２５`。', format: 'markdown' },
  ],
  invalid: [
    {
      // A PDF-extracted heading: ⼀ (U+2F00) and ⼯ (U+2F2F) are Kangxi radicals.
      text: '⼀、2024年⼯作回顾',
      errors: [
        { line: 1, column: 1, endColumn: 2, severity: 'warning', message: '“⼀”含康熙部首等形近字符，应为“一”', safe: true },
        { line: 1, column: 8, endColumn: 9, message: '“⼯”含康熙部首等形近字符，应为“工”', safe: true },
      ],
      output: '一、2024年工作回顾',
    },
    { text: '推动经济⾼质量发展', errors: [{ line: 1, column: 5, endColumn: 6, message: '应为“高”', safe: true }], output: '推动经济高质量发展' },
    {
      // One problem per maximal run: ⼯⾏ together.
      text: '中国⼯⾏，⼈⺠⻓江⻔',
      errors: [
        { line: 1, column: 3, endColumn: 5, message: '“⼯⾏”含康熙部首等形近字符，应为“工行”' },
        { line: 1, column: 6, endColumn: 9, message: '含康熙部首、部首补充区字符等形近字符，应为“人民长”' },
        { line: 1, column: 10, endColumn: 11, message: '“⻔”含部首补充区字符等形近字符，应为“门”' },
      ],
      output: '中国工行，人民长江门',
    },
    { text: '高质\u200B量', errors: [{ line: 1, column: 3, endColumn: 4, message: '不可见的零宽空格（U+200B），应删除', safe: true }], output: '高质量' },
    {
      text: '２０２５年ＧＤＰ增长５％',
      errors: [
        { line: 1, column: 1, endColumn: 5, message: '“２０２５”为全角数字，应为半角“2025”（GB/T 15835-2011）', safe: true },
        { line: 1, column: 6, endColumn: 9, message: '“ＧＤＰ”为全角字母，应为半角“GDP”（写作惯例）', safe: true },
        { line: 1, column: 11, endColumn: 12, message: '“５”为全角数字' },
      ],
      output: '2025年GDP增长5％',
    },
    // A web copy of a 政府工作报告: full-width digits in a heading's title (not its marker) and in a dateline.
    {
      // The news agency's dateline on its own line is the republishing page's furniture (not judged); the report's is.
      text: '\u3000\u3000一、１９９４年国内工作的回顾\n新华社北京２００８年３月１９日电\n全年国内生产总值４３８００亿元。',
      errors: [
        { line: 1, column: 5, endColumn: 9, message: '“１９９４”为全角数字' },
        { line: 3, column: 9, endColumn: 14 },
      ],
      output: '\u3000\u3000一、1994年国内工作的回顾\n新华社北京２００８年３月１９日电\n全年国内生产总值43800亿元。',
    },
    { text: '建成５Ｇ基站', errors: [{ line: 1, column: 3, endColumn: 5, message: '全角数字和字母，应为半角“5G”' }], output: '建成5G基站' },
    // GB/T 9704-2012 §7.2.5 writes the document number `〔2024〕5号`.
    {
      text: '卫发〔２０２４〕５号',
      errors: [
        { line: 1, column: 4, endColumn: 8 },
        { line: 1, column: 9, endColumn: 10 },
      ],
      output: '卫发〔2024〕5号',
    },
    // `．` between full-width digits is their decimal point; after the last digit it is punctuation.
    {
      text: '增长１．５倍，第３．',
      errors: [
        { line: 1, column: 3, endColumn: 6, message: '应为半角“1.5”' },
        { line: 1, column: 9, endColumn: 10 },
      ],
      output: '增长1.5倍，第3．',
    },
    // Ｘ光 is an allowed term, not a placeholder: its letter is reported.
    { text: '开展Ｘ光检查', errors: [{ line: 1, column: 3, endColumn: 4 }], output: '开展X光检查' },
    {
      // An invisible character inside a run of look-alikes is part of the run, shown by its code point.
      text: '⼯\u200B⾏',
      errors: [{ line: 1, column: 1, endColumn: 4, message: '“⼯[U+200B]⾏”含康熙部首、不可见字符等形近字符，应为“工行”' }],
      output: '工行',
    },
    {
      text: '软\u00ADhyphen，字\u2060连，零\uFEFF宽，控\u0001制，人\u200C民',
      errors: [
        { line: 1, column: 2, endColumn: 3, message: '软连字符（U+00AD）' },
        { line: 1, column: 11, endColumn: 12, message: '字连接符（U+2060）' },
        { line: 1, column: 15, endColumn: 16, message: '零宽不换行空格（U+FEFF）' },
        { line: 1, column: 19, endColumn: 20, message: '控制字符（U+0001）' },
        { line: 1, column: 23, endColumn: 24, message: '零宽不连字（U+200C）' },
      ],
      output: '软hyphen，字连，零宽，控制，人民',
    },
    {
      // A form feed starting a page's first line (pdftotext) goes safely; inside a line it stands between two lines.
      text: '第一页末尾。\n\f第二页开头\f第三页',
      errors: [
        { line: 2, column: 1, endColumn: 2, message: '换页符（U+000C）', safe: true },
        { line: 2, column: 7, endColumn: 8, safe: false },
      ],
      output: '第一页末尾。\n第二页开头第三页',
    },
    // A compatibility ideograph: the code point tells it from its canonical form; a surrogate pair (U+2F800) counts two.
    { text: '金\uF90A属', errors: [{ line: 1, column: 2, endColumn: 3, message: '兼容区汉字 U+F90A' }], output: '金金属' },
    { text: '美\u{2F800}', errors: [{ line: 1, column: 2, endColumn: 4, message: '应为“丽”' }], output: '美丽' },
    { text: '一、概况\r\n\u200B二、任务', errors: [{ line: 2, column: 1, endColumn: 2 }], output: '一、概况\r\n二、任务' },
    {
      text: '# ⼯作总结\n\n正文⾼质量，见 `⼯`。',
      format: 'markdown',
      errors: [
        { line: 1, column: 3, endColumn: 4 },
        { line: 3, column: 3, endColumn: 4 },
      ],
    },
  ],
});

describe('lookalike-char on PDF-extracted text', () => {
  const pdf = ['关于2024年⼯作总结的报告', '⼀、2024年⼯作回顾', '（⼀）推动经济⾼质量发展', '全年地区⽣产总值增长５．２％，⼈⺠⽣活持续改善。'].join('\n');

  it('fix-all of the rule restores the standard characters, so the headings are recognised', () => {
    assert.deepEqual(
      parse(pdf).headings.map((h) => h.marker),
      [],
    );
    const { output, passes } = fixAll(pdf, only);
    assert.equal(
      output,
      ['关于2024年工作总结的报告', '一、2024年工作回顾', '（一）推动经济高质量发展', '全年地区生产总值增长5.2％，人民生活持续改善。'].join('\n'),
    );
    assert.equal(passes, 1);
    assert.deepEqual(
      parse(output).headings.map((h) => [h.level, h.marker, h.title]),
      [
        [1, '一、', '2024年工作回顾'],
        [2, '（一）', '推动经济高质量发展'],
      ],
    );
    assert.deepEqual(lint(output, only), []);
  });

  it('every problem of the document is safe, one per run', () => {
    const found = problemsOf('lookalike-char', pdf);
    assert.deepEqual(
      found.map((p) => `${p.line}:${p.column}-${p.endColumn} ${p.fix?.edits[0].text}`),
      ['1:8-9 工', '2:1-2 一', '2:8-9 工', '3:2-3 一', '3:8-9 高', '4:5-6 生', '4:11-14 5.2', '4:16-19 人民生'],
    );
    assert.ok(found.every((p) => p.fix?.safe));
  });
});

describe('lookalike-char character ranges', () => {
  const flagged = (text: string) => lint(text, only);

  it('maps all 214 Kangxi radicals to the ideograph NFKC gives', () => {
    const radicals = Array.from({ length: 0x2fd5 - 0x2f00 + 1 }, (_, k) => String.fromCodePoint(0x2f00 + k));
    const text = radicals.join('中');
    assert.equal(flagged(text).length, 214);
    assert.equal(fixAll(text, only).output, radicals.map((r) => r.normalize('NFKC')).join('中'));
    assert.ok(radicals.every((r) => /^\p{sc=Han}$/u.test(r.normalize('NFKC'))));
  });

  it('maps the radicals supplement by the Unicode equivalents, skipping those without a BMP ideograph', () => {
    const cases: Array<[string, string]> = [
      ['⺠', '民'],
      ['⻓', '长'],
      ['⻔', '门'],
      ['⻅', '见'],
      ['⻢', '马'],
      ['⺟', '母'],
      ['⻳', '龟'],
      ['⻆', '角'],
      ['⺮', ''],
      ['⺇', ''],
      ['\u2E80', ''],
      ['\u2E9A', ''],
    ];
    for (const [radical, standard] of cases) {
      const found = flagged(`中${radical}文`);
      assert.equal(found.length, standard ? 1 : 0, radical);
      if (standard) assert.equal(found[0].fix!.edits[0].text, standard, radical);
    }
    // Where NFKC maps a supplement radical, the table agrees with it.
    for (let cp = 0x2e80; cp <= 0x2ef3; cp++) {
      const ch = String.fromCodePoint(cp);
      const nfkc = ch.normalize('NFKC');
      if (nfkc !== ch) assert.equal(fixAll(ch + '文', only).output, nfkc + '文');
    }
  });

  it('maps compatibility ideographs to their canonical form and leaves the unified ones of the block', () => {
    for (let cp = 0xf900; cp <= 0xfaff; cp++) {
      const ch = String.fromCodePoint(cp);
      const found = flagged(`中${ch}文`);
      assert.equal(found.length, ch.normalize('NFC') === ch ? 0 : 1, cp.toString(16));
    }
    assert.deepEqual(flagged('﨎﨏﨑﨓﨔'), []);
  });

  it('flags every full-width digit and letter, and nothing else of the full-width forms block', () => {
    const digitsAndLetters = '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ';
    assert.equal(fixAll(digitsAndLetters, only).output, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    const others = Array.from({ length: 0xffef - 0xff01 + 1 }, (_, k) => String.fromCodePoint(0xff01 + k))
      .filter((c) => !/[０-９Ａ-Ｚａ-ｚ]/.test(c))
      .join('');
    assert.deepEqual(flagged(others), []);
  });

  it('flags no BMP character outside its explicit ranges', () => {
    const inRanges = (cp: number) =>
      (cp >= 0x2e80 && cp <= 0x2ef3) ||
      (cp >= 0x2f00 && cp <= 0x2fd5) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0x200b && cp <= 0x200d) ||
      cp === 0x2060 ||
      cp === 0xfeff ||
      cp === 0x00ad ||
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      (cp >= 0xff10 && cp <= 0xff19) ||
      (cp >= 0xff21 && cp <= 0xff3a) ||
      (cp >= 0xff41 && cp <= 0xff5a);
    let text = '';
    for (let cp = 0x20; cp <= 0xffff; cp++) if (!inRanges(cp) && (cp < 0xd800 || cp > 0xdfff)) text += String.fromCharCode(cp);
    assert.deepEqual(
      flagged(text).map((p) => p.message),
      [],
    );
    // Tab, line feed and carriage return are text.
    assert.deepEqual(flagged('甲\t乙\n丙\r丁\r\n戊'), []);
  });

  it('flags each C0 and C1 control other than tab, LF and CR', () => {
    const controls = [...range(0x00, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f), ...range(0x7f, 0x9f)];
    for (const cp of controls) assert.equal(flagged(`中${String.fromCharCode(cp)}文`).length, 1, cp.toString(16));
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
