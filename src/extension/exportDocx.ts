import * as vscode from 'vscode';
import { DOCX_TEXT_SCHEME, type PlaceholderItem } from '../server/protocol';
import { toRange, type GongwenClient } from './client';

/**
 * 公文：导出为 Word — one `.docx` per document of the active report, laid out to GB/T 9704-2012 by the language server.
 * Refuses while placeholders remain (lists them; "export anyway" is an explicit choice) and warns on numbering
 * errors. Returns the files written.
 */
export async function exportDocxCommand(client: GongwenClient): Promise<vscode.Uri[]> {
  const editor = vscode.window.activeTextEditor;
  const plan = editor && (await client.exportPlan(editor.document));
  if (!editor || !plan) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report to export it.'));
    return [];
  }
  const doc = editor.document;
  if (doc.uri.scheme === DOCX_TEXT_SCHEME) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('This is the text of a Word draft: it is a .docx already (to return the findings, export a copy with comments).'),
    );
    return [];
  }
  if (!plan.documents.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This file holds no document to export (only a table of contents).'));
    return [];
  }
  if (plan.placeholders.length && !(await confirmDespitePlaceholders(doc, plan.placeholders))) return [];
  if (plan.numbering)
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} numbering problems remain in this report; the export keeps them as they are.', plan.numbering));
  const exported = await client.exportDocx(doc, plan.documents);
  if (!exported) return [];
  const written: vscode.Uri[] = [];
  for (const file of exported.files) {
    const target = targetUri(doc.uri, plan.documents.length > 1 ? file.index + 1 : undefined);
    await vscode.workspace.fs.writeFile(target, Buffer.from(file.base64, 'base64'));
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
async function confirmDespitePlaceholders(doc: vscode.TextDocument, found: PlaceholderItem[]): Promise<boolean> {
  const anyway = {
    label: `$(export) ${vscode.l10n.t('Export anyway')}`,
    description: vscode.l10n.t('the placeholders stay in the Word document'),
    alwaysShow: true,
  };
  const items = found.map((p) => {
    const range = toRange(p.range);
    return { label: p.text, description: vscode.l10n.t('line {0}', range.start.line + 1), range };
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
