import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  DEFAULT_CONFIG,
  lint,
  outline,
  parse,
  stats,
  type DocumentModel,
  type OutlineDocument,
  type OutlineSection,
  type SectionStats,
  type SourceFormat,
} from '../../src/core';
import { countsOf, zishuOf } from '../../src/core/structure/counts';
import { main } from '../../src/cli/main';

/**
 * One 字数 everywhere (docs/counting.md): the outline's `chars` (the Outline view's detail), `gongwen stats`,
 * the rule max-chars and the status bar (`countsOf` over the open document's model) give the same number.
 */

const ROOT = path.join(__dirname, '..', '..');
const thousands = (n: number): string => n.toLocaleString('en-US');

/** What max-chars reports for each document over `limit` (0 when it is not flagged). */
function maxCharsCounts(text: string, format: SourceFormat, limit: number): number[] {
  return lint(text, { format, only: ['max-chars'], config: { ...DEFAULT_CONFIG, maxChars: limit } }).map((p) =>
    Number(/^全文([\d,]+)字/.exec(p.message)![1].replace(/,/g, '')),
  );
}

/** The status bar's count of the whole file. */
const statusBar = (model: DocumentModel): number => countsOf(model, 0, model.text.length).zishu;

const flatOutline = (s: OutlineSection[]): OutlineSection[] => s.flatMap((x) => [x, ...flatOutline(x.children)]);
const flatStats = (s: SectionStats[]): SectionStats[] => s.flatMap((x) => [x, ...flatStats(x.sections)]);

/** 字数 of [start, end) minus the given sub-ranges: the text of a section (or document) that no child holds. */
function ownZishu(model: DocumentModel, start: number, end: number, children: Array<{ start: number; end: number }>): number {
  let total = 0;
  let at = start;
  for (const c of [...children].sort((a, b) => a.start - b.start)) {
    if (c.start > at) total += zishuOf(model, at, c.start);
    at = Math.max(at, c.end);
  }
  return total + zishuOf(model, at, end);
}

/** Every count agrees: outline vs stats per document and section, parts add up, the file's total is the documents'. */
function assertAgreement(model: DocumentModel, label: string): void {
  const o: OutlineDocument[] = outline(model);
  const s = stats(model);
  assert.equal(o.length, s.length, label);
  let documents = 0;
  o.forEach((d, i) => {
    assert.equal(d.chars, s[i].zishu, `${label}: document ${i + 1}`);
    assert.deepEqual(
      flatOutline(d.sections).map((x) => [x.line, x.chars]),
      flatStats(s[i].sections).map((x) => [x.line, x.zishu]),
      `${label}: sections of document ${i + 1}`,
    );
    // The unsectioned text plus the top sections make the document; a section's own text plus its children make it.
    assert.equal(ownZishu(model, d.start, d.end, d.sections) + d.sections.reduce((n, x) => n + x.chars, 0), d.chars, `${label}: document ${i + 1} adds up`);
    for (const x of flatOutline(d.sections)) {
      assert.equal(
        ownZishu(model, x.start, x.end, x.children) + x.children.reduce((n, c) => n + c.chars, 0),
        x.chars,
        `${label}: section line ${x.line + 1} adds up`,
      );
    }
    documents += d.chars;
  });
  // Between documents and after the last lie only blank lines.
  assert.equal(statusBar(model), documents, `${label}: the whole file`);
}

describe('字数: one counting service, every surface agrees', () => {
  // The report of the issue: a `#` title, two `##` sections, a link, bold, a list item.
  const REPORT = [
    '# 关于XX的报告',
    '',
    '## 一、工作进展',
    '',
    '按照[通知](https://example.gov.cn/a.html)要求，**全面**推进。',
    '',
    '## 二、下一步打算',
    '',
    '- 加强XX管理。',
    '',
  ].join('\n');

  it('counts the markdown report of the issue as worked by hand: 37 = 6 + 18 + 13, on every surface', () => {
    // Title `# 关于XX的报告`: `# ` is markup; 关于 2 + XX 1 (a run of letters) + 的报告 3 = 6.
    // `## 一、工作进展`: 一 + 、 + 工作进展 = 6. `按照[通知](https://example.gov.cn/a.html)要求，**全面**推进。`: 按照 2 +
    //   通知 2 + 要求 2 + ， 1 + 全面 2 + 推进 2 + 。1 = 12; the brackets, the link target (6 runs of letters when
    //   counted as text, the old outline's 43) and `**` do not count. Section: 6 + 12 = 18.
    // `## 二、下一步打算`: 二 + 、 + 下一步打算 = 7. `- 加强XX管理。`: the bullet is markup; 加强 2 + XX 1 + 管理 2 + 。1 = 6. Section: 13.
    const model = parse(REPORT, 'markdown');
    const [o] = outline(model);
    const [s] = stats(model);
    assert.deepEqual([o.chars, ...o.sections.map((x) => x.chars)], [37, 18, 13]);
    assert.deepEqual([s.zishu, ...s.sections.map((x) => x.zishu)], [37, 18, 13]);
    assert.equal(statusBar(model), 37);
    assert.deepEqual(maxCharsCounts(REPORT, 'markdown', 36), [37]);
    assert.deepEqual(maxCharsCounts(REPORT, 'markdown', 37), []);
    assertAgreement(model, 'the issue’s report');
  });

  it('the CLI prints the same numbers for stats and outline of that report', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-counts-'));
    try {
      const file = path.join(dir, 'report.md');
      fs.writeFileSync(file, REPORT);
      const run = (args: string[]) => {
        const out: string[] = [];
        assert.equal(main(args, { out: (l) => out.push(l), err: () => undefined }), 0);
        return JSON.parse(out.join('\n'));
      };
      const st = run(['stats', '--format', 'json', file]).documents[0];
      const ol = run(['outline', '--format', 'json', file]).documents[0];
      assert.deepEqual([st.zishu, ...st.sections.map((x: { zishu: number }) => x.zishu)], [37, 18, 13]);
      assert.deepEqual(
        ol.sections.map((x: { chars: number }) => x.chars),
        [18, 13],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('page furniture does not count, in the outline as in stats: a web copy’s tool bar and page numbers', () => {
    // 关于XX的报告 6; 一、总体情况 6; 全面推进。 5. The tool bar line and `— 2 —` are furniture: 0.
    const text = ['关于XX的报告', '打印 全屏 收藏 【字号：加大 还原 减小】', '一、总体情况', '全面推进。', '— 2 —', ''].join('\n');
    const model = parse(text, 'text');
    assert.deepEqual(
      model.furniture.map((f) => f.line),
      [1, 4],
    );
    const [o] = outline(model);
    assert.deepEqual([o.chars, o.sections[0].chars, stats(model)[0].zishu, statusBar(model)], [17, 11, 17, 17]);
    assert.deepEqual(maxCharsCounts(text, 'text', 16), [17]);
  });

  it('a selection counts its prose: markup and link targets inside it do not count', () => {
    const model = parse(REPORT, 'markdown');
    const from = REPORT.indexOf('按照');
    const to = REPORT.indexOf('推进。') + 3;
    assert.equal(countsOf(model, from, to).zishu, 12);
    // A selection inside a link target: nothing of the report's prose.
    const url = REPORT.indexOf('https');
    assert.equal(countsOf(model, url, url + 20).zishu, 0);
    // Part of a run of letters counts as a run: `X` of `XX`.
    const xx = REPORT.indexOf('XX');
    assert.equal(countsOf(model, xx + 1, xx + 2).zishu, 1);
  });

  /** Report-like text: headings of every kind, markdown syntax, furniture, letters and digits next to markers. */
  const reportish = fc
    .array(
      fc.oneof(
        fc.constantFrom('一、', '二、', '三、', '（一）', '（二）', '1.', '2.', '3.', '（1）', '①', '# ', '## ', '## 一、', '### ', '附件1', '第一部分'),
        fc.constantFrom('加强组织领导', '完善机制。', '2024年', 'XX', 'GDP增长5.2%', '，', '。', '；', '：', '“', '”', '〇', '𠀀'),
        fc.constantFrom('**', '`code`', '[链接](https://x.cn/a)', '<!-- 注 -->', '- ', '> ', '```\n代码\n```', '| a | b |\n| - | - |\n| 1 | 2 |'),
        fc.constantFrom('\n', '\r\n', '\n\n', '　　', ' ', '\n打印 全屏 收藏\n', '\n— 3 —\n', '\n来源：XX网\n'),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 50 },
    )
    .map((parts) => parts.join(''));

  it('for any text: sections plus unsectioned text add up to the document, and outline == stats == status bar (fast-check)', () => {
    fc.assert(
      fc.property(reportish, fc.constantFrom<SourceFormat>('text', 'markdown'), (text, format) => {
        assertAgreement(parse(text, format), JSON.stringify([text, format]));
      }),
      { numRuns: 600 },
    );
  });

  const files = [
    ...['test/fixtures/corpus', 'test/real/texts'].flatMap((dir) =>
      fs
        .readdirSync(path.join(ROOT, dir))
        .filter((f) => /\.(txt|md)$/.test(f))
        .map((f) => path.join(dir, f)),
    ),
    'test/fixtures/export/report.md',
    'test/fixtures/workspace/work-plan.md',
  ];

  it('agrees on every corpus and real-text file, as text and as markdown, and max-chars reports that count', () => {
    assert.ok(files.length >= 80, `${files.length} files`);
    for (const f of files) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/^\uFEFF/, '');
      for (const format of ['text', 'markdown'] as const) {
        const model = parse(text, format);
        assertAgreement(model, `${f} as ${format}`);
        const expected = outline(model)
          .filter((d) => d.kind !== 'toc' && d.chars > 1)
          .map((d) => d.chars);
        assert.deepEqual(maxCharsCounts(text, format, 1), expected, `${f} as ${format}: max-chars`);
      }
    }
  });

  it('thousands in the max-chars message are the outline’s', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/004_503d8dbb8d0f1449.txt'), 'utf8');
    const [p] = lint(text, { only: ['max-chars'], config: { ...DEFAULT_CONFIG, maxChars: 3000 } });
    assert.equal(p.message, `全文${thousands(3531)}字，超过设定的字数上限3,000字（maxChars），超出531字`);
    assert.equal(outline(parse(text))[0].chars, 3531);
  });
});
