import fs from 'node:fs';
import { parse, stats, type DocumentStats, type SectionStats } from '../core';
import { pick, type Lang } from './lang';
import { forEachReport, type Output } from './report';
import { paragraphOfLine } from './docx-input';
import type { DocxTextMap } from '../docx';

export interface StatsOptions {
  paths: string[];
  format: 'text' | 'json';
  config?: string;
  lang: Lang;
}

interface FileStats {
  file: string;
  documents: DocumentStats[];
  /** A Word document: its lines are mapped to paragraphs. */
  docx?: DocxTextMap;
}

/**
 * `gongwen stats`: 字数, Han characters, paragraphs and pages per document and section.
 * JSON: one `{file, documents}` object when the one path named is a file, else an array of them (one per file).
 */
export function runStats(opts: StatsOptions, io: Output): number {
  const { lang } = opts;
  const results: FileStats[] = [];
  const outcome = forEachReport(opts.paths, opts.config, lang, io, (report) => {
    results.push({ file: report.path, documents: stats(parse(report.file.text, report.options.format)), docx: report.file.docx });
  });
  if (opts.format === 'json') {
    const json = results.map(fileJson);
    const single = opts.paths.length === 1 && isFile(opts.paths[0]);
    io.out(JSON.stringify(single ? (json[0] ?? null) : json, null, 2));
  } else {
    for (const r of results) for (const line of statsTable(r, lang)) io.out(line);
  }
  return outcome.nothingRead || outcome.usageError ? 2 : 0;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A Word document's counts: beside each line of its extracted text, `docx.paragraph` is the paragraph (1-based). */
function fileJson(r: FileStats) {
  const word = (line: number) => r.docx && { docx: { paragraph: paragraphOfLine(r.docx, line) } };
  return {
    file: r.file,
    documents: r.documents.map((d) => ({
      kind: d.kind,
      title: d.title,
      line: d.startLine + 1,
      ...word(d.startLine),
      zishu: d.zishu,
      han: d.han,
      paragraphs: d.paragraphs,
      pages: d.pages,
      sections: d.sections.map((s) => sectionJson(s, word)),
    })),
  };
}

function sectionJson(s: SectionStats, word: (line: number) => object | undefined): object {
  return {
    marker: s.marker,
    title: s.title,
    line: s.line + 1,
    ...word(s.line),
    zishu: s.zishu,
    han: s.han,
    paragraphs: s.paragraphs,
    pages: s.pages,
    sections: s.sections.map((c) => sectionJson(c, word)),
  };
}

const thousands = (n: number): string => n.toLocaleString('en-US');

/** Display width in a terminal: East Asian wide characters take two columns. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000 ||
        c === 0x201c ||
        c === 0x201d ||
        c === 0x2018 ||
        c === 0x2019)
        ? 2
        : 1;
  }
  return n;
}

const padRight = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - columns(s)));
const padLeft = (s: string, width: number): string => ' '.repeat(Math.max(0, width - columns(s))) + s;

/** Titles longer than this many columns are cut with … so the table stays readable. */
const MAX_LABEL = 44;

function cut(s: string): string {
  if (columns(s) <= MAX_LABEL) return s;
  let out = '';
  for (const ch of s) {
    if (columns(out + ch) > MAX_LABEL - 1) break;
    out += ch;
  }
  return out + '…';
}

/** The text form: per file, an indented table of documents and sections. */
function statsTable(r: FileStats, lang: Lang): string[] {
  const rows: string[][] = [];
  // A Word document's rows say where they start as paragraphs, not lines of the extracted text.
  const at = (line: number) => String(r.docx ? paragraphOfLine(r.docx, line) : line + 1);
  r.documents.forEach((d) => {
    const kind = d.kind === 'toc' ? pick(lang, '（目录）', ' (table of contents)') : '';
    const title = d.title || pick(lang, '（无标题）', '(untitled)');
    rows.push([
      cut(`${pick(lang, '文档', 'Document')} ${d.index + 1}${kind}: ${title}`),
      at(d.startLine),
      thousands(d.zishu),
      thousands(d.han),
      thousands(d.paragraphs),
      thousands(d.pages),
    ]);
    const walk = (s: SectionStats) => {
      rows.push([
        `${'  '.repeat(s.depth)}${cut(`${s.level > 0 ? s.marker : s.marker + ' '}${s.title}`)}`,
        at(s.line),
        thousands(s.zishu),
        thousands(s.han),
        thousands(s.paragraphs),
        thousands(s.pages),
      ]);
      s.sections.forEach(walk);
    };
    d.sections.forEach(walk);
  });
  const where = r.docx ? pick(lang, '段', 'para') : pick(lang, '行', 'line');
  const header = lang === 'en' ? ['', where, 'chars', 'Han', 'paragraphs', 'pages'] : ['', where, '字数', '汉字', '段落', '页数'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => columns(row[i]))));
  const line = (row: string[]) => ['  ' + padRight(row[0], widths[0]), ...row.slice(1).map((c, i) => padLeft(c, widths[i + 1]))].join('  ').trimEnd();
  return [r.file, ...all.map(line)];
}
