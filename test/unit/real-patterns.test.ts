// The patterns of pasted report text, each on a real text of the evaluation set (test/real/texts/), at exact
// positions: glossaries, lead lines, attachments, headings run into paragraphs, masked names, hard wraps across
// pages, split ordinals, site notes, running heads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, lint, parse, type DocumentModel, type Problem } from '../../src/core';
import { wrapWidth } from '../../src/core/structure/paragraphs';

const TEXTS = path.join(__dirname, '..', 'real', 'texts');
const read = (id: string): string => fs.readFileSync(path.join(TEXTS, `${id}.txt`), 'utf8');
/** 1-based line and column of an offset. */
const at = (m: DocumentModel, offset: number): string => {
  const line = m.lines.lineAt(offset);
  return `${line + 1}:${offset - m.lines.starts[line] + 1}`;
};
const headingsOn = (m: DocumentModel, line: number) => m.headings.filter((h) => h.line === line - 1);
const only = (text: string, rule: string): Problem[] => lint(text, { only: [rule] });

describe('real texts: what a heading is', () => {
  it('official-04: the glossary after the report (政府工作报告名词、术语注释) heads its part; its 1.–N. entries are no sections', () => {
    const m = parse(read('official-04'));
    assert.deepEqual(
      headingsOn(m, 74).map((h) => [h.level, h.title]),
      [[0, '政府工作报告名词、术语注释']],
    );
    for (let line = 75; line <= 110; line++) assert.deepEqual(headingsOn(m, line), [], `line ${line}`);
    assert.deepEqual(only(read('official-04'), 'heading-title-stop'), []);
  });

  it('official-09: lead lines (生态底色更加亮丽。) head their paragraphs, nested in the section they are read in', () => {
    const m = parse(read('official-09'));
    const lead = headingsOn(m, 10)[0];
    assert.equal(lead.title, '生态底色更加亮丽');
    assert.equal(lead.lead, true);
    assert.equal(at(m, lead.titleStart), '10:1');
    assert.equal(at(m, lead.titleEnd), '10:9');
    assert.deepEqual(headingsOn(m, 11), []);
  });

  it('web-33: an attachment (附件 / 2026年自治区民生实事) is a part; its numbered list is not judged against the report’s levels', () => {
    const text = read('web-33');
    const m = parse(text);
    const part = headingsOn(m, 62)[0];
    assert.deepEqual([part.level, part.title, part.attachment], [0, '2026年自治区民生实事', true]);
    assert.deepEqual(only(text, 'numbering-hierarchy'), []);
  });

  it('flat-05: 汇报如下:一、 on a flattened line starts a heading, at its exact column', () => {
    const m = parse(read('flat-05'));
    const h = m.headings.find((x) => x.marker === '一、')!;
    assert.equal(h.inline, true);
    assert.equal(h.title.startsWith('政治思想建设情况'), true);
    assert.equal(at(m, h.markerStart), `1:${read('flat-05').indexOf('一、政治思想') + 1}`);
  });

  it('template-17: 二、主要工作及成效1、领导重视 splits at the glued first child', () => {
    const text = read('template-17');
    const m = parse(text);
    const two = m.headings.find((x) => x.marker === '二、')!;
    assert.equal(two.title, '主要工作及成效');
    const child = m.headings.find((x) => x.marker === '1、')!;
    assert.equal(child.markerStart, text.indexOf('1、领导重视'));
    assert.equal(child.inline, true);
  });

  it('flat-03: a flattened line that merely begins with a number (1、…汇编(35篇)目录1.…) is not placed in the hierarchy', () => {
    const text = read('flat-03');
    const m = parse(text);
    assert.ok(m.headings[0].title.length > 100);
    assert.deepEqual(only(text, 'numbering-hierarchy'), []);
  });

  it('template-04: page 3 of a paginated web article (镇政府工作总结及工作规划范文(3)) may start at 四、', () => {
    const text = read('template-04');
    assert.deepEqual(only(text, 'numbering-start'), []);
    // The same report as a first page is still held to 一、.
    const first = text.replace('范文(3)', '范文');
    const [p] = only(first, 'numbering-start');
    assert.equal(first.slice(p.start, p.end), '四、');
  });

  it('template-07: a title printed again down the page (a running head) is no part heading', () => {
    const m = parse(read('template-07'));
    assert.deepEqual(headingsOn(m, 18), []);
  });

  it('web-32: the Yunnan report’s title is its own, under the page’s breadcrumb and metadata', () => {
    const m = parse(read('web-32'));
    assert.equal(m.documents[0].title, '2026年政府工作报告');
    assert.deepEqual(
      m.furniture.map((f) => f.line + 1).filter((l) => l <= 13),
      [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13],
    );
  });
});

describe('real texts: placeholders', () => {
  it('template-08: 〔…〕 masks a name', () => {
    const text = read('template-08');
    const m = parse(text);
    const found = only(text, 'placeholder').filter((p) => text.slice(p.start, p.end) === '〔…〕');
    assert.equal(at(m, found[0].start), '2:1');
    assert.equal(found[0].end - found[0].start, 3);
  });

  it('official-04: “X”包括…, explaining the X of the policy term “1+X”, is no blank; a template’s “X” still is', () => {
    const text = read('official-04');
    const m = parse(text);
    assert.ok(!only(text, 'placeholder').some((p) => m.lines.lineAt(p.start) === 89));
    const [p] = only('请在“X”处填写单位名称。', 'placeholder');
    assert.deepEqual([p.start, p.end], [3, 4]);
  });

  it('template-18: 20__年 and 20__ 年 are blank years; a citation’s (20__) too', () => {
    const text = read('template-18');
    const m = parse(text);
    const blanks = only(text, 'placeholder')
      .filter((p) => text.slice(p.start, p.end) === '__')
      .map((p) => at(m, p.start));
    const line12 = m.lines.lineText(11);
    assert.ok(blanks.includes(`12:${line12.indexOf('20__年') + 3}`), blanks.join(' '));
  });
});

describe('real texts: hard wraps and pages', () => {
  it('web-15: a quotation wrapped over two lines (“八八⏎战略”) pairs', () => {
    assert.deepEqual(only(read('web-15'), 'quote-pairs'), []);
  });

  it('pdf-02: an enumeration carried over a page break (— 26 — and blank lines) is one run', () => {
    assert.deepEqual(only(read('pdf-02'), 'inline-sequence'), []);
  });

  it('pdf-09: an ordinal the wrap split (六 / 是) is read whole', () => {
    const text = read('pdf-09');
    const m = parse(text);
    const run = m.enumerations.find((r) => r.items.some((i) => i.text === '六\n是'))!;
    // 一是 … 十五是, the 2026 Jilin report's fifteen tasks, with none skipped.
    assert.deepEqual(
      run.items.map((i) => i.number),
      Array.from({ length: 15 }, (_, k) => k + 1),
    );
    const six = run.items[5];
    assert.equal(at(m, six.start), `535:${m.lines.lineText(534).length}`);
    assert.deepEqual(only(text, 'inline-sequence'), []);
  });

  it('pdf-01: a PDF extraction is set to a width; hard-wrap rebuilds its paragraphs and keeps every character', () => {
    const text = read('pdf-01');
    const m = parse(text);
    assert.equal(wrapWidth(m), 27);
    const [p] = only(text, 'hard-wrap');
    assert.equal(p.fix!.safe, false);
    const rebuilt = applyEdits(text, p.fix!.edits);
    assert.deepEqual(rebuilt.skipped, []);
    const strip = (s: string) => s.replace(/\s+/g, '').replace(/—\d+—|— \d+ —/g, '');
    assert.equal(strip(rebuilt.output), strip(text), 'only line breaks, indents and page numbers go');
    // Every heading still starts its own line.
    const after = parse(rebuilt.output);
    assert.equal(after.headings.filter((h) => h.level > 0).length, m.headings.filter((h) => h.level > 0).length);
    assert.ok(after.headings.every((h) => !h.inline));
  });

  it('official-01: a report whose paragraphs are lines is no hard-wrapped text', () => {
    assert.equal(wrapWidth(parse(read('official-01'))), 0);
    assert.deepEqual(only(read('official-01'), 'hard-wrap'), []);
  });
});

describe('real texts: page furniture', () => {
  it('template-02: a 范文 site’s blurb (以下是网友为您整理分享的……) is furniture, not judged', () => {
    const text = read('template-02');
    const m = parse(text);
    assert.equal(m.isProseLine(1), false);
    assert.ok(!only(text, 'punctuation-width').some((p) => m.lines.lineAt(p.start) === 1));
  });

  it('web-36: the related-links box after 相关报道 is furniture; spacing leaves its headlines alone', () => {
    const text = read('web-36');
    const m = parse(text);
    assert.ok(!only(text, 'spacing').some((p) => m.lines.lineAt(p.start) >= 130));
  });

  it('web-16: a letter-spaced title (政 府 工 作 报 告) keeps its spaces', () => {
    const text = read('web-16');
    const m = parse(text);
    assert.ok(!only(text, 'spacing').some((p) => m.lines.lineText(m.lines.lineAt(p.start)).includes('政 府 工')));
  });

  it('official-07: a newspaper jump line （下转第四版）（紧接第一版） keeps its space', () => {
    const text = read('official-07');
    const m = parse(text);
    assert.ok(!only(text, 'spacing').some((p) => m.lines.lineAt(p.start) === 20));
  });
});

describe('real texts: headings run into paragraphs, the rule', () => {
  it('flat-05: heading-own-line on 一、政治思想建设情况 breaks the line before the marker, as a suggestion', () => {
    const text = read('flat-05');
    const m = parse(text);
    const p = only(text, 'heading-own-line').find((x) => text.slice(x.start, x.end).startsWith('一、'))!;
    assert.equal(at(m, p.start), `1:${text.indexOf('一、政治思想') + 1}`);
    assert.equal(p.fix!.safe, false);
    assert.deepEqual(p.fix!.edits, [{ start: p.start, end: p.start, text: '\n' }]);
  });
});
