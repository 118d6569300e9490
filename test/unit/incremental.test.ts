import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_CONFIG, createLintSession, lint, parse, type DocumentModel, type GongwenConfig, type Heading, type SourceFormat } from '../../src/core';
import type { SectionNode } from '../../src/core/structure/model';
import { lineWidth } from '../../src/core/structure/paragraphs';
import { attachmentItemLines } from '../../src/core/structure/attachments';
import { glossaryLines } from '../../src/core/structure/part-headings';
import { LineEditFacts } from '../../src/core/structure/line-edit';

/**
 * A lint session re-lints an edit inside one body line incrementally (src/core/rules/session.ts): the model is moved,
 * not parsed, and each rule runs again only where its scope says the edit can have changed its problems. Whatever
 * the edits, its problems and its model are those of a fresh `lint()` and `parse()`.
 */

const ROOT = path.join(__dirname, '..', '..');
const corpusDir = ['../shared/corpus', 'test/fixtures/corpus'].map((d) => path.join(ROOT, d)).find((d) => fs.existsSync(d))!;
const read = (file: string): string => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
const CORPUS = fs
  .readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => path.join(corpusDir, f));
/** Real texts of every kind: a web copy with page furniture, an official report, a template, a PDF extraction, a flattened copy. */
const REAL = ['web-01', 'official-01', 'template-01', 'pdf-01', 'flat-01'].map((n) => path.join(ROOT, 'test/real/texts', `${n}.txt`));
/** Markdown syntax beside the prose: emphasis, code, links, a list, a quotation, a table, a disable comment, an html block. */
const MARKDOWN = [
  '# 2024年工作总结',
  '',
  '## 一、主要工作',
  '',
  '全年围绕中心工作，**扎实推进**各项任务,进一步完善基层医疗卫生服务体系，持续提升群众就医获得感和满意度，取得了明显成效。',
  '',
  '<!-- gongwen-disable-next-line punctuation-width -->',
  '二是加强队伍建设,组织开展业务培训二十余场次，覆盖全体医务人员，详见[培训方案](https://example.cn/a?b=1)和`附件1`的安排，群众满意度明显提高。',
  '',
  '- 三是强化安全监管，开展专项检查十余次,及时消除各类隐患，确保全年未发生重大安全事故，医疗秩序保持持续平稳向好。',
  '- 四是XX县完成年度目标任务，全面推进各项重点工作落地见效，形成了一批可复制可推广的经验做法，得到上级充分肯定。',
  '',
  '> “坚持以人民为中心的发展思想，统筹推进医疗、医保、医药联动改革，推动优质医疗资源扩容下沉和区域均衡布局，',
  '> 不断满足人民群众多层次多样化的健康需求。”',
  '',
  '| 指标 | 完成情况 |',
  '| --- | --- |',
  '| 基层诊疗量 | 同比增长12.5%,超额完成年度目标任务，位居全省前列，得到充分肯定和高度评价 |',
  '',
  '<div>',
  '附件：1.培训方案',
  '</div>',
  '',
  '## 二、下步打算',
  '',
  '（一）深化改革。坚持以人民为中心的发展思想，统筹推进医疗、医保、医药联动改革，推动优质医疗资源扩容下沉和区域均衡布局。',
].join('\n');
const TEXTS = [...[...CORPUS, ...REAL].map((file) => ({ name: path.basename(file), text: read(file) })), { name: 'markdown sample', text: MARKDOWN }];
const FORMATS: SourceFormat[] = ['text', 'markdown'];
const CONFIG: GongwenConfig = { ...DEFAULT_CONFIG, segmenter: 'off' };

/** A model as plain data: every field, headings and sections by index, `isProseLine` and `isExcluded` at every line and offset. */
function snapshot(m: DocumentModel): unknown {
  const headingIndex = new Map<Heading, number>(m.headings.map((h, i) => [h, i]));
  const documents = m.documents.map((d) => {
    const nodeIndex = new Map<SectionNode, number>(d.nodes.map((n, i) => [n, i]));
    const node = (n: SectionNode) => ({
      heading: headingIndex.get(n.heading),
      depth: n.depth,
      parent: n.parent ? nodeIndex.get(n.parent) : null,
      children: n.children.map((c) => nodeIndex.get(c)),
      end: n.end,
    });
    return { ...d, headings: d.headings.map((h) => headingIndex.get(h)), sections: d.sections.map((n) => nodeIndex.get(n)), nodes: d.nodes.map(node) };
  });
  const prose = Array.from({ length: m.lines.lineCount }, (_, l) => m.isProseLine(l));
  const excluded = Array.from({ length: m.text.length + 1 }, (_, i) => m.isExcluded(i, i + 1));
  const markdown = m.markdown && { ...m.markdown, nonProseLines: [...m.markdown.nonProseLines].sort((a, b) => a - b) };
  const { text, format, headings, furniture, enumerations } = m;
  return {
    keys: Object.keys(m),
    text,
    format,
    starts: m.lines.starts,
    ends: m.lines.ends,
    markdown,
    headings,
    documents,
    enumerations,
    furniture,
    prose,
    excluded,
  };
}

/** What the edits insert: structure (markers, line breaks, quotes, placeholders, ordinals) and ordinary prose. */
const INSERTS = [
  '\n',
  '\n\n',
  '一、',
  '（二）',
  'xx',
  '“',
  '”',
  '，',
  '。',
  ',',
  '二是',
  '加强管理',
  '的的',
  '附件：1.',
  '## ',
  '其次',
  '**',
  '2024-03-13',
  '小编',
];
const insertion = fc.oneof(
  fc.constantFrom(...INSERTS),
  fc.array(fc.constantFrom('中', '的', '建', '设', '，', '。', ' ', '\n', 'x', '“', '一', '是'), { minLength: 1, maxLength: 20 }).map((cs) => cs.join('')),
  fc.constant(''),
);
/** An edit: where (anywhere, or inside a line past its start, where typing usually happens), how much it deletes, what it inserts. */
const anyEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  inLine: fc.boolean(),
  deleted: fc.integer({ min: 0, max: 20 }),
  inserted: insertion,
});
/** Typing and deleting a few characters inside a line: the edits a session lints incrementally when it can. */
const typing = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  inLine: fc.constant(true),
  deleted: fc.integer({ min: 0, max: 2 }),
  inserted: fc.array(fc.constantFrom('中', '的', '建', '设', '，', '。', ',', '“', '一', '是', 'X'), { minLength: 0, maxLength: 4 }).map((cs) => cs.join('')),
});
const editArb = fc.oneof(anyEdit, typing, typing);
type Edit = { at: number; inLine: boolean; deleted: number; inserted: string };

/** A line that opens with a section marker or markdown syntax: a heading or a list item rather than a paragraph. */
const MARKED = /^[ \t\u3000]*[0-9０-９（(一二三四五六七八九十#*>-]/;

/** The edit on the text: `inLine` edits land in a long line (a paragraph's), past its first 24 characters. */
function applied(text: string, e: Edit): { text: string; start: number; end: number } {
  let start = Math.min(text.length, Math.floor(e.at * text.length));
  if (e.inLine) {
    const long: Array<[number, number]> = [];
    for (let ls = 0; ls <= text.length;) {
      const le = text.indexOf('\n', ls) < 0 ? text.length : text.indexOf('\n', ls);
      if (le - ls >= 60 && !MARKED.test(text.slice(ls, le))) long.push([ls, le]);
      ls = le + 1;
    }
    const [ls, le] = long[Math.floor(e.at * long.length)] ?? [0, text.length];
    start = Math.min(le, ls + 24 + (Math.floor(e.at * 7919) % Math.max(1, le - ls - 23)));
  }
  const end = Math.min(text.length, start + (e.inLine ? e.deleted % 4 : e.deleted));
  return { text: text.slice(0, start) + e.inserted + text.slice(end), start, end };
}

describe('incremental linting (lint session)', () => {
  it('after any sequence of edits, on corpus and real texts as text and markdown, gives the problems and the model of a fresh lint (fast-check)', function () {
    this.timeout(120_000);
    let incremental = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TEXTS.length * FORMATS.length - 1 }),
        fc.array(editArb, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        (pick, edits, hinted) => {
          let { text } = TEXTS[pick >> 1];
          const options = { format: FORMATS[pick & 1], config: CONFIG };
          const session = createLintSession();
          session.lint(text, options);
          for (const e of edits) {
            const next = applied(text, e);
            if (hinted) session.changed(next.start, next.end, e.inserted);
            text = next.text;
            assert.deepEqual(session.lint(text, options), lint(text, options));
            assert.deepEqual(snapshot(session.model!), snapshot(parse(text, options.format)));
            if (session.stats().kind === 'incremental') incremental++;
          }
        },
      ),
      { numRuns: 250 },
    );
    // The property is about the incremental path: it must have been taken (typing inside body lines takes it).
    assert.ok(incremental > 100, `only ${incremental} edits were linted incrementally`);
  });

  const PARAGRAPHS = [
    '关于2024年卫生健康工作情况的报告',
    '',
    '一、主要工作',
    '全年围绕中心工作，扎实推进各项任务,进一步完善基层医疗卫生服务体系，持续提升群众就医获得感和满意度，全市卫生健康事业发展取得了明显成效。',
    '二是加强队伍建设，组织开展业务培训二十余场次，覆盖全体医务人员，队伍整体素质和服务能力得到进一步提升和巩固，群众满意度明显提高。',
    '三是强化安全监管，开展专项检查十余次,及时消除各类隐患，确保全年未发生重大安全事故，医疗秩序保持持续平稳向好，全年安全生产形势总体稳定。',
    '二、下步打算',
    '（一）深化改革。坚持以人民为中心的发展思想，统筹推进医疗、医保、医药联动改革，推动优质医疗资源扩容下沉和区域均衡布局。',
  ].join('\n');
  const options = { format: 'text' as const, config: CONFIG };
  /** Offset of `s` in the report, a few characters into it. */
  const inside = (s: string, k = 30) => PARAGRAPHS.indexOf(s) + k;

  it('re-runs the line and paragraph rules on the edited paragraph only, and the document-wide rules; the structure rules not', () => {
    const session = createLintSession();
    session.lint(PARAGRAPHS, options);
    const at = inside('三是强化安全监管');
    const text = `${PARAGRAPHS.slice(0, at)}全面${PARAGRAPHS.slice(at)}`;
    assert.deepEqual(session.lint(text, options), lint(text, options));
    const stats = session.stats();
    assert.equal(stats.kind, 'incremental');
    // Line 5 is edited; line 6 is the next paragraph's first line, which a paragraph rule reads (quotations).
    assert.deepEqual(stats.lines, [5, 6]);
    for (const id of ['punctuation-width', 'quote-pairs', 'spacing', 'numbering-sequence', 'attachment']) assert.ok(stats.rules!.includes(id), id);
    for (const id of ['numbering-style', 'heading-title-stop', 'page-furniture']) assert.ok(!stats.rules!.includes(id), id);
  });

  it('finds the half-width comma typed into a paragraph and moves the problems after it', () => {
    const session = createLintSession();
    const before = session.lint(PARAGRAPHS, options);
    const at = inside('二是加强队伍建设', 32);
    const text = `${PARAGRAPHS.slice(0, at)}中,文${PARAGRAPHS.slice(at)}`;
    const after = session.lint(text, options);
    assert.equal(session.stats().kind, 'incremental');
    assert.deepEqual(after, lint(text, options));
    const width = (ps: typeof before) => ps.filter((p) => p.ruleId === 'punctuation-width').map((p) => p.start);
    const old = width(before);
    // The new comma is reported, and every comma after it has moved three characters on.
    assert.deepEqual(width(after), [...old.filter((s) => s < at), at + 1, ...old.filter((s) => s >= at).map((s) => s + 3)]);
  });

  it('lints in full what may change the structure (a line break, a marker at a line start, a heading line) and for other options', () => {
    const session = createLintSession();
    session.lint(PARAGRAPHS, options);
    const cases: Array<[string, string]> = [
      [`${PARAGRAPHS.slice(0, inside('三是强化'))}\n${PARAGRAPHS.slice(inside('三是强化'))}`, 'lines'],
      [PARAGRAPHS.replace('二是加强', '三、二是加强'), 'line start'],
      [PARAGRAPHS.replace('主要工作', '主要工作情况'), 'line start'],
    ];
    for (const [text, why] of cases) {
      session.lint(PARAGRAPHS, options);
      assert.deepEqual(session.lint(text, options), lint(text, options));
      assert.deepEqual(session.stats(), { kind: 'full', refused: why });
    }
    const text = cases[0][0];
    const other = { ...options, config: { ...CONFIG, maxChars: 100 } };
    assert.deepEqual(session.lint(text, other), lint(text, other));
    assert.deepEqual(session.stats(), { kind: 'full' });
    // A configuration built anew with the same value (as a host builds it for each lint) is the same configuration.
    session.lint(text, { ...other, config: { ...other.config, rules: { ...other.config.rules } } });
    assert.deepEqual(session.stats(), { kind: 'unchanged' });
  });

  it('takes the editor’s changes as a hint, and ignores one that does not fit the text', () => {
    const session = createLintSession();
    session.lint(PARAGRAPHS, options);
    const at = inside('全年围绕');
    const typed = `${PARAGRAPHS.slice(0, at)}全面${PARAGRAPHS.slice(at)}`;
    session.changed(at, at, '全');
    session.changed(at + 1, at + 1, '面');
    assert.deepEqual(session.lint(typed, options), lint(typed, options));
    assert.equal(session.stats().kind, 'incremental');
    // A hint for another text (one character where two were typed): compared instead, still exact.
    const retyped = `${typed.slice(0, at)}深入${typed.slice(at)}`;
    session.changed(at, at, '深');
    assert.deepEqual(session.lint(retyped, options), lint(retyped, options));
    assert.equal(session.stats().kind, 'incremental');
  });

  it('keeps nothing of text that is gone: a new document after an edited one lints as itself', () => {
    const session = createLintSession();
    session.lint(PARAGRAPHS, options);
    session.lint(PARAGRAPHS.replace('扎实推进', '扎实推进,'), options);
    const other = TEXTS[0].text;
    assert.deepEqual(session.lint(other, options), lint(other, options));
    assert.deepEqual(snapshot(session.model!), snapshot(parse(other)));
  });

  it('counts line widths as lineWidth does, on every text and a fixed-width one, for both line sets the parse measures', () => {
    const fixed = Array.from({ length: 30 }, (_, i) => `第${i}行文字排版为固定宽度的段落内容，每行二十八个字符整整齐齐地排满了`).join('\n');
    const widths = new Set<number>();
    for (const text of [...TEXTS.map((t) => t.text), fixed]) {
      const model = parse(text);
      const furniture = new Set(model.furniture.map((f) => f.line));
      const skipped = new Set([...furniture, ...attachmentItemLines(model.lines), ...glossaryLines(model.lines)]);
      const expected = { lines: lineWidth(model.lines, (l) => !furniture.has(l)), partLines: lineWidth(model.lines, (l) => !skipped.has(l)) };
      assert.deepEqual(LineEditFacts.of(model).widths.widths(), expected);
      widths.add(expected.lines);
    }
    assert.ok(widths.size > 1, 'some text is set to a width');
  });
});

describe('lint session: a change of configuration on an unchanged text', () => {
  it('finds the placeholders anew when placeholders.allow changes (the model is kept, its placeholders are not)', () => {
    const text = '关于XX工作的报告\n\n一、总体情况\n今年XX县完成了任务。\n';
    const session = createLintSession();
    const found = (config: GongwenConfig) =>
      session.lint(text, { config, only: ['placeholder'] }).map((p) => `${p.start}-${p.end} ${text.slice(p.start, p.end)}`);
    assert.deepEqual(found(CONFIG), ['2-4 XX', '20-22 XX']);
    const allowing = { ...CONFIG, placeholders: { ...CONFIG.placeholders, allow: [...CONFIG.placeholders.allow, 'XX县'] } };
    assert.deepEqual(found(allowing), ['2-4 XX']);
    assert.deepEqual(found(CONFIG), ['2-4 XX', '20-22 XX']);
  });
});
