import assert from 'node:assert/strict';
import { lint, DEFAULT_CONFIG } from '../../src/core';
import { allowTermAt } from '../../src/core/structure/placeholders';

/** The term the "allow" quick fix writes for the placeholder `sign` (its `nth` occurrence) in `text`. */
function termFor(text: string, sign: string, nth = 0): string | undefined {
  let at = text.indexOf(sign);
  for (let i = 0; i < nth; i++) at = text.indexOf(sign, at + 1);
  return allowTermAt(text, at, at + sign.length);
}

const noAllow = { ...DEFAULT_CONFIG, placeholders: { patterns: [], allow: [] } };
const placeholderTexts = (text: string, allow: string[]) =>
  lint(text, { config: { ...noAllow, placeholders: { patterns: [], allow } }, only: ['placeholder'] }).map((p) => `${p.start}:${text.slice(p.start, p.end)}`);

describe('placeholder: the term an "allow" quick fix names (allowTermAt)', () => {
  it('takes the word characters beside the sign, never the bare ×', () => {
    assert.equal(termFor('深入实施“数据要素×”三年行动。', '×'), '数据要素×');
    assert.equal(termFor('推广“旅游×文化”融合模式。', '×'), '旅游×文化');
  });

  it('takes a whole formula of policy terms across its + signs', () => {
    assert.equal(termFor('构建“1+N+X”规划体系。', 'X'), '1+N+X');
    assert.equal(termFor('构建“1+3+N+X”政策体系。', 'X'), '1+3+N+X');
  });

  it('takes at most four Han characters on each side, and stops at punctuation and line ends', () => {
    assert.equal(termFor('开展数据要素×医疗健康试点。', '×'), '数据要素×医疗健康');
    assert.equal(termFor('专项行动\n数据要素×\n下一行', '×'), '数据要素×');
  });

  it('offers nothing where no word stands beside the sign', () => {
    assert.equal(termFor('打印本页\n×\n', '×'), undefined);
    assert.equal(termFor('填写“×”。', '×'), undefined);
    assert.equal(termFor('×', '×'), undefined);
  });

  it('keeps a character outside the BMP whole', () => {
    assert.equal(termFor('𠀋𠀋𠀋𠀋𠀋××', '××'), '𠀋𠀋𠀋𠀋××');
  });

  it('allowing the term silences that term only: every other lone × stays a placeholder', () => {
    const text = '推广“旅游×文化”融合模式，×月×日召开推进会，联系人王×。';
    const term = termFor(text, '×')!;
    assert.deepEqual(placeholderTexts(text, [term]), ['14:×', '16:×', '28:×']);
    // What the old quick fix wrote, the bare sign, silenced all four.
    assert.deepEqual(placeholderTexts(text, ['×']), []);
  });
});
