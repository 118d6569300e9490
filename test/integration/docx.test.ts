import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import * as vscode from 'vscode';
import { DocxError, docxToText, readDocx } from '../../src/docx';
import type { DocxCheckResult } from '../../src/extension/docxCommands';
import { api, gongwenDiagnostics, rangeText, ruleOf, waitFor, workspaceUri } from './helpers';

/** The committed fixtures (scripts/make-docx-fixtures.ts), beside this bundle's out/test/integration/. */
const fixture = (name: string): Uint8Array => fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'docx', name));

const DRAFT_TEXT = [
  '关于2024年工作情况的报告',
  '一、工作进展',
  '全年完成投资XX亿元，同比增长5%。',
  '二、存在问题',
  '部分项目进度滞后。',
  '四、下一步打算',
  '抓好项目建设。',
].join('\n');

/** The VS Code draft with one piece of its document.xml replaced (`to` written as XML, character references kept). */
function draftVariant(from: string, to: string): Uint8Array {
  const parts = unzipSync(fixture('vscode-draft.docx'));
  const xml = new TextDecoder().decode(parts['word/document.xml']);
  assert.ok(xml.includes(from), from);
  return zipSync({ ...parts, 'word/document.xml': new TextEncoder().encode(xml.replace(from, to)) });
}

async function writeFile(uri: vscode.Uri, bytes: Uint8Array): Promise<vscode.Uri> {
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

const exists = (uri: vscode.Uri) =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

async function check(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const result = await vscode.commands.executeCommand<DocxCheckResult>('gongwen.checkDocx', uri);
  assert.ok(result.editor, result.error);
  return result.editor;
}

/** gongwen's diagnostics as `rule range`, in document order. */
async function problems(uri: vscode.Uri, count: number): Promise<string[]> {
  const found = await gongwenDiagnostics(uri, (d) => d.length >= count);
  return [...found].sort((a, b) => a.range.start.compareTo(b.range.start)).map((d) => `${ruleOf(d)} ${rangeText(d.range)}`);
}

const commentsIn = (docx: Uint8Array): number => {
  const part = unzipSync(docx)['word/comments.xml'];
  return part ? (new TextDecoder().decode(part).match(/<w:comment\b/g) ?? []).length : 0;
};

describe('Word drafts (.docx)', () => {
  const folder = workspaceUri('docx-drafts');
  const draft = vscode.Uri.joinPath(folder, 'draft.docx');

  before(async () => {
    await api();
    await writeFile(draft, fixture('vscode-draft.docx'));
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  after(() => vscode.workspace.fs.delete(folder, { recursive: true }));

  it('公文：检查 Word 文稿 shows the displayed text, automatic numbering included, read-only in the gongwen mode', async () => {
    const editor = await check(draft);
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'gongwen-docx');
    assert.equal(doc.languageId, 'gongwen');
    assert.equal(doc.getText(), DRAFT_TEXT);
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'draft.docx (text)');
    // The editor takes no typing, and no quick fix is offered: a fix would change the text, not the .docx.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '改'));
    assert.equal(doc.getText(), DRAFT_TEXT);
    await problems(doc.uri, 2);
    // 四、 (a numbering skip) has a renumbering fix in a .txt.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(5, 0, 5, 2));
    assert.deepEqual(
      actions.map((a) => a.title),
      [],
    );
  });

  it('gives the text diagnostics, the outline and the placeholder commands, as a .txt', async () => {
    const editor = await check(draft);
    const uri = editor.document.uri;
    assert.deepEqual(await problems(uri, 2), ['placeholder 2:6-2:8', 'numbering-sequence 5:0-5:2']);
    const [report] = await waitFor('document symbols', async () => {
      const list = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return list?.length ? list : undefined;
    });
    assert.equal(report.name, '关于2024年工作情况的报告');
    assert.deepEqual(
      report.children.map((s) => `${s.name} lines ${s.range.start.line}-${s.range.end.line}`),
      ['一、工作进展 lines 1-2', '二、存在问题 lines 3-4', '四、下一步打算 lines 5-6'],
    );
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('gongwen.nextPlaceholder');
    assert.equal(rangeText(vscode.window.activeTextEditor!.selection), '2:6-2:8');
  });

  it('takes the .gongwenrc.json of the .docx’s own folder', async () => {
    const configured = vscode.Uri.joinPath(folder, 'configured');
    await writeFile(vscode.Uri.joinPath(configured, '.gongwenrc.json'), new TextEncoder().encode('{ "rules": { "numbering-sequence": "off" } }\n'));
    const editor = await check(await writeFile(vscode.Uri.joinPath(configured, 'draft.docx'), fixture('vscode-draft.docx')));
    assert.deepEqual(await problems(editor.document.uri, 1), ['placeholder 2:6-2:8']);
  });

  it('公文：导出带批注的副本 writes a copy with one comment per diagnostic and leaves the draft’s bytes as they were', async () => {
    const editor = await check(draft);
    const diagnostics = await problems(editor.document.uri, 2);
    const target = vscode.Uri.joinPath(folder, 'draft.checked.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.annotateDocx', editor.document.uri, target);
    assert.equal(written?.toString(), target.toString());
    const copy = await vscode.workspace.fs.readFile(target);
    assert.equal(commentsIn(copy), diagnostics.length);
    assert.match(new TextDecoder().decode(unzipSync(copy)['word/comments.xml']), /w:author="公文写作助手"/);
    // The copy reads as the draft does: comments are not text.
    assert.equal(docxToText(readDocx(copy)).text, DRAFT_TEXT);
    assert.deepEqual(await vscode.workspace.fs.readFile(draft), fixture('vscode-draft.docx'));
  });

  it('never writes over the draft itself, and writes no copy of a draft without problems', async () => {
    const editor = await check(draft);
    await problems(editor.document.uri, 2);
    assert.equal(await vscode.commands.executeCommand('gongwen.annotateDocx', editor.document.uri, draft), undefined);
    assert.deepEqual(await vscode.workspace.fs.readFile(draft), fixture('vscode-draft.docx'));

    const clean = await writeFile(vscode.Uri.joinPath(folder, 'clean.docx'), fixture('levels.docx'));
    const target = vscode.Uri.joinPath(folder, 'clean.checked.docx');
    const cleanText = await check(clean);
    // The server has checked this version (its pull is recorded) and found nothing.
    const { diagnostics: record } = await api();
    await waitFor('the pull of the clean draft', () => record.runs.some((r) => r.uri === cleanText.document.uri.toString()));
    assert.equal(await vscode.commands.executeCommand('gongwen.annotateDocx', clean, target), undefined);
    assert.equal(await exists(target), false);
  });

  it('shows the new text when the .docx changes on disk', async () => {
    const changing = await writeFile(vscode.Uri.joinPath(folder, 'changing.docx'), fixture('vscode-draft.docx'));
    const doc = (await check(changing)).document;
    assert.equal(doc.getText(), DRAFT_TEXT);
    await writeFile(changing, fixture('levels.docx'));
    const expected = docxToText(readDocx(fixture('levels.docx'))).text;
    await waitFor('the refreshed text', () => doc.getText() === expected);
  });

  it('anchors each comment on its characters when a w:t holds a \\r\\n (VS Code keeps one kind of line end)', async () => {
    const crlf = await writeFile(vscode.Uri.joinPath(folder, 'crlf.docx'), draftVariant('全年完成投资XX亿元', '全年完成&#13;&#10;投资XX亿元'));
    const editor = await check(crlf);
    assert.equal(editor.document.getText(), DRAFT_TEXT.replace('全年完成投资', '全年完成\n投资'));
    assert.deepEqual(await problems(editor.document.uri, 2), ['placeholder 3:2-3:4', 'numbering-sequence 6:0-6:2']);
    const target = vscode.Uri.joinPath(folder, 'crlf.checked.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.annotateDocx', editor.document.uri, target);
    assert.equal(written?.toString(), target.toString());
    const xml = new TextDecoder().decode(unzipSync(await vscode.workspace.fs.readFile(target))['word/document.xml']);
    assert.match(xml, /<w:commentRangeStart w:id="0"\/><w:r><w:t xml:space="preserve">XX<\/w:t><\/w:r><w:commentRangeEnd w:id="0"\/>/);
  });

  it('makes the copy of the .docx as it is on disk when it changed after the check', async () => {
    const changing = await writeFile(vscode.Uri.joinPath(folder, 'stale.docx'), fixture('vscode-draft.docx'));
    const editor = await check(changing);
    await problems(editor.document.uri, 2);
    const edited = draftVariant('部分项目进度滞后。', '部分项目XX进度滞后。');
    const editedText = docxToText(readDocx(edited)).text;
    await writeFile(changing, edited);
    const target = vscode.Uri.joinPath(folder, 'stale.checked.docx');
    const annotate = () => vscode.commands.executeCommand<vscode.Uri | undefined>('gongwen.annotateDocx', changing, target);
    // At once: refused while the text shown is the old one, or made of the new bytes; never a copy of the old draft.
    if (await annotate()) assert.equal(docxToText(readDocx(await vscode.workspace.fs.readFile(target))).text, editedText);
    await waitFor('the refreshed text', () => editor.document.getText() === editedText);
    await problems(editor.document.uri, 3);
    assert.equal((await annotate())?.toString(), target.toString());
    const copy = await vscode.workspace.fs.readFile(target);
    assert.equal(docxToText(readDocx(copy)).text, editedText);
    assert.equal(commentsIn(copy), 3);
  });

  it('takes a gongwen-docx URI naming no .docx as a file that cannot be read, without throwing', async () => {
    const odd = vscode.Uri.parse('gongwen-docx:/d/a.docx%20(text)?no-scheme-here');
    assert.equal(await vscode.commands.executeCommand('gongwen.annotateDocx', odd), undefined);
    const result = await vscode.commands.executeCommand<DocxCheckResult>('gongwen.checkDocx', odd);
    assert.equal(result.editor, undefined);
    assert.match(result.error ?? '', /^a\.docx \(text\): /);
  });

  it('says why a file is not a readable .docx, and opens nothing', async () => {
    const truncated = fixture('vscode-draft.docx').subarray(0, 1000);
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const [name, bytes] of [
      ['damaged.docx', truncated],
      ['old.docx', ole],
    ] as const) {
      let expected: DocxError | undefined;
      try {
        readDocx(bytes);
      } catch (e) {
        if (e instanceof DocxError) expected = e;
      }
      assert.ok(expected, `${name} is refused by the reader`);
      const uri = await writeFile(vscode.Uri.joinPath(folder, name), bytes);
      const result = await vscode.commands.executeCommand<DocxCheckResult>('gongwen.checkDocx', uri);
      // The UI is English here (see the command palette test): the reader's English sentence.
      assert.equal(result.error, `${name}: ${expected.messageEn}`);
      assert.equal(result.editor, undefined);
      assert.equal(vscode.window.activeTextEditor, undefined);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'gongwen-docx' && d.uri.query.endsWith(`/${name}`)), name);
    }
  });
});
