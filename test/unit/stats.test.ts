import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { countZishu, outline, parse, stats, statsOfRange, type SectionStats } from '../../src/core';
import { ProseCounts } from '../../src/core/structure/counts';
import { codePointLength } from '../../src/core/text/lines';
import { countHan, printedLines, widthOf } from '../../src/core/structure/stats';
import { main } from '../../src/cli/main';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const F002 = path.join(CORPUS, '002_3cbf79e9d602b8eb.txt');
const F004 = path.join(CORPUS, '004_503d8dbb8d0f1449.txt');
const load = (f: string) => parse(fs.readFileSync(f, 'utf8'), 'text');
const flatten = (s: SectionStats[]): SectionStats[] => s.flatMap((x) => [x, ...flatten(x.sections)]);
const counts = (x: { zishu: number; han: number; paragraphs: number; pages: number }) => [x.zishu, x.han, x.paragraphs, x.pages];

describe('stats: 字数, Han characters, paragraphs, pages', () => {
  it('counts one section of 004 as worked by hand', () => {
    // Line 13: 4.深化医联(共)体建设。充分总结“卫星医院”建设试点经验,做好紧密型社区医联体新模式探索,不断提升基层医疗机构防病治病能力,方便群众便捷获得服务。
    // Han: 深化医联 共 体建设 充分总结 卫星医院 建设试点经验 (22) + 做好紧密型社区医联体新模式探索 (15) + 不断提升…能力 (16) + 方便群众便捷获得服务 (10) = 63.
    // 字数: 63 Han + 。“”。 (4 full-width marks) + the run 4 = 68; the half-width . ( ) , , , count 0.
    // Width: 67 full-width + 7 half-width × 0.5 = 70.5; ⌈(70.5 + 2) ÷ 28⌉ = 3 printed lines; ⌈3 ÷ 22⌉ = 1 page.
    const model = load(F004);
    const line = model.lines.lineText(12);
    assert.equal(widthOf(line), 70.5);
    assert.equal(printedLines(line), 3);
    const s = flatten(stats(model)[0].sections).find((x) => x.line === 12)!;
    assert.equal(s.marker + s.title, '4.深化医联(共)体建设');
    assert.deepEqual(counts(s), [68, 63, 1, 1]);
  });

  it('004: one document, its sections, exact numbers', () => {
    const [doc] = stats(load(F004));
    // 145 printed lines over 30 paragraphs (title and headings included): ⌈145 ÷ 22⌉ = 7 pages.
    assert.deepEqual(counts(doc), [3531, 3286, 30, 7]);
    assert.deepEqual(
      doc.sections.map((s) => [s.line + 1, s.marker, ...counts(s)]),
      [
        [3, '一、', 278, 261, 3, 1],
        [9, '二、', 580, 551, 5, 2],
        [19, '三、', 416, 381, 5, 1],
        [29, '四、', 538, 498, 4, 1],
        [37, '五、', 353, 336, 2, 1],
        [41, '六、', 593, 551, 5, 2],
        [51, '七、', 757, 693, 5, 2],
      ],
    );
  });

  it('002: the table of contents and the report, with the web copy’s half-width punctuation counting 0', () => {
    const docs = stats(load(F002));
    assert.deepEqual(
      docs.map((d) => [d.kind, d.startLine + 1, d.title, ...counts(d)]),
      [
        ['toc', 1, '', 363, 352, 26, 2],
        ['document', 27, '市卫健委2022年度工作总结与 2023年度工作计划', 2361, 2120, 13, 5],
      ],
    );
    // 二、存在问题: 二 、 存 在 问 题 = 6 字, 5 Han (、 is punctuation).
    const s = docs[0].sections.find((x) => x.line === 15)!;
    assert.deepEqual([s.marker + s.title, ...counts(s)], ['二、存在问题', 6, 5, 1, 1]);
  });

  it('字数 agrees with the outline for plain text', () => {
    for (const f of [F002, F004]) {
      const model = load(f);
      const o = outline(model);
      stats(model).forEach((d, i) => {
        assert.equal(d.zishu, o[i].chars);
        assert.deepEqual(
          flatten(d.sections).map((s) => s.zishu),
          o[i].sections.flatMap(function walk(x): number[] {
            return [x.chars, ...x.children.flatMap(walk)];
          }),
        );
      });
    }
  });

  it('pages: 22 printed lines to the page, 28 cells to the line, 2 for the indent', () => {
    const full26 = '加'.repeat(26); // (26 + 2) ÷ 28 = 1 line
    assert.equal(statsOfRange(Array(22).fill(full26).join('\n'), 0, Infinity).pages, 1);
    assert.equal(statsOfRange(Array(23).fill(full26).join('\n'), 0, Infinity).pages, 2);
    assert.equal(printedLines('a'.repeat(52)), 1); // 26 cells
    assert.equal(printedLines('a'.repeat(53)), 2); // 26.5 cells
    assert.equal(printedLines('　　' + full26 + '  '), 1, 'typed indentation and trailing spaces are not counted');
    assert.equal(printedLines(''), 0);
  });

  it('statsOfRange: a selection counts only what it covers, blank lines are no paragraphs, any line ending', () => {
    const text = '一、总体要求\r\n\r\n2024年，全面推进XX建设。\r附件';
    // 一、总体要求 6 字 5 Han; 2024 年 ， 全面推进 XX 建设 。 11 字 7 Han; 附件 2.
    assert.deepEqual(counts(statsOfRange(text, 0, text.length)), [6 + 11 + 2, 5 + 7 + 2, 3, 1]);
    const from = text.indexOf('全面');
    assert.deepEqual(counts(statsOfRange(text, from, text.indexOf('。') + 1)), [8, 6, 1, 1]); // 全面推进 XX 建设 。
    assert.deepEqual(counts(statsOfRange(text, 3, 3)), [0, 0, 0, 0]);
    assert.equal(statsOfRange(text, 0, text.length).zishu, countZishu(text));
  });

  it('markdown: markup, code and comments do not count', () => {
    const md =
      '# 工作计划\n\n<!-- 草稿 -->\n\n## 一、总体要求\n\n以**习近平新时代中国特色社会主义思想**为指导，见[办法](https://example.gov.cn/xx)。\n\n```\ncode 代码\n```\n';
    const [doc] = stats(parse(md, 'markdown'));
    // 工作计划 4; 一、总体要求 6 (5 Han); 以 + 习近平新时代中国特色社会主义思想 16 + 为指导 3 + 见 + 办法 2 = 23 Han, with ， 。 25 字.
    assert.deepEqual(counts(doc), [4 + 6 + 25, 4 + 5 + 23, 3, 1]);
  });

  it('survives odd text', () => {
    for (const t of ['', '\ud800', '\r\n\r\n', '𠀀'.repeat(40)]) {
      const d = stats(parse(t, 'text'));
      assert.ok(d.every((x) => x.pages >= 0));
    }
    assert.deepEqual(counts(statsOfRange('𠀀'.repeat(40), 0, 80)), [40, 40, 1, 1]);
  });
});

describe('gongwen stats (CLI)', () => {
  const run = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('--format json on one file: {file, documents: [{title, line, zishu, han, paragraphs, pages, sections}]}', () => {
    const r = run(['stats', '--format', 'json', F004]);
    assert.equal(r.code, 0);
    const o = JSON.parse(r.out);
    assert.equal(o.file, F004);
    const [d] = o.documents;
    assert.deepEqual([d.title, d.line, d.zishu, d.han, d.paragraphs, d.pages], ['2024年西安市新城区卫生健康工作计划', 1, 3531, 3286, 30, 7]);
    assert.deepEqual(d.sections[1].sections[1], {
      marker: '4.',
      title: '深化医联(共)体建设',
      line: 13,
      zishu: 68,
      han: 63,
      paragraphs: 1,
      pages: 1,
      sections: [],
    });
  });

  it('a folder gives an array, one object per file; the text form is an indented table', () => {
    const r = run(['stats', '--format', 'json', CORPUS]);
    assert.equal(r.code, 0);
    const list = JSON.parse(r.out);
    assert.deepEqual(
      list.map((x: { file: string; documents: unknown[] }) => [path.basename(x.file), x.documents.length]),
      [
        ['002_3cbf79e9d602b8eb.txt', 2],
        ['004_503d8dbb8d0f1449.txt', 1],
      ],
    );
    const t = run(['stats', '--lang', 'zh', F004]);
    assert.equal(t.code, 0);
    const lines = t.out.split('\n');
    assert.equal(lines[0], F004);
    assert.match(lines[1], /^\s+行\s+字数\s+汉字\s+段落\s+页数$/);
    assert.match(lines[2], /^ {2}文档 1: 2024年西安市新城区卫生健康工作计划\s+1\s+3,531\s+3,286\s+30\s+7$/);
    assert.match(lines[3], /^ {4}一、建强公共卫生体系\s+3\s+278\s+261\s+3\s+1$/);
    assert.match(lines[4], /^ {6}1\.提升重大疫情应对能力\s+5\s+163\s+153\s+1\s+1$/);
    assert.match(run(['stats', '--lang', 'en', F004]).out.split('\n')[1], /line\s+chars\s+Han\s+paragraphs\s+pages$/);
  });

  it('exits 2 for a missing path or an unreadable file, and still counts the others', () => {
    const r = run(['stats', '--format', 'json', F004, path.join(CORPUS, 'no-such.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /no-such\.txt/);
    assert.equal(JSON.parse(r.out).length, 1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-stats-'));
    try {
      const bin = path.join(dir, 'bin.txt');
      fs.writeFileSync(bin, Buffer.from([0x41, 0, 0x42, 0]));
      assert.equal(run(['stats', bin]).code, 2);
      assert.equal(run(['stats']).code, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ProseCounts: 字数 of a range from per-line sums', () => {
  /** The count as the definition says, character by character, independent of the lookup table. */
  function zishuByDefinition(text: string): number {
    return [
      ...text.matchAll(
        /[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+|[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3007]|[\ud840-\ud87f][\udc00-\udfff]|[\u3001-\u3006\u3008-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u2015\u00b7\u2027\ufe10-\ufe1f\ufe30-\ufe4f\u2460-\u24ff\u25a1\u25cb\u00d7]/g,
      ),
    ].length;
  }

  it('agrees with countZishu on any range of plain text without furniture, and countZishu with the definition (fast-check)', () => {
    const piece = fc.constantFrom('推进', 'ABC', '12', '１２', '，', '。', ' ', '\n', '\r\n', '\r', '𠀀', '😀', '\ud840', '\udc00', 'x', '〇', '①', '·', '×');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const model = parse(text, 'text');
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        assert.equal(countZishu(text), zishuByDefinition(text), JSON.stringify(text));
        // Furniture lines (a lone `12` is a page number) are no prose: they do not count.
        if (model.furniture.length) return;
        const index = new ProseCounts(model);
        assert.equal(index.zishu(start, end), countZishu(text, start, end), JSON.stringify([text, start, end]));
        assert.equal(index.counts(start, end).zishu, index.zishu(start, end));
        // The one-pass measure of a line is the separate definitions': 字数, Han, printed lines.
        for (let line = 0; line < model.lines.lineCount; line++) {
          const t = model.lines.lineText(line).replace(/^[ \t\u3000\u00a0\ufeff]+|[ \t\u3000\u00a0\ufeff]+$/g, '');
          const c = index.counts(model.lines.starts[line], model.lines.ends[line]);
          assert.deepEqual([c.zishu, c.han, c.paragraphs], [countZishu(t), countHan(t), t ? 1 : 0], JSON.stringify(t));
          assert.equal(c.pages, Math.ceil(printedLines(t) / 22), JSON.stringify(t));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('codePointLength', () => {
  it('counts as the string iterator does, lone surrogates included (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.array(fc.constantFrom('𠀀', '\ud840', '\udc00', '甲', 'a'), { maxLength: 30 }).map((a) => a.join('')),
        ),
        (s) => {
          assert.equal(codePointLength(s), [...s].length);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
