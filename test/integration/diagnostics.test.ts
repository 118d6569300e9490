import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, gongwenDiagnostics, open, rangeText, ruleOf, workspaceUri } from './helpers';

describe('live diagnostics', () => {
  before(async () => {
    await api();
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('flags every XX of the 002 report and its half-width level-2 markers, with source, code and link', async () => {
    const editor = await open('report-002.txt');
    const diags = await gongwenDiagnostics(editor.document.uri, (d) => d.length >= 29);
    const placeholders = diags.filter((d) => ruleOf(d) === 'placeholder');
    assert.equal(placeholders.length, 28);
    assert.equal(rangeText(placeholders[0].range), '11:2-11:4');
    assert.equal(placeholders[0].severity, vscode.DiagnosticSeverity.Error);
    const style = diags.filter((d) => ruleOf(d) === 'numbering-style');
    assert.deepEqual(
      style.map((d) => [rangeText(d.range), d.severity]),
      [['29:0-29:3', vscode.DiagnosticSeverity.Information]],
    );
    const code = placeholders[0].code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'placeholder');
    assert.match(code.target.path, /docs\/rules\/placeholder\.md$/);
    // The numbering of the web copy is right; its half-width commas are the writing checks' business.
    assert.equal(diags.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning && /^(numbering|inline|heading)-/.test(ruleOf(d))).length, 0);
    assert.ok(diags.some((d) => ruleOf(d) === 'punctuation-width'));
  });

  it('accepts the continuous numbering of the 004 plan and flags only the missing stop after 13.', async () => {
    const editor = await open('report-004.txt');
    const diags = await gongwenDiagnostics(editor.document.uri);
    const structure = diags.filter((d) => /^(numbering|inline|heading)-|^placeholder$/.test(ruleOf(d)));
    assert.deepEqual(
      structure.map((d) => `${ruleOf(d)} ${rangeText(d.range)}`),
      ['heading-title-stop 38:0-38:3'],
    );
  });

  it('checks a .gw file in the gongwen language mode', async () => {
    const editor = await open('draft.gw');
    assert.equal(editor.document.languageId, 'gongwen');
    const diags = await gongwenDiagnostics(editor.document.uri, (d) => d.length >= 6);
    assert.deepEqual(
      diags.map((d) => `${ruleOf(d)} ${rangeText(d.range)}`),
      [
        'placeholder 0:2-0:4',
        'inline-sequence 3:22-3:24',
        'numbering-sequence 4:0-4:3',
        'numbering-style 6:0-6:2',
        'numbering-hierarchy 6:0-6:2',
        'numbering-style 7:0-7:2',
      ],
    );
  });

  it('updates as the writer types, and clears when the document closes', async () => {
    // An untitled document: reverting it disposes it at once, so its close event is not left to the editor's cache.
    const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content: '一、总体要求\n（一）加强领导。\n（三）完善制度。\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await gongwenDiagnostics(doc.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(2, 0, 2, 3), '（二）')));
    await gongwenDiagnostics(doc.uri, (d) => d.length === 0);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 3), 'XX')));
    const typed = await gongwenDiagnostics(doc.uri, (d) => d.length === 1);
    assert.deepEqual(
      typed.map((d) => `${ruleOf(d)} ${rangeText(d.range)}`),
      ['placeholder 2:3-2:5'],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await gongwenDiagnostics(doc.uri, (d) => d.length === 0);
  });

  it('takes severities from the nearest .gongwenrc.json', async () => {
    const editor = await open('configured/draft.txt');
    const diags = await gongwenDiagnostics(editor.document.uri);
    assert.deepEqual(
      diags.map((d) => `${ruleOf(d)} ${d.severity}`),
      [`placeholder ${vscode.DiagnosticSeverity.Warning}`],
    );
  });

  it('leaves a plain text file that is not a report alone (gongwen.enable: auto)', async () => {
    const editor = await open('notes/readme.txt');
    const { diagnostics } = await api();
    await diagnostics.refresh(editor.document);
    assert.deepEqual(
      vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'gongwen'),
      [],
    );
  });

  it('reports a broken .gongwenrc.json on the file itself, at the key', async () => {
    const uri = workspaceUri('broken', '.gongwenrc.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{\n  "numbering": { "style": "gb" }\n}\n'));
    await vscode.workspace.fs.writeFile(workspaceUri('broken', 'a.txt'), new TextEncoder().encode('一、甲\n（一）XX\n'));
    const editor = await open('broken/a.txt');
    await gongwenDiagnostics(editor.document.uri);
    const configDiags = await gongwenDiagnostics(uri);
    assert.equal(configDiags[0].range.start.line, 1);
    assert.match(configDiags[0].message, /numbering\.style/);
  });
});
