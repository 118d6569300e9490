import * as vscode from 'vscode';
import type { GongwenClient } from './client';

const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * `字数 3,215 · 约 6 页` for the active report, or for the selection when there is one: 字数 as offices count
 * it, pages at GB/T 9704's 22 lines × 28 characters. The language server counts its model of the report through the
 * core's one counting service, as the outline and `gongwen stats` do (markdown markup and page furniture do not count).
 */
export class CountStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gongwen.counts', vscode.StatusBarAlignment.Right, 99);
  /** Bumped by each update: a count that finishes after a newer one started is dropped. */
  private generation = 0;

  constructor(private readonly client: GongwenClient) {
    this.item.name = vscode.l10n.t('Gongwen word count');
  }

  /** The text the item shows now (the integration tests read it). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const generation = ++this.generation;
    if (!editor) {
      this.item.hide();
      return;
    }
    this.show(editor, generation).catch(() => this.item.hide());
  }

  private async show(editor: vscode.TextEditor, generation: number): Promise<void> {
    const doc = editor.document;
    const selected = editor.selections.filter((s) => !s.isEmpty);
    const counted = await this.client.counts(doc, selected);
    if (generation !== this.generation || counted === undefined) return;
    if (counted === null) {
      this.item.hide();
      return;
    }
    const { zishu, pages } = counted;
    const label = vscode.l10n.t('{0} characters · about {1} pages', thousands(zishu), pages);
    this.item.text = selected.length ? `$(selection) ${label}` : label;
    this.item.tooltip = selected.length
      ? vscode.l10n.t('Count of the selection (字数 as Word and WPS count it; pages at 22 lines × 28 characters)')
      : vscode.l10n.t('Count of the document (字数 as Word and WPS count it; pages at 22 lines × 28 characters)');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
