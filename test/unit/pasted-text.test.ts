// Pasted web and PDF text, read as a reviewer reads it: page furniture is no title and no prose, unnumbered
// part headings head their sections, headings run into paragraphs are found. The texts are the opening of the
// 2026 Gansu government work report as a web page gives it (johncodes404/china-provincial-gov-reports-2026).
import assert from 'node:assert/strict';
import { applyEdits, lint, outline, parse } from '../../src/core';
import { isPageNumber, isWebFurniture } from '../../src/core/structure/furniture';

const GANSU_WEB = [
  '下载',
  '打印',
  '全屏',
  '收藏',
  '【字号：',
  '加大',
  '还原',
  '减小',
  '】',
  '2026年甘肃省政府工作报告',
  '——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上',
  '来源：甘肃日报',
  '时间：2026-02-10',
  '甘肃省省长 任振鹤',
  '各位代表：',
  '我代表省人民政府，向大会报告工作，请与《甘肃省国民经济和社会发展第十五个五年规划纲要（草案）》一并审议，并请省政协委员和其他列席人员提出意见。',
  '“十四五”时期工作回顾',
  '“十四五”时期是甘肃发展极不寻常、极不平凡的五年。在迈上现代化建设新征程的重要时点，习近平总书记第三次亲临视察，为我省发展把脉定向、指路领航。',
  '2026年重点工作',
  '今年是“十五五”开局之年。政府工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，实现“十五五”良好开局。',
  '重点抓好八个方面工作：',
  '（一）放大促消费扩投资政策效应',
  '积极承接用好政策。落实好更加积极的财政政策、适度宽松的货币政策，充分用足存量政策，跟进落细增量政策，切实发挥政策集成效应。',
  '（二）加快建设现代化产业体系',
  '一体推进教育科技人才发展。加力实施强科技行动，推动科技创新和产业创新深度融合，建设全国区域性科技创新及转化基地。',
  '',
].join('\n');

describe('pasted web text: the 2026 Gansu report as its web page gives it', () => {
  const model = parse(GANSU_WEB);

  it('takes the report title, not the page’s 下载 button, for the title', () => {
    assert.equal(model.documents.length, 1);
    assert.equal(model.documents[0].title, '2026年甘肃省政府工作报告');
    assert.equal(model.documents[0].titleLine, 9);
  });

  it('knows the tool bar, the 【字号】 pieces and the 来源/时间 metadata for furniture, and nothing else', () => {
    assert.deepEqual(
      model.furniture.map((f) => f.line + 1),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13],
    );
    for (const f of model.furniture) assert.equal(model.isProseLine(f.line), false);
    const metadata = model.lines.starts[12];
    assert.equal(model.isExcluded(metadata, metadata + 5), true);
    assert.equal(model.isProseLine(13), true, 'the byline is the report’s');
  });

  it('finds the unnumbered part headings, and hangs the （一） sections from 2026年重点工作', () => {
    const parts = model.headings.filter((h) => h.level === 0);
    assert.deepEqual(
      parts.map((h) => [h.line + 1, h.title, h.markerStart - model.lines.starts[h.line], h.titleEnd - model.lines.starts[h.line]]),
      [
        [17, '“十四五”时期工作回顾', 0, 11],
        [19, '2026年重点工作', 0, 9],
      ],
    );
    const [doc] = outline(model);
    assert.deepEqual(
      doc.sections.map((s) => [s.title, s.children.map((c) => c.marker + c.title)]),
      [
        ['“十四五”时期工作回顾', []],
        ['2026年重点工作', ['（一）放大促消费扩投资政策效应', '（二）加快建设现代化产业体系']],
      ],
    );
  });

  it('judges no furniture line: no problem starts on one', () => {
    const furnitureLines = new Set(model.furniture.map((f) => f.line));
    const problems = lint(GANSU_WEB);
    for (const p of problems.filter((x) => x.ruleId !== 'page-furniture'))
      assert.ok(!furnitureLines.has(model.lines.lineAt(p.start)), `${p.ruleId} on line ${model.lines.lineAt(p.start) + 1}`);
    // page-furniture names the furniture: once for the document, with one fix that deletes its 11 lines (two runs).
    const furniture = problems.filter((x) => x.ruleId === 'page-furniture');
    assert.equal(furniture.length, 1);
    assert.equal(furniture[0].start, 0);
    assert.equal(furniture[0].fix?.safe, false);
    assert.equal(furniture[0].fix?.edits.length, 2);
    const cleaned = applyEdits(GANSU_WEB, furniture[0].fix.edits);
    assert.deepEqual(cleaned.skipped, []);
    assert.deepEqual(cleaned.output.split('\n').slice(0, 4), [
      '2026年甘肃省政府工作报告',
      '——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上',
      '甘肃省省长 任振鹤',
      '各位代表：',
    ]);
  });

  it('a lone 时间：2024-03-13 of a notice is content, not furniture', () => {
    const notice = parse('关于召开工作会议的通知\n各科室：\n定于近期召开工作会议。\n时间：2024-03-13\n地点：三楼会议室\n');
    assert.deepEqual(notice.furniture, []);
  });
});

describe('furniture lines, one by one', () => {
  it('web pages: tool bars, share widgets, breadcrumbs, editors, footers', () => {
    for (const t of [
      '打印 全屏 收藏 【字号：加大 还原 减小】',
      '分享到',
      '分享到微信朋友圈×',
      '》》点击图片进入专题《《',
      '您的位置：首页 > 政务公开 > 政府工作报告',
      '责任编辑：张三',
      '浏览次数：1234',
      '发布时间：2026-02-03 09:02:33',
      '×',
      '上一篇',
      '版权所有：XX市人民政府办公室',
    ]) {
      assert.equal(isWebFurniture(t), true, t);
    }
    for (const t of [
      '2026年甘肃省政府工作报告',
      '各位代表：',
      '时间：2024年3月13日上午9时',
      '（一）放大促消费扩投资政策效应',
      '下载量大幅增长，同比增长15%。',
      '打印机采购项目已完成。',
    ]) {
      assert.equal(isWebFurniture(t), false, t);
    }
  });

  it('PDF page numbers', () => {
    for (const t of ['— 3 —', '- 12 -', '—3—', '第3页', '第 3 页 共 12 页', '3/12', '7']) assert.equal(isPageNumber(t), true, t);
    for (const t of ['3.加强组织领导', '2025年', '一、总体要求']) assert.equal(isPageNumber(t), false, t);
  });
});

describe('headings run into a paragraph when line breaks were lost', () => {
  // The same report's lines, flattened the way a copy that loses its line breaks gives them.
  const flat = [
    '2026年重点工作',
    '今年是“十五五”开局之年。重点抓好八个方面工作：（一）放大促消费扩投资政策效应积极承接用好政策。落实好更加积极的财政政策。（二）加快建设现代化产业体系一体推进教育科技人才发展。加力实施强科技行动。',
    '',
  ].join('\n');

  it('takes no marker after a colon for a heading run into the paragraph (a list may follow a colon)', () => {
    const m = parse(flat);
    // （一） follows a colon, not a sentence end; without it （二） continues nothing.
    assert.deepEqual(
      m.headings.filter((h) => h.inline).map((h) => h.marker),
      [],
    );
  });

  it('finds 二、 after 一、 and the glued first child （一）, with exact positions', () => {
    const text =
      '一、总体情况\n2024年以来，全局上下取得新成效。二、主要做法（一）加强组织领导。成立领导小组。（二）完善工作机制。建立工作制度。三、下一步打算\n继续努力。\n';
    const m = parse(text);
    const start = m.lines.starts[1];
    assert.deepEqual(
      m.headings.map((h) => [h.marker, h.title, h.inline, h.markerStart - (h.line ? start : 0)]),
      [
        ['一、', '总体情况', false, 0],
        ['二、', '主要做法', true, 18],
        ['（一）', '加强组织领导', true, 24],
        ['（二）', '完善工作机制', true, 41],
        ['三、', '下一步打算', true, 58],
      ],
    );
    const [doc] = outline(m);
    assert.deepEqual(
      doc.sections.map((s) => [s.marker, s.children.map((c) => c.marker)]),
      [
        ['一、', []],
        ['二、', ['（一）', '（二）']],
        ['三、', []],
      ],
    );
    for (const s of doc.sections) assert.ok(s.start < s.end, `${s.marker} ${s.start}-${s.end}`);
  });

  it('leaves a 2.5万元 after a sentence end, and a （1）（2） list a writer ran on, as text', () => {
    const m = parse('一、总体情况\n全年完成投资。2.5万元用于培训。（1）加强培训。（2）完善制度。\n');
    assert.deepEqual(
      m.headings.map((h) => h.marker),
      ['一、'],
    );
  });
});
