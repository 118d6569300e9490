import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { applyEdits, demote, lint, moveDown, moveSection, moveUp, parse, promote, type DocumentModel, type SectionTarget, type TextEdit } from '../../src/core';
import type { NumberingModeSetting } from '../../src/core/config/settings';
import { validEdits } from '../../src/core/edits/fix';
import { moveResult } from '../../src/core/edits/restructure';

/** The marker offset of the heading whose title is `title`. */
function at(model: DocumentModel, title: string): number {
  const h = model.headings.find((x) => x.title === title);
  assert.ok(h, `no heading ${title}`);
  return h.markerStart;
}

/** Applies edits through the one edit path, checking they are valid (`validEdits`) and do not even touch. */
function apply(text: string, edits: TextEdit[]): string {
  assert.ok(validEdits(text, edits), 'edits overlap or leave the text');
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start > sorted[i - 1].end, 'edits touch');
  const { output, skipped } = applyEdits(text, edits);
  assert.equal(skipped.length, 0);
  return output;
}

const lf = (lines: string[]): string => lines.join('\n');

describe('restructure: moving sections', () => {
  const report = lf([
    '关于某项工作的报告',
    '',
    '一、总体要求',
    '总体要求正文。',
    '（一）指导思想',
    '指导思想正文。',
    '（二）基本原则',
    '基本原则正文。',
    '1.坚持人民至上',
    '人民至上正文。',
    '2.坚持系统观念',
    '系统观念正文。',
    '（三）工作目标',
    '工作目标正文。',
    '二、主要任务',
    '主要任务正文。',
    '（一）深化改革',
    '深化改革正文。',
    '',
  ]);
  const model = parse(report);
  const run = (edits: TextEdit[]) => apply(report, edits);

  it('moves 二、 before 一、: both renumbered, the children follow', () => {
    assert.equal(
      run(moveSection(model, at(model, '主要任务'), { before: at(model, '总体要求') })),
      lf([
        '关于某项工作的报告',
        '',
        '一、主要任务',
        '主要任务正文。',
        '（一）深化改革',
        '深化改革正文。',
        '二、总体要求',
        '总体要求正文。',
        '（一）指导思想',
        '指导思想正文。',
        '（二）基本原则',
        '基本原则正文。',
        '1.坚持人民至上',
        '人民至上正文。',
        '2.坚持系统观念',
        '系统观念正文。',
        '（三）工作目标',
        '工作目标正文。',
        '',
      ]),
    );
  });

  it('moves （三） to be the first child of 二、', () => {
    assert.equal(
      run(moveSection(model, at(model, '工作目标'), { into: at(model, '主要任务'), position: 'first' })),
      lf([
        '关于某项工作的报告',
        '',
        '一、总体要求',
        '总体要求正文。',
        '（一）指导思想',
        '指导思想正文。',
        '（二）基本原则',
        '基本原则正文。',
        '1.坚持人民至上',
        '人民至上正文。',
        '2.坚持系统观念',
        '系统观念正文。',
        '二、主要任务',
        '主要任务正文。',
        '（一）工作目标',
        '工作目标正文。',
        '（二）深化改革',
        '深化改革正文。',
        '',
      ]),
    );
  });

  it('moves 2. up, and does nothing at the edge', () => {
    assert.equal(
      run(moveUp(model, at(model, '坚持系统观念'))),
      report.replace('1.坚持人民至上\n人民至上正文。\n2.坚持系统观念\n系统观念正文。', '1.坚持系统观念\n系统观念正文。\n2.坚持人民至上\n人民至上正文。'),
    );
    assert.deepEqual(moveUp(model, at(model, '坚持人民至上')), []);
    assert.deepEqual(moveDown(model, at(model, '坚持系统观念')), []);
    assert.deepEqual(moveUp(model, at(model, '总体要求')), []);
  });

  it('moves （一） down past its sibling with children', () => {
    assert.equal(
      run(moveDown(model, at(model, '指导思想'))),
      report.replace(
        '（一）指导思想\n指导思想正文。\n（二）基本原则\n基本原则正文。\n1.坚持人民至上\n人民至上正文。\n2.坚持系统观念\n系统观念正文。\n',
        '（一）基本原则\n基本原则正文。\n1.坚持人民至上\n人民至上正文。\n2.坚持系统观念\n系统观念正文。\n（二）指导思想\n指导思想正文。\n',
      ),
    );
  });

  it('promotes a 1. to level 2: it follows its parent, later siblings stay', () => {
    assert.equal(
      run(promote(model, at(model, '坚持人民至上'))),
      lf([
        '关于某项工作的报告',
        '',
        '一、总体要求',
        '总体要求正文。',
        '（一）指导思想',
        '指导思想正文。',
        '（二）基本原则',
        '基本原则正文。',
        '1.坚持系统观念',
        '系统观念正文。',
        '（三）坚持人民至上',
        '人民至上正文。',
        '（四）工作目标',
        '工作目标正文。',
        '二、主要任务',
        '主要任务正文。',
        '（一）深化改革',
        '深化改革正文。',
        '',
      ]),
    );
  });

  it('demotes （二） under （一）: its children shift a level', () => {
    assert.equal(
      run(demote(model, at(model, '基本原则'))),
      lf([
        '关于某项工作的报告',
        '',
        '一、总体要求',
        '总体要求正文。',
        '（一）指导思想',
        '指导思想正文。',
        '1.基本原则',
        '基本原则正文。',
        '（1）坚持人民至上',
        '人民至上正文。',
        '（2）坚持系统观念',
        '系统观念正文。',
        '（二）工作目标',
        '工作目标正文。',
        '二、主要任务',
        '主要任务正文。',
        '（一）深化改革',
        '深化改革正文。',
        '',
      ]),
    );
    // The last child promoted stays in place: only markers change.
    const demoted = parse(run(demote(model, at(model, '基本原则'))));
    const edits = promote(demoted, at(demoted, '基本原则'));
    assert.ok(
      edits.every((e) => e.end - e.start <= 3 && e.text.length <= 3),
      JSON.stringify(edits),
    );
    assert.equal(apply(demoted.text, edits), report);
  });

  it('gives a moved level its document style and keeps other markers as written', () => {
    const text = lf(['一、甲', '正文。', '(一)子甲', '正文。', '1、孙甲', '正文。', '二、乙', '正文。', '(一)子乙', '正文。']);
    const m = parse(text);
    assert.equal(
      apply(text, promote(m, at(m, '孙甲'))),
      lf(['一、甲', '正文。', '(一)子甲', '正文。', '(二)孙甲', '正文。', '二、乙', '正文。', '(一)子乙', '正文。']),
    );
    assert.equal(
      apply(text, moveSection(m, at(m, '子乙'), { into: at(m, '子甲'), position: 'first' })),
      lf(['一、甲', '正文。', '(一)子甲', '正文。', '1、子乙', '正文。', '2、孙甲', '正文。', '二、乙', '正文。']),
    );
  });

  it('keeps continuous level-3 numbering 1…21 continuous (corpus 004)', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', '004_503d8dbb8d0f1449.txt'), 'utf8');
    const m = parse(text);
    const level3 = (t: string) =>
      parse(t)
        .headings.filter((h) => h.level === 3)
        .map((h) => h.number);
    const titleOf3 = m.headings.find((h) => h.level === 3 && h.number === 3)!.title;
    const yi = m.headings.find((h) => h.level === 1 && h.number === 1)!;
    // 3. (the first under 二、) to the front of 一、: 1. 2. 3. become 2. 3. 1.
    const out = apply(text, moveSection(m, at(m, titleOf3), { into: yi.markerStart, position: 'first' }));
    assert.deepEqual(
      level3(out),
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
    assert.match(
      out,
      /一、建强公共卫生体系\n\n1\.大力推广三明医改经验。.*\n\n2\.提升重大疫情应对能力。.*\n\n3\.完善疾病预防控制体系建设。.*\n\n二、深化医药卫生体制改革\n\n4\.深化医联/,
    );
    assert.deepEqual(
      lint(out).filter((p) => p.ruleId.startsWith('numbering-') && p.ruleId !== 'numbering-style'),
      [],
    );
    // 5. to the end of 一、: 3. 4. 5. 6. under 二、 become 4. 5. 3. 6.; nothing after changes.
    const m5 = moveSection(m, at(m, m.headings.find((h) => h.level === 3 && h.number === 5)!.title), { into: yi.markerStart, position: 'last' });
    const out5 = apply(text, m5);
    assert.deepEqual(
      level3(out5),
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
    assert.match(out5, /3\.推动公立医院高质量发展。[^\n]*\n\n二、深化医药卫生体制改革\n\n4\.大力推广三明医改经验。/);
    assert.ok(
      m5.every((e) => e.start < text.indexOf('7.筑牢')),
      'headings after the moved range keep their numbers',
    );
  });

  it('keeps CRLF line endings', () => {
    const text = report.replace(/\n/g, '\r\n');
    const m = parse(text);
    const out = apply(text, moveSection(m, at(m, '主要任务'), { before: at(m, '总体要求') }));
    assert.equal(out, run(moveSection(model, at(model, '主要任务'), { before: at(model, '总体要求') })).replace(/\n/g, '\r\n'));
    assert.doesNotMatch(out, /[^\r]\n/);
  });

  it('moves the last section of a file without a final line break, and back', () => {
    const text = lf(['一、甲', '甲正文。', '', '二、乙', '乙正文。', '', '三、丙', '丙正文。']);
    const m = parse(text);
    const up = apply(text, moveSection(m, at(m, '丙'), { before: at(m, '甲') }));
    assert.equal(up, lf(['一、丙', '丙正文。', '', '二、甲', '甲正文。', '', '三、乙', '乙正文。']));
    const back = parse(up);
    assert.equal(apply(up, moveSection(back, at(back, '丙'), { after: at(back, '乙') })), text);
    const crlf = text.replace(/\n/g, '\r\n');
    const mc = parse(crlf);
    assert.equal(apply(crlf, moveUp(mc, at(mc, '丙'))), lf(['一、甲', '甲正文。', '', '二、丙', '丙正文。', '', '三、乙', '乙正文。']).replace(/\n/g, '\r\n'));
  });

  it('moves a section to the end of a file without a final line break', () => {
    const text = lf(['一、甲', '甲正文。', '二、乙', '乙正文。']);
    const m = parse(text);
    assert.equal(apply(text, moveDown(m, at(m, '甲'))), lf(['一、乙', '乙正文。', '二、甲', '甲正文。']));
  });

  it('follows the numbering mode: a new run restarts, or continues where the document numbers continuously', () => {
    const text = lf(['一、甲', '正文。', '1.子一', '正文。', '2.子二', '正文。', '二、乙', '正文。', '']);
    const m = parse(text);
    const into = { into: at(m, '乙'), position: 'last' as const };
    assert.equal(apply(text, moveSection(m, at(m, '子二'), into)), lf(['一、甲', '正文。', '1.子一', '正文。', '二、乙', '正文。', '1.子二', '正文。', '']));
    assert.equal(
      apply(text, moveSection(m, at(m, '子二'), into, 'continuous')),
      lf(['一、甲', '正文。', '1.子一', '正文。', '二、乙', '正文。', '2.子二', '正文。', '']),
    );
  });

  it('moves a numbered section into a markdown # section', () => {
    const md = lf(['# 报告', '', '一、甲', '', '正文。', '', '二、乙', '', '正文。', '', '# 附件', '', '附件正文。', '']);
    const m = parse(md, 'markdown');
    assert.equal(
      apply(md, moveSection(m, at(m, '甲'), { into: at(m, '附件'), position: 'last' })),
      lf(['# 报告', '', '一、乙', '', '正文。', '', '# 附件', '', '附件正文。', '', '一、甲', '', '正文。', '']),
    );
  });

  it('refuses what it cannot do', () => {
    assert.deepEqual(moveSection(model, at(model, '基本原则'), { into: at(model, '坚持人民至上'), position: 'last' }), [], 'into its own child');
    assert.deepEqual(moveSection(model, 12345, { before: at(model, '总体要求') }), [], 'no section there');
    assert.deepEqual(moveSection(model, at(model, '主要任务'), { before: at(model, '主要任务') }), [], 'before itself');
    assert.deepEqual(moveSection(model, at(model, '主要任务'), { after: at(model, '总体要求') }), [], 'already there');
    assert.deepEqual(promote(model, at(model, '总体要求')), [], 'top level');
    assert.deepEqual(demote(model, at(model, '总体要求')), [], 'no previous sibling');
    // Below ① there is no level.
    const deep = lf(['一、甲', '正文。', '（一）乙', '正文。', '1.丙', '正文。', '（1）丁', '正文。', '①戊', '正文。', '二、己', '正文。']);
    const d = parse(deep);
    assert.deepEqual(moveSection(d, at(d, '甲'), { into: at(d, '己'), position: 'last' }), []);
  });

  it('never moves across documents, nor # headings, nor tables of contents', () => {
    const two = lf(['第一份报告', '', '一、甲', '正文。', '二、乙', '正文。', '', '第二份报告', '', '一、丙', '正文。']);
    const m = parse(two);
    assert.equal(m.documents.length, 2);
    assert.deepEqual(moveSection(m, at(m, '丙'), { after: at(m, '乙') }), []);
    const md = lf(['# 报告', '', '## 一、甲', '', '正文。', '', '## 二、乙', '', '正文。', '', '# 附件', '', '正文。', '']);
    const mm = parse(md, 'markdown');
    assert.deepEqual(moveUp(mm, at(mm, '附件')), []);
    assert.equal(
      apply(md, moveUp(mm, at(mm, '乙'))),
      lf(['# 报告', '', '## 一、乙', '', '正文。', '', '## 二、甲', '', '正文。', '', '# 附件', '', '正文。', '']),
    );
    // A markdown heading that changes level takes the document's `#` count for it.
    const md2 = lf(['# 报告', '', '## 一、甲', '', '正文。', '', '### （一）子', '', '正文。', '', '## 二、乙', '', '正文。', '']);
    const m2 = parse(md2, 'markdown');
    assert.equal(
      apply(md2, demote(m2, at(m2, '乙'))),
      lf(['# 报告', '', '## 一、甲', '', '正文。', '', '### （一）子', '', '正文。', '', '### （二）乙', '', '正文。', '']),
    );
    const toc = lf(['目录', '一、甲', '二、乙', '三、丙', '四、丁', '五、戊', '', '一、甲', '正文。', '二、乙', '正文。']);
    const mt = parse(toc);
    assert.equal(mt.documents[0].kind, 'toc');
    assert.deepEqual(moveDown(mt, mt.documents[0].headings[0].markerStart), []);
  });
});

describe('restructure: the one edit path', () => {
  const text = lf(['一、甲', '正文。', '二、乙', '正文。']);

  it('refuses overlapping or out-of-range edits instead of joining them', () => {
    // Two rewrites of one marker, and two insertions at one point (their order would be a guess).
    assert.throws(
      () =>
        moveResult(text, [
          { start: 0, end: 2, text: '二、' },
          { start: 1, end: 3, text: '乙' },
        ]),
      /section move produced overlapping or out-of-range edits: \[\[0,2\],\[1,3\]\]/,
    );
    assert.throws(
      () =>
        moveResult(text, [
          { start: 7, end: 7, text: 'a' },
          { start: 7, end: 7, text: 'b' },
        ]),
      /overlapping/,
    );
    assert.throws(() => moveResult(text, [{ start: 10, end: text.length + 1, text: '' }]), /out-of-range/);
  });

  it('joins touching edits into one, so that an editor applies exactly what applyEdits applies', () => {
    // 甲 taken out and put back below 乙's marker rewrite: three edits, each touching the next.
    const edits = [
      { start: 8, end: 10, text: '一、' },
      { start: 8, end: 8, text: '' },
      { start: 0, end: 8, text: '' },
      { start: text.length, end: text.length, text: '\n二、甲\n正文。' },
    ];
    const joined = moveResult(text, edits);
    assert.deepEqual(joined, [
      { start: 0, end: 10, text: '一、' },
      { start: text.length, end: text.length, text: '\n二、甲\n正文。' },
    ]);
    assert.equal(applyEdits(text, joined).output, applyEdits(text, edits).output);
    assert.equal(applyEdits(text, joined).output, lf(['一、乙', '正文。', '二、甲', '正文。']));
  });

  const corpus = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', name), 'utf8');
  /** A line whose marker is `from`, written with `to`. */
  const relabel = (line: string, from: string, to: string): string => {
    assert.ok(line.startsWith(from), `${line.slice(0, 10)} does not start with ${from}`);
    return to + line.slice(from.length);
  };
  /** Applies a move's edits with `applyEdits` alone: valid, none skipped. */
  const applyMove = (source: string, edits: TextEdit[]): string => {
    assert.ok(edits.length > 0, 'the move was refused');
    assert.ok(validEdits(source, edits));
    const { output, skipped } = applyEdits(source, edits);
    assert.deepEqual(skipped, []);
    return output;
  };

  it('corpus 004: 五、 moved below 六、 gives exactly the text, the continuous 13.–17. renumbered', () => {
    const source = corpus('004_503d8dbb8d0f1449.txt');
    const m = parse(source);
    const lines = source.split('\n');
    const expected = [
      ...lines.slice(0, 36),
      relabel(lines[40], '六、', '五、'),
      lines[41],
      relabel(lines[42], '14.', '13.'),
      lines[43],
      relabel(lines[44], '15.', '14.'),
      lines[45],
      relabel(lines[46], '16.', '15.'),
      lines[47],
      relabel(lines[48], '17.', '16.'),
      lines[49],
      relabel(lines[36], '五、', '六、'),
      lines[37],
      relabel(lines[38], '13.', '17.'),
      lines[39],
      ...lines.slice(50),
    ].join('\n');
    assert.equal(applyMove(source, moveDown(m, at(m, '促进中医药传承创新发展'))), expected);
  });

  it('corpus 002: the last run-in section moved up past the trailing blank lines; the outline before it untouched', () => {
    const source = corpus('002_3cbf79e9d602b8eb.txt');
    const m = parse(source);
    const lines = source.split('\n');
    const last = m.documents[1].headings[m.documents[1].headings.length - 1];
    assert.equal(last.line, 38);
    const expected = [...lines.slice(0, 37), relabel(lines[38], '(八)', '(七)'), relabel(lines[37], '(七)', '(八)'), ...lines.slice(39)].join('\n');
    assert.equal(applyMove(source, moveUp(m, last.markerStart)), expected);
    // (三) with its body line demoted under (二): it becomes its first child, in the level-3 style 1.
    const third = m.documents[1].headings.find((h) => h.level === 2 && h.number === 3)!;
    const demoted = [
      ...lines.slice(0, 32),
      relabel(lines[32], '(三)', '1.'),
      lines[33],
      relabel(lines[34], '(四)', '(三)'),
      relabel(lines[35], '(五)', '(四)'),
      relabel(lines[36], '(六)', '(五)'),
      relabel(lines[37], '(七)', '(六)'),
      relabel(lines[38], '(八)', '(七)'),
      ...lines.slice(39),
    ].join('\n');
    assert.equal(applyMove(source, demote(m, third.markerStart)), demoted);
  });
});

// ---- Property tests on generated, well-numbered reports ----

interface Shape {
  children: Shape[];
  runIn: boolean;
  body: number;
  gap: number;
}

const shape = (level: number): fc.Arbitrary<Shape> =>
  fc.record({
    children:
      level < 4
        ? fc.array(
            fc.constant(null).chain(() => shape(level + 1)),
            { maxLength: level === 1 ? 3 : 2 },
          )
        : fc.constant([]),
    runIn: fc.boolean(),
    body: fc.integer({ min: 0, max: 2 }),
    gap: fc.integer({ min: 0, max: 2 }),
  });

interface Options {
  eol: '\n' | '\r\n';
  finalBreak: boolean;
  continuous: boolean;
  /** Marker variants per level (one per document), or the standard forms. */
  variants: boolean;
  variant: number;
}

const VARIANTS: Record<number, Array<(n: string) => string>> = {
  1: [(n) => `${n}、`],
  2: [(n) => `（${n}）`, (n) => `(${n})`],
  3: [(n) => `${n}.`, (n) => `${n}．`, (n) => `${n}、`],
  4: [(n) => `（${n}）`, (n) => `(${n})`],
};
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A clean report: standard numbering (restart, or continuous for levels 3 and 4), bodies under every heading. */
function render(top: Shape[], o: Options): string {
  const lines: string[] = ['关于测试工作的报告', ''];
  const counters: Record<number, number> = { 3: 0, 4: 0 };
  let id = 0;
  const emit = (nodes: Shape[], level: number) => {
    nodes.forEach((s, i) => {
      const n = level <= 2 ? CN[i + 1] : String(o.continuous ? ++counters[level] : i + 1);
      const forms = VARIANTS[level];
      const marker = forms[o.variants ? o.variant % forms.length : 0](n);
      const k = ++id;
      lines.push(`${marker}标题${k}${s.runIn ? `。正文${k}。` : ''}`);
      for (let b = 0; b < (s.runIn ? s.body : Math.max(1, s.body)); b++) lines.push(`正文${k}之${b}。`);
      for (let g = 0; g < s.gap; g++) lines.push('');
      emit(s.children, level + 1);
    });
  };
  emit(top, 1);
  return lines.join(o.eol) + (o.finalBreak ? o.eol : '');
}

const options = (variants: boolean) =>
  fc.record({
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    finalBreak: fc.boolean(),
    continuous: fc.boolean(),
    variants: fc.constant(variants),
    variant: fc.nat(5),
  });
const report = (variants: boolean) =>
  fc.tuple(fc.array(shape(1), { minLength: 1, maxLength: 4 }), options(variants)).map(([top, o]) => ({ text: render(top, o), o }));

type Op =
  | { kind: 'move'; section: number; target: 'before' | 'after' | 'first' | 'last'; anchor: number }
  | { kind: 'promote' | 'demote' | 'up' | 'down'; section: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('move' as const),
    section: fc.nat(),
    target: fc.constantFrom('before' as const, 'after' as const, 'first' as const, 'last' as const),
    anchor: fc.nat(),
  }),
  fc.record({ kind: fc.constantFrom('promote' as const, 'demote' as const, 'up' as const, 'down' as const), section: fc.nat() }),
);

function perform(model: DocumentModel, o: Op, mode: NumberingModeSetting): { edits: TextEdit[]; title: string } {
  const numbered = model.headings.filter((h) => h.level > 0);
  const h = numbered[o.section % numbered.length];
  if (o.kind !== 'move') return { edits: { promote, demote, up: moveUp, down: moveDown }[o.kind](model, h.markerStart, mode), title: h.title };
  const a = numbered[o.anchor % numbered.length].markerStart;
  const target: SectionTarget = o.target === 'before' ? { before: a } : o.target === 'after' ? { after: a } : { into: a, position: o.target };
  return { edits: moveSection(model, h.markerStart, target, mode), title: h.title };
}

/** Where a section sits, as a target to put it back: after its previous sibling, before its next, or into its parent. */
function originalPlace(model: DocumentModel, title: string): (m: DocumentModel) => SectionTarget {
  const doc = model.documents[0];
  const node = doc.nodes.find((n) => n.heading.title === title)!;
  const siblings = node.parent ? node.parent.children : doc.sections;
  const i = siblings.indexOf(node);
  if (i > 0) return (m) => ({ after: at(m, siblings[i - 1].heading.title) });
  if (i + 1 < siblings.length) return (m) => ({ before: at(m, siblings[i + 1].heading.title) });
  return (m) => ({ into: at(m, node.parent!.heading.title), position: 'first' });
}

const NUMBERING = ['numbering-sequence', 'numbering-start', 'numbering-mode', 'numbering-hierarchy'];

/** Each line with its heading marker cut out, and its terminator apart. */
function stripped(text: string): { lines: string[]; terminators: string[] } {
  const m = parse(text);
  const byLine = new Map(m.headings.map((h) => [h.line, h]));
  const lines: string[] = [];
  const terminators: string[] = [];
  for (let l = 0; l < m.lines.lineCount; l++) {
    const h = byLine.get(l);
    const s = m.lines.starts[l];
    lines.push(h ? text.slice(s, h.markerStart) + '\u0000' + text.slice(h.markerEnd, m.lines.ends[l]) : m.lines.lineText(l));
    terminators.push(text.slice(m.lines.ends[l], l + 1 < m.lines.lineCount ? m.lines.starts[l + 1] : text.length));
  }
  return { lines, terminators };
}

const sortedCopy = (xs: string[]) => [...xs].sort();

/** `after` is `before` with one contiguous range moved elsewhere. */
function isBlockMove(before: string[], after: string[]): boolean {
  if (before.length !== after.length) return false;
  let a = 0;
  while (a < before.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  const x = before.slice(a, before.length - b);
  const y = after.slice(a, after.length - b);
  if (!x.length) return true;
  for (let r = 1; r < x.length; r++) if (y.every((v, i) => v === x[(i + r) % x.length])) return true;
  return false;
}

describe('restructure: properties (fast-check)', () => {
  it('moving a section and moving it back restores the text exactly', () => {
    let moved = 0;
    fc.assert(
      fc.property(report(false), op, ({ text, o }, operation) => {
        const mode: NumberingModeSetting = o.continuous ? 'continuous' : 'auto';
        const model = parse(text);
        const { edits, title } = perform(model, operation, mode);
        if (!edits.length) return;
        moved++;
        const back = originalPlace(model, title);
        const out = apply(text, edits);
        const m2 = parse(out);
        assert.equal(apply(out, moveSection(m2, at(m2, title), back(m2), mode)), text);
      }),
      { numRuns: Number(process.env.RS_RUNS ?? 400) },
    );
    assert.ok(moved > 150, `only ${moved} moves happened`);
  });

  it('after any move, promote or demote the numbering rules report nothing new', () => {
    fc.assert(
      fc.property(report(true), fc.array(op, { minLength: 1, maxLength: 3 }), ({ text }, ops) => {
        const count = (t: string) =>
          lint(t)
            .filter((p) => NUMBERING.includes(p.ruleId))
            .map((p) => `${p.ruleId} ${t.slice(p.start, p.end)}`);
        assert.deepEqual(count(text), [], 'the generator makes clean reports');
        let current = text;
        for (const operation of ops) {
          const { edits } = perform(parse(current), operation, 'auto');
          current = apply(current, edits);
          assert.deepEqual(count(current), [], current);
        }
      }),
      { numRuns: Number(process.env.RS_RUNS ?? 300) },
    );
  });

  it('changes nothing but markers and the position of one block of lines', () => {
    fc.assert(
      fc.property(report(true), op, ({ text }, operation) => {
        const { edits } = perform(parse(text), operation, 'auto');
        const out = apply(text, edits);
        const before = stripped(text);
        const after = stripped(out);
        assert.deepEqual(sortedCopy(after.lines), sortedCopy(before.lines), 'the same lines, markers aside');
        assert.deepEqual(sortedCopy(after.terminators), sortedCopy(before.terminators), 'the same line terminators');
        const prose = (xs: string[]) => xs.filter((x) => x.trim() !== '');
        assert.ok(isBlockMove(prose(before.lines), prose(after.lines)), 'one block moved');
      }),
      { numRuns: Number(process.env.RS_RUNS ?? 400) },
    );
  });
});
