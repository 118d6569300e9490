/**
 * Writes the `.docx` fixtures of the Word reader (test/fixtures/docx/): minimal, valid WordprocessingML packages —
 * [Content_Types].xml, _rels/.rels, word/document.xml, word/_rels/document.xml.rels, word/numbering.xml,
 * word/styles.xml — zipped with fflate. Each fixture exercises one part of ECMA-376 §17.9 numbering; the tests read
 * them, render them with LibreOffice and compare (test/unit/docx-render.test.ts).
 *
 * `npx tsx scripts/make-docx-fixtures.ts` writes them; test/unit/docx-fixtures.test.ts fails when a committed file
 * differs from what this script makes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const FIXTURE_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'docx');
/** Entries are stamped with one fixed time, so the bytes depend on the content only. */
const MTIME = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export interface PackageParts {
  /** The children of `w:body` (a `w:sectPr` is added). */
  body: string;
  /** The children of `w:numbering`; no numbering part when undefined. */
  numbering?: string;
  /** The children of `w:styles` after the default `Normal` style. */
  styles?: string;
  /** Any other parts, by name: written as given. */
  extra?: Record<string, string | Uint8Array>;
  /** Extra `<Override>`/`<Default>` entries of the content types. */
  contentTypes?: string;
  /** The main part's content type. */
  mainType?: string;
  /** Extra relationships of the main document. */
  rels?: string;
}

/** The parts of a package, by name, in the order they are zipped. */
export function packageParts(p: PackageParts): Record<string, string | Uint8Array> {
  const mainType = p.mainType ?? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  const override = (part: string, type: string) =>
    `<Override PartName="/word/${part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`;
  const types =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${mainType}"/>` +
    override('styles.xml', 'styles') +
    (p.numbering === undefined ? '' : override('numbering.xml', 'numbering')) +
    (p.contentTypes ?? '') +
    '</Types>';
  const rootRels =
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;
  const docRels =
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>` +
    (p.numbering === undefined ? '' : `<Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/>`) +
    (p.rels ?? '') +
    '</Relationships>';
  const document = `${DECL}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${p.body}<w:sectPr/></w:body></w:document>`;
  const styles =
    `${DECL}<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
    `${p.styles ?? ''}</w:styles>`;
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': types,
    '_rels/.rels': rootRels,
    'word/document.xml': document,
    'word/_rels/document.xml.rels': docRels,
    'word/styles.xml': styles,
  };
  if (p.numbering !== undefined) parts['word/numbering.xml'] = `${DECL}<w:numbering xmlns:w="${W}">${p.numbering}</w:numbering>`;
  return { ...parts, ...p.extra };
}

/** A `.docx` of the parts. */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [typeof data === 'string' ? strToU8(data) : data, { mtime: MTIME, level: 6 }];
  return zipSync(files);
}

export const buildDocx = (p: PackageParts): Uint8Array => zipParts(packageParts(p));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A list level. */
export function lvl(ilvl: number, numFmt: string, lvlText: string, extra = '', start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${esc(lvlText)}"/></w:lvl>`;
}

export const abstractNum = (id: number, levels: string): string => `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`;
export const num = (id: number, abstractId: number, overrides = ''): string =>
  `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
export const startOverride = (ilvl: number, start: number): string => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;

/** A paragraph of one run; numbered when `numId` is given, styled when `style` is. */
export function p(text: string, numId?: number, ilvl = 0, style?: string): string {
  const numPr = numId === undefined ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
  const pStyle = style === undefined ? '' : `<w:pStyle w:val="${style}"/>`;
  const pPr = numPr || pStyle ? `<w:pPr>${pStyle}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

/** 一、（一）1.（1）as GB/T 9704 §7.3.3 numbers the levels: Chinese counting, then decimal, the label's own marks. */
export const GONGWEN_LEVELS =
  lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') +
  lvl(1, 'chineseCounting', '（%2）', '<w:suff w:val="nothing"/>') +
  lvl(2, 'decimal', '%3.', '<w:suff w:val="nothing"/>') +
  lvl(3, 'decimal', '（%4）', '<w:suff w:val="nothing"/>');

const levels: PackageParts = {
  numbering: abstractNum(0, GONGWEN_LEVELS) + num(1, 0),
  body:
    p('关于2024年工作的报告') +
    p('总体要求', 1, 0) +
    p('指导思想', 1, 1) +
    p('坚持稳中求进。', 1, 2) +
    p('统筹发展和安全。', 1, 2) +
    p('着力扩大内需', 1, 3) +
    p('着力稳定预期', 1, 3) +
    p('主要目标', 1, 1) +
    p('经济增长5%左右。', 1, 2) +
    p('重点任务', 1, 0) +
    p('加快建设现代化产业体系', 1, 1) +
    p('推动产业升级。', 1, 2) +
    p('培育新动能', 1, 3) +
    p('深化改革', 1, 1) +
    p('保障措施', 1, 0),
};

const restartByOverride: PackageParts = {
  // Two lists of one definition: num 2 starts over at 1 (w:startOverride), then counts on in the shared counters.
  numbering: abstractNum(0, GONGWEN_LEVELS) + num(1, 0) + num(2, 0, startOverride(0, 1)),
  body:
    p('第一份通知') +
    p('工作目标', 1, 0) +
    p('工作措施', 1, 0) +
    p('具体要求', 1, 1) +
    p('第二份通知') +
    p('总体安排', 2, 0) +
    p('时间节点', 2, 1) +
    p('责任分工', 2, 1) +
    p('工作要求', 2, 0),
};

const restartByLevel: PackageParts = {
  // Level 3 (1.) never restarts under a new （一） — w:lvlRestart 1: only a new 一、 restarts it; level 4 never.
  numbering:
    abstractNum(
      0,
      lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') +
        lvl(1, 'chineseCounting', '（%2）', '<w:suff w:val="nothing"/>') +
        lvl(2, 'decimal', '%3.', '<w:lvlRestart w:val="1"/><w:suff w:val="nothing"/>') +
        lvl(3, 'decimal', '（%4）', '<w:lvlRestart w:val="0"/><w:suff w:val="nothing"/>'),
    ) + num(1, 0),
  body:
    p('发展目标', 1, 0) +
    p('稳增长', 1, 1) +
    p('扩大有效投资。', 1, 2) +
    p('重大项目', 1, 3) +
    p('促消费', 1, 1) +
    p('提振大宗消费。', 1, 2) +
    p('汽车消费', 1, 3) +
    p('重点工作', 1, 0) +
    p('抓好项目建设。', 1, 2),
};

const lvlTextOverride: PackageParts = {
  // num 2 overrides level 1's text (第%1部分) but keeps the counters of the definition it shares with num 1.
  numbering:
    abstractNum(0, GONGWEN_LEVELS) +
    num(1, 0) +
    num(2, 0, `<w:lvlOverride w:ilvl="0">${lvl(0, 'chineseCounting', '第%1部分', '<w:suff w:val="nothing"/>')}</w:lvlOverride>`),
  body: p('回顾', 1, 0) + p('成绩', 1, 1) + p('部署', 2, 0) + p('任务', 2, 1) + p('要求', 2, 1) + p('保障', 1, 0),
};

const styleNumbering: PackageParts = {
  // Heading 1 and Heading 2 carry the numbering in their styles; 标题二（无编号）is based on Heading 2 but removes it.
  numbering:
    abstractNum(
      0,
      lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/>') +
        lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="Heading2"/><w:suff w:val="nothing"/>'),
    ) + num(1, 0),
  styles:
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="GongwenH2"><w:name w:val="公文二级标题"/><w:basedOn w:val="Heading2"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="GongwenH2Plain"><w:name w:val="标题二（无编号）"/><w:basedOn w:val="Heading2"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>',
  body:
    p('关于加强安全生产的意见') +
    p('总体要求', undefined, 0, 'Heading1') +
    p('指导思想', undefined, 0, 'Heading2') +
    p('基本原则', undefined, 0, 'GongwenH2') +
    p('正文段落。') +
    p('重点任务', undefined, 0, 'Heading1') +
    p('压实责任', undefined, 0, 'Heading2') +
    p('附：说明', undefined, 0, 'GongwenH2Plain') +
    p('组织保障', undefined, 0, 'Heading1'),
};

const continued: PackageParts = {
  // One definition, two instances without overrides: the second list continues the first (三、 after 二、).
  numbering: abstractNum(0, GONGWEN_LEVELS) + num(1, 0) + num(2, 0),
  body:
    p('上半年工作', 1, 0) + p('下半年工作', 1, 0) + p('（表格说明）') + p('明年打算', 2, 0) + p('主要措施', 2, 1) + p('工作要求', 1, 0) + p('具体安排', 1, 1),
};

const start3: PackageParts = {
  // w:start 3 on level 1 and on level 2.
  numbering:
    abstractNum(0, lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>', 3) + lvl(1, 'chineseCounting', '（%2）', '<w:suff w:val="nothing"/>', 3)) +
    abstractNum(1, lvl(0, 'decimal', '%1.', '', 3) + lvl(1, 'decimal', '%1.%2', '', 3)) +
    num(1, 0) +
    num(2, 1),
  body: p('续前文', 1, 0) + p('小项', 1, 1) + p('小项', 1, 1) + p('再续', 1, 0) + p('条目', 2, 0) + p('分条', 2, 1) + p('条目', 2, 0),
};

const legal: PackageParts = {
  // w:isLgl: level 2 shows the chapter number in decimal (1.1, not 一.1); level 3 is followed by a space.
  numbering:
    abstractNum(
      0,
      lvl(0, 'chineseCounting', '第%1章', '<w:suff w:val="space"/>') +
        lvl(1, 'decimal', '%1.%2', '<w:isLgl/><w:suff w:val="space"/>') +
        lvl(2, 'decimal', '%1.%2.%3', '<w:isLgl/><w:suff w:val="space"/>') +
        lvl(3, 'decimal', '（%4）', '<w:suff w:val="space"/>'),
    ) + num(1, 0),
  body: p('总则', 1, 0) + p('目的', 1, 1) + p('依据', 1, 1) + p('适用范围', 1, 2) + p('职责', 1, 0) + p('部门职责', 1, 1) + p('牵头', 1, 3),
};

const skippedLevels: PackageParts = {
  // A level used before the levels above it, and a level skipped: Word counts only the paragraphs there are.
  numbering: abstractNum(0, GONGWEN_LEVELS.replace('%3.', '%2.%3.')) + num(1, 0),
  body: p('前言中的小项', 1, 1) + p('总体要求', 1, 0) + p('越级的三级标题', 1, 2) + p('二级标题', 1, 1) + p('三级标题', 1, 2),
};

/** Number formats at values up to 99 (a 公文 level never reaches 100; LibreOffice and Word agree up to there). */
export const FORMAT_VALUES = [1, 2, 9, 10, 11, 19, 20, 21, 26, 27, 35, 36, 50, 51, 99];
export const FORMATS = [
  'chineseCounting',
  'chineseCountingThousand',
  'ideographDigital',
  'chineseLegalSimplified',
  'decimal',
  'decimalZero',
  'decimalEnclosedCircle',
  'decimalEnclosedCircleChinese',
  'upperLetter',
  'lowerLetter',
  'upperRoman',
  'lowerRoman',
  'ideographTraditional',
];
/** Bullets in the Symbol and Wingdings fonts' private-use characters, and a plain one. */
export const BULLETS = ['\uf0b7', '\uf0a7', '\uf0d8', '\uf076', '\uf06c', '\uf06e', '\uf0fc', '●', '■'];

function formats(): PackageParts {
  let numbering = '';
  let nums = '';
  let body = '';
  let id = 0;
  for (const f of FORMATS) {
    for (const v of FORMAT_VALUES) {
      id++;
      numbering += abstractNum(id, lvl(0, f, '[%1]', '', v));
      nums += num(id, id);
      body += p(`${f} ${v}`, id, 0);
    }
  }
  for (const b of BULLETS) {
    id++;
    const font =
      b.charCodeAt(0) >= 0xf000
        ? `<w:rPr><w:rFonts w:ascii="${b === '\uf0b7' ? 'Symbol' : 'Wingdings'}" w:hAnsi="${b === '\uf0b7' ? 'Symbol' : 'Wingdings'}"/></w:rPr>`
        : '';
    numbering += abstractNum(id, `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${b}"/>${font}</w:lvl>`);
    nums += num(id, id);
    body += p(`bullet U+${b.charCodeAt(0).toString(16).toUpperCase()}`, id, 0);
  }
  return { numbering: numbering + nums, body };
}

const r = (inner: string, rPr = '') => `<w:r>${rPr}${inner}</w:r>`;
const t = (s: string) => `<w:t xml:space="preserve">${esc(s)}</w:t>`;

/** Displayed text: breaks, tabs, fields, tracked changes, hidden text, tables, content controls, text boxes. */
const text: PackageParts = {
  numbering: abstractNum(0, GONGWEN_LEVELS) + num(1, 0),
  body:
    p('总体要求', 1, 0) +
    `<w:p>${r(t('第一行') + '<w:br/>' + t('第二行') + '<w:tab/>' + t('列'))}</w:p>` +
    `<w:p>${r(t('见第'))}${r('<w:fldChar w:fldCharType="begin"/>')}${r('<w:instrText xml:space="preserve"> PAGE </w:instrText>')}${r('<w:fldChar w:fldCharType="separate"/>')}${r(t('7'))}${r('<w:fldChar w:fldCharType="end"/>')}${r(t('页，共'))}<w:fldSimple w:instr=" NUMPAGES ">${r(t('9'))}</w:fldSimple>${r(t('页。'))}</w:p>` +
    `<w:p>${r(t('保留'))}<w:del w:id="1" w:author="审稿人" w:date="2024-01-01T00:00:00Z">${r('<w:delText>删去的字</w:delText>')}</w:del><w:ins w:id="2" w:author="审稿人" w:date="2024-01-01T00:00:00Z">${r(t('新增'))}</w:ins><w:hyperlink r:id="rIdLink">${r(t('链接'))}</w:hyperlink>${r(t('隐藏'), '<w:rPr><w:vanish/></w:rPr>')}${r('<w:t>  去掉两端空格  </w:t>')}</w:p>` +
    `<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:p>${r(t('单元格一'))}</w:p><w:p>${r(t('单元格一第二段'))}</w:p></w:tc><w:tc><w:p>${r(t('单元格二'))}</w:p></w:tc></w:tr></w:tbl>` +
    `<w:sdt><w:sdtPr/><w:sdtContent><w:p>${r(t('内容控件'))}</w:p></w:sdtContent></w:sdt>` +
    `<w:p>${r(t('正文'))}${r('<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:120pt;height:30pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>')}${r(t('继续'))}</w:p>` +
    `<w:p><w:pPr><w:pStyle w:val="Heading3"/><w:rPr><w:vanish/><w:specVanish/></w:rPr></w:pPr>${r(t('1.强化组织领导。'))}</w:p><w:p>${r(t('各地区要加强领导。'))}</w:p>` +
    '<w:p/>' +
    p('重点任务', 1, 0),
  rels: `<Relationship Id="rIdLink" Type="${R}/hyperlink" Target="https://example.org/" TargetMode="External"/>`,
};

/** A document that already holds a comment (for the annotating writer to keep and extend). */
const withComment: PackageParts = {
  numbering: abstractNum(0, GONGWEN_LEVELS) + num(1, 0),
  body:
    p('总体要求', 1, 0) +
    `<w:p><w:commentRangeStart w:id="3"/>${r(t('已有批注的段落。'))}<w:commentRangeEnd w:id="3"/>${r('<w:commentReference w:id="3"/>')}</w:p>` +
    `<w:p>${r(t('加强XX建设，'), '<w:rPr><w:b/></w:rPr>')}${r(t('推动  工作落实。'))}</w:p>`,
  extra: {
    'word/comments.xml': `${DECL}<w:comments xmlns:w="${W}"><w:comment w:id="3" w:author="审稿人" w:date="2024-01-01T00:00:00Z" w:initials="审"><w:p><w:r><w:t>原有的批注</w:t></w:r></w:p></w:comment></w:comments>`,
  },
  contentTypes: '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
  rels: `<Relationship Id="rId9" Type="${R}/comments" Target="comments.xml"/>`,
};

/** A short report checked in VS Code: a placeholder, and automatic numbering that skips 三、 (a second list starts at 4). */
const vscodeDraft: PackageParts = {
  numbering: abstractNum(0, GONGWEN_LEVELS) + num(1, 0) + num(2, 0, startOverride(0, 4)),
  body:
    p('关于2024年工作情况的报告') +
    p('工作进展', 1, 0) +
    p('全年完成投资XX亿元，同比增长5%。') +
    p('存在问题', 1, 0) +
    p('部分项目进度滞后。') +
    p('下一步打算', 2, 0) +
    p('抓好项目建设。'),
};

/**
 * A short report for the CLI (test/unit/cli-docx.test.ts): headings numbered by Word (一、（一）二、 and a decimal
 * 1、 a 公文 never uses), a （三） typed by hand out of sequence, a placeholder, a stray space, and a placeholder on the
 * second line of a paragraph with a line break: each problem at a known paragraph and column.
 */
const cliReport: PackageParts = {
  numbering: abstractNum(0, GONGWEN_LEVELS) + abstractNum(1, lvl(0, 'decimal', '%1、', '<w:suff w:val="nothing"/>')) + num(1, 0) + num(2, 1),
  body:
    p('关于2024年工作的报告') +
    p('总体要求', 1, 0) +
    `<w:p>${r(t('XX'), '<w:rPr><w:b/></w:rPr>')}${r(t('市坚持稳中求进。'))}</w:p>` +
    p('指导思想', 1, 1) +
    p('（三）主要目标') +
    p('重点任务', 1, 0) +
    p('加快  建设现代化产业体系。') +
    p('专项工作', 2, 0) +
    `<w:p>${r(t('各单位要抓好落实。') + '<w:br/>' + t('由XX牵头。'))}</w:p>`,
};

/** The fixtures by file name. Those compared with LibreOffice's rendering are listed in `RENDERED`. */
export const FIXTURES: Record<string, PackageParts> = {
  'levels.docx': levels,
  'restart-override.docx': restartByOverride,
  'restart-level.docx': restartByLevel,
  'lvltext-override.docx': lvlTextOverride,
  'style-numbering.docx': styleNumbering,
  'continued.docx': continued,
  'start-3.docx': start3,
  'legal.docx': legal,
  'skipped-levels.docx': skippedLevels,
  'formats.docx': formats(),
  'text.docx': text,
  'with-comment.docx': withComment,
  'vscode-draft.docx': vscodeDraft,
  'cli-report.docx': cliReport,
};

/** The numbering fixtures, whose labels the tests compare with LibreOffice's. */
export const RENDERED = [
  'levels.docx',
  'restart-override.docx',
  'restart-level.docx',
  'lvltext-override.docx',
  'style-numbering.docx',
  'continued.docx',
  'start-3.docx',
  'legal.docx',
  'skipped-levels.docx',
  'formats.docx',
];

if (require.main === module) {
  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const [name, parts] of Object.entries(FIXTURES)) {
    fs.writeFileSync(path.join(FIXTURE_DIR, name), buildDocx(parts));
    console.log(`wrote test/fixtures/docx/${name}`);
  }
}
