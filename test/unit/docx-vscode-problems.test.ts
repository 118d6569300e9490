/**
 * The extension's pure helpers for Word drafts (src/extension/docxProblems.ts): a draft's diagnostics anchored on
 * its paragraphs and columns for `annotateDocx`, the annotated copy's default name, the message of a file that is
 * not a readable `.docx`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { lint } from '../../src/core';
import { annotateDocx, docxToText, readDocx } from '../../src/docx';
import { buildDocx } from '../../scripts/make-docx-fixtures';
import { checkedPathOf, editorTextOf, toDocxProblems, unreadableMessage } from '../../src/extension/docxProblems';
import { docxSourcePathOf } from '../../src/server/context';

const DRAFT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'docx', 'vscode-draft.docx'));

/** A paragraph of one run whose `w:t` is written as given (character references kept). */
const raw = (xml: string) => `<w:p><w:r><w:t xml:space="preserve">${xml}</w:t></w:r></w:p>`;

describe('Word drafts in VS Code: the pure helpers', () => {
  it('anchors each problem of the text on its paragraph and columns, in text order, the rule id after the message', () => {
    const map = docxToText(readDocx(DRAFT));
    const problems = lint(map.text).map((p) => ({ start: p.start, end: p.end, message: p.message, rule: p.ruleId }));
    assert.deepEqual(
      problems.map((p) => [p.rule, map.text.slice(p.start, p.end)]),
      [
        ['placeholder', 'XX'],
        ['numbering-sequence', '四、'],
      ],
    );
    const anchored = toDocxProblems([...problems].reverse(), map);
    assert.deepEqual(
      anchored.map(({ paragraph, startColumn, endColumn }) => ({ paragraph, startColumn, endColumn })),
      [
        // 全年完成投资XX亿元: the placeholder's two characters in the third paragraph.
        { paragraph: 3, startColumn: 6, endColumn: 8 },
        // 四、 is Word's automatic label: a point at the sixth paragraph's start.
        { paragraph: 6, startColumn: 0, endColumn: 0 },
      ],
    );
    assert.equal(anchored[0].message, `${problems[0].message} [placeholder]`);
    assert.equal(anchored[1].message, `${problems[1].message} [numbering-sequence]`);
  });

  it('keeps a message without a rule as it is, and a range that runs into the next paragraph ends with its own', () => {
    const map = docxToText(readDocx(DRAFT));
    const second = map.text.indexOf('一、工作进展');
    const [p] = toDocxProblems([{ start: second + 2, end: second + 10, message: '跨段' }], map);
    assert.deepEqual(p, { paragraph: 2, startColumn: 0, endColumn: 4, message: '跨段' });
  });

  it('gives an annotated copy one comment per problem', () => {
    const map = docxToText(readDocx(DRAFT));
    const problems = toDocxProblems(
      lint(map.text).map((p) => ({ start: p.start, end: p.end, message: p.message, rule: p.ruleId })),
      map,
    );
    const comments = new TextDecoder().decode(unzipSync(annotateDocx(DRAFT, problems))['word/comments.xml']);
    assert.equal(comments.match(/<w:comment /g)?.length, 2);
    assert.match(comments, /\[placeholder\]/);
  });

  it('names the copy beside the draft: 草稿.docx -> 草稿.checked.docx', () => {
    assert.equal(checkedPathOf('/公文/草稿.docx'), '/公文/草稿.checked.docx');
    assert.equal(checkedPathOf('/c:/Drafts/REPORT.DOCX'), '/c:/Drafts/REPORT.checked.DOCX');
    assert.equal(checkedPathOf('/a.b/draft'), '/a.b/draft.checked.docx');
  });

  it('gives the language server the .docx behind a draft’s text (the file URI in its query), for its config', () => {
    // As VS Code writes `gongwen-docx:/d/草.docx（文本）?file:///d/草.docx`: the query's URI percent-encoded once more.
    const text = 'gongwen-docx:/d/%E8%8D%89.docx%EF%BC%88%E6%96%87%E6%9C%AC%EF%BC%89?file%3A%2F%2F%2Fd%2F%25E8%258D%2589.docx';
    assert.equal(docxSourcePathOf(text), '/d/草.docx');
    assert.equal(docxSourcePathOf('gongwen-docx:/d/a.docx (text)?file:///d/a.docx#x'), '/d/a.docx');
    // `/d/a b#%.docx`: the space, # and % percent-encoded in the .docx's URI, that URI encoded once more in the query.
    assert.equal(docxSourcePathOf('gongwen-docx:/d/a%20b%23%25.docx%20(text)?file%3A%2F%2F%2Fd%2Fa%2520b%2523%2525.docx'), '/d/a b#%.docx');
    assert.equal(docxSourcePathOf('file:///d/a.docx'), undefined);
    assert.equal(docxSourcePathOf('gongwen-docx:/d/a.docx (text)'), undefined);
    assert.equal(docxSourcePathOf('gongwen-docx:/d/a.docx (text)?vscode-vfs%3A%2F%2Fgithub%2Fo%2Fr%2Fa.docx'), undefined);
    assert.equal(docxSourcePathOf('gongwen-docx:/d/a.docx (text)?file%3A%2F%2F%2Fd%2F%E8'), undefined);
  });

  it('serves the text as VS Code keeps it: a \\r of a w:t a \\n, a \\r\\n one \\n, no leading BOM; ranges map back', () => {
    const shown = editorTextOf('\uFEFF标题\n甲\r\n乙\r丙XX');
    assert.equal(shown.text, '标题\n甲\n乙\n丙XX');
    // 标题 (with the BOM before it), the \n that was \r\n, XX after both; an empty range stays empty.
    assert.deepEqual(shown.sourceRange(0, 2), { start: 0, end: 3 });
    assert.deepEqual(shown.sourceRange(4, 5), { start: 5, end: 7 });
    assert.deepEqual(shown.sourceRange(3, 4), { start: 4, end: 5 });
    assert.deepEqual(shown.sourceRange(8, 10), { start: 10, end: 12 });
    assert.deepEqual(shown.sourceRange(1, 1), { start: 2, end: 2 });
    const plain = editorTextOf('甲\n乙');
    assert.equal(plain.text, '甲\n乙');
    assert.deepEqual(plain.sourceRange(2, 3), { start: 2, end: 3 });
  });

  it('anchors the problems of a text with \\r\\n, \\r and a BOM in its w:t on the paragraphs’ own columns', () => {
    const bytes = buildDocx({ body: raw('&#xFEFF;关于工作的报告') + raw('第一行&#13;&#10;投资XX亿元') + raw('回车&#13;之后XX') });
    const map = docxToText(readDocx(bytes));
    assert.equal(map.text, '\uFEFF关于工作的报告\n第一行\r\n投资XX亿元\n回车\r之后XX');
    const shown = editorTextOf(map.text);
    const problems = lint(shown.text)
      .filter((p) => p.ruleId === 'placeholder')
      .map((p) => ({ ...shown.sourceRange(p.start, p.end), message: p.message }));
    assert.deepEqual(
      toDocxProblems(problems, map).map(({ paragraph, startColumn, endColumn }) => ({ paragraph, startColumn, endColumn })),
      [
        { paragraph: 2, startColumn: 7, endColumn: 9 },
        { paragraph: 3, startColumn: 5, endColumn: 7 },
      ],
    );
  });

  it('says why a file cannot be read in the UI’s language: the reader’s sentence, else the error’s message', () => {
    let error: unknown;
    try {
      readDocx(new TextEncoder().encode('这不是 Word 文档'));
    } catch (e) {
      error = e;
    }
    assert.match(unreadableMessage(error, true), /^这不是 Word 文档（\.docx）：/);
    assert.match(unreadableMessage(error, false), /^This is not a Word document \(\.docx\): /);
    assert.equal(unreadableMessage(new Error('EACCES: permission denied'), true), 'EACCES: permission denied');
    assert.equal(unreadableMessage('odd', false), 'odd');
  });
});
