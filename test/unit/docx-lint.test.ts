/**
 * The reader's text as the core lints it: the project's own Word export read back gives the report's text and the
 * report's problems at mapped positions (its numbering is typed, not automatic); automatic numbering reaches the
 * numbering rules, and a problem on an automatic label maps to its paragraph's start.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint, parse } from '../../src/core';
import { exportDocx } from '../../src/export';
import { docxToText, readDocx } from '../../src/docx';
import { abstractNum, buildDocx, GONGWEN_LEVELS, lvl, num, p } from '../../scripts/make-docx-fixtures';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const nonBlank = (text: string) => text.split(/\r?\n/).filter((l) => l.trim());

describe('docx reader: the project’s own export read back', function () {
  this.timeout(60_000);

  it('gives each exported document’s text: the report’s lines (corpus 002: its table of contents and its report)', async () => {
    const source = fs.readFileSync(path.join(CORPUS, '002_3cbf79e9d602b8eb.txt'), 'utf8');
    const model = parse(source, 'text');
    assert.equal(model.documents.length, 2);
    for (const d of model.documents) {
      const map = docxToText(readDocx(await exportDocx(model, d.index)));
      const lines = source.split(/\r?\n/).slice(d.titleLine >= 0 ? d.titleLine : d.startLine, d.endLine + 1);
      assert.deepEqual(nonBlank(map.text), nonBlank(lines.join('\n')), `document ${d.index + 1} (${d.kind})`);
    }
  });

  it('gives corpus 004’s text and, linted, its problems, each mapped to the paragraph and column of its characters', async () => {
    const source = fs.readFileSync(path.join(CORPUS, '004_503d8dbb8d0f1449.txt'), 'utf8');
    const doc = readDocx(await exportDocx(parse(source, 'text'), 0));
    const map = docxToText(doc);
    assert.equal(map.text, nonBlank(source).join('\n'));
    const fromText = lint(source);
    const fromDocx = lint(map.text);
    assert.ok(fromText.length > 10, `${fromText.length} problems`);
    const lineAt = (text: string, offset: number) => {
      const start = text.lastIndexOf('\n', offset - 1) + 1;
      return { line: text.slice(start, text.indexOf('\n', start) < 0 ? undefined : text.indexOf('\n', start)), column: offset - start };
    };
    assert.deepEqual(
      fromDocx.map((q) => [q.ruleId, q.message, map.text.slice(q.start, q.end)]),
      fromText.map((q) => [q.ruleId, q.message, source.slice(q.start, q.end)]),
    );
    let inRunInBody = 0;
    fromDocx.forEach((q, i) => {
      const at = map.locate(q.start);
      const paragraph = doc.paragraphs[at.paragraph - 1];
      const original = lineAt(source, fromText[i].start);
      // A run-in heading is two Word paragraphs on one line (a style separator between): the line holds the paragraph.
      const inLine = original.line.indexOf(paragraph.text);
      assert.ok(inLine >= 0, `problem ${i}: its paragraph is (part of) its line`);
      assert.equal(inLine + at.column, original.column, `problem ${i}: the same column of the line`);
      if (inLine > 0) inRunInBody++;
    });
    assert.ok(inRunInBody > 0, 'some problems lie in the body of a run-in heading, a paragraph of its own in Word');
  });
});

describe('docx reader: automatic numbering reaches the numbering rules', () => {
  // 一、二、 numbered by Word, then a 四、 typed by hand: the sequence skips 三.
  const docx = buildDocx({
    numbering: abstractNum(0, GONGWEN_LEVELS) + abstractNum(1, lvl(0, 'decimal', '%1、', '<w:suff w:val="nothing"/>')) + num(1, 0) + num(2, 1),
    body: p('关于2024年工作的报告') + p('总体要求', 1, 0) + p('重点任务', 1, 0) + p('四、保障措施') + p('专项工作', 2, 0) + p('各单位要抓好落实。'),
  });
  const doc = readDocx(docx);
  const map = docxToText(doc);

  it('hands on the displayed text, labels in, one paragraph a line', () => {
    assert.equal(map.text, '关于2024年工作的报告\n一、总体要求\n二、重点任务\n四、保障措施\n1、专项工作\n各单位要抓好落实。');
  });

  it('finds the typed 四、 out of sequence, in its paragraph’s own text', () => {
    const skip = lint(map.text).find((q) => q.ruleId === 'numbering-sequence');
    assert.ok(skip, 'a numbering-sequence problem');
    assert.equal(map.text.slice(skip.start, skip.end), '四、');
    assert.deepEqual(map.paragraphRange(skip.start, skip.end), { paragraph: 4, startColumn: 0, endColumn: 2 });
  });

  it('maps a problem on an automatic label (1、) to its paragraph’s start', () => {
    const style = lint(map.text).find((q) => q.ruleId === 'numbering-style' && map.text.slice(q.start, q.end) === '1、');
    assert.ok(style, 'a numbering-style problem on 1、');
    assert.deepEqual(map.locate(style.start), { paragraph: 5, column: 0, inLabel: true });
    assert.deepEqual(map.paragraphRange(style.start, style.end), { paragraph: 5, startColumn: 0, endColumn: 0 });
  });
});
