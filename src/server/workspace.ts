import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, LineIndex } from '../core';
import { collectFiles } from '../cli/files';
import { readTextFile } from '../cli/io';
import { fsPathOf, type Contexts } from './context';
import { positionsOf, toDiagnostic } from './convert';
import type { PlaceholderData } from './protocol';
import type { Reports } from './reports';
import { placeholderContext, placeholders } from './structure';

export interface WorkspaceScan {
  contexts: Contexts;
  reports: Reports;
  /** The workspace folders, as file-system paths. */
  folders: () => string[];
  /** The open documents: their current text stands for the file on disk. */
  openDocuments: () => TextDocument[];
  /** Bumped whenever settings or config files change: a report id from before is stale. */
  generation: () => number;
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = { '.md': 'markdown', '.gw': 'gongwen' };

/** Lets the other requests through between files: a large workspace never holds up the document being typed in. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Workspace diagnostics: the workspace placeholder check. Every report of the workspace folders (`.txt`, `.md` and
 * `.gw` files, skipping `node_modules` and dot-folders, as `gongwen check DIR` walks them), the `placeholder` rule
 * only; an open document as the editor holds it. A file whose modification time, size and config are those of the
 * client's previous result is answered `unchanged` without being read.
 */
export async function workspaceDiagnostics(
  scan: WorkspaceScan,
  params: WorkspaceDiagnosticParams,
  token: CancellationToken,
): Promise<WorkspaceDiagnosticReport> {
  const previous = new Map(params.previousResultIds.map((r) => [fsPathOf(r.uri) ?? r.uri, r.value]));
  const open = new Map(scan.openDocuments().flatMap((d) => (fsPathOf(d.uri) ? [[fsPathOf(d.uri)!, d] as const] : [])));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for (const folder of scan.folders()) {
    for (const file of collectFiles([folder]).files) {
      if (token.isCancellationRequested) return { items };
      const doc = open.get(path.resolve(file));
      const item = doc ? await openReport(scan, doc) : await fileReport(scan, path.resolve(file), previous.get(path.resolve(file)));
      if (item) items.push(item);
      await breathe();
    }
  }
  return { items };
}

async function openReport(scan: WorkspaceScan, doc: TextDocument): Promise<WorkspaceDocumentDiagnosticReport> {
  const linted = await scan.reports.linted(doc);
  const found = linted ? placeholders(linted) : [];
  const diagnostics = linted ? linted.diagnostics().filter((d) => d.code === 'placeholder') : [];
  const items = diagnostics.map((d, i) => ({ ...d, data: { text: found[i].text, context: found[i].context } satisfies PlaceholderData }));
  return { kind: 'full', uri: doc.uri, version: doc.version, items };
}

async function fileReport(scan: WorkspaceScan, file: string, previousId: string | undefined): Promise<WorkspaceDocumentDiagnosticReport | undefined> {
  const uri = pathToFileURL(file).href;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const config = scan.contexts.configFiles.nearest(path.dirname(file));
  const resultId = `${stat.mtimeMs}:${stat.size}:${config?.stamp ?? '-'}:${scan.generation()}`;
  if (previousId === resultId) return { kind: 'unchanged', uri, version: null, resultId };
  const read = readTextFile(file);
  if (!read.ok) return undefined;
  const text = read.file.text;
  const context = await scan.contexts.of({ uri, languageId: LANGUAGE_BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'plaintext', text });
  if (!context.report) return { kind: 'full', uri, version: null, resultId, items: [] };
  const lines = new LineIndex(text);
  const positions = positionsOf(lines);
  const items = lint(text, { ...context.options, only: ['placeholder'] }).map((p) => {
    const d = toDiagnostic(positions, p, context.language);
    const start = lines.position(p.start);
    const end = lines.position(p.end);
    const lineText = lines.lineText(start.line);
    const data: PlaceholderData = {
      text: text.slice(p.start, p.end),
      context: placeholderContext(lineText, start.character, end.line === start.line ? end.character : lineText.length),
    };
    d.data = data;
    return d;
  });
  return { kind: 'full', uri, version: null, resultId, items };
}
