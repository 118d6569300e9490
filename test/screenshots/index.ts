// `npm run screenshots`: drives the real workbench to the views the README shows, and has the runner
// photograph them (GONGWEN_SCREENSHOT_URL, see scripts/vscode/run-offline.mjs).
import * as vscode from 'vscode';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shoot(name: string): Promise<void> {
  const base = process.env.GONGWEN_SCREENSHOT_URL;
  if (!base) throw new Error('run through: npm run screenshots');
  // Let the workbench paint what the last command opened (rendering has no event to wait on).
  await wait(1500);
  const r = await fetch(`${base}/${name}`, { method: 'POST' });
  if (!r.ok) throw new Error(`screenshot ${name}: HTTP ${r.status}`);
}

export async function run(): Promise<void> {
  await vscode.workspace.getConfiguration('gongwen').update('messageLanguage', 'zh-cn', vscode.ConfigurationTarget.Global);
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'annual-summary.txt'));
  const editor = await vscode.window.showTextDocument(doc);
  await new Promise<void>((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (vscode.languages.getDiagnostics(doc.uri).length) {
        sub.dispose();
        resolve();
      }
    });
    if (vscode.languages.getDiagnostics(doc.uri).length) resolve();
  });
  await vscode.commands.executeCommand('outline.focus');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  editor.selection = new vscode.Selection(8, 0, 8, 0);
  editor.revealRange(new vscode.Range(0, 0, 0, 0));
  await shoot('diagnostics-outline');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  void vscode.commands.executeCommand('gongwen.checkPlaceholders');
  await shoot('check-placeholders');
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  // Completion at the start of the blank line under （五）: the next heading of each level.
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(9, 0, 9, 0);
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
  await shoot('completion');
  await vscode.commands.executeCommand('hideSuggestWidget');
  // The 公文大纲 tree in the Explorer, beside the report.
  await vscode.commands.executeCommand('gongwen.reportOutline.focus');
  await shoot('report-outline');
}
