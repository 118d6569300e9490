import * as vscode from 'vscode';
import { editsBetween, type Problem } from '../core';
import { combineFixes } from '../core/edits/fix';
import { allowTermAt } from '../core/structure/placeholders';
import { pickerFor, rangeOf, toWorkspaceEdit } from './convert';
import type { ReportStore } from './reports';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('gongwen');
export const IGNORE_COMMAND = 'gongwen.ignore';

/**
 * Quick fixes from the core's fixes, silencing actions, and `source.fixAll.gongwen` (all safe fixes, re-linted
 * until stable, applied as one edit).
 */
export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly store: ReportStore,
    private readonly log?: vscode.LogOutputChannel,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (!this.store.isReport(doc)) return [];
    if (context.only?.contains(FIX_ALL_KIND)) return this.fixAll(doc);
    const problems = await this.store.problems(doc);
    if (!problems) return [];
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'gongwen') continue;
      const problem = findProblem(doc, problems, diagnostic);
      if (problem) actions.push(...this.actionsFor(doc, problems, problem, diagnostic));
    }
    return actions;
  }

  private actionsFor(doc: vscode.TextDocument, all: Problem[], p: Problem, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const text = doc.getText();
    // Every edit offered goes through combineFixes: a fix whose own edits overlap is a rule's bug, logged, never offered.
    const own = p.fix ? combineFixes(text, [p]) : undefined;
    own?.invalid.forEach((q) => this.reportInvalid(q));
    if (p.fix && own?.fixed.length) {
      const a = new vscode.CodeAction(pickerFor(doc)(p.fix.title, p.fix.titleEn), vscode.CodeActionKind.QuickFix);
      a.edit = toWorkspaceEdit(doc, own.edits);
      a.diagnostics = [diagnostic];
      a.isPreferred = p.fix.safe;
      actions.push(a);
    }
    // Fix all of this rule: the rule's safe fixes combined as fix-all combines them (shared edits once, a fix that
    // overlaps one taken waits for the next run); a WorkspaceEdit with overlapping ranges would fail as a whole.
    const sameRule = combineFixes(
      text,
      all.filter((q) => q.ruleId === p.ruleId && q.fix?.safe),
    );
    sameRule.invalid.filter((q) => q !== p).forEach((q) => this.reportInvalid(q));
    if (sameRule.fixed.length > 1) {
      const a = new vscode.CodeAction(vscode.l10n.t('Fix all safe {0} problems in this document', p.ruleId), vscode.CodeActionKind.QuickFix);
      a.edit = toWorkspaceEdit(doc, sameRule.edits);
      a.diagnostics = [diagnostic];
      actions.push(a);
    }
    actions.push(...this.silencing(doc, p, diagnostic));
    return actions;
  }

  /** A fix whose own edits overlap: a rule's bug, surfaced in the log (extension.ts may pass its channel), never applied. */
  private reportInvalid(p: Problem): void {
    const line = `${p.ruleId} offered a fix with overlapping or out-of-range edits at offset ${p.start}; not offered`;
    if (this.log) this.log.error(line);
    else console.error(`gongwen: ${line}`);
  }

  private silencing(doc: vscode.TextDocument, p: Problem, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const make = (title: string, args: unknown[]) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { title, command: IGNORE_COMMAND, arguments: args };
      a.diagnostics = [diagnostic];
      return a;
    };
    const actions: vscode.CodeAction[] = [];
    // The allow entry names the term around the placeholder (数据要素×), never the bare sign, which would allow every ×.
    const term = p.ruleId === 'placeholder' ? allowTermAt(doc.getText(), p.start, p.end) : undefined;
    if (term) {
      actions.push(make(vscode.l10n.t('Allow "{0}" (add it to placeholders.allow)', term), [doc.uri, { kind: 'allow-text', text: term }]));
    }
    if (doc.languageId === 'markdown') {
      const line = doc.positionAt(p.start).line;
      const a = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this line', p.ruleId), vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      const indent = /^\s*/.exec(doc.lineAt(line).text)![0];
      a.edit.insert(
        doc.uri,
        new vscode.Position(line, 0),
        `${indent}<!-- gongwen-disable-next-line ${p.ruleId} -->${doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`,
      );
      a.diagnostics = [diagnostic];
      actions.push(a);
    }
    actions.push(
      make(vscode.l10n.t('Ignore this problem (.gongwenrc.json ignore entry)'), [doc.uri, { kind: 'ignore-text', rule: p.ruleId, text: anchorText(doc, p) }]),
    );
    actions.push(make(vscode.l10n.t('Ignore {0} in this file (.gongwenrc.json)', p.ruleId), [doc.uri, { kind: 'rule-in-file', rule: p.ruleId }]));
    actions.push(make(vscode.l10n.t('Ignore {0} in this workspace (.gongwenrc.json)', p.ruleId), [doc.uri, { kind: 'rule-in-workspace', rule: p.ruleId }]));
    return actions;
  }

  private async fixAll(doc: vscode.TextDocument): Promise<vscode.CodeAction[]> {
    const text = doc.getText();
    const output = await this.store.fixedText(doc);
    if (output === undefined || doc.getText() !== text) return [];
    const edits = editsBetween(text, output);
    if (!edits.length) return [];
    const a = new vscode.CodeAction(vscode.l10n.t('Fix all safe gongwen problems'), FIX_ALL_KIND);
    a.edit = toWorkspaceEdit(doc, edits);
    return [a];
  }
}

/** Conventions: an ignore entry is anchored to text: the problem's own text and what follows it on the line. */
const ANCHOR_CHARS = 16;
function anchorText(doc: vscode.TextDocument, p: Problem): string {
  const start = doc.positionAt(p.start);
  const lineEnd = doc.offsetAt(doc.lineAt(start.line).range.end);
  return doc.getText(rangeOf(doc, p.start, Math.max(p.end, Math.min(lineEnd, p.start + ANCHOR_CHARS))));
}

/** The stored problem behind a diagnostic: same rule and range. */
function findProblem(doc: vscode.TextDocument, problems: Problem[], d: vscode.Diagnostic): Problem | undefined {
  const rule = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  return problems.find((p) => p.ruleId === rule && p.start === start && p.end === end);
}
