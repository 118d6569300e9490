import path from 'node:path';
import type { ExportDocxResult, ExportPlanResult } from './protocol';
import type { Linted } from './reports';
import { placeholders } from './structure';

type Exporter = typeof import('../export');
let exporter: Exporter | undefined;

/** The Word writer is large: its own bundle beside this one (`dist/export.js`), loaded on the first export. */
function loadExporter(): Exporter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (exporter ??= require(path.join(__dirname, 'export.js')) as Exporter);
}

/** Which documents a Word export writes, the placeholders that hold it up and the numbering problems it keeps. */
export function exportPlan(linted: Linted): ExportPlanResult {
  const ex = loadExporter();
  const { model, context } = linted;
  const documents = ex.exportableDocuments(model);
  const options = { config: context.config, filePath: context.options.filePath, format: context.format };
  const blockers = documents.map((i) => ex.exportBlockers(model, i, options));
  return {
    version: linted.version,
    documents,
    placeholders: placeholders(
      linted,
      blockers.flatMap((b) => b.placeholders),
    ),
    numbering: blockers.reduce((n, b) => n + b.numbering.length, 0),
  };
}

/** The Word documents, laid out to GB/T 9704-2012, base64 for the trip to the editor. */
export async function exportDocx(linted: Linted, documents: number[]): Promise<ExportDocxResult> {
  const ex = loadExporter();
  const files: ExportDocxResult['files'] = [];
  for (const index of documents) files.push({ index, base64: (await ex.exportDocx(linted.model, index, { creator: 'gongwen' })).toString('base64') });
  return { version: linted.version, files };
}
