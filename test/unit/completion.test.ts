import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { completionsAt, parse, LineIndex, reportDate } from '../../src/core';

const corpus = (f: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', f), 'utf8');
const TODAY = new Date(2024, 2, 13);

/** Suggestions at a 1-based line and column, as `kind:label`. */
function at(text: string, line: number, column: number, format: 'text' | 'markdown' = 'text') {
  const lines = new LineIndex(text);
  const offset = lines.offsetAt(line - 1, column - 1);
  return completionsAt(parse(text, format), offset, { today: TODAY });
}
const headings = (list: ReturnType<typeof at>) => list.filter((s) => s.kind === 'heading').map((s) => s.label);

describe('completions (core)', () => {
  it('004: after 2. under 一、, offers 3. (continuous), 二、 and a first （1）', () => {
    const text = corpus('004_503d8dbb8d0f1449.txt');
    assert.deepEqual(headings(at(text, 8, 1)), ['3.', '二、', '（1）']);
  });

  it('004: under a new 二、, offers the next global number 3. as its first child', () => {
    const text = corpus('004_503d8dbb8d0f1449.txt');
    assert.deepEqual(headings(at(text, 10, 1)), ['三、', '3.']);
  });

  it("002: after (八), offers (九) in the document's own half-width style", () => {
    const text = corpus('002_3cbf79e9d602b8eb.txt');
    assert.deepEqual(headings(at(text, 40, 1)), ['(九)', '二、', '1.']);
  });

  it('replaces a partly typed marker and offers nothing on a heading line', () => {
    const text = '一、总体要求\n（一）甲\n（二）乙\n（';
    const list = at(text, 4, 2).filter((s) => s.kind === 'heading');
    assert.deepEqual(
      list.map((s) => [s.label, s.start, s.end]),
      [
        ['（三）', 17, 18],
        ['二、', 17, 18],
        ['1.', 17, 18],
      ],
    );
    assert.deepEqual(headings(at(text, 3, 1)), []);
    assert.deepEqual(headings(at('正文中间', 1, 3)), []);
  });

  it('restart numbering: a new 二、 offers 1. as its first child', () => {
    const text = '一、甲\n1.a\n2.b\n二、乙\n1.c\n三、丙\n';
    assert.deepEqual(headings(at(text, 7, 1)), ['四、', '1.']);
  });

  it('an empty document offers 一、', () => assert.deepEqual(headings(at('', 1, 1)), ['一、']));

  it('offers the next ordinal of an inline enumeration', () => {
    const list = at('主要做法：一是加强领导；二是完善机制；三是', 1, 22);
    assert.deepEqual(
      list.filter((s) => s.kind === 'enumeration').map((s) => s.label),
      ['四是'],
    );
    const di = at('第一，加强领导；第二，完善机制；', 1, 17);
    assert.deepEqual(
      di.filter((s) => s.kind === 'enumeration').map((s) => s.label),
      ['第三，'],
    );
  });

  it('offers today in the issuing-date form and the organisation names of the title and 落款', () => {
    const text = 'XX市卫生健康委员会2024年工作总结\n\n一、总体情况\n\nXX市卫生健康委员会\n2024年12月5日\n';
    const list = at(text, 4, 1);
    assert.deepEqual(
      list.filter((s) => s.kind === 'date').map((s) => s.label),
      ['2024年3月13日'],
    );
    assert.deepEqual(
      list.filter((s) => s.kind === 'name').map((s) => s.label),
      ['XX市卫生健康委员会'],
    );
    assert.equal(reportDate(new Date(2025, 0, 5)), '2025年1月5日');
  });
});
