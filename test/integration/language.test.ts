import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, gongwenDiagnostics, open, rangeText, ruleOf } from './helpers';

const EXTENSION_ROOT = path.join(__dirname, '..', '..', '..');
const HAN = /\p{Script=Han}/u;

interface CliProblem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  message: string;
  messageEn: string;
}

/** What `gongwen check --format json` says about a file: both languages of every message. */
function cliProblems(file: string): CliProblem[] {
  const cli = path.join(EXTENSION_ROOT, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return JSON.parse(run.stdout) as CliProblem[];
}

/** The CLI's 1-based, end-exclusive position as the 0-based `line:col-line:col` of rangeText. */
const cliRange = (p: CliProblem) => `${p.line - 1}:${p.column - 1}-${p.endLine - 1}:${p.endColumn - 1}`;

async function setMessageLanguage(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('gongwen').update('messageLanguage', value, vscode.ConfigurationTarget.Global);
}

describe('message language (gongwen.messageLanguage: auto)', () => {
  before(async () => {
    await api();
    // The suite runs in an English VS Code: that is the point of these tests.
    assert.match(vscode.env.language, /^en\b/i, `display language ${vscode.env.language}`);
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('gives a Chinese report Chinese messages in an English VS Code', async () => {
    const editor = await open('work-plan.md');
    const expected = cliProblems(editor.document.uri.fsPath).filter((p) => p.ruleId === 'placeholder');
    assert.equal(expected.length, 4);
    const diags = await gongwenDiagnostics(editor.document.uri, (d) => d.filter((x) => ruleOf(x) === 'placeholder').length === 4);
    const placeholders = diags.filter((d) => ruleOf(d) === 'placeholder');
    assert.deepEqual(
      placeholders.map((d) => [rangeText(d.range), d.message]),
      expected.map((p) => [cliRange(p), p.message]),
    );
    assert.equal(placeholders[0].message, '未填写的占位符“【待补充：上级文件名称】”：提交前请填写实际内容（写作惯例）');
    for (const p of expected) assert.notEqual(p.message, p.messageEn);
  });

  it("titles a Chinese report's quick fixes in Chinese too", async () => {
    const editor = await open('draft.gw');
    const diags = await gongwenDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'numbering-sequence'));
    const d = diags.find((x) => ruleOf(x) === 'numbering-sequence')!;
    assert.match(d.message, HAN);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, 'a preferred fix');
    assert.equal(fix.title, '重新编号此后的同级标题');
  });

  it("gives a document that is not Chinese the display language's messages", async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content: 'Quarterly report\nThe figures for 【待填】 are due on Friday.\n' });
    await vscode.window.showTextDocument(doc);
    const [d] = await gongwenDiagnostics(doc.uri, (list) => list.some((x) => ruleOf(x) === 'placeholder'));
    assert.equal(rangeText(d.range), '1:16-1:20');
    assert.equal(d.message, 'Unfilled placeholder "【待填】": fill it in before the report is submitted (drafting convention)');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('lets the setting force English in a Chinese report', async () => {
    const editor = await open('work-plan.md');
    const uri = editor.document.uri;
    const [first] = cliProblems(uri.fsPath).filter((p) => p.ruleId === 'placeholder');
    const firstMessage = (d: vscode.Diagnostic[]) => d.find((x) => ruleOf(x) === 'placeholder')?.message;
    await gongwenDiagnostics(uri, (d) => firstMessage(d) === first.message);
    try {
      await setMessageLanguage('en');
      await gongwenDiagnostics(uri, (d) => firstMessage(d) === first.messageEn);
    } finally {
      await setMessageLanguage(undefined);
    }
    await gongwenDiagnostics(uri, (d) => firstMessage(d) === first.message);
  });
});
