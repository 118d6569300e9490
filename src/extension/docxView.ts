import * as vscode from 'vscode';
import { docxToText, readDocx, type DocxTextMap } from '../docx';
import { DOCX_TEXT_SCHEME } from '../server/protocol';
import { editorTextOf, unreadableMessage, type EditorText } from './docxProblems';

/** A draft as it was read: the bytes (what the annotated copy is made of) and the text with its map. */
export interface LoadedDraft {
  source: vscode.Uri;
  bytes: Uint8Array;
  map: DocxTextMap;
  /** The text as served to the editor (what its document holds), with the way back to `map`'s offsets. */
  shown: EditorText;
}

const baseName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The UI speaks Chinese: DocxError's Chinese sentence, else its English one. */
export const uiIsChinese = (): boolean => vscode.env.language.toLowerCase().startsWith('zh');

/**
 * The read-only text of a `.docx`: `gongwen-docx:/dir/草稿.docx（文本）?<the .docx's URI>`. The path gives the tab its
 * title and the folder; the query names the file itself (the server reads it too, for the `.gongwenrc.json`).
 */
export function textUriOf(source: vscode.Uri): vscode.Uri {
  const folder = source.path.slice(0, source.path.lastIndexOf('/') + 1);
  return vscode.Uri.from({ scheme: DOCX_TEXT_SCHEME, path: folder + vscode.l10n.t('{0} (text)', baseName(source)), query: source.toString() });
}

/** The `.docx` a text document shows; undefined for any other document, and for a hand-made one naming no URI. */
export function sourceUriOf(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme !== DOCX_TEXT_SCHEME || !uri.query) return undefined;
  try {
    return vscode.Uri.parse(uri.query, true);
  } catch {
    // A query without a scheme: strict parsing throws, and the callers (the settings middleware included) must not.
    return undefined;
  }
}

/** `草稿.docx：<why it cannot be read>`. */
export const unreadable = (source: vscode.Uri, e: unknown): string => vscode.l10n.t('{0}: {1}', baseName(source), unreadableMessage(e, uiIsChinese()));

/**
 * Serves each draft's displayed text (`docxToText(readDocx(bytes))`), the bytes read through `workspace.fs` so that
 * remote workspaces work. Nothing in the file is executed: the reader parses XML and never runs macros or fields.
 * While a text is open its `.docx` is watched, and a change on disk refreshes the text (a change that cannot be
 * read keeps the text shown and says why).
 */
export class DocxTexts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly drafts = new Map<string, LoadedDraft>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Reads the draft behind a text URI; throws what the file system or the reader threw (a `DocxError`). */
  async load(textUri: vscode.Uri): Promise<LoadedDraft> {
    const source = sourceUriOf(textUri);
    if (!source) throw new Error(`not a ${DOCX_TEXT_SCHEME} URI: ${textUri.toString()}`);
    const bytes = await vscode.workspace.fs.readFile(source);
    const map = docxToText(readDocx(bytes));
    const draft = { source, bytes, map, shown: editorTextOf(map.text) };
    const key = textUri.toString();
    this.drafts.set(key, draft);
    // An open text that shows another version is asked for again.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open && open.getText() !== draft.shown.text) this.changed.fire(textUri);
    return draft;
  }

  /** The draft as last read for this text, if it was. */
  loaded(textUri: vscode.Uri): LoadedDraft | undefined {
    return this.drafts.get(textUri.toString());
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const draft = this.loaded(uri) ?? (await this.loadOrSay(uri));
    this.watch(uri);
    return draft.shown.text;
  }

  /** A text VS Code asks for by itself (an editor restored on start-up): its error is shown, then thrown (no text). */
  private async loadOrSay(uri: vscode.Uri): Promise<LoadedDraft> {
    try {
      return await this.load(uri);
    } catch (e) {
      void vscode.window.showErrorMessage(unreadable(sourceUriOf(uri) ?? uri, e));
      throw e;
    }
  }

  /** Watches the draft of an open text (its folder, filtered to the file: a file name may hold glob characters). */
  watch(textUri: vscode.Uri): void {
    const key = textUri.toString();
    const source = sourceUriOf(textUri);
    if (!source || this.watchers.has(key)) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(source, '..'), '*'), true, false, false);
    const onChange = (uri: vscode.Uri) => uri.toString() === source.toString() && void this.reload(textUri);
    this.watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange)));
  }

  private async reload(textUri: vscode.Uri): Promise<void> {
    try {
      await this.load(textUri);
    } catch (e) {
      // A draft half-written by Word, or replaced by something unreadable: the last good text stays.
      const source = sourceUriOf(textUri) ?? textUri;
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} The text shown is the version read before.', unreadable(source, e)));
    }
  }

  /**
   * A text closed: its draft is no longer watched nor kept. Changing a document's language closes and at once
   * reopens it: a text open again by the next turn keeps its draft (the bytes its diagnostics are about).
   */
  closed(textUri: vscode.Uri): void {
    const key = textUri.toString();
    setTimeout(() => {
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) this.forget(key);
    }, 0);
  }

  private forget(key: string): void {
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
    this.drafts.delete(key);
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.drafts.clear();
    this.changed.dispose();
  }
}
