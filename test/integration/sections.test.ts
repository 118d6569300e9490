import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

const REPORT = '工作计划\n\n一、总体要求\n（一）指导思想\n正文甲。\n（二）工作目标\n正文乙。\n二、重点任务\n（一）加强领导\n正文丙。\n';

async function untitledReport(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content });
  return vscode.window.showTextDocument(doc);
}

/** A tree item's label as shown: a string, or the label of a TreeItemLabel. */
const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'object' ? item.label.label : (item.label ?? ''));

describe('sections you can move (公文大纲)', () => {
  before(async () => {
    await api();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows the report in the 公文大纲 tree with counts', async () => {
    const { tree } = await api();
    const editor = await untitledReport(REPORT);
    await waitFor('the tree to show the report', () => tree.document === editor.document || undefined);
    const [root] = tree.getChildren();
    assert.equal(root.kind, 'document');
    const sections = tree.getChildren(root);
    assert.deepEqual(
      sections.map((n) => labelOf(tree.getTreeItem(n))),
      ['一、总体要求', '二、重点任务'],
    );
    assert.match(String(tree.getTreeItem(sections[0]).description), /^(0处占位符|0 placeholders)/);
    assert.deepEqual(
      tree.getChildren(sections[0]).map((n) => labelOf(tree.getTreeItem(n))),
      ['（一）指导思想', '（二）工作目标'],
    );
  });

  it('moves a section down from the editor, renumbering, as one undoable edit', async () => {
    const editor = await untitledReport(REPORT);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    assert.equal(await vscode.commands.executeCommand('gongwen.section.moveDown'), true);
    assert.equal(
      editor.document.getText(),
      '工作计划\n\n一、总体要求\n（一）工作目标\n正文乙。\n（二）指导思想\n正文甲。\n二、重点任务\n（一）加强领导\n正文丙。\n',
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), REPORT);
  });

  it('promotes a section from the tree: it follows its parent, renumbered', async () => {
    const { tree } = await api();
    const editor = await untitledReport(REPORT);
    await waitFor('the tree', () => tree.document === editor.document || undefined);
    const first = tree.getChildren(tree.getChildren()[0])[0];
    const node = tree.getChildren(first)[1]; // （二）工作目标
    assert.equal(await vscode.commands.executeCommand('gongwen.section.promote', node), true);
    assert.equal(
      editor.document.getText(),
      '工作计划\n\n一、总体要求\n（一）指导思想\n正文甲。\n二、工作目标\n正文乙。\n三、重点任务\n（一）加强领导\n正文丙。\n',
    );
  });
});
