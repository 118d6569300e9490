import assert from 'node:assert/strict';
import fc from 'fast-check';
import { overlapsRange, rangeTester } from '../../src/core/markdown/ranges';
import { analyzeMarkdown, isExcluded, type MarkdownInfo } from '../../src/core/markdown';

function excluded(text: string): Array<[number, number]> {
  return analyzeMarkdown(text).excluded;
}

function lines(info: MarkdownInfo): number[] {
  return [...info.nonProseLines].sort((a, b) => a - b);
}

/** 0-based line starts for \r\n, \r and \n. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

function toLineCol(starts: number[], offset: number): string {
  let l = 0;
  while (l + 1 < starts.length && starts[l + 1] <= offset) l++;
  return `${l}:${offset - starts[l]}`;
}

/** Invariants every analysis must satisfy. */
function checkInvariants(text: string, info: MarkdownInfo): void {
  const lineCount = lineStarts(text).length;
  let prevEnd = -1;
  for (const [s, e] of info.excluded) {
    assert.ok(Number.isInteger(s) && Number.isInteger(e), `integer range ${s}-${e}`);
    assert.ok(s >= 0 && e <= text.length, `range ${s}-${e} within [0, ${text.length}]`);
    assert.ok(s < e, `non-empty range ${s}-${e}`);
    assert.ok(s > prevEnd, `sorted, merged ranges: ${s} after ${prevEnd}`);
    prevEnd = e;
  }
  for (const l of info.nonProseLines) assert.ok(Number.isInteger(l) && l >= 0 && l < lineCount, `line ${l}`);
  for (const h of info.headings) {
    assert.ok(h.hashes >= 1 && h.hashes <= 6);
    assert.ok(h.line >= 0 && h.line < lineCount);
    assert.ok(h.contentStart >= 0 && h.contentStart <= h.contentEnd && h.contentEnd <= text.length);
  }
  for (const c of info.comments) {
    assert.ok(c.line >= 0 && c.line <= c.endLine && c.endLine < lineCount);
    assert.equal(typeof c.text, 'string');
  }
}

/** Deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '*',
  '**',
  '***',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '#',
  '## ',
  '> ',
  '- ',
  '1. ',
  '[',
  ']',
  '(',
  ')',
  '![',
  '<',
  '>',
  '<!--',
  '-->',
  '\\',
  '|',
  '---',
  '===',
  ' ',
  '  ',
  '\t',
  '    ',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '"',
  ':',
  'https://x.com',
  '<https://x.com>',
  '&amp;',
  '党的',
  '大精神',
  '新时代',
  '一、',
  '（一）',
  'XX',
  '　',
  '😀',
  '\uD800',
];

function randomDoc(next: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

describe('core/markdown analyzeMarkdown', () => {
  describe('emphasis delimiters', () => {
    it('excludes the ** of matched strong emphasis, not the text between', () => {
      const info = analyzeMarkdown('**加粗**');
      assert.deepEqual(info.excluded, [
        [0, 2],
        [4, 6],
      ]);
      assert.equal(isExcluded(info, 2, 4), false);
      assert.deepEqual(lines(info), []);
    });

    it('leaves unmatched ** as prose', () => {
      const info = analyzeMarkdown('党的**大精神');
      assert.deepEqual(info.excluded, []);
      assert.equal(isExcluded(info, 0, 7), false);
    });

    it('leaves an unclosed *** paragraph as prose, but *** alone is a thematic break', () => {
      assert.deepEqual(excluded('***新时代'), []);
      const hr = analyzeMarkdown('***');
      assert.deepEqual(hr.excluded, [[0, 3]]);
      assert.deepEqual(lines(hr), [0]);
      const between = analyzeMarkdown('前文\n\n***\n\n后文');
      assert.deepEqual(between.excluded, [[4, 8]]);
      assert.deepEqual(lines(between), [2]);
    });

    it('excludes __ delimiters, not the text', () => {
      assert.deepEqual(excluded('__x__'), [
        [0, 2],
        [3, 5],
      ]);
    });

    it('excludes single * and nested delimiters', () => {
      assert.deepEqual(excluded('*a **b** c*'), [
        [0, 1],
        [3, 5],
        [6, 8],
        [10, 11],
      ]);
    });

    it('excludes only the matched pair when another ** is unmatched', () => {
      assert.deepEqual(excluded('**a** **b'), [
        [0, 2],
        [3, 5],
      ]);
    });

    it('excludes ~~ strikethrough delimiters', () => {
      assert.deepEqual(excluded('~~删除~~'), [
        [0, 2],
        [4, 6],
      ]);
      assert.deepEqual(excluded('~~删除'), []);
    });
  });

  describe('code', () => {
    it('excludes a code span with its backticks', () => {
      const info = analyzeMarkdown('a `xx` b');
      assert.deepEqual(info.excluded, [[2, 6]]);
      assert.deepEqual(lines(info), []);
    });

    it('leaves an unmatched backtick as prose', () => {
      assert.deepEqual(excluded('a `xx b'), []);
    });

    it('excludes a code span that spans lines', () => {
      assert.deepEqual(excluded('`a\nb` c'), [[0, 5]]);
    });

    it('excludes fenced code blocks, fence lines included', () => {
      const text = '正文\n```js\nx **y**\n```\n后';
      const info = analyzeMarkdown(text);
      assert.deepEqual(info.excluded, [[3, 21]]);
      assert.equal(text.slice(3, 21), '```js\nx **y**\n```\n');
      assert.deepEqual(lines(info), [1, 2, 3]);
    });

    it('excludes an unclosed fence to the end', () => {
      const info = analyzeMarkdown('``` \n未闭合\n**x**');
      assert.deepEqual(info.excluded, [[0, 14]]);
      assert.deepEqual(lines(info), [0, 1, 2]);
    });

    it('excludes indented code blocks', () => {
      const text = '段落\n\n    code **x**\n\n后';
      const info = analyzeMarkdown(text);
      assert.deepEqual(info.excluded, [[4, 19]]);
      assert.equal(text.slice(4, 19), '    code **x**\n');
      assert.deepEqual(lines(info), [2]);
    });
  });

  describe('links', () => {
    it('excludes the brackets and the destination and title, not the link text', () => {
      const text = '[链接](https://x.com/xx "t")';
      const info = analyzeMarkdown(text);
      assert.deepEqual(info.excluded, [
        [0, 1],
        [3, 26],
      ]);
      assert.equal(text.slice(3, 26), '](https://x.com/xx "t")');
      assert.equal(isExcluded(info, 1, 3), false);
    });

    it('excludes an autolink', () => {
      assert.deepEqual(excluded('见<https://x.com>。'), [[1, 16]]);
    });

    it('excludes a reference definition line and the brackets of its use', () => {
      const info = analyzeMarkdown('[a]: https://x.com\n\n见[a]。');
      assert.deepEqual(info.excluded, [
        [0, 19],
        [21, 22],
        [23, 24],
      ]);
      assert.deepEqual(lines(info), [0]);
    });

    it('excludes the reference part of a full reference link', () => {
      const text = '见[文字][a]。\n\n[a]: u';
      assert.deepEqual(excluded(text), [
        [1, 2],
        [4, 8],
        [11, 17],
      ]);
      assert.equal(text.slice(4, 8), '][a]');
    });

    it('leaves brackets that are not a link as prose', () => {
      assert.deepEqual(excluded('[待补充]内容'), []);
    });

    it('excludes image markup but not the alt text, including emphasis inside it', () => {
      assert.deepEqual(excluded('![图](a.png "t")'), [
        [0, 2],
        [3, 15],
      ]);
      assert.deepEqual(excluded('![图 **x**](a.png)'), [
        [0, 2],
        [4, 6],
        [7, 17],
      ]);
    });

    it('handles an image inside a link', () => {
      assert.deepEqual(excluded('[![a *b*](i.png)](https://c)'), [
        [0, 3],
        [5, 6],
        [7, 28],
      ]);
    });
  });

  describe('escapes and HTML', () => {
    it('excludes the backslash of an escape, not the escaped character', () => {
      assert.deepEqual(excluded('\\*不是强调\\*'), [
        [0, 1],
        [6, 7],
      ]);
    });

    it('excludes a backslash hard break but not a literal backslash', () => {
      assert.deepEqual(excluded('a\\\nb \\ c \\x'), [[1, 2]]);
    });

    it('excludes inline HTML', () => {
      assert.deepEqual(excluded('x <span>**z**</span>'), [
        [2, 10],
        [11, 20],
      ]);
    });

    it('excludes HTML blocks as whole lines', () => {
      const info = analyzeMarkdown('<div>\n正文\n</div>\n\n后');
      assert.deepEqual(info.excluded, [[0, 16]]);
      assert.deepEqual(lines(info), [0, 1, 2]);
    });
  });

  describe('headings', () => {
    it('finds an ATX heading and its content', () => {
      const info = analyzeMarkdown('## 一、总体要求');
      assert.deepEqual(info.headings, [{ line: 0, hashes: 2, contentStart: 3, contentEnd: 9 }]);
      assert.deepEqual(info.excluded, [[0, 3]]);
    });

    it('keeps closing hashes out of the content', () => {
      const info = analyzeMarkdown('# 标题 #');
      assert.deepEqual(info.headings, [{ line: 0, hashes: 1, contentStart: 2, contentEnd: 4 }]);
      assert.deepEqual(info.excluded, [
        [0, 2],
        [4, 6],
      ]);
    });

    it('handles headings with emphasis, trailing spaces and a blockquote', () => {
      const text = '> ## 标题 **x** ##  ';
      const info = analyzeMarkdown(text);
      assert.deepEqual(info.headings, [{ line: 0, hashes: 2, contentStart: 5, contentEnd: 13 }]);
      assert.deepEqual(info.excluded, [
        [0, 5],
        [8, 10],
        [11, 18],
      ]);
    });

    it('handles an empty heading', () => {
      const info = analyzeMarkdown('#\n##');
      assert.deepEqual(info.headings, [
        { line: 0, hashes: 1, contentStart: 1, contentEnd: 1 },
        { line: 1, hashes: 2, contentStart: 4, contentEnd: 4 },
      ]);
      assert.deepEqual(info.excluded, [
        [0, 1],
        [2, 4],
      ]);
    });

    it('finds setext headings and excludes the underline', () => {
      const h1 = analyzeMarkdown('标题\n===');
      assert.deepEqual(h1.headings, [{ line: 0, hashes: 1, contentStart: 0, contentEnd: 2 }]);
      assert.deepEqual(h1.excluded, [[3, 6]]);
      assert.deepEqual(lines(h1), [1]);
      const h2 = analyzeMarkdown('前文\n\n多行\n**标题**\n---');
      assert.deepEqual(h2.headings, [{ line: 2, hashes: 2, contentStart: 4, contentEnd: 13 }]);
      assert.deepEqual(h2.excluded, [
        [7, 9],
        [11, 13],
        [14, 17],
      ]);
      assert.deepEqual(lines(h2), [4]);
    });

    it('is not fooled by # that is not a heading', () => {
      assert.deepEqual(analyzeMarkdown('#5 不是标题').headings, []);
    });
  });

  describe('comments', () => {
    it('finds an HTML comment block', () => {
      const info = analyzeMarkdown('<!-- gongwen-disable-next-line placeholder -->\nXX单位');
      assert.deepEqual(info.comments, [{ line: 0, endLine: 0, text: 'gongwen-disable-next-line placeholder' }]);
      assert.deepEqual(info.excluded, [[0, 47]]);
      assert.deepEqual(lines(info), [0]);
    });

    it('finds a multi-line comment block and several comments in one block', () => {
      assert.deepEqual(analyzeMarkdown('<!--\n多行\n-->\n正文').comments, [{ line: 0, endLine: 2, text: '多行' }]);
      assert.deepEqual(analyzeMarkdown('<div>\n<!-- a --> <!-- b -->\n</div>').comments, [
        { line: 1, endLine: 1, text: 'a' },
        { line: 1, endLine: 1, text: 'b' },
      ]);
    });

    it('finds an inline comment inside a paragraph', () => {
      const info = analyzeMarkdown('第一行\n文字<!-- 注释 -->文字');
      assert.deepEqual(info.comments, [{ line: 1, endLine: 1, text: '注释' }]);
      assert.deepEqual(info.excluded, [[6, 17]]);
    });

    it('finds an inline comment spanning lines', () => {
      assert.deepEqual(analyzeMarkdown('文字<!--\n跨行\n-->尾').comments, [{ line: 0, endLine: 2, text: '跨行' }]);
    });

    it('ignores comment syntax inside code', () => {
      assert.deepEqual(analyzeMarkdown('`<!-- x -->`\n\n```\n<!-- y -->\n```').comments, []);
    });
  });

  describe('line endings', () => {
    it('maps offsets through CRLF', () => {
      assert.deepEqual(excluded('a\r\n**b**'), [
        [3, 5],
        [6, 8],
      ]);
    });

    it('maps offsets through lone CR and mixed line endings', () => {
      assert.deepEqual(excluded('a\r**b**\r\nc\n~~d~~'), [
        [2, 4],
        [5, 7],
        [11, 13],
        [14, 16],
      ]);
    });

    it('keeps block offsets and lines right with CRLF', () => {
      const text = '# 标题\r\n\r\n```\r\nx\r\n```\r\n正文 **b**';
      const info = analyzeMarkdown(text);
      assert.deepEqual(info.headings, [{ line: 0, hashes: 1, contentStart: 2, contentEnd: 4 }]);
      assert.deepEqual(info.excluded, [
        [0, 2],
        [8, 21],
        [24, 26],
        [27, 29],
      ]);
      assert.deepEqual(lines(info), [2, 3, 4]);
    });

    it('finds comments on the right line with CR line endings', () => {
      assert.deepEqual(analyzeMarkdown('a\r\rb <!-- c -->').comments, [{ line: 2, endLine: 2, text: 'c' }]);
    });
  });

  describe('containers', () => {
    it('maps delimiters inside a blockquote', () => {
      assert.deepEqual(excluded('> **加粗**'), [
        [2, 4],
        [6, 8],
      ]);
      assert.deepEqual(excluded('> 第一行\n> **加粗**'), [
        [8, 10],
        [12, 14],
      ]);
    });

    it('maps delimiters inside list items and nested lists', () => {
      assert.deepEqual(excluded('- **加粗**'), [
        [2, 4],
        [6, 8],
      ]);
      assert.deepEqual(excluded('- 一\n  - **二**\n    1. *三*'), [
        [8, 10],
        [11, 13],
        [21, 22],
        [23, 24],
      ]);
    });

    it('maps a lazy continuation line and ideographic-space indentation', () => {
      assert.deepEqual(excluded('> 引用\n**续**'), [
        [5, 7],
        [8, 10],
      ]);
      assert.deepEqual(excluded('　　第一段**加粗**　\n　　第二行 **b**　'), [
        [5, 7],
        [9, 11],
        [19, 21],
        [22, 24],
      ]);
    });
  });

  describe('tables', () => {
    it('excludes the delimiter row and pipes, not the cell text', () => {
      const text = '| 项目 | **数值** |\n|---|:--|\n| 甲 | 乙 |';
      const info = analyzeMarkdown(text);
      assert.deepEqual(info.excluded, [
        [0, 2],
        [4, 9],
        [11, 15],
        [16, 28],
        [29, 32],
        [33, 35],
      ]);
      assert.deepEqual(lines(info), [1]);
      assert.equal(isExcluded(info, 2, 4), false); // 项目
      assert.equal(isExcluded(info, 9, 11), false); // 数值
      assert.equal(isExcluded(info, 28, 29), false); // 甲
      assert.equal(isExcluded(info, 32, 33), false); // 乙
    });

    it('handles an escaped pipe inside a cell', () => {
      const text = '| a | b |\n|---|---|\n| c\\|**d** | e |';
      const info = analyzeMarkdown(text);
      // row 2 starts at 20: `| c\|**d** | e |`
      assert.ok(
        info.excluded.some(([s, e]) => s <= 23 && e >= 24),
        'the escaping backslash',
      );
      assert.ok(
        info.excluded.some(([s, e]) => s <= 25 && e >= 27),
        'the opening **',
      );
      assert.equal(isExcluded(info, 22, 23), false); // c
      assert.equal(isExcluded(info, 24, 25), false); // |
      assert.equal(isExcluded(info, 27, 28), false); // d
    });
  });

  describe('front matter', () => {
    it('excludes a leading front matter block', () => {
      const info = analyzeMarkdown('---\ntitle: x\n---\n# H');
      assert.deepEqual(info.excluded, [[0, 19]]);
      assert.deepEqual(lines(info), [0, 1, 2]);
      assert.deepEqual(info.headings, [{ line: 3, hashes: 1, contentStart: 19, contentEnd: 20 }]);
    });

    it('does not treat a later --- pair as front matter', () => {
      const info = analyzeMarkdown('正文\n\n---\n内容\n---');
      assert.deepEqual(lines(info), [2, 4]);
    });
  });

  describe('robustness', () => {
    it('handles empty and degenerate input', () => {
      for (const text of ['', '\n', '\r\n', '\r', ' ', '#', '*', '`', '[', '<!--', '---', '|', '\0', '\uFEFF']) {
        checkInvariants(text, analyzeMarkdown(text));
      }
      assert.deepEqual(analyzeMarkdown(''), { excluded: [], nonProseLines: new Set(), headings: [], comments: [] });
    });

    it('handles binary junk and lone surrogates', () => {
      const next = rng(7);
      let junk = '';
      for (let i = 0; i < 5000; i++) junk += String.fromCharCode(Math.floor(next() * 0x10000));
      checkInvariants(junk, analyzeMarkdown(junk));
      const surrogates = '\uD800**\uDC00**\uDBFF_x_\uDFFF\0**\0**';
      checkInvariants(surrogates, analyzeMarkdown(surrogates));
    });

    it('handles a 100 KB single line and pathological nesting', () => {
      const inputs = [
        '党的**大精神'.repeat(15000),
        '`a` [b](c) *d* '.repeat(8000),
        '['.repeat(20000),
        '>'.repeat(2000) + ' x',
        '*'.repeat(20000),
        '`'.repeat(20000),
        '- '.repeat(2000) + 'x',
        '<!--'.repeat(5000),
      ];
      for (const text of inputs) {
        // A quadratic regression shows as mocha's timeout, not as a timed assertion.
        checkInvariants(text, analyzeMarkdown(text));
      }
    });

    it('stays linear on dense markup', () => {
      const text = '`a` [b](c) *d* <b>e</b> \\* ~~f~~ '.repeat(12000); // ~400 KB, one paragraph
      const info = analyzeMarkdown(text);
      checkInvariants(text, info);
      assert.ok(info.excluded.length > 12000 * 8);
    });

    it('keeps tab-indented content within its line', () => {
      for (const text of ['>\t**x**\n\t- *y*', '-\t\t**a**\n\t\t**b**', '>\t\t\tcode\n> > \t*x*']) {
        checkInvariants(text, analyzeMarkdown(text));
      }
      assert.deepEqual(excluded('>\t**x**\n\t- *y*'), [
        [2, 4],
        [5, 7],
        [11, 12],
        [13, 14],
      ]);
    });
  });

  describe('properties of random documents', () => {
    it('produces in-range, sorted, merged ranges and never throws', () => {
      const next = rng(20240601);
      for (let i = 0; i < 300; i++) {
        const text = randomDoc(next, 1 + Math.floor(next() * 80));
        let info: MarkdownInfo;
        try {
          info = analyzeMarkdown(text);
        } catch (err) {
          assert.fail(`threw on ${JSON.stringify(text)}: ${String(err)}`);
        }
        checkInvariants(text, info);
      }
    });

    it('gives the same line/column results whatever the line endings', () => {
      const next = rng(99);
      for (let i = 0; i < 200; i++) {
        const lf = randomDoc(next, 1 + Math.floor(next() * 60)).replace(/\r\n?/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const cr = lf.replace(/\n/g, '\r');
        const base = analyzeMarkdown(lf);
        const ls = lineStarts(lf);
        const view = (text: string, info: MarkdownInfo): unknown => {
          const st = lineStarts(text);
          return {
            excluded: info.excluded.map(([s, e]) => [toLineCol(st, s), toLineCol(st, e)]),
            lines: lines(info),
            headings: info.headings.map((h) => [h.line, h.hashes, toLineCol(st, h.contentStart), toLineCol(st, h.contentEnd)]),
            comments: info.comments,
          };
        };
        const expected = view(lf, base);
        assert.ok(ls.length > 0);
        assert.deepEqual(view(crlf, analyzeMarkdown(crlf)), expected, `CRLF ${JSON.stringify(lf)}`);
        assert.deepEqual(view(cr, analyzeMarkdown(cr)), expected, `CR ${JSON.stringify(lf)}`);
      }
    });

    it('excludes matched delimiters only on delimiter characters', () => {
      const next = rng(5);
      for (let i = 0; i < 200; i++) {
        // One line, no code indentation, none of the markup but emphasis and strikethrough.
        const text = randomDoc(next, 1 + Math.floor(next() * 40))
          .replace(/[`<\\[\]|#=>\r\n\t-]/g, ' ')
          .trimStart();
        const info = analyzeMarkdown(text);
        if (info.nonProseLines.size > 0) continue; // a thematic break such as `* * *`
        for (const [s, e] of info.excluded) {
          assert.match(text.slice(s, e), /^[*_~]+$/, JSON.stringify(text));
        }
      }
    });
  });
});

describe('core/markdown isExcluded', () => {
  const info: MarkdownInfo = {
    excluded: [
      [2, 4],
      [10, 12],
    ],
    nonProseLines: new Set(),
    headings: [],
    comments: [],
  };

  it('detects overlaps at the boundaries', () => {
    assert.equal(isExcluded(info, 0, 2), false);
    assert.equal(isExcluded(info, 1, 3), true);
    assert.equal(isExcluded(info, 3, 5), true);
    assert.equal(isExcluded(info, 4, 10), false);
    assert.equal(isExcluded(info, 0, 20), true);
    assert.equal(isExcluded(info, 11, 11), true);
    assert.equal(isExcluded(info, 4, 4), false);
    assert.equal(isExcluded(info, 12, 13), false);
  });

  it('handles no ranges', () => {
    assert.equal(isExcluded({ ...info, excluded: [] }, 0, 5), false);
  });
});

describe('rangeTester: overlapsRange remembered between questions', () => {
  it('answers every question as overlapsRange does, in any order (fast-check)', () => {
    const rangesArb = fc.array(fc.tuple(fc.nat(5), fc.nat(6)), { maxLength: 30 }).map((steps) => {
      // Disjoint and sorted: each range starts a gap after the previous one ends.
      const ranges: Array<[number, number]> = [];
      let at = 0;
      for (const [gap, length] of steps) {
        const start = at + gap + (ranges.length ? 1 : 0);
        ranges.push([start, start + length + 1]);
        at = start + length + 1;
      }
      return ranges;
    });
    const queries = fc.array(fc.tuple(fc.nat(200), fc.nat(4)), { maxLength: 60 });
    fc.assert(
      fc.property(rangesArb, queries, fc.boolean(), (ranges, qs, sorted) => {
        const asked = sorted ? [...qs].sort((a, b) => a[0] - b[0]) : qs;
        const tester = rangeTester(ranges);
        for (const [start, length] of asked)
          assert.equal(tester(start, start + length), overlapsRange(ranges, start, start + length), `${start}+${length} in ${JSON.stringify(ranges)}`);
      }),
      { numRuns: 1000 },
    );
  });
});
