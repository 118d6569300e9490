import * as vscode from 'vscode';
import type { OutlineNode } from '../server/protocol';
import { toRange, type GongwenClient } from './client';

/** A node of the 公文大纲 tree: a document of the file or a section, as the language server's outline gives it. */
export type ReportNode = OutlineNode;

export const REPORT_TREE_MIME = 'application/vnd.code.tree.gongwen.reportoutline';

/** The 公文大纲 / Report Outline view: the active report's sections, with counts; click to reveal. */
export class ReportTreeProvider implements vscode.TreeDataProvider<ReportNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReportNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: ReportNode[] = [];
  private editorDoc: vscode.TextDocument | undefined;
  /** Bumped by each refresh: an outline that arrives after a newer refresh started is dropped. */
  private generation = 0;

  constructor(private readonly client: GongwenClient) {}

  /** The document the tree shows (the active report), if any. */
  get document(): vscode.TextDocument | undefined {
    return this.editorDoc;
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    // The output panel taking focus keeps the tree as it was.
    if (doc?.uri.scheme === 'output') return;
    const outline = doc ? await this.client.outline(doc) : null;
    // No answer for this version (typing moved on): the next refresh brings it.
    if (generation !== this.generation || outline === undefined) return;
    this.show(outline ? doc : undefined, outline?.documents ?? []);
  }

  private show(doc: vscode.TextDocument | undefined, nodes: ReportNode[]): void {
    this.editorDoc = doc;
    this.nodes = nodes;
    void vscode.commands.executeCommand('setContext', 'gongwen.reportOutline.hasReport', !!doc);
    this.changed.fire(undefined);
  }

  getChildren(node?: ReportNode): ReportNode[] {
    return node ? node.children : this.nodes;
  }

  getTreeItem(node: ReportNode): vscode.TreeItem {
    const doc = this.editorDoc!;
    const section = node.kind === 'section';
    const collapsed = section && !node.children.length ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.name, collapsed);
    item.description = node.detail;
    if (section) {
      item.id = `${doc.uri.toString()}#${node.start}`;
      item.tooltip = new vscode.MarkdownString(`**${node.name}**\n\n${node.detail}`);
      item.iconPath = new vscode.ThemeIcon(node.placeholders ? 'warning' : 'symbol-string');
      item.contextValue = node.level > 0 ? 'section' : 'hashSection';
      item.command = revealCommand(doc, toRange(node.selectionRange));
    } else {
      item.iconPath = new vscode.ThemeIcon(node.kind === 'toc' ? 'list-unordered' : 'file-text');
      item.contextValue = 'document';
      item.command = revealCommand(doc, new vscode.Range(toRange(node.range).start, toRange(node.range).start));
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function revealCommand(doc: vscode.TextDocument, range: vscode.Range): vscode.Command {
  return { title: vscode.l10n.t('Reveal'), command: 'gongwen.revealRange', arguments: [doc.uri, range] };
}
