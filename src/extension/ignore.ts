import * as vscode from 'vscode';
import { applyEdits, modify, parse as parseJsonc, type JSONPath } from 'jsonc-parser';
import { configTarget } from './configFiles';

/** The command the language server's silencing quick fixes run (`[uri, target]`). */
export const IGNORE_COMMAND = 'gongwen.ignore';

/** What a silencing quick fix writes into `.gongwenrc.json`. */
export type IgnoreTarget =
  | { kind: 'rule-in-workspace'; rule: string }
  | { kind: 'rule-in-file'; rule: string }
  | { kind: 'allow-text'; text: string }
  | { kind: 'ignore-text'; rule: string; text: string };

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The JSON edit for a target: modify() keeps the user's formatting and comments. */
function editFor(text: string, target: IgnoreTarget, file: string): string {
  const current = (parseJsonc(text) ?? {}) as { overrides?: unknown[]; ignore?: unknown[]; placeholders?: { allow?: unknown[] } };
  let path: JSONPath;
  let value: unknown;
  if (target.kind === 'rule-in-workspace') {
    path = ['rules', target.rule];
    value = 'off';
  } else if (target.kind === 'rule-in-file') {
    path = ['overrides', Array.isArray(current.overrides) ? current.overrides.length : 0];
    value = { files: file, rules: { [target.rule]: 'off' } };
    if (!Array.isArray(current.overrides)) [path, value] = [['overrides'], [value]];
  } else if (target.kind === 'ignore-text') {
    const entry = { rule: target.rule, text: target.text, files: [file] };
    [path, value] = Array.isArray(current.ignore) ? [['ignore', current.ignore.length], entry] : [['ignore'], [entry]];
  } else {
    const allow = current.placeholders?.allow;
    if (Array.isArray(allow) && allow.includes(target.text)) return text;
    path = Array.isArray(allow) ? ['placeholders', 'allow', allow.length] : ['placeholders', 'allow'];
    value = Array.isArray(allow) ? target.text : [target.text];
  }
  const edits = modify(text, path, value, { formattingOptions: FORMAT, isArrayInsertion: typeof path[path.length - 1] === 'number' });
  return applyEdits(text, edits);
}

/**
 * Writes a silencing entry into the nearest (or a new) `.gongwenrc.json`, as one undoable edit if it is open. The
 * document comes as the server names it (a URI string) or as a Uri.
 */
export async function writeIgnore(uri: vscode.Uri | string, target: IgnoreTarget): Promise<void> {
  const doc = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const file = await configTarget(doc);
  if (!file) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to keep a .gongwenrc.json for it.'));
    return;
  }
  const existing = await vscode.workspace.fs.readFile(file).then(
    (b) => new TextDecoder().decode(b),
    () => '{}\n',
  );
  // `overrides` globs are relative to the config file's folder.
  const folder = vscode.Uri.joinPath(file, '..').path;
  const relative = doc.path.startsWith(folder + '/') ? doc.path.slice(folder.length + 1) : doc.path;
  const updated = editFor(existing.trim() ? existing : '{}\n', target, relative);
  if (updated === existing) return;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), updated);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(updated));
  }
}
