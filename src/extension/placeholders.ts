import * as vscode from 'vscode';
import type { PlaceholderData } from '../server/protocol';
import { toRange, type GongwenClient } from './client';

interface PlaceholderItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
  range?: vscode.Range;
}

async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

const lineLabel = (range: vscode.Range) => vscode.l10n.t('line {0}', range.start.line + 1);

/** 公文：检查占位符 — count, list with line and context, jump to the one picked. Returns the count. */
export async function checkPlaceholders(client: GongwenClient): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report to check its placeholders.'));
    return 0;
  }
  const doc = editor.document;
  const found = (await client.placeholders(doc)) ?? [];
  if (!found.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left in this report.'));
    return 0;
  }
  const items: PlaceholderItem[] = found.map((p) => {
    const range = toRange(p.range);
    return { label: p.text, description: lineLabel(range), detail: p.context, uri: doc.uri, range };
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

/**
 * Every report of the workspace (the language server's workspace diagnostics: the placeholder rule on each report
 * file, an open one as the editor holds it), with progress and cancellation. Returns the count.
 */
export async function checkWorkspacePlaceholders(client: GongwenClient): Promise<number> {
  const items = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking placeholders in the workspace'), cancellable: true },
    async (_progress, token) => {
      const report = await client.workspacePlaceholders(token);
      if (!report || token.isCancellationRequested) return undefined;
      const out: PlaceholderItem[] = [];
      const reports = report.items
        .flatMap((r) => (r.kind === 'full' && r.items.length ? [{ uri: vscode.Uri.parse(r.uri), items: r.items }] : []))
        .sort((a, b) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0));
      for (const r of reports) {
        out.push({ label: vscode.workspace.asRelativePath(r.uri), kind: vscode.QuickPickItemKind.Separator });
        for (const d of r.items) {
          const data = d.data as PlaceholderData | undefined;
          const range = toRange(d.range);
          out.push({ label: data?.text ?? d.message, description: lineLabel(range), detail: data?.context, uri: r.uri, range });
        }
      }
      return out;
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

/** Moves the cursor to the next (or previous) placeholder, wrapping around. */
export async function goToPlaceholder(client: GongwenClient, direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const found = (await client.placeholders(doc)) ?? [];
  if (!found.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left in this report.'));
    return;
  }
  const here = doc.offsetAt(direction === 1 ? editor.selection.end : editor.selection.start);
  const next =
    direction === 1 ? (found.find((p) => p.start >= here) ?? found[0]) : ([...found].reverse().find((p) => p.end <= here) ?? found[found.length - 1]);
  const range = toRange(next.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The status-bar count of placeholders in the active report; a click runs the check. */
export class PlaceholderStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gongwen.placeholders', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly client: GongwenClient) {
    this.item.name = vscode.l10n.t('Gongwen placeholders');
    this.item.command = 'gongwen.checkPlaceholders';
  }

  async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const found = doc ? await this.client.placeholders(doc) : null;
    // No answer for this version yet: as it was, until the next update.
    if (found === undefined) return;
    if (found === null) {
      this.item.hide();
      return;
    }
    const count = found.length;
    this.item.text = count ? `$(warning) ${vscode.l10n.t('{0} placeholders', count)}` : `$(check) ${vscode.l10n.t('No placeholders')}`;
    this.item.tooltip = vscode.l10n.t('Gongwen: check placeholders');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
