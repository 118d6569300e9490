import * as vscode from 'vscode';
import type { Problem, Severity, TextEdit } from '../core';

/** The document's range of UTF-16 offsets [start, end). */
export function rangeOf(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Messages follow the `gongwen.messageLanguage` setting, by default VS Code's display language. */
export function useChinese(): boolean {
  const setting = vscode.workspace.getConfiguration('gongwen').get<string>('messageLanguage', 'auto');
  return setting === 'zh-cn' || (setting === 'auto' && vscode.env.language.toLowerCase().startsWith('zh'));
}

export const pickText = (zh: string, en: string): string => (useChinese() ? zh : en);

/** A core problem as a VS Code diagnostic, with source `gongwen` and the rule id linking to its page. */
export function toDiagnostic(doc: vscode.TextDocument, p: Problem, docsBase: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(doc, p.start, p.end), pickText(p.message, p.messageEn), SEVERITY[p.severity]);
  d.source = 'gongwen';
  d.code = { value: p.ruleId, target: vscode.Uri.joinPath(docsBase, `${p.ruleId}.md`) };
  return d;
}

/** Core text edits (offsets into `doc`'s text) as one WorkspaceEdit: applied as one undoable step. */
export function toWorkspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(doc.uri, rangeOf(doc, e.start, e.end), e.text);
  return edit;
}
