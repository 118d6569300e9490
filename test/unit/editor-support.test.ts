import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, editsBetween, fixAll, looksLikeReport } from '../../src/core';

const corpus = (f: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', f), 'utf8');

describe('looksLikeReport (gongwen.enable: auto)', () => {
  it('accepts the corpus reports', () => {
    assert.equal(looksLikeReport(corpus('002_3cbf79e9d602b8eb.txt')), true);
    assert.equal(looksLikeReport(corpus('004_503d8dbb8d0f1449.txt')), true);
  });
  it('accepts a markdown report with # headings', () => assert.equal(looksLikeReport('# 工作计划\n\n## 总体要求\n\n加强领导。'), true));
  it('leaves a plain README, English text and Chinese prose without headings alone', () => {
    assert.equal(looksLikeReport('# README\n\n## Install\n\nnpm install\n'), false);
    assert.equal(looksLikeReport('1. first\n2. second\n一、\n二、\n' + 'English text '.repeat(20)), false);
    assert.equal(looksLikeReport('这是一段普通的中文文字，没有任何标题。\n第二段也没有。'), false);
    assert.equal(looksLikeReport(''), false);
  });
  it('needs two level-1/2 markers, not level 3', () => {
    assert.equal(looksLikeReport('一、总体要求\n加强领导。'), false);
    assert.equal(looksLikeReport('1.加强领导。\n2.完善机制。'), false);
    assert.equal(looksLikeReport('一、总体要求\n（一）加强领导。'), true);
  });
});

describe('editsBetween', () => {
  it('gives one small edit per changed line, which reproduce the result', () => {
    const before = '一、甲\r\n(一)a\r\n(二)b\r\n(四)c\r\n';
    const after = fixAll(before).output;
    const edits = editsBetween(before, after);
    assert.deepEqual(edits, [
      { start: 5, end: 8, text: '（一）' },
      { start: 11, end: 14, text: '（二）' },
      { start: 17, end: 20, text: '（三）' },
    ]);
    assert.equal(applyEdits(before, edits).output, after);
  });
  it('falls back to one middle edit when lines differ in number', () => {
    assert.deepEqual(editsBetween('a\nb\nc', 'a\nc'), [{ start: 2, end: 4, text: '' }]);
    assert.deepEqual(editsBetween('same', 'same'), []);
  });
});
