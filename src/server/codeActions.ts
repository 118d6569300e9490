import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type TextEdit as LspEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { editsBetween, fixAll, type Problem, type TextEdit } from '../core';
import { combineFixes } from '../core/edits/fix';
import { allowTermAt } from '../core/structure/placeholders';
import { lineBreakOf } from '../core/text/lines';
import { pick, toTextEdits } from './convert';
import type { Translate } from './l10n';
import type { Linted } from './reports';

/** All safe fixes, re-linted until stable: `source.fixAll.gongwen` (what the editor runs on save when asked to). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gongwen`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Conventions: an ignore entry is anchored to text: the problem's own text and what follows it on the line. */
const ANCHOR_CHARS = 16;

export interface CodeActionOptions {
  t: Translate;
  /** The client command that writes silencing entries into `.gongwenrc.json` (the VS Code extension's), if any. */
  ignoreCommand?: string;
  /** Whether the client applies versioned `documentChanges` (else plain `changes`). */
  documentChanges: boolean;
  /** A fix whose own edits overlap (a rule's bug): logged, never offered. */
  reportInvalid: (p: Problem) => void;
}

/** Whether a requested kind (`source`, `source.fixAll`, `quickfix` …) covers `kind`. */
const covers = (requested: string, kind: string): boolean => kind === requested || kind.startsWith(`${requested}.`);

/**
 * Quick fixes from the core's fixes (each problem's own, and "fix all of this rule"), silencing actions, and
 * `source.fixAll.gongwen`. Every edit set goes through `combineFixes` (and the fix-all through `fixAll`, which
 * applies with `applyEdits`): a fix with overlapping edits is never offered.
 */
export function codeActions(linted: Linted, params: CodeActionParams, o: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (only?.some((k) => covers(k, FIX_ALL_KIND))) actions.push(...fixAllAction(linted, o));
  if (only && !only.some((k) => covers(k, CodeActionKind.QuickFix))) return actions;
  for (const d of params.context.diagnostics) {
    if (d.source !== 'gongwen') continue;
    const p = problemOf(linted, d);
    if (p) actions.push(...quickFixes(linted, p, d, o));
  }
  return actions;
}

/** The problem behind a diagnostic of this version: same rule, same range. */
function problemOf(linted: Linted, d: Diagnostic): Problem | undefined {
  const start = linted.positions.offsetAt(d.range.start);
  const end = linted.positions.offsetAt(d.range.end);
  return linted.problems.find((p) => p.ruleId === String(d.code) && p.start === start && p.end === end);
}

function editOf(linted: Linted, edits: readonly TextEdit[], o: CodeActionOptions): WorkspaceEdit {
  const lsp: LspEdit[] = toTextEdits(linted.positions, edits);
  // Versioned, so a client never applies a fix computed for an older text.
  if (o.documentChanges) return { documentChanges: [{ textDocument: { uri: linted.uri, version: linted.version }, edits: lsp }] };
  return { changes: { [linted.uri]: lsp } };
}

function quickFixes(linted: Linted, p: Problem, d: Diagnostic, o: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  const lang = linted.context.language;
  const own = p.fix ? combineFixes(linted.text, [p]) : undefined;
  own?.invalid.forEach(o.reportInvalid);
  if (p.fix && own?.fixed.length) {
    actions.push({
      title: pick(lang, p.fix.title, p.fix.titleEn),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: p.fix.safe,
      edit: editOf(linted, own.edits, o),
    });
  }
  // The rule's safe fixes combined as fix-all combines them (shared edits once, a fix that overlaps one taken waits
  // for the next run): a workspace edit with overlapping ranges would fail as a whole.
  const sameRule = combineFixes(
    linted.text,
    linted.problems.filter((q) => q.ruleId === p.ruleId && q.fix?.safe),
  );
  sameRule.invalid.filter((q) => q !== p).forEach(o.reportInvalid);
  if (sameRule.fixed.length > 1) {
    actions.push({
      title: o.t('Fix all safe {0} problems in this document', p.ruleId),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: editOf(linted, sameRule.edits, o),
    });
  }
  actions.push(...silencing(linted, p, d, o));
  return actions;
}

function silencing(linted: Linted, p: Problem, d: Diagnostic, o: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  const { text, uri } = linted;
  if (linted.context.format === 'markdown') {
    const line = linted.model.lines.lineAt(p.start);
    const indent = /^\s*/.exec(linted.model.lines.lineText(line))![0];
    const at = linted.model.lines.starts[line];
    const comment = { start: at, end: at, text: `${indent}<!-- gongwen-disable-next-line ${p.ruleId} -->${lineBreakOf(text)}` };
    actions.push({ title: o.t('Disable {0} for this line', p.ruleId), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: editOf(linted, [comment], o) });
  }
  if (!o.ignoreCommand) return actions;
  const command = o.ignoreCommand;
  const make = (title: string, target: unknown): CodeAction => {
    const c: Command = { title, command, arguments: [uri, target] };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: c };
  };
  // The allow entry names the term around the placeholder (数据要素×), never the bare sign, which would allow every ×.
  const term = p.ruleId === 'placeholder' ? allowTermAt(text, p.start, p.end) : undefined;
  if (term) actions.unshift(make(o.t('Allow "{0}" (add it to placeholders.allow)', term), { kind: 'allow-text', text: term }));
  const lineEnd = linted.model.lines.ends[linted.model.lines.lineAt(p.start)];
  const anchor = text.slice(p.start, Math.max(p.end, Math.min(lineEnd, p.start + ANCHOR_CHARS)));
  actions.push(make(o.t('Ignore this problem (.gongwenrc.json ignore entry)'), { kind: 'ignore-text', rule: p.ruleId, text: anchor }));
  actions.push(make(o.t('Ignore {0} in this file (.gongwenrc.json)', p.ruleId), { kind: 'rule-in-file', rule: p.ruleId }));
  actions.push(make(o.t('Ignore {0} in this workspace (.gongwenrc.json)', p.ruleId), { kind: 'rule-in-workspace', rule: p.ruleId }));
  return actions;
}

function fixAllAction(linted: Linted, o: CodeActionOptions): CodeAction[] {
  const result = fixAll(linted.text, linted.context.options);
  result.invalid.forEach(o.reportInvalid);
  const edits = editsBetween(linted.text, result.output);
  if (!edits.length) return [];
  return [{ title: o.t('Fix all safe gongwen problems'), kind: FIX_ALL_KIND, edit: editOf(linted, edits, o) }];
}
