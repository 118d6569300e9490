import { outline, parse, LineIndex, type OutlineDocument, type OutlineSection } from '../core';
import { ConfigResolver } from './config-file';
import { pick, type Lang } from './lang';
import { openReport, type Output } from './report';

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
  if (opts.format === 'json') io.out(JSON.stringify({ file: opts.file, documents: docs.map((d) => documentJson(d, model.lines)) }, null, 2));
  else for (const line of outlineText(docs, opts.lang, model.lines)) io.out(line);
  return configBroken ? 2 : 0;
}

function documentJson(d: OutlineDocument, lines: LineIndex) {
  return {
    kind: d.kind,
    title: d.title,
    line: d.startLine + 1,
    endLine: d.endLine + 1,
    numberingMode: d.numberingMode,
    placeholders: d.placeholders,
    chars: d.chars,
    sections: d.sections.map((s) => sectionJson(s, lines)),
  };
}

function sectionJson(s: OutlineSection, lines: LineIndex): object {
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
    placeholders: s.placeholders,
    chars: s.chars,
    children: s.children.map((c) => sectionJson(c, lines)),
  };
}

const thousands = (n: number): string => n.toLocaleString('en-US');

function outlineText(docs: OutlineDocument[], lang: Lang, lines: LineIndex): string[] {
  const out: string[] = [];
  for (const d of docs) {
    const kind = d.kind === 'toc' ? pick(lang, '（目录）', ' (table of contents)') : '';
    const title = d.title || pick(lang, '（无标题）', '(untitled)');
    out.push(
      `${pick(lang, '文档', 'Document')} ${d.index + 1}${kind}: ${title}  [${d.startLine + 1}-${d.endLine + 1}]  ${counts(d.placeholders, d.chars, lang)}`,
    );
    const walk = (s: OutlineSection) => {
      const pos = lines.lineColumn(s.start);
      out.push(
        `${'  '.repeat(s.depth)}${s.level > 0 ? s.marker : s.marker + ' '}${s.title}  [${pos.line}:${pos.column}]  ${counts(s.placeholders, s.chars, lang)}`,
      );
      s.children.forEach(walk);
    };
    d.sections.forEach(walk);
  }
  return out;
}

function counts(placeholders: number, chars: number, lang: Lang): string {
  return pick(
    lang,
    `${placeholders}处占位符 · ${thousands(chars)}字`,
    `${placeholders} placeholder${placeholders === 1 ? '' : 's'} · ${thousands(chars)} chars`,
  );
}
