import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { lint, parse } from '../../src/core';
import { main } from '../../src/cli/main';
import { outputPaths } from '../../src/cli/export-command';
import { exportBlockers, exportDocx, exportableDocuments, issuingDate, recogniseParts } from '../../src/export';
import * as L from '../../src/export/layout';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'export');
const C002 = path.join(CORPUS, '002_3cbf79e9d602b8eb.txt');
const C004 = path.join(CORPUS, '004_503d8dbb8d0f1449.txt');
const REPORT = path.join(FIXTURES, 'report.md');
const WITH_ATTACHMENT = path.join(FIXTURES, 'with-attachment.txt');

// ---------------------------------------------------------------------------------------------------------------
// Reading the package: a few regular expressions over WordprocessingML, enough to assert what the export writes.
// ---------------------------------------------------------------------------------------------------------------

interface Docx {
  part(name: string): string;
  has(name: string): boolean;
}

async function open(buf: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buf);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts.set(name, await zip.file(name)!.async('string'));
  return {
    part: (name) => {
      const p = parts.get(name);
      assert.ok(p !== undefined, `${name} is in the package`);
      return p;
    },
    has: (name) => parts.has(name),
  };
}

async function exportFile(file: string, docIndex = 0): Promise<Docx> {
  const model = parse(fs.readFileSync(file, 'utf8'), file.endsWith('.md') ? 'markdown' : 'text');
  return open(await exportDocx(model, docIndex));
}

/** Every `<w:p>` element (paragraphs inside tables too). */
const paragraphs = (xml: string): string[] => xml.match(/<w:p(?=[ >])[\s\S]*?<\/w:p>/g) ?? [];
/** Every `<w:r>` element. */
const runs = (xml: string): string[] => xml.match(/<w:r(?=[ >])[\s\S]*?<\/w:r>/g) ?? [];
/** The text of a paragraph or run, tabs as `\t`. */
const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join('');
const styleOf = (p: string): string | undefined => /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
const attr = (el: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1];
/** The first element `<tag …>` or `<tag …/>` in xml. */
const element = (xml: string, tag: string): string => {
  const m = new RegExp(`<${tag}(?=[ />])[^>]*/>|<${tag}(?=[ >])[^>]*>[\\s\\S]*?</${tag}>`).exec(xml);
  assert.ok(m, `<${tag}> present in ${xml.slice(0, 200)}…`);
  return m[0];
};
const style = (styles: string, id: string): string => {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  assert.ok(m, `style ${id} defined`);
  return m[0];
};
const paragraphWith = (xml: string, text: string): string => {
  const p = paragraphs(xml).find((x) => textOf(x).includes(text));
  assert.ok(p, `a paragraph with “${text}”`);
  return p;
};
const chars = (n: number) => String(Math.round(n * L.CHAR_PITCH));

describe('export: layout constants', () => {
  it('derives A4, the GB/T 9704 margins and the 22 × 28 grid in twips', () => {
    assert.equal(L.PAGE_WIDTH, 11906);
    assert.equal(L.PAGE_HEIGHT, 16838);
    assert.deepEqual([L.MARGIN_TOP, L.MARGIN_BOTTOM, L.MARGIN_LEFT, L.MARGIN_RIGHT], [2098, 1984, 1587, 1474]);
    // The text block: 156 × 225 mm, to the twip.
    assert.ok(Math.abs(L.TEXT_WIDTH / L.TWIPS_PER_MM - 156) < 0.05);
    assert.ok(Math.abs(L.TEXT_HEIGHT / L.TWIPS_PER_MM - 225) < 0.05);
    assert.equal(L.LINE_PITCH, 579);
    assert.ok(22 * L.LINE_PITCH <= L.TEXT_HEIGHT && 23 * L.LINE_PITCH > L.TEXT_HEIGHT, '22 lines, not 23');
    assert.equal(L.CHAR_SPACE, -842);
    const pitch = 16 + L.CHAR_SPACE / 4096;
    const width = L.TEXT_WIDTH / 20;
    assert.ok(28 * pitch <= width && 29 * pitch > width, '28 characters a line, not 29');
    assert.ok(Math.floor(width / 16) === 27, 'without the grid, 16 pt characters fit 27 to a line');
    assert.deepEqual([L.BODY_SIZE, L.TITLE_SIZE, L.SMALL_SIZE], [32, 44, 28]);
  });
});

describe('export: 004 (golden XML)', () => {
  let docx: Docx;
  let document: string;
  let styles: string;
  before(async () => {
    docx = await exportFile(C004);
    document = docx.part('word/document.xml');
    styles = docx.part('word/styles.xml');
  });

  it('sets A4 and the margins in twips', () => {
    const sectPr = element(document, 'w:sectPr');
    const size = element(sectPr, 'w:pgSz');
    assert.equal(attr(size, 'w:w'), '11906');
    assert.equal(attr(size, 'w:h'), '16838');
    const margins = element(sectPr, 'w:pgMar');
    assert.deepEqual(
      ['w:top', 'w:bottom', 'w:left', 'w:right', 'w:gutter'].map((a) => attr(margins, a)),
      ['2098', '1984', '1587', '1474', '0'],
    );
    assert.equal(attr(margins, 'w:footer'), String(L.FOOTER_DISTANCE));
  });

  it('writes a real document grid: lines and characters, 22 × 28', () => {
    const grid = element(element(document, 'w:sectPr'), 'w:docGrid');
    assert.equal(attr(grid, 'w:type'), 'linesAndChars');
    assert.equal(attr(grid, 'w:linePitch'), '579');
    assert.equal(attr(grid, 'w:charSpace'), '-842');
  });

  it('sets the body in 3号仿宋 (仿宋_GB2312, 仿宋 as its fallback in the font table), two characters in, justified', () => {
    const defaults = element(styles, 'w:docDefaults');
    const fonts = element(defaults, 'w:rFonts');
    assert.equal(attr(fonts, 'w:eastAsia'), '仿宋_GB2312');
    assert.equal(attr(element(defaults, 'w:sz'), 'w:val'), '32');
    assert.equal(attr(element(defaults, 'w:lang'), 'w:eastAsia'), 'zh-CN');
    const normal = style(styles, 'Normal');
    assert.equal(attr(element(normal, 'w:rFonts'), 'w:eastAsia'), '仿宋_GB2312');
    assert.equal(attr(element(normal, 'w:sz'), 'w:val'), '32');
    const indent = element(normal, 'w:ind');
    assert.equal(attr(indent, 'w:firstLineChars'), '200');
    assert.equal(attr(indent, 'w:firstLine'), '640');
    assert.equal(attr(element(normal, 'w:jc'), 'w:val'), 'both');
    const fontTable = docx.part('word/fontTable.xml');
    assert.match(fontTable, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>/);
    assert.match(fontTable, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
  });

  it('sets the title in 2号小标宋 (44 half-points), centred, not bold', () => {
    const title = style(styles, 'Title');
    assert.equal(attr(element(title, 'w:sz'), 'w:val'), '44');
    assert.equal(attr(element(title, 'w:jc'), 'w:val'), 'center');
    assert.equal(attr(element(title, 'w:rFonts'), 'w:eastAsia'), '方正小标宋简体');
    assert.equal(attr(element(title, 'w:b'), 'w:val'), 'false');
    assert.equal(attr(element(title, 'w:ind'), 'w:firstLineChars'), '0');
    const first = paragraphs(document)[0];
    assert.equal(styleOf(first), 'Title');
    assert.equal(textOf(first), '2024年西安市新城区卫生健康工作计划');
  });

  it('makes headings Word heading styles with outline levels, in 黑体, 楷体, 仿宋, 仿宋 by level', () => {
    const fonts = ['黑体', '楷体', '仿宋_GB2312', '仿宋_GB2312'];
    for (let level = 1; level <= 4; level++) {
      const s = style(styles, `Heading${level}`);
      assert.equal(attr(element(s, 'w:name'), 'w:val'), `heading ${level}`);
      assert.equal(attr(element(s, 'w:basedOn'), 'w:val'), 'Normal');
      assert.equal(attr(element(s, 'w:outlineLvl'), 'w:val'), String(level - 1));
      assert.equal(attr(element(s, 'w:rFonts'), 'w:eastAsia'), fonts[level - 1]);
      assert.equal(attr(element(s, 'w:sz'), 'w:val'), '32');
      assert.equal(attr(element(s, 'w:b'), 'w:val'), 'false');
      assert.equal(attr(element(s, 'w:i'), 'w:val'), 'false');
    }
    const ps = paragraphs(document);
    const h1 = ps.filter((p) => styleOf(p) === 'Heading1').map(textOf);
    assert.deepEqual(h1, [
      '一、建强公共卫生体系',
      '二、深化医药卫生体制改革',
      '三、强化基层服务体系',
      '四、推进健康西安建设',
      '五、促进中医药传承创新发展',
      '六、做好重点人群健康服务',
      '七、强化卫生健康事业支撑保障',
    ]);
    const h3 = ps.filter((p) => styleOf(p) === 'Heading3').map(textOf);
    assert.equal(h3.length, 21);
    assert.equal(h3[0], '1.提升重大疫情应对能力。');
    assert.equal(h3[20], '21.统筹做好其他工作。');
  });

  it('keeps a run-in heading one paragraph: a style separator (hidden mark, specVanish), then the body in 仿宋', () => {
    const ps = paragraphs(document);
    const i = ps.findIndex((p) => textOf(p) === '1.提升重大疫情应对能力。');
    const heading = ps[i];
    const mark = element(element(heading, 'w:pPr'), 'w:rPr');
    assert.match(mark, /<w:vanish\/>/);
    assert.match(mark, /<w:specVanish\/>/);
    const body = ps[i + 1];
    assert.equal(styleOf(body), 'GongwenRunInBody');
    assert.match(textOf(body), /^持续关注国内外疫情发展态势/);
    const runIn = style(styles, 'GongwenRunInBody');
    assert.equal(attr(element(runIn, 'w:basedOn'), 'w:val'), 'Normal');
    assert.equal(attr(element(runIn, 'w:ind'), 'w:firstLineChars'), '0');
    // The body's font is Normal's 仿宋: neither paragraph nor run names another.
    assert.doesNotMatch(body, /<w:rFonts/);
  });

  it("numbers pages — 1 —: every run, the PAGE field's included, in 4号半角宋体; odd pages right, even left, one character in", () => {
    const settings = docx.part('word/settings.xml');
    assert.match(settings, /<w:evenAndOddHeaders\/>/);
    const sectPr = element(document, 'w:sectPr');
    assert.doesNotMatch(sectPr, /<w:titlePg/);
    const refs = [...sectPr.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(refs.map((r) => r[0]).sort(), ['default', 'even']);
    const rels = docx.part('word/_rels/document.xml.rels');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!;
    for (const [type, id] of refs) {
      const footer = docx.part(`word/${target(id)}`);
      const p = element(footer, 'w:p');
      assert.equal(styleOf(p), 'GongwenPageNumber');
      const jc = attr(element(p, 'w:jc'), 'w:val');
      const ind = element(element(p, 'w:pPr'), 'w:ind');
      if (type === 'default') {
        assert.equal(jc, 'right');
        assert.equal(attr(ind, 'w:right'), '320');
      } else {
        assert.equal(jc, 'left');
        assert.equal(attr(ind, 'w:left'), '320');
      }
      const rs = runs(p);
      assert.ok(rs.length >= 5, 'dash, field begin, PAGE, separate, end, dash');
      assert.ok(
        rs.some((r) => /<w:instrText[^>]*>PAGE<\/w:instrText>/.test(r)),
        'a PAGE field',
      );
      for (const r of rs) {
        const f = element(r, 'w:rFonts');
        assert.deepEqual(
          ['w:ascii', 'w:hAnsi', 'w:eastAsia'].map((a) => attr(f, a)),
          ['宋体', '宋体', '宋体'],
          r,
        );
        assert.equal(attr(element(r, 'w:sz'), 'w:val'), '28', r);
      }
      assert.equal(textOf(p), '—  —');
      assert.equal(textOf(rs[0]), '— ');
      assert.equal(textOf(rs[rs.length - 1]), ' —');
    }
  });

  it('gives the page number a style of its own: no body indent, no line pitch', () => {
    const s = style(styles, 'GongwenPageNumber');
    assert.doesNotMatch(s, /<w:basedOn/);
    const ind = element(s, 'w:ind');
    assert.deepEqual(
      ['w:firstLine', 'w:firstLineChars', 'w:left', 'w:right'].map((a) => attr(ind, a)),
      ['0', '0', '0', '0'],
    );
    const spacing = element(s, 'w:spacing');
    assert.equal(attr(spacing, 'w:lineRule'), 'exact');
    assert.equal(attr(spacing, 'w:line'), String(L.FOOTER_LINE));
    assert.equal(attr(element(s, 'w:sz'), 'w:val'), '28');
    assert.equal(attr(element(s, 'w:rFonts'), 'w:eastAsia'), '宋体');
  });

  it('carries no bold, italics or shading into the document', () => {
    assert.doesNotMatch(document, /<w:b\/>|<w:i\/>|<w:b w:val="(?:true|1)"|<w:shd/);
  });
});

describe('export: the 公文 parts (a synthetic report)', () => {
  let document: string;
  let styles: string;
  before(async () => {
    const docx = await exportFile(REPORT);
    document = docx.part('word/document.xml');
    styles = docx.part('word/styles.xml');
  });

  it('recognises the parts', () => {
    const parts = recogniseParts(parse(fs.readFileSync(REPORT, 'utf8'), 'markdown'), 0);
    assert.equal(parts.title, '关于2024年卫生健康工作的报告');
    assert.equal(parts.addressee, '市人民政府：');
    assert.deepEqual(
      parts.attachmentNote?.items.map((i) => i.number),
      ['1', '2'],
    );
    assert.deepEqual(parts.signature && { o: parts.signature.organisations, d: parts.signature.date }, { o: ['西安市卫生健康委员会'], d: '2024年12月5日' });
    assert.deepEqual(
      parts.attachments.map((a) => [a.label, a.title]),
      [['附件1', '2024年卫生健康工作任务清单']],
    );
    assert.deepEqual(parts.imprint, {
      line: 39,
      copyTo: '市委办公厅，市人大常委会办公厅，市政协办公厅。',
      issuer: { organisation: '西安市卫生健康委员会办公室', date: '2024年12月5日' },
    });
  });

  it('sets the 主送机关 flush left, ending in ：', () => {
    const p = paragraphWith(document, '市人民政府');
    assert.equal(styleOf(p), 'GongwenAddressee');
    assert.equal(textOf(p), '市人民政府：');
    assert.equal(attr(element(style(styles, 'GongwenAddressee'), 'w:ind'), 'w:firstLineChars'), '0');
  });

  it('sets the 附件说明 two characters in, a blank line below the body, wrapped lines under the name', () => {
    const first = paragraphWith(document, '附件：1.');
    assert.equal(styleOf(first), 'GongwenAttachmentNote');
    assert.equal(textOf(first), '附件：1.2024年卫生健康工作任务清单');
    assert.equal(attr(element(first, 'w:spacing'), 'w:before'), '579');
    const ind1 = element(element(first, 'w:pPr'), 'w:ind');
    // The name starts 2 + 3 (附件：) + 1 (1.) characters in; the first line 2 in.
    assert.equal(attr(ind1, 'w:left'), chars(6));
    assert.equal(attr(ind1, 'w:hanging'), chars(4));
    // Not based on Normal, whose first-line indent in characters would override the hanging indent.
    assert.doesNotMatch(style(styles, 'GongwenAttachmentNote'), /<w:basedOn|firstLineChars/);
    const second = paragraphWith(document, '2.各单位联系人');
    const ind2 = element(element(second, 'w:pPr'), 'w:ind');
    assert.equal(attr(ind2, 'w:left'), chars(6));
    assert.equal(attr(ind2, 'w:hanging'), chars(1), '2. stands under 1.');
  });

  it('places the 落款 and the 成文日期 (Arabic numerals) to the right, the date two characters right of the name', () => {
    const name = paragraphWith(document, '西安市卫生健康委员会');
    assert.equal(styleOf(name), 'GongwenSignature');
    assert.equal(attr(element(name, 'w:spacing'), 'w:before'), '579');
    assert.equal(attr(element(name, 'w:ind'), 'w:right'), chars(2));
    assert.equal(attr(element(style(styles, 'GongwenSignature'), 'w:jc'), 'w:val'), 'right');
    const date = paragraphs(document).find((p) => textOf(p) === '2024年12月5日')!;
    assert.equal(styleOf(date), 'GongwenDate');
    // Name 10 characters wide, date 6.5: the date ends 10 − 6.5 = 3.5 characters from the right.
    assert.equal(attr(element(date, 'w:ind'), 'w:right'), chars(3.5));
  });

  it('puts the attachment on pages of its own after the body: 附件1 in 黑体 at the top left, its title centred', () => {
    const ps = paragraphs(document);
    const i = ps.findIndex((p) => textOf(p) === '附件1');
    assert.equal(styleOf(ps[i]), 'GongwenAttachmentLabel');
    assert.match(ps[i], /<w:pageBreakBefore\/>/);
    assert.equal(attr(element(style(styles, 'GongwenAttachmentLabel'), 'w:rFonts'), 'w:eastAsia'), '黑体');
    assert.equal(styleOf(ps[i + 1]), 'Title');
    assert.equal(textOf(ps[i + 1]), '2024年卫生健康工作任务清单');
    assert.ok(i > ps.findIndex((p) => textOf(p) === '2024年12月5日'), 'after the 落款');
  });

  it('models the 版记 between full-width rules, thick outside and thin between', () => {
    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const imprint = tables.find((t) => t.includes('抄送'))!;
    assert.ok(imprint);
    const borders = element(imprint, 'w:tblBorders');
    assert.equal(attr(element(borders, 'w:top'), 'w:sz'), '8');
    assert.equal(attr(element(borders, 'w:bottom'), 'w:sz'), '8');
    assert.equal(attr(element(borders, 'w:insideH'), 'w:sz'), '6');
    assert.equal(attr(element(borders, 'w:left'), 'w:val'), 'none');
    assert.match(imprint, /<w:tblpPr[^>]*w:tblpYSpec="bottom"/);
    assert.deepEqual(paragraphs(imprint).map(textOf), [
      '抄送：市委办公厅，市人大常委会办公厅，市政协办公厅。',
      '西安市卫生健康委员会办公室\t2024年12月5日印发',
    ]);
    assert.equal(attr(element(style(styles, 'GongwenImprint'), 'w:sz'), 'w:val'), '28');
    // 抄送 one character in; wrapped lines under the first organisation, after the colon.
    const copy = element(paragraphs(imprint)[0], 'w:ind');
    assert.deepEqual([attr(copy, 'w:left'), attr(copy, 'w:hanging')], [String(4 * L.SMALL_CHAR), String(3 * L.SMALL_CHAR)]);
    assert.doesNotMatch(style(styles, 'GongwenImprint'), /<w:basedOn/);
  });

  it('heading levels 1–4 take Heading1–4; a run-in level-4 heading keeps its body', () => {
    const levels = paragraphs(document)
      .filter((p) => /Heading\d/.test(styleOf(p) ?? ''))
      .map((p) => `${styleOf(p)} ${textOf(p)}`);
    assert.deepEqual(levels, [
      'Heading1 一、总体情况',
      'Heading2 （一）主要指标稳中有进',
      'Heading3 1.强化组织领导。',
      'Heading4 （1）健全工作机制。',
      'Heading3 2.完善考核办法。',
      'Heading1 二、下一步打算',
    ]);
  });

  it('drops markdown emphasis, code and link syntax: plain text, no bold, italics or shading', () => {
    const body = paragraphWith(document, '2023年以来');
    assert.equal(textOf(body), '2023年以来，我委始终把卫生健康工作摆在突出位置，删除线也不保留格式。');
    assert.equal(textOf(paragraphWith(document, '全年考核')), '全年考核12次，详见考核细则。');
    const all = paragraphs(document).map(textOf).join('\n');
    assert.doesNotMatch(all, /\*|~~|`|https?:|\]\(/);
    assert.doesNotMatch(document, /<w:b\/>|<w:i\/>|<w:strike|<w:shd|<w:b w:val="(?:true|1)"/);
  });

  it("makes a markdown table a Word table, the header row repeated, the delimiter row's alignment kept", () => {
    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const table = tables.find((t) => t.includes('医疗机构'))!;
    const rows = table.match(/<w:tr(?=[ >])[\s\S]*?<\/w:tr>/g)!;
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => paragraphs(r).map(textOf)),
      [
        ['项目', '2023年', '2024年'],
        ['医疗机构（家）', '120', '126'],
        ['床位（张）', '8,500', '8,900'],
      ],
    );
    assert.match(rows[0], /<w:tblHeader\/>/);
    const aligns = paragraphs(rows[1]).map((p) => attr(element(p, 'w:jc'), 'w:val'));
    assert.deepEqual(aligns, ['left', 'center', 'right']);
    assert.equal(styleOf(paragraphs(rows[1])[0]), 'GongwenTableText');
  });
});

describe('export: documents, attachments, dates', () => {
  it('writes an issuing date in Arabic numerals without leading zeros', () => {
    assert.equal(issuingDate('2024年12月5日'), '2024年12月5日');
    assert.equal(issuingDate('  2024年03月05日'), '2024年3月5日');
    assert.equal(issuingDate('二〇二四年三月十三日'), '2024年3月13日');
    assert.equal(issuingDate('二〇二四年十二月三十一日'), '2024年12月31日');
    assert.equal(issuingDate('2024年12月5日召开会议。'), null);
  });

  it('reads the 附件说明 the attachment rule reads: `附件：` alone on its line, the names below it (one recogniser)', () => {
    const text = '关于开展专项检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n\n附件：\n1.检查方案\n2.检查表\n\nXX市人民政府办公室\n2024年3月13日\n';
    const model = parse(text, 'text');
    const parts = recogniseParts(model, 0);
    assert.deepEqual(parts.attachmentNote, {
      line: 6,
      items: [
        { number: '1', text: '检查方案' },
        { number: '2', text: '检查表' },
      ],
    });
    assert.equal(parts.signature?.date, '2024年3月13日');
    assert.deepEqual(
      parts.body.map((b) => b.kind === 'paragraph' && b.text),
      ['现将有关事项通知如下。'],
    );
    assert.equal(lint(text, { only: ['attachment'] }).length, 0);
  });

  it('takes an attachment the model split off (its text restarts at 一、) back into its document', async () => {
    const model = parse(fs.readFileSync(WITH_ATTACHMENT, 'utf8'), 'text');
    assert.equal(model.documents.length, 2);
    assert.deepEqual(exportableDocuments(model), [0]);
    const parts = recogniseParts(model, 0);
    assert.deepEqual(parts.attached, [1]);
    assert.equal(parts.signature?.date, '2024年3月13日');
    assert.deepEqual(parts.attachmentNote?.items, [{ number: null, text: '健康促进行动实施方案' }]);
    const document = (await open(await exportDocx(model, 0))).part('word/document.xml');
    const texts = paragraphs(document).map((p) => `${styleOf(p) ?? ''}|${textOf(p)}`);
    assert.ok(texts.includes('GongwenDate|2024年3月13日'));
    assert.ok(texts.includes('GongwenAttachmentNote|附件：健康促进行动实施方案'));
    const label = texts.indexOf('GongwenAttachmentLabel|附件');
    assert.deepEqual(texts.slice(label, label + 3), ['GongwenAttachmentLabel|附件', 'Title|健康促进行动实施方案', 'Heading1|一、总体要求']);
  });

  it('exports no table of contents: 002 has one document to export', () => {
    const model = parse(fs.readFileSync(C002, 'utf8'), 'text');
    assert.deepEqual(
      model.documents.map((d) => d.kind),
      ['toc', 'document'],
    );
    assert.deepEqual(exportableDocuments(model), [1]);
  });

  it('gates on placeholders and warns on numbering, within the document only', () => {
    const model = parse('甲报告\n一、总体\nXX市开展工作。\n三、保障\n乙报告\n一、要求\n内容。\n', 'text');
    assert.equal(model.documents.length, 2);
    const first = exportBlockers(model, 0);
    assert.deepEqual(
      first.placeholders.map((p) => p.ruleId),
      ['placeholder'],
    );
    assert.deepEqual(
      first.numbering.map((p) => p.ruleId),
      ['numbering-sequence'],
    );
    const second = exportBlockers(model, 1);
    assert.deepEqual([second.placeholders.length, second.numbering.length], [0, 0]);
  });
});

describe('export: CLI', () => {
  let tmp: string;
  const write = (name: string, data: string) => {
    const p = path.join(tmp, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, data);
    return p;
  };
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const docxFiles = () =>
    fs
      .readdirSync(tmp)
      .filter((f) => f.endsWith('.docx'))
      .sort();
  const TWO = '甲报告\n一、总体\n内容。\n二、保障\n内容。\n乙报告\n一、要求\n内容。\n';

  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-export-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses while placeholders remain: lists them like check, writes nothing, exits 1', async () => {
    const f = write('a.txt', '报告\n一、总体\nXX市开展工作。\n');
    const r = await run('export', '--lang', 'zh', f);
    assert.equal(r.code, 1);
    assert.equal(r.out.split('\n')[0], `${f}:3:1  error  未填写的占位符“XX”：提交前请填写实际内容（写作惯例）  placeholder`);
    assert.match(r.out, /共 1 个问题/);
    assert.match(r.err, /--force/);
    assert.deepEqual(docxFiles(), []);
  });

  it('--force exports anyway', async () => {
    const f = write('a.txt', '报告\n一、总体\nXX市开展工作。\n');
    const r = await run('export', '--force', '--lang', 'en', f);
    assert.equal(r.code, 0);
    assert.match(r.err, /exported: .*a\.docx \(with unfilled placeholders\)/);
    const document = (await open(fs.readFileSync(path.join(tmp, 'a.docx')))).part('word/document.xml');
    assert.match(document, /XX市开展工作。/);
  });

  it('warns on numbering problems and exports', async () => {
    const f = write('a.txt', '报告\n一、总体\n内容。\n三、保障\n内容。\n');
    const r = await run('export', '--docx', f);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning .*numbering-sequence/);
    assert.deepEqual(docxFiles(), ['a.docx']);
  });

  it('writes name-1.docx, name-2.docx for a file of several documents; --doc N only the Nth, same name', async () => {
    const f = write('two.txt', TWO);
    assert.equal((await run('export', f)).code, 0);
    assert.deepEqual(docxFiles(), ['two-1.docx', 'two-2.docx']);
    const second = (await open(fs.readFileSync(path.join(tmp, 'two-2.docx')))).part('word/document.xml');
    assert.equal(textOf(paragraphs(second)[0]), '乙报告');
    for (const d of docxFiles()) fs.rmSync(path.join(tmp, d));
    assert.equal((await run('export', '--doc', '2', f)).code, 0);
    assert.deepEqual(docxFiles(), ['two-2.docx']);
  });

  it('skips a table of contents: 002 (a TOC, then the report) gives one name.docx', async () => {
    const f = path.join(tmp, '002.txt');
    fs.copyFileSync(C002, f);
    const r = await run('export', '--force', f);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(docxFiles(), ['002.docx']);
    const again = await run('export', '--force', '--doc', '1', f);
    assert.equal(again.code, 2);
    assert.match(again.err, /目录/);
  });

  it('-o names the file, or the folder to write into', async () => {
    const f = write('a.txt', '报告\n一、总体\n内容。\n');
    assert.equal((await run('export', '-o', path.join(tmp, 'out.docx'), f)).code, 0);
    assert.ok(fs.existsSync(path.join(tmp, 'out.docx')));
    fs.mkdirSync(path.join(tmp, 'dir'));
    assert.equal((await run('export', '--out', path.join(tmp, 'dir'), f)).code, 0);
    assert.ok(fs.existsSync(path.join(tmp, 'dir', 'a.docx')));
    assert.deepEqual(outputPaths('r/two.txt', 'x/out.docx', [1, 2], true), ['x/out-1.docx', 'x/out-2.docx']);
    assert.deepEqual(outputPaths('r/two.txt', undefined, [2], true), ['r/two-2.docx']);
    assert.deepEqual(outputPaths('r/one.md', 'x/', [1], false), ['x/one.docx']);
  });

  it('exits 2 on bad usage, a missing file, a --doc out of range, or a folder it cannot write to', async () => {
    const f = write('a.txt', '报告\n一、总体\n内容。\n');
    assert.equal((await run('export')).code, 2);
    assert.equal((await run('export', f, f)).code, 2);
    assert.equal((await run('export', '--doc', '0', f)).code, 2);
    assert.equal((await run('export', '--doc', '3', f)).code, 2);
    assert.equal((await run('export', '--format', 'json', f)).code, 2);
    assert.equal((await run('check', '--force', f)).code, 2);
    assert.equal((await run('export', path.join(tmp, 'missing.txt'))).code, 2);
    const r = await run('export', '-o', path.join(tmp, 'no', 'such', 'dir', 'x.docx'), f);
    assert.equal(r.code, 2);
    assert.match(r.err, /无法写入|cannot write/);
  });
});

describe('export: a web copy’s page furniture', () => {
  it('writes the report, not the page: no tool bar, metadata or share widget, the report’s title as the title', async () => {
    // The opening of the 2026 Yunnan report as its web page gives it (test/real/texts/web-32.txt, lines 1–17).
    const text =
      fs
        .readFileSync(path.join(__dirname, '..', 'real', 'texts', 'web-32.txt'), 'utf8')
        .split('\n')
        .slice(0, 17)
        .join('\n') + '\n';
    const model = parse(text);
    const document = (await open(await exportDocx(model, 0))).part('word/document.xml');
    const texts = paragraphs(document).map((p) => `${styleOf(p) ?? ''}|${textOf(p)}`);
    assert.equal(
      texts.find((t) => t.startsWith('Title|')),
      'Title|2026年政府工作报告',
    );
    for (const furniture of ['您的位置', '首页', '云南要闻', '2026-02-03 09:02:33', '【字体：', '大', '中', '小', '】']) {
      assert.ok(
        !texts.some((t) => t.split('|')[1] === furniture || t.includes(`|${furniture}`)),
        `"${furniture}" is exported: ${texts.join(' / ').slice(0, 300)}`,
      );
    }
    assert.ok(texts.some((t) => t.includes('各位代表：')));
  });
});
