/**
 * Word export: one document of the model as a `.docx`, laid out as GB/T 9704-2012 requires (see `layout.ts` for the
 * numbers and `parts.ts` for the 公文 parts). Built with the `docx` library; pure (no file system): returns a Buffer.
 *
 * What the library could not express, and how it is handled:
 * - A font's fallback (`w:altName` in the font table): the library writes font-table entries only for fonts it
 *   embeds. The font table is replaced through the packer's own `overrides` parameter with one that names each font
 *   the export uses, its fallback, and its character set (GB 2312); nothing else is post-processed.
 * Everything else — the document grid of type `linesAndChars`, the style separator (`w:vanish` + `w:specVanish` on a
 * paragraph mark), odd and even footers, the PAGE field — the library writes itself.
 *
 * The target is Word and WPS. LibreOffice 7.4 renders two things differently (see test/unit/export-render.test.ts):
 * it snaps characters to the grid's 15.8 pt cells and gives each 16 pt character two (14 a line, not 28), and it
 * ignores the style separator (a run-in heading's body starts a new line). Nothing in the file can serve both: a
 * condensed character spacing that would fit LibreOffice's cells would narrow Word's lines too.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
  type IRunOptions,
} from 'docx';
import type { DocumentModel } from '../core';
import * as L from './layout';
import { recogniseParts, textWidth, type Attachment, type BodyBlock, type DocumentParts, type HeadingBlock, type TableBlock } from '../core/structure/parts';

export interface ExportOptions {
  /** `dc:creator` of the document; `gongwen` by default. */
  creator?: string;
}

/** Style ids the export defines; Word's built-in ids where Word has the style (its navigation pane reads them). */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4'] as const,
  runInBody: 'GongwenRunInBody',
  addressee: 'GongwenAddressee',
  attachmentNote: 'GongwenAttachmentNote',
  signature: 'GongwenSignature',
  date: 'GongwenDate',
  attachmentLabel: 'GongwenAttachmentLabel',
  tableText: 'GongwenTableText',
  imprint: 'GongwenImprint',
  pageNumber: 'GongwenPageNumber',
} as const;

/** A font in every slot of `w:rFonts`: CJK text (eastAsia) and Latin/digits (ascii, hAnsi, cs). */
const allSlots = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
/** A CJK font for eastAsia; Latin letters and digits in the body's Latin font. */
const cjk = (name: string) => ({ ascii: L.LATIN, hAnsi: L.LATIN, eastAsia: name, cs: L.LATIN });

/** No emphasis is ever carried over: headings and title say so explicitly (Word's built-in headings are bold). */
const PLAIN = { bold: false, italics: false, boldComplexScript: false, italicsComplexScript: false, color: '000000' } as const;
const NO_INDENT = { firstLine: 0, firstLineChars: 0, left: 0, right: 0 } as const;
/** One blank line on the grid. */
const ONE_LINE = L.LINE_PITCH;

/** Heading fonts by level (§7.3.3): 1 黑体, 2 楷体, 3 and 4 仿宋. */
const HEADING_FONTS = [allSlots(L.HEITI.name), allSlots(L.KAITI.name), cjk(L.FANGSONG.name), cjk(L.FANGSONG.name)];

function styles(): IParagraphStyleOptions[] {
  const body = { alignment: AlignmentType.BOTH, indent: { firstLineChars: L.INDENT_CHARS, firstLine: L.INDENT_TWIPS } };
  const list: IParagraphStyleOptions[] = [
    {
      id: STYLE.normal,
      name: 'Normal',
      quickFormat: true,
      paragraph: body,
      run: { font: cjk(L.FANGSONG.name), size: L.BODY_SIZE, sizeComplexScript: L.BODY_SIZE },
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { after: ONE_LINE } },
      run: { ...PLAIN, font: allSlots(L.XIAOBIAOSONG.name), size: L.TITLE_SIZE, sizeComplexScript: L.TITLE_SIZE },
    },
    ...STYLE.heading.map((id, i): IParagraphStyleOptions => ({
      id,
      name: `heading ${i + 1}`,
      basedOn: STYLE.normal,
      next: STYLE.normal,
      quickFormat: true,
      paragraph: { outlineLevel: i, keepNext: true },
      run: { ...PLAIN, font: HEADING_FONTS[i], size: L.BODY_SIZE, sizeComplexScript: L.BODY_SIZE },
    })),
    // The body of a run-in heading continues the heading's line after the style separator: no indent of its own.
    { id: STYLE.runInBody, name: '标题后正文', basedOn: STYLE.normal, next: STYLE.normal, paragraph: { indent: NO_INDENT } },
    // §7.3.2: flush left.
    { id: STYLE.addressee, name: '主送机关', basedOn: STYLE.normal, next: STYLE.normal, paragraph: { indent: NO_INDENT } },
    // Paragraphs with hanging indents are not based on Normal: its first-line indent in character units would
    // take precedence over their hanging indent in twips.
    { id: STYLE.attachmentNote, name: '附件说明', next: STYLE.normal, paragraph: { alignment: AlignmentType.LEFT } },
    { id: STYLE.signature, name: '发文机关署名', basedOn: STYLE.normal, next: STYLE.normal, paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT } },
    { id: STYLE.date, name: '成文日期', basedOn: STYLE.normal, next: STYLE.normal, paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT } },
    {
      id: STYLE.attachmentLabel,
      name: '附件标识',
      basedOn: STYLE.normal,
      next: STYLE.normal,
      paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT, keepNext: true },
      run: { ...PLAIN, font: allSlots(L.HEITI.name) },
    },
    {
      id: STYLE.tableText,
      name: '表格文字',
      basedOn: STYLE.normal,
      paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      run: { size: L.SMALL_SIZE, sizeComplexScript: L.SMALL_SIZE },
    },
    {
      // §7.4: 4号仿宋, one character in from each side.
      id: STYLE.imprint,
      name: '版记',
      paragraph: {
        alignment: AlignmentType.LEFT,
        indent: { left: L.SMALL_CHAR, right: L.SMALL_CHAR },
        spacing: { line: L.LINE_PITCH, lineRule: LineRuleType.EXACT },
      },
      run: { size: L.SMALL_SIZE, sizeComplexScript: L.SMALL_SIZE },
    },
    {
      // §7.5: the page number's paragraph stands alone: not based on Normal, so no body indent; an exact line, so no
      // line pitch from the grid; 4号半角宋体 on the style and on every run.
      id: STYLE.pageNumber,
      name: '页码',
      paragraph: { indent: NO_INDENT, spacing: { before: 0, after: 0, line: L.FOOTER_LINE, lineRule: LineRuleType.EXACT } },
      run: { ...PLAIN, font: allSlots(L.SONGTI.name), size: L.SMALL_SIZE, sizeComplexScript: L.SMALL_SIZE },
    },
  ];
  return list;
}

/** `— 1 —`: the dashes and the PAGE field, every run in 4号半角宋体. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const run: IRunOptions = { font: allSlots(L.SONGTI.name), size: L.SMALL_SIZE, sizeComplexScript: L.SMALL_SIZE };
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        // §7.5: odd pages at the right, even pages at the left, one character (of the body, 16 pt) in.
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: L.BODY_CHAR, left: 0, firstLine: 0 } : { left: L.BODY_CHAR, right: 0, firstLine: 0 },
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const text = (t: string): TextRun => new TextRun({ text: t });

function headingParagraphs(h: HeadingBlock): Paragraph[] {
  const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][h.level - 1];
  if (!h.body) return [new Paragraph({ heading, children: [text(h.text)] })];
  // A run-in heading: the title in its heading style, then a style separator — the heading's paragraph mark hidden
  // with w:specVanish — so the body continues the same line in 仿宋, and navigation panes list only the title.
  return [
    new Paragraph({ heading, keepNext: false, run: { vanish: true, specVanish: true }, children: [text(h.text)] }),
    new Paragraph({ style: STYLE.runInBody, children: [text(h.body)] }),
  ];
}

function tableOf(t: TableBlock): Table {
  const columns = Math.max(...t.rows.map((r) => r.length));
  const width = Math.floor(L.TEXT_WIDTH / columns);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const align = (c: number, header: boolean) => {
    const a = t.align[c];
    if (a === 'center' || (header && !a)) return AlignmentType.CENTER;
    if (a === 'right') return AlignmentType.RIGHT;
    return AlignmentType.LEFT;
  };
  return new Table({
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: t.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: Array.from(
            { length: columns },
            (_, c) =>
              new TableCell({
                width: { size: width, type: WidthType.DXA },
                children: [new Paragraph({ style: STYLE.tableText, alignment: align(c, r === 0), children: row[c] ? [text(row[c])] : [] })],
              }),
          ),
        }),
    ),
  });
}

function bodyElements(blocks: BodyBlock[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') out.push(...headingParagraphs(b));
    else if (b.kind === 'table') {
      out.push(tableOf(b));
      // Two tables need a paragraph between them, or Word merges them.
      if (blocks[i + 1]?.kind === 'table') out.push(new Paragraph({ children: [] }));
    } else out.push(new Paragraph({ children: [text(b.text)] }));
  });
  return out;
}

/** Characters as twips on the grid. */
const chars = (n: number): number => Math.round(n * L.CHAR_PITCH);

/**
 * §7.3.4 附件说明: one blank line below the body, two characters in, `附件：1.××××`; wrapped lines start under the
 * attachment's name, and the numbers of the following attachments stand under the first one's.
 */
function attachmentNote(parts: DocumentParts): Paragraph[] {
  const note = parts.attachmentNote;
  if (!note) return [];
  const label = '附件：';
  return note.items.map((item, i) => {
    const number = item.number === null ? '' : `${item.number}.`;
    const lead = (i === 0 ? label : '') + number;
    const nameAt = 2 + textWidth(label) + textWidth(number);
    const firstAt = i === 0 ? 2 : 2 + textWidth(label);
    return new Paragraph({
      style: STYLE.attachmentNote,
      spacing: i === 0 ? { before: ONE_LINE } : undefined,
      indent: { left: chars(nameAt), hanging: chars(nameAt - firstAt) },
      children: [text(lead + item.text)],
    });
  });
}

/**
 * §7.3.5 落款 (without a seal): one blank line below the body or the 附件说明; the issuer's name two characters from
 * the right; the date (Arabic numerals, §7.3.5.4) on the next line, starting two characters right of the name's
 * start. Where the date is the longer, the date keeps two characters from the right and the name moves left.
 */
function signature(parts: DocumentParts): Paragraph[] {
  const sig = parts.signature;
  if (!sig) return [];
  const nameWidth = Math.max(0, ...sig.organisations.map(textWidth));
  const dateWidth = textWidth(sig.date);
  let nameRight = 2;
  let dateRight = 2;
  if (sig.organisations.length) {
    if (nameWidth >= dateWidth + 2) dateRight = nameWidth - dateWidth;
    else nameRight = 4 + dateWidth - nameWidth;
  }
  const out = sig.organisations.map(
    (o, i) =>
      new Paragraph({
        style: STYLE.signature,
        spacing: i === 0 ? { before: ONE_LINE } : undefined,
        // Several issuers' names share one left edge: each line is padded on the right to the longest.
        indent: { right: chars(nameRight + nameWidth - textWidth(o)) },
        children: [text(o)],
      }),
  );
  out.push(
    new Paragraph({
      style: STYLE.date,
      spacing: sig.organisations.length ? undefined : { before: ONE_LINE },
      indent: { right: chars(dateRight) },
      children: [text(sig.date)],
    }),
  );
  return out;
}

/** An attachment on pages of its own, after the body: `附件1` at the top left in 黑体, its title centred on the third line. */
function attachmentPages(a: Attachment): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [new Paragraph({ style: STYLE.attachmentLabel, pageBreakBefore: true, children: [text(a.label)] })];
  if (a.title) out.push(new Paragraph({ style: STYLE.title, spacing: { before: ONE_LINE, after: ONE_LINE }, children: [text(a.title)] }));
  out.push(...bodyElements(a.blocks));
  return out;
}

/**
 * §7.4 版记: 抄送 and 印发机关/印发日期 between rules as wide as the text block, thick first and last and thin between,
 * set at the bottom of the last page (a table floating at the foot of the text block).
 */
function imprint(parts: DocumentParts): Table[] {
  const im = parts.imprint;
  if (!im) return [];
  const thick = { style: BorderStyle.SINGLE, size: L.RULE_THICK, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: L.RULE_THIN, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const width = L.TEXT_WIDTH;
  const row = (paragraph: Paragraph) =>
    new TableRow({
      cantSplit: true,
      children: [new TableCell({ width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, children: [paragraph] })],
    });
  const rows: TableRow[] = [];
  if (im.copyTo !== null) {
    // 抄送：… ends with 。; wrapped lines align under the first organisation, after the colon.
    const copy = im.copyTo.endsWith('。') ? im.copyTo : `${im.copyTo}。`;
    const label = 3 * L.SMALL_CHAR; // 抄送：
    rows.push(row(new Paragraph({ style: STYLE.imprint, indent: { left: L.SMALL_CHAR + label, hanging: label }, children: [text(`抄送：${copy}`)] })));
  }
  if (im.issuer) {
    // 印发机关 one character in from the left, 印发日期 (with 印发) one character in from the right.
    rows.push(
      row(
        new Paragraph({
          style: STYLE.imprint,
          tabStops: [{ type: TabStopType.RIGHT, position: width - L.SMALL_CHAR }],
          children: [text(im.issuer.organisation), new TextRun({ children: [new Tab(), `${im.issuer.date}印发`] })],
        }),
      ),
    );
  }
  if (!rows.length) return [];
  return [
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      borders: { top: thick, bottom: thick, insideHorizontal: thin, left: none, right: none, insideVertical: none },
      float: {
        horizontalAnchor: TableAnchorType.MARGIN,
        relativeHorizontalPosition: RelativeHorizontalPosition.LEFT,
        verticalAnchor: TableAnchorType.MARGIN,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      },
      rows,
    }),
  ];
}

/** The font table: each font the export names, with its fallback (`w:altName`) and character set (86: GB 2312). */
function fontTable(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fonts = L.ALL_FONTS.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}">${f.fallback ? `<w:altName w:val="${esc(f.fallback)}"/>` : ''}<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  );
  fonts.push(`<w:font w:name="${L.LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}

/** Builds the Word document of `model.documents[docIndex]` (its attachments included). */
export function buildDocument(model: DocumentModel, docIndex: number, options: ExportOptions = {}): Document {
  const parts = recogniseParts(model, docIndex);
  const children: Array<Paragraph | Table> = [];
  if (parts.title) children.push(new Paragraph({ style: STYLE.title, children: [text(parts.title)] }));
  if (parts.addressee) children.push(new Paragraph({ style: STYLE.addressee, children: [text(parts.addressee)] }));
  children.push(...bodyElements(parts.body));
  children.push(...attachmentNote(parts));
  children.push(...signature(parts));
  for (const a of parts.attachments) children.push(...attachmentPages(a));
  children.push(...imprint(parts));
  // A body ends with a paragraph (Word adds one after a closing table anyway), and has at least one.
  if (!children.length || children[children.length - 1] instanceof Table) children.push(new Paragraph({ children: [] }));

  return new Document({
    creator: options.creator ?? 'gongwen',
    lastModifiedBy: options.creator ?? 'gongwen',
    title: parts.title ?? undefined,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: cjk(L.FANGSONG.name), size: L.BODY_SIZE, sizeComplexScript: L.BODY_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
      },
      paragraphStyles: styles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: L.PAGE_WIDTH, height: L.PAGE_HEIGHT },
            margin: {
              top: L.MARGIN_TOP,
              bottom: L.MARGIN_BOTTOM,
              left: L.MARGIN_LEFT,
              right: L.MARGIN_RIGHT,
              header: L.HEADER_DISTANCE,
              footer: L.FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: L.LINE_PITCH, charSpace: L.CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/** The `.docx` of `model.documents[docIndex]`, as a Buffer. */
export async function exportDocx(model: DocumentModel, docIndex: number, options: ExportOptions = {}): Promise<Buffer> {
  const doc = buildDocument(model, docIndex, options);
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
