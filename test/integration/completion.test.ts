import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open } from './helpers';

async function labelsAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('completion', () => {
  before(async () => {
    await api();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('offers the next heading at a line start, numbered as this document numbers', async () => {
    const editor = await open('report-004.txt');
    // Line 10 (0-based 9) is the blank line under 二、: the continuous document's next level-3 number is 3.
    const labels = await labelsAt(editor.document.uri, new vscode.Position(9, 0));
    assert.ok(labels.includes('三、'), labels.join(' '));
    assert.ok(labels.includes('3.'), labels.join(' '));
  });

  it("offers the next ordinal of an inline enumeration, and today's date", async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content: '一、总体要求\n（一）加强领导。一是健全机制；二是压实责任；' });
    await vscode.window.showTextDocument(doc);
    const labels = await labelsAt(doc.uri, new vscode.Position(1, doc.lineAt(1).text.length));
    assert.ok(labels.includes('三是'), labels.join(' '));
    const d = new Date();
    assert.ok(labels.includes(`${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`), labels.join(' '));
  });
});
