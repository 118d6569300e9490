import * as vscode from 'vscode';
import type { GongwenApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'gongwen.gongwen';

/** The test workspace folder (a copy the runner made, so tests may write into it). */
export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Polls until `probe` returns a value other than undefined/false, or fails after the deadline. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** gongwen's diagnostics of a document, once `accept` holds for them (driven by onDidChangeDiagnostics). */
export function gongwenDiagnostics(
  uri: vscode.Uri,
  accept: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 15000,
): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen');
  return new Promise((resolve, reject) => {
    const check = () => {
      const list = ours();
      if (accept(list)) {
        cleanup();
        resolve(list);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && check());
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for diagnostics of ${uri.path}: have ${ours().length}`));
    }, timeoutMs);
    const cleanup = () => {
      sub.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

export async function api(): Promise<GongwenApi> {
  const ext = vscode.extensions.getExtension<GongwenApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.activate();
}

export async function open(relative: string, language?: string): Promise<vscode.TextEditor> {
  let doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  if (language && doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
  return vscode.window.showTextDocument(doc);
}

export const ruleOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** `line:col-line:col`, 0-based as VS Code counts. */
export const rangeText = (r: vscode.Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
