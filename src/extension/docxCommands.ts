import * as vscode from 'vscode';
import { annotateDocx, DEFAULT_AUTHOR } from '../docx';
import { DOCX_TEXT_SCHEME } from '../server/protocol';
import type { DiagnosticsRecord } from './diagnostics';
import { checkedPathOf, toDocxProblems, type TextProblem } from './docxProblems';
import { DocxTexts, sourceUriOf, textUriOf, unreadable } from './docxView';

/** What 公文：检查 Word 文稿 did: the editor of the draft's text, or the message shown instead. */
export interface DocxCheckResult {
  editor?: vscode.TextEditor;
  error?: string;
}

const isDocx = (uri: vscode.Uri): boolean => /\.docx$/i.test(uri.path);
const baseName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const WORD_FILTER = (): Record<string, string[]> => ({ [vscode.l10n.t('Word documents')]: ['docx'] });

/**
 * `.docx` drafts in VS Code: 公文：检查 Word 文稿 shows a draft's displayed text read-only, in the gongwen mode, so
 * the language server checks it like a `.txt` (diagnostics, Outline, folding, the placeholder commands); 公文：导出带
 * 批注的副本 writes a copy of the draft with each of those diagnostics as a Word comment.
 */
export function registerDocx(record: DiagnosticsRecord): vscode.Disposable[] {
  const texts = new DocxTexts();
  const offered = new Set<string>();
  return [
    texts,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_TEXT_SCHEME, texts),
    vscode.workspace.onDidOpenTextDocument((doc) => void asDraftText(texts, doc)),
    vscode.workspace.onDidCloseTextDocument((doc) => doc.uri.scheme === DOCX_TEXT_SCHEME && texts.closed(doc.uri)),
    vscode.window.tabGroups.onDidChangeTabs((e) => e.opened.forEach((tab) => offerCheck(tab, offered))),
    vscode.commands.registerCommand('gongwen.checkDocx', (uri?: vscode.Uri, selected?: vscode.Uri[]) => checkDocx(texts, uri, selected)),
    vscode.commands.registerCommand('gongwen.annotateDocx', (uri?: vscode.Uri, target?: unknown) =>
      annotateCommand(texts, record, uri, target instanceof vscode.Uri ? target : undefined),
    ),
  ];
}

/**
 * A draft's text however it was opened (the command, an editor restored at start-up): watched, and in the gongwen
 * mode. Changing the mode closes and reopens the document, which lands here again, already in the mode.
 */
async function asDraftText(texts: DocxTexts, doc: vscode.TextDocument): Promise<void> {
  if (doc.uri.scheme !== DOCX_TEXT_SCHEME) return;
  texts.watch(doc.uri);
  if (doc.languageId !== 'gongwen') await vscode.languages.setTextDocumentLanguage(doc, 'gongwen');
}

/** The `.docx` of the active tab: a draft's text, or the `.docx` itself (which VS Code shows as a binary file). */
function activeDraft(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  if (!uri) return undefined;
  return sourceUriOf(uri) ?? (isDocx(uri) ? uri : undefined);
}

async function pickDraft(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Check'),
    title: vscode.l10n.t('Check a Word draft'),
    filters: WORD_FILTER(),
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}

/** The explorer's selection (its `.docx` files), else the given file, the active tab's, or one the writer picks. */
async function checkDocx(texts: DocxTexts, uri?: vscode.Uri, selected?: vscode.Uri[]): Promise<DocxCheckResult> {
  const several = selected?.filter(isDocx) ?? [];
  const sources = several.length > 1 ? several : [uri ?? activeDraft() ?? (await pickDraft())];
  let result: DocxCheckResult = {};
  for (const source of sources) if (source) result = await showDraftText(texts, sourceUriOf(source) ?? source, true);
  return result;
}

/**
 * Opens a draft's text (read again from disk when `reread`, or when it was not read yet). A file that is not a
 * readable `.docx` opens nothing: the reader's message says why (encrypted, a `.doc`, macros, damaged…).
 */
async function showDraftText(texts: DocxTexts, source: vscode.Uri, reread: boolean): Promise<DocxCheckResult> {
  const textUri = textUriOf(source);
  if (reread || !texts.loaded(textUri)) {
    try {
      await texts.load(textUri);
    } catch (e) {
      const error = unreadable(source, e);
      void vscode.window.showErrorMessage(error);
      return { error };
    }
  }
  let doc = await vscode.workspace.openTextDocument(textUri);
  if (doc.languageId !== 'gongwen') doc = await vscode.languages.setTextDocumentLanguage(doc, 'gongwen');
  return { editor: await vscode.window.showTextDocument(doc, { preview: false }) };
}

/** Once per file and session: a `.docx` opened in VS Code (a binary file to it) is offered as a draft to check. */
function offerCheck(tab: vscode.Tab, offered: Set<string>): void {
  const input = tab.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  if (!uri || uri.scheme === DOCX_TEXT_SCHEME || !isDocx(uri) || offered.has(uri.toString())) return;
  offered.add(uri.toString());
  const check = vscode.l10n.t('Check Word Draft');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('{0} is a Word document: check its text with gongwen?', baseName(uri)), check)
    .then((choice) => choice === check && vscode.commands.executeCommand('gongwen.checkDocx', uri));
}

/** Waits until the server's diagnostics of this version of the text are in (the pull may still be on its way). */
async function currentDiagnostics(record: DiagnosticsRecord, doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const key = doc.uri.toString();
  if (!record.runs.some((r) => r.uri === key && r.version === doc.version)) await record.refresh(doc);
  // Hints are not problems to the writer (the Problems panel leaves them out): no comment for them either.
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'gongwen' && d.severity !== vscode.DiagnosticSeverity.Hint);
}

const ruleOf = (d: vscode.Diagnostic): string | undefined => (d.code === undefined ? undefined : String(typeof d.code === 'object' ? d.code.value : d.code));

const sameFile = (a: vscode.Uri, b: vscode.Uri): boolean =>
  a.scheme === b.scheme && a.authority.toLowerCase() === b.authority.toLowerCase() && a.path.toLowerCase() === b.path.toLowerCase();

/**
 * 公文：导出带批注的副本: the current diagnostics of a draft's text, each anchored on its paragraph and columns, as
 * comments in a copy of the draft (`草稿.checked.docx` beside it by default; never the draft itself, whose bytes
 * are only read). A draft without problems gets no copy: there would be nothing in it to read. `target` skips the
 * save dialog. Returns the file written.
 */
async function annotateCommand(texts: DocxTexts, record: DiagnosticsRecord, uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source = uri ? (sourceUriOf(uri) ?? uri) : activeDraft();
  if (!source) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Word draft first (公文: Check Word Draft).'));
    return undefined;
  }
  // Read again: the copy is made of the bytes on disk now, whether or not a watcher saw them change (a network drive).
  const { editor } = await showDraftText(texts, source, true);
  if (!editor) return undefined;
  const doc = editor.document;
  const version = doc.version;
  const diagnostics = await currentDiagnostics(record, doc);
  const draft = texts.loaded(doc.uri) ?? (await texts.load(doc.uri).catch(() => undefined));
  // The diagnostics, the text shown and the bytes must be of one version, or the comments land on other characters.
  if (!draft || doc.version !== version || draft.shown.text !== doc.getText()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed on disk while it was checked: try again once its text is refreshed.', baseName(source)));
    return undefined;
  }
  if (!diagnostics.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No problems found in {0}: no copy with comments written.', baseName(source)));
    return undefined;
  }
  const problems: TextProblem[] = diagnostics.map((d) => ({
    ...draft.shown.sourceRange(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)),
    message: d.message,
    rule: ruleOf(d),
  }));
  const copy = annotateDocx(draft.bytes, toDocxProblems(problems, draft.map), DEFAULT_AUTHOR);
  const file = target ?? (await askWhereToSave(source));
  if (!file) return undefined;
  if (sameFile(file, source)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The copy cannot replace the draft itself ({0}): choose another name.', baseName(source)));
    return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(file, copy);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', baseName(file), e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  announce(file, problems.length);
  return file;
}

function askWhereToSave(source: vscode.Uri): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    defaultUri: source.with({ path: checkedPathOf(source.path) }),
    filters: WORD_FILTER(),
    saveLabel: vscode.l10n.t('Save Copy'),
    title: vscode.l10n.t('Save a copy with comments'),
  });
}

/** Says what was written; the button shows it in the Explorer, or its folder where it lies outside the workspace. */
function announce(file: vscode.Uri, comments: number): void {
  const inWorkspace = !!vscode.workspace.getWorkspaceFolder(file);
  const reveal = inWorkspace ? vscode.l10n.t('Reveal in Explorer') : vscode.l10n.t('Open Containing Folder');
  void vscode.window
    .showInformationMessage(
      comments === 1 ? vscode.l10n.t('Wrote {0} with 1 comment.', baseName(file)) : vscode.l10n.t('Wrote {0} with {1} comments.', baseName(file), comments),
      reveal,
    )
    .then((choice) => {
      if (choice === reveal) void vscode.commands.executeCommand(inWorkspace ? 'revealInExplorer' : 'revealFileInOS', file);
    });
}
