import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, gongwenDiagnostics, open, rangeText, ruleOf, waitFor } from './helpers';

const EXTENSION_ROOT = path.join(__dirname, '..', '..', '..');

describe('writing checks, word segmentation and counts', () => {
  before(async () => {
    await api();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('flags 建设项目项目 in the 002 report with the repeated-word rule, segmented by nodejieba in the language server', async function () {
    this.timeout(120000);
    const { client } = await api();
    const editor = await open('report-002.txt');
    const diags = await gongwenDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'repeated-word'), 90000);
    assert.deepEqual(
      diags.filter((d) => ruleOf(d) === 'repeated-word').map((d) => rangeText(d.range)),
      ['33:380-33:384'],
    );
    assert.ok(diags.some((d) => ruleOf(d) === 'punctuation-width'));
    if (process.platform === 'linux' && process.arch === 'x64') {
      const line = await waitFor(
        'the language server to say which segmenter it loaded',
        async () => (await client.serverInfo())?.segmenter ?? undefined,
        30000,
      );
      assert.match(line, /nodejieba/, line);
    }
  });

  it('shows the same 字数 and pages in the status bar as gongwen stats', async () => {
    const { counts } = await api();
    const editor = await open('report-004.txt');
    const cli = path.join(EXTENSION_ROOT, 'dist', 'cli.js');
    const out = JSON.parse(
      execFileSync(process.execPath, [cli, 'stats', '--format', 'json', editor.document.uri.fsPath], {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      }),
    );
    const [doc] = out.documents;
    const zishu = doc.zishu.toLocaleString('en-US');
    // The language server counts; the item shows what it answered for this report.
    await waitFor('the count of this report', () => (counts.text.includes(zishu) && !counts.text.includes('$(selection)')) || undefined);
    assert.ok(counts.text.includes(zishu) && counts.text.includes(String(doc.pages)), `${counts.text} vs ${zishu}, ${doc.pages} pages`);
    editor.selection = new vscode.Selection(2, 0, 2, 9);
    await waitFor('the selection count', () => counts.text.includes('$(selection)') || undefined);
    // 一、建强公共卫生体: 8 Han characters and the 、 count 9.
    assert.match(counts.text, /\b9\b/, counts.text);
  });
});
