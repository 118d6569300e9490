import * as vscode from 'vscode';
import type { OutlineDocument, OutlineSection } from '../core';
import { countsLabel } from './outline';
import { pickerFor, rangeOf } from './convert';
import type { ReportStore } from './reports';

/** A node of the 公文大纲 tree: a document of the file, or a section identified by its marker's offset. */
export type ReportNode = { kind: 'document'; doc: OutlineDocument } | { kind: 'section'; section: OutlineSection };

export const REPORT_TREE_MIME = 'application/vnd.code.tree.gongwen.reportoutline';

/** The 公文大纲 / Report Outline view: the active report's sections, with counts; click to reveal. */
export class ReportTreeProvider implements vscode.TreeDataProvider<ReportNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReportNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private docs: OutlineDocument[] = [];
  private editorDoc: vscode.TextDocument | undefined;

  constructor(private readonly store: ReportStore) {}

  /** The document the tree shows (the active report), if any. */
  get document(): vscode.TextDocument | undefined {
    return this.editorDoc;
  }

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && this.store.isReport(doc)) {
      this.editorDoc = doc;
      this.docs = (await this.store.view(doc)).outline();
    } else if (!doc || doc.uri.scheme !== 'output') {
      this.editorDoc = undefined;
      this.docs = [];
    }
    void vscode.commands.executeCommand('setContext', 'gongwen.reportOutline.hasReport', !!this.editorDoc);
    this.changed.fire(undefined);
  }

  getChildren(node?: ReportNode): ReportNode[] {
    if (!node) {
      if (this.docs.length === 1 && !this.docs[0].title) return this.docs[0].sections.map((section) => ({ kind: 'section', section }));
      return this.docs.map((doc) => ({ kind: 'document', doc }));
    }
    const children = node.kind === 'document' ? node.doc.sections : node.section.children;
    return children.map((section) => ({ kind: 'section', section }));
  }

  getTreeItem(node: ReportNode): vscode.TreeItem {
    const doc = this.editorDoc!;
    if (node.kind === 'document') {
      const d = node.doc;
      const item = new vscode.TreeItem(
        d.title || (d.kind === 'toc' ? vscode.l10n.t('Table of contents') : vscode.l10n.t('Document {0}', d.index + 1)),
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = countsLabel(pickerFor(doc), d.placeholders, d.chars);
      item.iconPath = new vscode.ThemeIcon(d.kind === 'toc' ? 'list-unordered' : 'file-text');
      item.command = revealCommand(doc, d.start, d.start);
      item.contextValue = 'document';
      return item;
    }
    const s = node.section;
    const label = s.level > 0 ? `${s.marker}${s.title}` : s.title || s.marker;
    const item = new vscode.TreeItem(label, s.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `${doc.uri.toString()}#${s.start}`;
    const counts = countsLabel(pickerFor(doc), s.placeholders, s.chars);
    item.description = counts;
    item.tooltip = new vscode.MarkdownString(`**${label}**\n\n${counts}`);
    item.iconPath = new vscode.ThemeIcon(s.placeholders ? 'warning' : 'symbol-string');
    item.command = revealCommand(doc, s.start, Math.max(s.titleEnd, s.start));
    item.contextValue = s.level > 0 ? 'section' : 'hashSection';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function revealCommand(doc: vscode.TextDocument, start: number, end: number): vscode.Command {
  return { title: vscode.l10n.t('Reveal'), command: 'gongwen.revealRange', arguments: [doc.uri, rangeOf(doc, start, end)] };
}
