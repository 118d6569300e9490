import * as vscode from 'vscode';
import type { Problem, Severity, TextEdit } from '../core';
import { messageLanguage, type MessageLanguage } from '../core/text/language';
import { messageLanguageSetting } from './settings';

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

/** Picks the text of a bilingual pair (`message`/`messageEn`, `title`/`titleEn`, …). */
export type PickText = (zh: string, en: string) => string;

/** The chosen language per document version and setting: a 5 MB report is not rescanned for each diagnostic. */
const chosen = new WeakMap<vscode.TextDocument, { version: number; setting: string; lang: MessageLanguage }>();
const SAMPLE_CHARS = 64 * 1024;

/**
 * The one place the language of problem texts is chosen, for diagnostics, code action titles, completion
 * details and outline counts: `gongwen.messageLanguage` if it forces one, else Chinese in a Chinese document
 * (whatever VS Code's display language), else VS Code's display language. Without a document (or for a
 * config file given as text), the text decides the same way.
 */
export function languageOf(doc: vscode.TextDocument | string): MessageLanguage {
  const setting = messageLanguageSetting();
  if (typeof doc === 'string') return messageLanguage(setting, vscode.env.language, doc);
  const hit = chosen.get(doc);
  if (hit && hit.version === doc.version && hit.setting === setting) return hit.lang;
  const lang = messageLanguage(setting, vscode.env.language, () => doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(SAMPLE_CHARS))));
  chosen.set(doc, { version: doc.version, setting, lang });
  return lang;
}

/** A picker for one document's texts: compute it once, then call it for each message. */
export function pickerFor(doc: vscode.TextDocument | string): PickText {
  return languageOf(doc) === 'zh' ? (zh) => zh : (_zh, en) => en;
}

/** A core problem as a VS Code diagnostic, with source `gongwen` and the rule id linking to its page. */
export function toDiagnostic(doc: vscode.TextDocument, p: Problem, docsBase: vscode.Uri, pick: PickText = pickerFor(doc)): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(doc, p.start, p.end), pick(p.message, p.messageEn), SEVERITY[p.severity]);
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
