import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint, LineIndex, type Segmenter } from '../../../src/core';
import { loadSegmenter } from '../../../src/engines/segmenters';
import { testRule } from '../rule-tester';

const EIGHT = [
  '推进医疗改革落地见效',
  '推进分级诊疗制度建设',
  '推进公立医院综合改革',
  '推进家庭医生签约服务',
  '推进基层卫生人才培养',
  '推进中医药传承创新',
  '推进全民健康信息化',
  '推进爱国卫生运动开展',
];
/** A subsection of ~80 ideographs with 推进 eight times. */
const body = (n: number) => EIGHT.slice(0, n).join('，') + '。';
const section = (title: string, n = 8) => `一、总体要求\n${title}。${body(n)}\n`;

testRule('overused-word', {
  valid: [
    // Four per section: under the minimum, wherever the rest of the document uses it.
    `一、总体要求\n（一）甲方面。${body(4)}\n（二）乙方面。${EIGHT.slice(4).join('，')}。\n`,
    // The density part of the limit: one use per 5 ideographs would allow 16.
    { text: section('（一）加强组织领导'), config: { rules: { 'overused-word': ['info', { charsPerUse: 5 }] } } },
    { text: section('（一）加强组织领导'), config: { rules: { 'overused-word': ['info', { minCount: 9 }] } } },
    { text: section('（一）加强组织领导'), config: { rules: { 'overused-word': ['info', { allow: ['推进'] }] } } },
    // The heading's own word is the section's topic: it needs twice the limit (10 here; 8 + the heading's = 9).
    section('（一）推进医疗卫生事业发展'),
    // Function words, numerals and units never count.
    '一、总体要求\n（一）组织领导。我们要求我们，我们希望我们，我们相信我们，一是一是一是一是一是，万元万元万元万元万元。\n',
    { text: `# 标题\n\n一、总体要求\n\n\`\`\`\n${body(8)}\n\`\`\`\n`, format: 'markdown' },
    { text: section('（一）加强组织领导'), config: { segmenter: 'off' } },
  ],
  invalid: [
    {
      text: section('（一）加强组织领导'),
      errors: [{ line: 2, column: 11, endColumn: 13, severity: 'info', message: '“推进”在本节“（一）加强组织领导”（85字）中用了8次（按篇幅5次即偏多）' }],
    },
    {
      // Not yet twice the limit (9 < 10), then over it (11).
      text: `一、总体要求\n（一）推进医疗卫生事业发展。${body(8)}推进落实，推进见效。\n`,
      errors: [{ line: 2, column: 4, endColumn: 6, message: '用了11次（按篇幅10次即偏多）' }],
    },
    {
      // A document without headings is one section; the limit grows with its length (here still the minimum).
      text: `关于工作的报告\n${body(6)}\n`,
      errors: [{ line: 2, column: 1, endColumn: 3, message: '“推进”在本节“关于工作的报告”' }],
    },
    {
      text: section('（一）加强组织领导'),
      config: { rules: { 'overused-word': ['info', { minCount: 8 }] } },
      errors: [{ line: 2, column: 11 }],
    },
    {
      // Two words in one section: one problem each, at each word's first occurrence.
      text: `一、总体要求\n（一）甲。${body(8)}改革改革，改革深化，改革攻坚，改革创新。\n`,
      errors: [
        { line: 2, column: 6, message: '“推进”' },
        { line: 2, column: 10, message: '“改革”' },
      ],
    },
  ],
});

function engines(): Segmenter[] {
  const found: Segmenter[] = [];
  for (const setting of ['nodejieba', 'rs-jieba', 'intl'] as const) {
    const seg = loadSegmenter(setting, [], () => {});
    if (seg && !found.some((s) => s.name === seg.name)) found.push(seg);
  }
  return found;
}

describe('overused-word on every engine', function () {
  this.timeout(60000);
  for (const seg of engines()) {
    it(`${seg.name}: 推进 eight times in a subsection, and the lazy provider`, () => {
      const text = section('（一）加强组织领导');
      const got = lint(text, { segmenter: () => seg, only: ['overused-word'] }).map((p) => [p.start, p.end, text.slice(p.start, p.end)]);
      assert.deepEqual(got, [[17, 19, '推进']]);
      let calls = 0;
      // Nothing repeats five times: the character-pair count rules it out before any segmentation.
      assert.deepEqual(lint(section('（一）加强组织领导', 4), { segmenter: () => (calls++, seg), only: ['overused-word'] }), []);
      assert.equal(calls, 0);
    });
  }
});

describe('corpus: overused-word, reviewed by hand (jieba engines)', function () {
  this.timeout(60000);
  const CORPUS = path.join(__dirname, '..', '..', 'fixtures', 'corpus');
  const records = fs
    .readFileSync(path.join(CORPUS, 'expected-writing', 'overused-word.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const files = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort();

  it('has a summary for every report', () =>
    assert.deepEqual(
      records.filter((r) => r.summary).map((r) => r.file),
      files,
    ));

  // Intl.Segmenter cuts words differently (医院 of 人民医院, 人才 of 人才队伍), so its counts differ: the record is
  // for the dictionary engines, which agree.
  for (const seg of engines().filter((s) => s.name !== 'intl')) {
    it(`${seg.name}: exactly the reviewed problems, with their counts`, () => {
      for (const file of files) {
        const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
        const lines = new LineIndex(text);
        const problems = lint(text, { segmenter: () => seg, only: ['overused-word'] });
        const got = problems.map((p) => {
          const s = lines.lineColumn(p.start);
          return `${s.line}:${s.column}-${lines.lineColumn(p.end).column} ${text.slice(p.start, p.end)} ${/用了(\d+)次/.exec(p.message)![1]} ${p.severity}`;
        });
        const want = records.filter((r) => r.file === file && !r.summary);
        assert.deepEqual(
          got,
          want.map((r) => `${r.line}:${r.col}-${r.endCol} ${r.text} ${r.count} info`),
          file,
        );
        assert.equal(records.find((r) => r.file === file && r.summary).problems, want.length);
        assert.ok(problems.every((p) => p.fix === undefined && p.messageEn.includes(`used ${/用了(\d+)次/.exec(p.message)![1]} times`)));
      }
    });
  }
});

describe('overused-word with a segmenter that reuses one array for every paragraph', () => {
  // Content words are remembered per cut array; an engine may hand back the same array refilled, so the
  // remembered words must belong to the paragraph asked about.
  it('judges each paragraph by its own words', () => {
    const shared: string[] = [];
    const seg: Segmenter = {
      name: 'reusing',
      cut: (p) => {
        shared.length = 0;
        for (const m of p.matchAll(/推进|落实|[^推落]|推|落/g)) shared.push(m[0]);
        return shared;
      },
    };
    const text = `一、总体要求\n（一）甲。${'落实工作，'.repeat(8)}\n（二）乙。${'推进工作，'.repeat(8)}\n`;
    const got = lint(text, { segmenter: () => seg, only: ['overused-word'] }).map((p) => [text.slice(p.start, p.end), /“(.+?)”/.exec(p.message)![1]]);
    assert.deepEqual(got, [
      ['落实', '落实'],
      ['推进', '推进'],
    ]);
  });
});

describe('overused-word counting words it has never met, thousands in one section', () => {
  // Words get numbers as they are met, and the counts live in arrays that grow: a word numbered past the arrays'
  // end while its section is being counted must still be counted.
  it('counts a word first met after thousands of new ones', () => {
    const pair = (i: number) => String.fromCharCode(0x6000 + Math.floor(i / 64), 0x6800 + (i % 64));
    const fresh = Array.from({ length: 3000 }, (_, i) => pair(i));
    const word = '蓬勃';
    const text = `一、总体要求\n${fresh.join('')}${word.repeat(200)}。\n`;
    const twoByTwo: Segmenter = { name: 'pairs', cut: (p) => p.match(/[\s\S]{1,2}/g) ?? [] };
    const got = lint(text, { segmenter: () => twoByTwo, only: ['overused-word'] }).map((p) => [text.slice(p.start, p.end), /用了(\d+)次/.exec(p.message)![1]]);
    assert.deepEqual(got, [[word, '200']]);
  });

  it('keeps the counts of pairs met before the pair table grew', () => {
    // 83,605 ideographs with the heading's: the limit is 1,673 uses. 蓬勃 reaches it only if its 900 uses before
    // 40,000 new pairs still count after them: that many pairs outgrow any table kept from an earlier lint, so the
    // table grows in between.
    const pair = (i: number) => String.fromCharCode(0x6000 + Math.floor(i / 64), 0x6800 + (i % 64));
    const fresh = Array.from({ length: 40_000 }, (_, i) => pair(i)).join('');
    const word = '蓬勃';
    const text = `一、总体要求\n${word.repeat(900)}${fresh}${word.repeat(900)}。\n`;
    const twoByTwo: Segmenter = { name: 'pairs', cut: (p) => p.match(/[\s\S]{1,2}/g) ?? [] };
    const got = lint(text, { segmenter: () => twoByTwo, only: ['overused-word'] }).map((p) => /用了(\d+)次（按篇幅(\d+)次/.exec(p.message)!.slice(1));
    assert.deepEqual(got, [['1800', '1673']]);
  });
});

describe('overused-word on a long section', () => {
  // The pair counts live in one table reused from lint to lint. Sized up front by the section's length, a report of
  // 700,000 characters without headings (one section) left 24 MB of typed arrays behind for the life of the process.
  it('keeps a table the size of the pairs it met, not of the section', () => {
    const corpus = fs.readFileSync(path.join(__dirname, '../../fixtures/corpus/002_3cbf79e9d602b8eb.txt'), 'utf8');
    const prose = corpus
      .split('\n')
      .filter((l) => !/^\s*(?:[一二三四五六七八九十]+、|[（(]|\d)/.test(l))
      .join('\n');
    const text = `关于工作的报告\n${prose.repeat(Math.ceil(700_000 / prose.length))}`;
    const before = process.memoryUsage().arrayBuffers;
    lint(text, { only: ['overused-word'] });
    const grown = process.memoryUsage().arrayBuffers - before;
    assert.ok(grown < 8 * 2 ** 20, `typed arrays grew by ${(grown / 2 ** 20).toFixed(1)} MB`);
  });
});
