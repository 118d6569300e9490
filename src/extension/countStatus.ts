import * as vscode from 'vscode';
import { statsOfRange } from '../core';
import type { ReportStore } from './reports';

const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * `字数 3,215 · 约 6 页` for the active report, or for the selection when there is one: 字数 as offices count
 * it, pages at GB/T 9704's 22 lines × 28 characters (the same counts as `gongwen stats`).
 */
export class CountStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gongwen.counts', vscode.StatusBarAlignment.Right, 99);
  /** The whole document's counts, per version: moving the cursor does not recount a long report. */
  private whole: { uri: string; version: number; zishu: number; pages: number } | undefined;

  constructor(private readonly store: ReportStore) {
    this.item.name = vscode.l10n.t('Gongwen word count');
  }

  /** The text the item shows now (the integration tests read it). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.store.isReport(editor.document)) {
      this.item.hide();
      return;
    }
    const doc = editor.document;
    const selected = editor.selections.filter((s) => !s.isEmpty);
    let zishu = 0;
    let pages = 0;
    if (selected.length) {
      for (const s of selected) {
        const part = doc.getText(s);
        const c = statsOfRange(part, 0, part.length);
        zishu += c.zishu;
        pages += c.pages;
      }
    } else {
      const key = doc.uri.toString();
      if (this.whole?.uri !== key || this.whole.version !== doc.version) {
        const text = doc.getText();
        this.whole = { uri: key, version: doc.version, ...statsOfRange(text, 0, text.length) };
      }
      zishu = this.whole.zishu;
      pages = this.whole.pages;
    }
    const label = vscode.l10n.t('{0} characters · about {1} pages', thousands(zishu), pages);
    this.item.text = selected.length ? `$(selection) ${label}` : label;
    this.item.tooltip = selected.length ? vscode.l10n.t('Count of the selection (字数 as Word and WPS count it; pages at 22 lines × 28 characters)') : vscode.l10n.t('Count of the document (字数 as Word and WPS count it; pages at 22 lines × 28 characters)');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
