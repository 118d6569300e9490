import * as vscode from 'vscode';
import { demote, moveDown, moveSection, moveUp, promote, type TextEdit } from '../core';
import type { SectionTarget } from '../core/edits/restructure';
import { toWorkspaceEdit } from './convert';
import type { ReportStore, ReportView } from './reports';
import { REPORT_TREE_MIME, type ReportNode, type ReportTreeProvider } from './reportTree';

type Operation = 'moveUp' | 'moveDown' | 'promote' | 'demote';
const OPERATIONS = { moveUp, moveDown, promote, demote };

/**
 * Applies a restructuring the core computed from `view`: its edits have been through the core's one edit path
 * (`moveResult`: checked by `validEdits`, disjoint, touching ones joined; a move that would overlap throws there), so
 * they go into one WorkspaceEdit as they are: one undo step, the text `applyEdits` would give. Only onto the version
 * they were computed from; tells the writer when there is nothing to do.
 */
async function apply(doc: vscode.TextDocument, view: ReportView, edits: TextEdit[]): Promise<boolean> {
  if (!edits.length) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Gongwen: this section cannot move that way'), 3000);
    return false;
  }
  if (doc.version !== view.version) return false;
  return vscode.workspace.applyEdit(toWorkspaceEdit(doc, edits));
}

/** The section the cursor is in: the last numbered heading on or above its line (its marker offset). */
async function sectionAtCursor(store: ReportStore, editor: vscode.TextEditor): Promise<number | undefined> {
  const view = await store.view(editor.document);
  const line = editor.selection.active.line;
  let found: number | undefined;
  for (const h of view.model.headings) if (h.level > 0 && h.line <= line) found = h.markerStart;
  return found;
}

/** Move up/down, promote/demote: from the 公文大纲 tree (its node) or from the editor (the cursor's section). */
export function restructureCommand(store: ReportStore, tree: ReportTreeProvider, op: Operation) {
  return async (node?: ReportNode): Promise<boolean> => {
    const doc = node ? tree.document : vscode.window.activeTextEditor?.document;
    if (!doc || !store.isReport(doc)) return false;
    const start =
      node?.kind === 'section' ? node.section.start : vscode.window.activeTextEditor && (await sectionAtCursor(store, vscode.window.activeTextEditor));
    if (start === undefined) return false;
    const view = await store.view(doc);
    return apply(doc, view, OPERATIONS[op](view.model, start, view.config.numbering.mode));
  };
}

/** Drag a section onto another: it goes before the one it is dropped on (into a document node: last). */
export class ReportTreeDragAndDrop implements vscode.TreeDragAndDropController<ReportNode> {
  readonly dragMimeTypes = [REPORT_TREE_MIME];
  readonly dropMimeTypes = [REPORT_TREE_MIME];

  constructor(
    private readonly store: ReportStore,
    private readonly tree: ReportTreeProvider,
  ) {}

  handleDrag(source: readonly ReportNode[], data: vscode.DataTransfer): void {
    const section = source.find((n) => n.kind === 'section');
    if (section?.kind === 'section') data.set(REPORT_TREE_MIME, new vscode.DataTransferItem(section.section.start));
  }

  async handleDrop(target: ReportNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const start = Number(data.get(REPORT_TREE_MIME)?.value);
    const doc = this.tree.document;
    if (!doc || !Number.isInteger(start) || !target) return;
    const view = await this.store.view(doc);
    const to: SectionTarget | undefined =
      target.kind === 'section'
        ? { before: target.section.start }
        : target.doc.sections.length
          ? { after: target.doc.sections[target.doc.sections.length - 1].start }
          : undefined;
    if (to) await apply(doc, view, moveSection(view.model, start, to, view.config.numbering.mode));
  }
}
