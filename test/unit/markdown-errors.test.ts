import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import { analyzeMarkdown } from '../../src/core/markdown';
import { markdownParser } from '../../src/core/markdown/parser';

describe('markdown analysis failures surface', () => {
  it('a markdown-it exception propagates out of analyzeMarkdown and lint, instead of an empty analysis', () => {
    const md = markdownParser();
    const failure = new Error('parser broke');
    md.parse = () => {
      throw failure;
    };
    try {
      assert.throws(
        () => analyzeMarkdown('# 标题\n\n正文`code`。\n'),
        (e) => e === failure,
      );
      assert.throws(
        () => lint('# 标题\n\n正文`code`。\n', { format: 'markdown' }),
        (e) => e === failure,
      );
    } finally {
      // The instance's own property shadowed the prototype's parse: removing it restores markdown-it.
      delete (md as { parse?: unknown }).parse;
    }
    assert.deepEqual(analyzeMarkdown('正文`code`。\n').excluded, [[2, 8]]);
  });

  it('the analysis holds no state between documents: the same text gives the same analysis after any other', () => {
    const text = '一、总体要求\n\n见[细则](https://a.b/c)，`x` **重点** ~~删~~ <!-- 注 -->\n\n[r]: /u\n';
    const first = analyzeMarkdown(text);
    analyzeMarkdown('![图](x.png "t") [未闭合\n\n```\ncode\n```\n');
    assert.deepEqual(analyzeMarkdown(text), first);
    assert.deepEqual(
      first.excluded.map(([s, e]) => text.slice(s, e)),
      ['[', '](https://a.b/c)', '`x`', '**', '**', '~~', '~~', '<!-- 注 -->', '[r]: /u\n'],
    );
    assert.deepEqual(first.excluded, [
      [9, 10],
      [12, 28],
      [29, 32],
      [33, 35],
      [37, 39],
      [40, 42],
      [43, 45],
      [46, 56],
      [58, 66],
    ]);
    assert.deepEqual([...first.nonProseLines], [4]);
    assert.deepEqual(first.comments, [{ line: 2, endLine: 2, text: '注' }]);
  });
});
