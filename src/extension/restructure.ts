import * as vscode from 'vscode';
import { DOCX_TEXT_SCHEME, type MoveSectionParams, type SectionOperation } from '../server/protocol';
import { toRange, type GongwenClient } from './client';
import { REPORT_TREE_MIME, type ReportNode, type ReportTreeProvider } from './reportTree';

/**
 * Moves a section as the language server computes it (the core's move, every affected heading renumbered), applied
 * as one undoable edit; tells the writer when there is nothing to do. False when nothing moved.
 */
async function move(client: GongwenClient, doc: vscode.TextDocument, how: Omit<MoveSectionParams, 'textDocument'>): Promise<boolean> {
  if (doc.uri.scheme === DOCX_TEXT_SCHEME) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The text of a Word draft is read-only: move its sections in Word.'));
    return false;
  }
  const result = await client.moveSection(doc, how);
  if (!result) return false;
  if (!result.edits.length) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Gongwen: this section cannot move that way'), 3000);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    doc.uri,
    result.edits.map((e) => vscode.TextEdit.replace(toRange(e.range), e.newText)),
  );
  return vscode.workspace.applyEdit(edit);
}

/** Move up/down, promote/demote: from the 公文大纲 tree (its node) or from the editor (the section at the cursor). */
export function restructureCommand(client: GongwenClient, tree: ReportTreeProvider, op: SectionOperation) {
  return async (node?: ReportNode): Promise<boolean> => {
    const editor = vscode.window.activeTextEditor;
    const doc = node ? tree.document : editor?.document;
    if (!doc) return false;
    if (node) return node.kind === 'section' && move(client, doc, { op, section: node.start });
    return !!editor && move(client, doc, { op, position: editor.selection.active });
  };
}

/** Drag a section onto another: it goes before the one it is dropped on (onto a document: after its last section). */
export class ReportTreeDragAndDrop implements vscode.TreeDragAndDropController<ReportNode> {
  readonly dragMimeTypes = [REPORT_TREE_MIME];
  readonly dropMimeTypes = [REPORT_TREE_MIME];

  constructor(
    private readonly client: GongwenClient,
    private readonly tree: ReportTreeProvider,
  ) {}

  handleDrag(source: readonly ReportNode[], data: vscode.DataTransfer): void {
    const section = source.find((n) => n.kind === 'section');
    if (section) data.set(REPORT_TREE_MIME, new vscode.DataTransferItem(section.start));
  }

  async handleDrop(target: ReportNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const start = Number(data.get(REPORT_TREE_MIME)?.value);
    const doc = this.tree.document;
    if (!doc || !Number.isInteger(start) || !target) return;
    const last = target.children[target.children.length - 1];
    const to = target.kind === 'section' ? { before: target.start } : last ? { after: last.start } : undefined;
    if (to) await move(this.client, doc, { op: 'move', section: start, to });
  }
}
