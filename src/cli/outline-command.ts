import { outline, parse, LineIndex, type OutlineDocument, type OutlineSection } from '../core';
import { ConfigResolver } from './config-file';
import { pick, type Lang } from './lang';
import { openReport, type Output } from './report';
import { paragraphOfLine, wordPoint, wordPosition } from './docx-input';
import type { DocxTextMap } from '../docx';

export interface OutlineOptions {
  file: string;
  format: 'text' | 'json';
  config?: string;
  lang: Lang;
}

/** `gongwen outline`: the section tree of one report. */
export function runOutline(opts: OutlineOptions, io: Output): number {
  const { report, configBroken } = openReport(opts.file, new ConfigResolver(opts.config), opts.lang, io, new Set());
  if (!report) return 2;
  const model = parse(report.file.text, report.options.format);
  const docs = outline(model, report.options.config);
  const { docx } = report.file;
  if (opts.format === 'json') io.out(JSON.stringify({ file: opts.file, documents: docs.map((d) => documentJson(d, model.lines, docx)) }, null, 2));
  else for (const line of outlineText(docs, opts.lang, model.lines, docx)) io.out(line);
  return configBroken ? 2 : 0;
}

/** A Word document's outline: beside the lines of its extracted text, `docx` gives its paragraphs (1-based). */
function documentJson(d: OutlineDocument, lines: LineIndex, docx: DocxTextMap | undefined) {
  return {
    kind: d.kind,
    title: d.title,
    line: d.startLine + 1,
    endLine: d.endLine + 1,
    ...(docx && { docx: { paragraph: paragraphOfLine(docx, d.startLine), endParagraph: paragraphOfLine(docx, d.endLine) } }),
    numberingMode: d.numberingMode,
    placeholders: d.placeholders,
    chars: d.chars,
    sections: d.sections.map((s) => sectionJson(s, lines, docx)),
  };
}

function sectionJson(s: OutlineSection, lines: LineIndex, docx: DocxTextMap | undefined): object {
  const start = lines.lineColumn(s.start);
  const end = lines.lineColumn(s.end);
  return {
    level: s.level,
    depth: s.depth,
    marker: s.marker,
    number: s.number,
    title: s.title,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(docx && { docx: wordSection(docx, s) }),
    placeholders: s.placeholders,
    chars: s.chars,
    children: s.children.map((c) => sectionJson(c, lines, docx)),
  };
}

function wordSection(docx: DocxTextMap, s: OutlineSection) {
  const start = wordPoint(docx, s.start);
  const end = wordPoint(docx, s.end);
  return { paragraph: start.paragraph, column: start.column, endParagraph: end.paragraph, endColumn: end.column };
}

const thousands = (n: number): string => n.toLocaleString('en-US');

function outlineText(docs: OutlineDocument[], lang: Lang, lines: LineIndex, docx: DocxTextMap | undefined): string[] {
  const out: string[] = [];
  for (const d of docs) {
    const kind = d.kind === 'toc' ? pick(lang, '（目录）', ' (table of contents)') : '';
    const title = d.title || pick(lang, '（无标题）', '(untitled)');
    const span = docx ? documentParagraphs(docx, d, lang) : `${d.startLine + 1}-${d.endLine + 1}`;
    out.push(`${pick(lang, '文档', 'Document')} ${d.index + 1}${kind}: ${title}  [${span}]  ${counts(d.placeholders, d.chars, lang)}`);
    const walk = (s: OutlineSection) => {
      const pos = lines.lineColumn(s.start);
      const word = docx && wordPoint(docx, s.start);
      const at = word ? wordPosition(word.paragraph, word.column, lang) : `${pos.line}:${pos.column}`;
      out.push(`${'  '.repeat(s.depth)}${s.level > 0 ? s.marker : s.marker + ' '}${s.title}  [${at}]  ${counts(s.placeholders, s.chars, lang)}`);
      s.children.forEach(walk);
    };
    d.sections.forEach(walk);
  }
  return out;
}

/** `段1-15` / `para1-15`: the paragraphs a document of a Word file spans. */
function documentParagraphs(docx: DocxTextMap, d: OutlineDocument, lang: Lang): string {
  return `${pick(lang, '段', 'para')}${paragraphOfLine(docx, d.startLine)}-${paragraphOfLine(docx, d.endLine)}`;
}

function counts(placeholders: number, chars: number, lang: Lang): string {
  return pick(
    lang,
    `${placeholders}处占位符 · ${thousands(chars)}字`,
    `${placeholders} placeholder${placeholders === 1 ? '' : 's'} · ${thousands(chars)} chars`,
  );
}
