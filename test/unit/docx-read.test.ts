/**
 * The Word reader: body paragraphs, automatic numbering labels (ECMA-376 §17.9) and displayed text, on the
 * fixtures of scripts/make-docx-fixtures.ts and on packages built here. The same fixtures rendered by LibreOffice:
 * docx-render.test.ts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { docxToText, formatNumber, readDocx, type DocxText } from '../../src/docx';
import { abstractNum, buildDocx, FIXTURE_DIR, GONGWEN_LEVELS, lvl, num, p, startOverride } from '../../scripts/make-docx-fixtures';

const read = (name: string): DocxText => readDocx(fs.readFileSync(path.join(FIXTURE_DIR, name)));
/** Each paragraph as label + suffix + text, the way docxToText lines it up. */
const lines = (doc: DocxText): string[] => doc.paragraphs.map((q) => q.label + q.suffix + q.text);

describe('docx reader: automatic numbering', () => {
  it('numbers 一、（一）1.（1） in Chinese counting and decimal, each level restarting under a new parent', () => {
    assert.deepEqual(lines(read('levels.docx')), [
      '关于2024年工作的报告',
      '一、总体要求',
      '（一）指导思想',
      '1.坚持稳中求进。',
      '2.统筹发展和安全。',
      '（1）着力扩大内需',
      '（2）着力稳定预期',
      '（二）主要目标',
      '1.经济增长5%左右。',
      '二、重点任务',
      '（一）加快建设现代化产业体系',
      '1.推动产业升级。',
      '（1）培育新动能',
      '（二）深化改革',
      '三、保障措施',
    ]);
  });

  it('keeps the label apart from the text, with where it comes from', () => {
    const q = read('levels.docx').paragraphs[2];
    assert.deepEqual(
      { index: q.index, label: q.label, suffix: q.suffix, text: q.text, numbering: q.numbering, inTable: q.inTable },
      { index: 3, label: '（一）', suffix: '', text: '指导思想', numbering: { numId: '1', level: 1, format: 'chineseCounting' }, inTable: false },
    );
    assert.deepEqual(read('levels.docx').paragraphs[0].numbering, undefined);
  });

  it('restarts a list at a new instance with w:startOverride, then counts on', () => {
    assert.deepEqual(lines(read('restart-override.docx')), [
      '第一份通知',
      '一、工作目标',
      '二、工作措施',
      '（一）具体要求',
      '第二份通知',
      '一、总体安排',
      '（一）时间节点',
      '（二）责任分工',
      '二、工作要求',
    ]);
  });

  it('restarts a level only where w:lvlRestart says: 1 after a new 一、 only, 0 never', () => {
    assert.deepEqual(lines(read('restart-level.docx')), [
      '一、发展目标',
      '（一）稳增长',
      '1.扩大有效投资。',
      '（1）重大项目',
      '（二）促消费',
      '2.提振大宗消费。',
      '（2）汽车消费',
      '二、重点工作',
      '1.抓好项目建设。',
    ]);
  });

  it('takes a level overridden in w:lvlOverride (its text) while the counters stay shared', () => {
    assert.deepEqual(lines(read('lvltext-override.docx')), ['一、回顾', '（一）成绩', '第二部分部署', '（一）任务', '（二）要求', '三、保障']);
  });

  it('numbers paragraphs by their style (Heading 1 → 一、), through w:basedOn, and not where a style sets numId 0', () => {
    const doc = read('style-numbering.docx');
    assert.deepEqual(lines(doc), [
      '关于加强安全生产的意见',
      '一、总体要求',
      '（一）指导思想',
      '（二）基本原则',
      '正文段落。',
      '二、重点任务',
      '（一）压实责任',
      '附：说明',
      '三、组织保障',
    ]);
    assert.deepEqual(
      doc.paragraphs.map((q) => q.styleId),
      ['Normal', 'Heading1', 'Heading2', 'GongwenH2', 'Normal', 'Heading1', 'Heading2', 'GongwenH2Plain', 'Heading1'],
    );
  });

  it('continues a list across two instances of one definition', () => {
    assert.deepEqual(lines(read('continued.docx')), [
      '一、上半年工作',
      '二、下半年工作',
      '（表格说明）',
      '三、明年打算',
      '（一）主要措施',
      '四、工作要求',
      '（一）具体安排',
    ]);
  });

  it('starts at w:start, and puts a tab after the label by default', () => {
    assert.deepEqual(lines(read('start-3.docx')), ['三、续前文', '（三）小项', '（四）小项', '四、再续', '3.\t条目', '3.3\t分条', '4.\t条目']);
  });

  it('shows every level of a w:isLgl level in decimal, and a space after the label where w:suff says so', () => {
    assert.deepEqual(lines(read('legal.docx')), ['第一章 总则', '1.1 目的', '1.2 依据', '1.2.1 适用范围', '第二章 职责', '2.1 部门职责', '（1） 牵头']);
  });

  it('counts only the paragraphs there are: a level used before its parents shows the parent as 0', () => {
    assert.deepEqual(lines(read('skipped-levels.docx')), ['（一）前言中的小项', '一、总体要求', '0.1.越级的三级标题', '（一）二级标题', '一.1.三级标题']);
  });

  it('applies a w:startOverride the first time its instance numbers that level, not every time', () => {
    const docx = buildDocx({
      numbering: abstractNum(0, lvl(0, 'decimal', '%1.')) + num(1, 0) + num(2, 0, startOverride(0, 5)),
      body: p('a', 1) + p('b', 1) + p('c', 2) + p('d', 2) + p('e', 1),
    });
    assert.deepEqual(
      readDocx(docx).paragraphs.map((q) => q.label),
      ['1.', '2.', '5.', '6.', '7.'],
    );
  });

  it('follows w:numStyleLink to the definition a numbering style names', () => {
    const docx = buildDocx({
      numbering:
        abstractNum(0, GONGWEN_LEVELS + '<w:styleLink w:val="GongwenList"/>') +
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="GongwenList"/></w:abstractNum>' +
        num(1, 0) +
        num(2, 1),
      styles: '<w:style w:type="numbering" w:styleId="GongwenList"><w:name w:val="公文列表"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
      body: p('甲', 2, 0) + p('乙', 2, 1) + p('丙', 1, 0),
    });
    assert.deepEqual(lines(readDocx(docx)), ['一、甲', '（一）乙', '二、丙']);
  });

  it('shows no label for an unknown list, numId 0, or a level the definition lacks', () => {
    const docx = buildDocx({ numbering: abstractNum(0, lvl(0, 'decimal', '%1.')) + num(1, 0), body: p('a', 7) + p('b', 0) + p('c', 1, 4) + p('d', 1) });
    assert.deepEqual(lines(readDocx(docx)), ['a', 'b', 'c', '1.\td']);
  });

  it('reads a document without numbering or styles parts', () => {
    const docx = buildDocx({ body: p('只有正文') });
    assert.deepEqual(lines(readDocx(docx)), ['只有正文']);
  });
});

describe('docx reader: number formats', () => {
  const cases: Array<[string, number, string]> = [
    ['chineseCounting', 1, '一'],
    ['chineseCounting', 10, '十'],
    ['chineseCounting', 11, '十一'],
    ['chineseCounting', 20, '二十'],
    ['chineseCounting', 99, '九十九'],
    ['chineseCounting', 101, '一百零一'],
    ['chineseCounting', 110, '一百一十'],
    ['chineseCounting', 1010, '一千零一十'],
    ['chineseCounting', 12345, '一万二千三百四十五'],
    ['chineseCountingThousand', 1001, '一千零一'],
    ['ideographDigital', 21, '二十一'],
    ['chineseLegalSimplified', 10, '壹拾'],
    ['chineseLegalSimplified', 105, '壹佰零伍'],
    ['decimal', 7, '7'],
    ['decimalZero', 7, '07'],
    ['decimalFullWidth', 12, '１２'],
    ['decimalEnclosedCircle', 1, '①'],
    ['decimalEnclosedCircle', 20, '⑳'],
    ['decimalEnclosedCircle', 21, '㉑'],
    ['decimalEnclosedCircleChinese', 50, '㊿'],
    ['decimalEnclosedCircle', 51, '51'],
    ['upperLetter', 27, 'AA'],
    ['lowerLetter', 53, 'aaa'],
    ['upperRoman', 1994, 'MCMXCIV'],
    ['lowerRoman', 9, 'ix'],
    ['ideographTraditional', 10, '癸'],
    ['ideographZodiac', 12, '亥'],
    ['ordinal', 112, '112th'],
    ['none', 3, ''],
    ['cardinalText', 3, '3'],
    ['chineseCounting', 0, '0'],
  ];
  for (const [format, n, expected] of cases) {
    it(`${format} ${n} → ${expected || '(nothing)'}`, () => assert.equal(formatNumber(n, format), expected));
  }

  it('draws Symbol and Wingdings bullets as the characters they show', () => {
    const labels = read('formats.docx')
      .paragraphs.filter((q) => q.numbering?.format === 'bullet')
      .map((q) => q.label);
    assert.deepEqual(labels, ['•', '▪', '➢', '❖', '●', '■', '✓', '●', '■']);
  });
});

describe('docx reader: displayed text', () => {
  const doc = read('text.docx');

  it('shows what Word shows: breaks, tabs, field results, insertions; not deletions, hidden text, field codes or text boxes', () => {
    assert.deepEqual(
      doc.paragraphs.map((q) => q.text),
      [
        '总体要求',
        '第一行\n第二行\t列',
        '见第7页，共9页。',
        '保留新增链接去掉两端空格',
        '单元格一',
        '单元格一第二段',
        '单元格二',
        '内容控件',
        '正文继续',
        '1.强化组织领导。',
        '各地区要加强领导。',
        '',
        '重点任务',
      ],
    );
  });

  it('marks the paragraphs of tables, and a paragraph whose mark is a style separator', () => {
    assert.deepEqual(
      doc.paragraphs.filter((q) => q.inTable).map((q) => q.index),
      [5, 6, 7],
    );
    assert.deepEqual(
      doc.paragraphs.filter((q) => q.joinsNext).map((q) => q.index),
      [10],
    );
  });

  it('joins a deleted paragraph mark with the next paragraph, as the final view shows it', () => {
    const docx = buildDocx({
      body: `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>${p('后半')}`,
    });
    assert.equal(docxToText(readDocx(docx)).text, '前半后半');
  });

  it('reads a field whose result spans paragraphs (a table of contents) and nested fields', () => {
    const f = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = (s: string) => `<w:r><w:instrText>${s}</w:instrText></w:r>`;
    const run = (s: string) => `<w:r><w:t>${s}</w:t></w:r>`;
    const docx = buildDocx({
      body:
        `<w:p>${f('begin')}${instr('TOC \\o')}${f('separate')}${run('一、总体要求')}</w:p>` +
        `<w:p>${run('二、重点任务')}${f('end')}</w:p>` +
        `<w:p>${f('begin')}${instr('IF ')}${f('begin')}${instr('PAGE')}${f('separate')}${run('3')}${f('end')}${instr(' = 3 "是" "否"')}${f('separate')}${run('是')}${f('end')}</w:p>`,
    });
    assert.deepEqual(
      readDocx(docx).paragraphs.map((q) => q.text),
      ['一、总体要求', '二、重点任务', '是'],
    );
  });

  it('reads elements in another prefix, strict OOXML, and the fallback of mc:AlternateContent', () => {
    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const docx = buildDocx({
      body:
        `<x:p xmlns:x="${strict}"><x:r><x:t>严格格式</x:t></x:r></x:p>` +
        '<w:p><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:r><w:t>新</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>旧</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>',
    });
    assert.deepEqual(
      readDocx(docx).paragraphs.map((q) => q.text),
      ['严格格式', '旧'],
    );
  });
});

describe('docx reader: the text for the core, and the map back', () => {
  const map = docxToText(read('text.docx'));

  it('is one paragraph a line, labels in, a style-separated pair on one line', () => {
    assert.equal(
      map.text,
      '一、总体要求\n第一行\n第二行\t列\n见第7页，共9页。\n保留新增链接去掉两端空格\n单元格一\n单元格一第二段\n单元格二\n内容控件\n正文继续\n1.强化组织领导。各地区要加强领导。\n\n二、重点任务',
    );
    assert.deepEqual(
      map.lines.map((l) => l.paragraph),
      [1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13],
    );
    let at = 0;
    const starts = map.text.split('\n').map((line) => {
      const start = at;
      at += line.length + 1;
      return start;
    });
    assert.deepEqual(
      map.lines.map((l) => l.start),
      starts,
    );
  });

  it('leaves out the suffix after a label (list layout, not text), so that headings read as headings', () => {
    const doc = read('start-3.docx');
    assert.deepEqual(
      doc.paragraphs.map((q) => q.suffix),
      ['', '', '', '', '\t', '\t', '\t'],
    );
    const tabbed = docxToText(doc);
    assert.equal(tabbed.text, '三、续前文\n（三）小项\n（四）小项\n四、再续\n3.条目\n3.3分条\n4.条目');
    assert.deepEqual(tabbed.locate(tabbed.text.indexOf('条目')), { paragraph: 5, column: 0, inLabel: false });
    assert.deepEqual(tabbed.locate(tabbed.text.indexOf('条目') - 1), { paragraph: 5, column: 0, inLabel: true });
    const spaced = docxToText(read('legal.docx')).text.split('\n');
    assert.deepEqual(spaced.slice(0, 2), ['第一章总则', '1.1目的']);
  });

  it('maps each offset to its paragraph and column; label characters to column 0', () => {
    const at = (s: string, k = 0) => map.locate(map.text.indexOf(s) + k);
    assert.deepEqual(map.locate(0), { paragraph: 1, column: 0, inLabel: true });
    assert.deepEqual(map.locate(1), { paragraph: 1, column: 0, inLabel: true });
    assert.deepEqual(map.locate(2), { paragraph: 1, column: 0, inLabel: false });
    assert.deepEqual(at('要求', 1), { paragraph: 1, column: 3, inLabel: false });
    assert.deepEqual(at('第二行'), { paragraph: 2, column: 4, inLabel: false });
    assert.deepEqual(at('各地区'), { paragraph: 11, column: 0, inLabel: false });
    assert.deepEqual(at('重点任务'), { paragraph: 13, column: 0, inLabel: false });
    // A line's end: the end of its paragraph.
    assert.deepEqual(map.locate(map.text.indexOf('\n')), { paragraph: 1, column: 4, inLabel: false });
  });

  it('gives a range in one paragraph: a label range anchors at column 0; a range running on ends at its paragraph', () => {
    assert.deepEqual(map.paragraphRange(0, 2), { paragraph: 1, startColumn: 0, endColumn: 0 });
    assert.deepEqual(map.paragraphRange(0, 4), { paragraph: 1, startColumn: 0, endColumn: 2 });
    const o = map.text.indexOf('新增');
    assert.deepEqual(map.paragraphRange(o, o + 2), { paragraph: 4, startColumn: 2, endColumn: 4 });
    const s = map.text.indexOf('单元格一');
    assert.deepEqual(map.paragraphRange(s + 2, s + 8), { paragraph: 5, startColumn: 2, endColumn: 4 });
    assert.deepEqual(map.paragraphRange(o, o), { paragraph: 4, startColumn: 2, endColumn: 2 });
  });
});
