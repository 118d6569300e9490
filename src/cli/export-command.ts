import fs from 'node:fs';
import path from 'node:path';
import { parse, type DocumentModel, type Problem } from '../core';
import { exportBlockers, exportableDocuments, exportDocx } from '../export';
import { ConfigResolver } from './config-file';
import { formatProblemLines, formatSummary, tally } from './format';
import { writeFileAtomic } from './io';
import { pick, type Lang } from './lang';
import { openReport, type Output } from './report';

export interface ExportCommandOptions {
  file: string;
  /** Output file, or folder to write into. */
  out?: string;
  /** Export even though placeholders remain. */
  force: boolean;
  /** 1-based document number (as `gongwen outline` counts them). */
  doc?: number;
  config?: string;
  lang: Lang;
}

/**
 * Where each exported document goes. Documents are numbered as `gongwen outline` and `--doc` number them (the
 * file's documents, tables of contents included); the number is added (`name-2.docx`) only when the file holds more
 * than one document to export, so `--doc N` writes the same name a full export does.
 *
 * `out`: a folder (existing, or ending in a separator) receives the default names; otherwise it names the file, and
 * with several documents `report.docx` becomes `report-1.docx`, `report-2.docx`…
 */
export function outputPaths(input: string, out: string | undefined, docNumbers: readonly number[], several: boolean): string[] {
  const parsed = path.parse(input);
  let dir = parsed.dir;
  let stem = parsed.name;
  let exact: string | null = null;
  if (out !== undefined) {
    const isDir = /[\\/]$/.test(out) || (fs.existsSync(out) && fs.statSync(out).isDirectory());
    if (isDir) dir = out;
    else {
      const o = path.parse(out);
      dir = o.dir;
      stem = o.ext.toLowerCase() === '.docx' ? o.name : o.base;
      exact = out;
    }
  }
  return docNumbers.map((n) => (several ? path.join(dir, `${stem}-${n}.docx`) : (exact ?? path.join(dir, `${stem}.docx`))));
}

/** `gongwen export`: writes each document of a report as a `.docx`. Returns the exit code. */
export async function runExport(opts: ExportCommandOptions, io: Output): Promise<number> {
  const { lang } = opts;
  const { report, configBroken } = openReport(opts.file, new ConfigResolver(opts.config), lang, io, new Set());
  if (!report) return 2;
  // The export lays out a text report; a Word document's own name would be the copy's, written over it.
  if (report.file.docx) {
    io.err(
      pick(
        lang,
        `${opts.file}：export 导出文本报告（.txt .md .gw）；Word 文档请用 gongwen check --annotate -o 输出带批注的副本`,
        `${opts.file}: export lays out text reports (.txt .md .gw); for a Word document, write a copy with comments with gongwen check --annotate -o`,
      ),
    );
    return 2;
  }
  const model = parse(report.file.text, report.options.format);
  const exportable = exportableDocuments(model);

  const selected = selectDocuments(model, exportable, opts, io);
  if (!selected) return 2;

  // The gate: placeholders block the export, numbering problems warn.
  const placeholders: Problem[] = [];
  const warnings: Problem[] = [];
  for (const index of selected) {
    const b = exportBlockers(model, index, report.options);
    placeholders.push(...b.placeholders);
    warnings.push(...b.numbering);
  }
  const problems = [...placeholders, ...warnings].sort((a, b) => a.start - b.start || a.end - b.end);
  formatProblemLines({ file: opts.file, lines: model.lines, problems }, lang, (l) => io.out(l));
  if (problems.length) io.out(formatSummary(tally(problems), 1, lang));
  if (placeholders.length && !opts.force) {
    io.err(
      pick(
        lang,
        `gongwen：仍有 ${placeholders.length} 处占位符未填写，未导出。确需导出（保留占位符）请加 --force。`,
        `gongwen: ${placeholders.length} placeholder${placeholders.length === 1 ? '' : 's'} left unfilled, nothing exported. To export anyway (placeholders and all), add --force.`,
      ),
    );
    return 1;
  }
  if (warnings.length) {
    io.err(
      pick(
        lang,
        `gongwen：层次编号有 ${warnings.length} 处问题（见上），仍照原文导出。`,
        `gongwen: ${warnings.length} numbering problem${warnings.length === 1 ? '' : 's'} (above); exported as written.`,
      ),
    );
  }

  const targets = outputPaths(
    opts.file,
    opts.out,
    selected.map((i) => i + 1),
    exportable.length > 1,
  );
  let failed = false;
  for (let k = 0; k < selected.length; k++) {
    const target = targets[k];
    try {
      const data = await exportDocx(model, selected[k]);
      writeFileAtomic(target, data);
      const note = placeholders.length ? pick(lang, '（含未填写的占位符）', ' (with unfilled placeholders)') : '';
      io.err(pick(lang, `已导出：${target}${note}`, `exported: ${target}${note}`));
    } catch (e) {
      failed = true;
      io.err(pick(lang, `${target}：无法写入（${(e as Error).message}）`, `${target}: cannot write (${(e as Error).message})`));
    }
  }
  return failed || configBroken ? 2 : 0;
}

/** The documents to export: `--doc N`, or every exportable one. Null (with a message) when there is none. */
function selectDocuments(model: DocumentModel, exportable: number[], opts: ExportCommandOptions, io: Output): number[] | null {
  const { lang } = opts;
  const fail = (zh: string, en: string) => {
    io.err(pick(lang, `gongwen：${zh}`, `gongwen: ${en}`));
    return null;
  };
  if (opts.doc !== undefined) {
    const index = opts.doc - 1;
    const doc = model.documents[index];
    if (!doc)
      return fail(
        `--doc ${opts.doc}：${opts.file} 只有 ${model.documents.length} 个文档`,
        `--doc ${opts.doc}: ${opts.file} holds ${model.documents.length} document${model.documents.length === 1 ? '' : 's'}`,
      );
    if (doc.kind === 'toc') return fail(`--doc ${opts.doc}：该文档是目录，不导出`, `--doc ${opts.doc}: that document is a table of contents, not exported`);
    if (!exportable.includes(index)) {
      const owner = exportable.filter((i) => i < index).pop()!;
      return fail(
        `--doc ${opts.doc}：该文档是第 ${owner + 1} 个文档的附件，随它导出`,
        `--doc ${opts.doc}: that document is an attachment of document ${owner + 1} and is exported with it`,
      );
    }
    return [index];
  }
  if (!exportable.length) return fail(`${opts.file}：没有可导出的文档（只有目录）`, `${opts.file}: no document to export (only a table of contents)`);
  return exportable;
}
