import * as vscode from 'vscode';
import { lint, looksLikeReport, LineIndex, type Problem } from '../core';
import { rangeOf } from './convert';
import { decodeReport } from './decode';
import { enableMode } from './settings';
import type { ReportStore } from './reports';

const REPORT_GLOB = '**/*.{txt,md,gw}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.*/**}';
const CONTEXT_CHARS = 16;

interface PlaceholderItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
  range?: vscode.Range;
}

/** `…前文「XX」后文…`: the placeholder in its line, shortened. */
function contextOf(lineText: string, startCol: number, endCol: number): string {
  const from = Math.max(0, startCol - CONTEXT_CHARS);
  const to = Math.min(lineText.length, endCol + CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${lineText.slice(from, startCol)}「${lineText.slice(startCol, endCol)}」${lineText.slice(endCol, to)}${to < lineText.length ? '…' : ''}`.trim();
}

/** The placeholders of an open report (computed in the host: they need no word segmentation). */
export async function placeholdersOf(store: ReportStore, doc: vscode.TextDocument): Promise<Problem[]> {
  if (!store.isReport(doc)) return [];
  return (await store.view(doc)).placeholders();
}

async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** 公文：检查占位符 — count, list with line and context, jump to the one picked. Returns the count. */
export async function checkPlaceholders(store: ReportStore): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report to check its placeholders.'));
    return 0;
  }
  const doc = editor.document;
  const found = await placeholdersOf(store, doc);
  if (!found.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left in this report.'));
    return 0;
  }
  const items: PlaceholderItem[] = found.map((p) => {
    const range = rangeOf(doc, p.start, p.end);
    return {
      label: doc.getText(range),
      description: vscode.l10n.t('line {0}', range.start.line + 1),
      detail: contextOf(
        doc.lineAt(range.start.line).text,
        range.start.character,
        range.start.line === range.end.line ? range.end.character : doc.lineAt(range.start.line).text.length,
      ),
      uri: doc.uri,
      range,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0} placeholders in this report', found.length),
    placeHolder: vscode.l10n.t('Pick a placeholder to go to it'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.uri && picked.range) await reveal(picked.uri, picked.range);
  return found.length;
}

/** Every report file of the workspace, with progress and cancellation. Returns the count. */
export async function checkWorkspacePlaceholders(store: ReportStore): Promise<number> {
  const items = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking placeholders in the workspace'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(REPORT_GLOB, EXCLUDE_GLOB, undefined, token);
      const out: PlaceholderItem[] = [];
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        const found = await placeholdersInFile(store, uri);
        if (!found.length) continue;
        out.push({ label: vscode.workspace.asRelativePath(uri), kind: vscode.QuickPickItemKind.Separator });
        out.push(...found.map((f) => ({ ...f, uri })));
        if (i % 20 === 0) await new Promise((r) => setTimeout(r, 0)); // let the host breathe
      }
      return token.isCancellationRequested ? undefined : out;
    },
  );
  if (!items) return 0;
  const count = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).length;
  if (!count) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left in the workspace.'));
    return 0;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0} placeholders in the workspace', count),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.uri && picked.range) await reveal(picked.uri, picked.range);
  return count;
}

/** Placeholders of a file: from its open document if there is one, else read from disk. */
async function placeholdersInFile(store: ReportStore, uri: vscode.Uri): Promise<PlaceholderItem[]> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    return (await placeholdersOf(store, open)).map((p) => {
      const range = rangeOf(open, p.start, p.end);
      return {
        label: open.getText(range),
        description: vscode.l10n.t('line {0}', range.start.line + 1),
        detail: contextOf(open.lineAt(range.start.line).text, range.start.character, range.end.character),
        range,
      };
    });
  }
  const bytes = await vscode.workspace.fs.readFile(uri).then(
    (b) => b,
    () => undefined,
  );
  const text = bytes && decodeReport(bytes);
  if (text === undefined || enableMode(uri) === 'never') return [];
  if (!uri.path.endsWith('.gw') && enableMode(uri) === 'auto' && !looksLikeReport(text)) return [];
  const lines = new LineIndex(text);
  const { config, filePath } = await store.configFor(uri);
  const position = (offset: number) => {
    const p = lines.position(offset);
    return new vscode.Position(p.line, p.character);
  };
  return lint(text, { format: uri.path.endsWith('.md') ? 'markdown' : 'text', config, filePath, only: ['placeholder'] }).map((p) => {
    const range = new vscode.Range(position(p.start), position(p.end));
    return {
      label: text.slice(p.start, p.end),
      description: vscode.l10n.t('line {0}', range.start.line + 1),
      detail: contextOf(lines.lineText(range.start.line), range.start.character, range.end.character),
      range,
    };
  });
}

/** Moves the cursor to the next (or previous) placeholder, wrapping around. */
export async function goToPlaceholder(store: ReportStore, direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const found = await placeholdersOf(store, doc);
  if (!found.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left in this report.'));
    return;
  }
  const here = doc.offsetAt(direction === 1 ? editor.selection.end : editor.selection.start);
  const next =
    direction === 1 ? (found.find((p) => p.start >= here) ?? found[0]) : ([...found].reverse().find((p) => p.end <= here) ?? found[found.length - 1]);
  const range = rangeOf(doc, next.start, next.end);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The status-bar count of placeholders in the active report; a click runs the check. */
export class PlaceholderStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gongwen.placeholders', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly store: ReportStore) {
    this.item.name = vscode.l10n.t('Gongwen placeholders');
    this.item.command = 'gongwen.checkPlaceholders';
  }

  async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.store.isReport(doc)) {
      this.item.hide();
      return;
    }
    const count = (await placeholdersOf(this.store, doc)).length;
    this.item.text = count ? `$(warning) ${vscode.l10n.t('{0} placeholders', count)}` : `$(check) ${vscode.l10n.t('No placeholders')}`;
    this.item.tooltip = vscode.l10n.t('Gongwen: check placeholders');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
