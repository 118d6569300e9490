import * as vscode from 'vscode';
import path from 'node:path';
import type { ReportStore } from './reports';
import { rangeOf } from './convert';

/**
 * 公文：导出为 Word — one `.docx` per document of the active report, laid out to GB/T 9704-2012. Refuses while
 * placeholders remain (lists them; "export anyway" is an explicit choice) and warns on numbering errors.
 * Returns the files written.
 */
export async function exportDocxCommand(store: ReportStore): Promise<vscode.Uri[]> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !store.isReport(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report to export it.'));
    return [];
  }
  const doc = editor.document;
  const view = await store.view(doc);
  // The Word writer is large: its own bundle beside this one, loaded on first export, never at activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exporter = require(path.join(__dirname, 'export.js')) as typeof import('../export');
  const indexes = exporter.exportableDocuments(view.model);
  if (!indexes.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This file holds no document to export (only a table of contents).'));
    return [];
  }
  const options = { config: view.config, filePath: view.filePath, format: view.format };
  const placeholders = indexes.flatMap((i) => exporter.exportBlockers(view.model, i, options).placeholders);
  const numbering = indexes.flatMap((i) => exporter.exportBlockers(view.model, i, options).numbering);
  if (
    placeholders.length &&
    !(await confirmDespitePlaceholders(
      doc,
      placeholders.map((p) => ({ start: p.start, end: p.end })),
    ))
  )
    return [];
  if (numbering.length)
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} numbering problems remain in this report; the export keeps them as they are.', numbering.length));
  const written: vscode.Uri[] = [];
  for (const i of indexes) {
    const target = targetUri(doc.uri, indexes.length > 1 ? i + 1 : undefined);
    const bytes = await exporter.exportDocx(view.model, i, { creator: 'gongwen' });
    await vscode.workspace.fs.writeFile(target, bytes);
    written.push(target);
  }
  const open = vscode.l10n.t('Reveal in Explorer');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Exported {0}', written.map((u) => vscode.workspace.asRelativePath(u)).join(', ')), open)
    .then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('revealInExplorer', written[0]);
    });
  return written;
}

/** Lists the placeholders; the writer picks one to fix it, or says explicitly to export anyway. */
async function confirmDespitePlaceholders(doc: vscode.TextDocument, found: Array<{ start: number; end: number }>): Promise<boolean> {
  const anyway = {
    label: `$(export) ${vscode.l10n.t('Export anyway')}`,
    description: vscode.l10n.t('the placeholders stay in the Word document'),
    alwaysShow: true,
  };
  const items = found.map((p) => {
    const range = rangeOf(doc, p.start, p.end);
    return { label: doc.getText(range), description: vscode.l10n.t('line {0}', range.start.line + 1), range };
  });
  const picked = await vscode.window.showQuickPick<vscode.QuickPickItem & { range?: vscode.Range }>(
    [...items, { label: '', kind: vscode.QuickPickItemKind.Separator }, anyway],
    {
      title: vscode.l10n.t('{0} placeholders left: not exported', found.length),
      placeHolder: vscode.l10n.t('Pick a placeholder to fill it in first, or export anyway'),
    },
  );
  if (picked === anyway) return true;
  if (picked?.range) {
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
    editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return false;
}

/** `报告.txt` -> `报告.docx` beside it (`报告-2.docx` for the second of several documents). */
function targetUri(source: vscode.Uri, n: number | undefined): vscode.Uri {
  const base = source.path.replace(/\.[^./]*$/, '');
  return source.with({ path: `${base}${n ? `-${n}` : ''}.docx` });
}
