/**
 * gongwen's own requests on top of LSP: what an editor needs beyond diagnostics, code actions, symbols, folding and
 * completion to show a report's structure without parsing it. Types only (no run-time import), shared by the server
 * and the VS Code extension. Positions are LSP positions (UTF-16); `start`/`end` are UTF-16 offsets into the text.
 */
import type { Position, Range, TextDocumentIdentifier, TextEdit } from 'vscode-languageserver';

/** `gongwen/outline`: the section tree with its counts, or null when the document is not checked as a report. */
export const OUTLINE_REQUEST = 'gongwen/outline';
/** `gongwen/counts`: 字数 and pages of the report or of the given ranges (the status bar), or null. */
export const COUNTS_REQUEST = 'gongwen/counts';
/** `gongwen/placeholders`: the placeholders of a report (silencing applied), or null. */
export const PLACEHOLDERS_REQUEST = 'gongwen/placeholders';
/** `gongwen/moveSection`: the edits that move a section and renumber the document, or null. */
export const MOVE_SECTION_REQUEST = 'gongwen/moveSection';
/** `gongwen/exportPlan`: which documents a Word export writes and what stands in its way, or null. */
export const EXPORT_PLAN_REQUEST = 'gongwen/exportPlan';
/** `gongwen/exportDocx`: the Word documents, base64, or null. */
export const EXPORT_DOCX_REQUEST = 'gongwen/exportDocx';
/** `gongwen/setPaused`: checks off (or on again) for the session; the server answers every request as for no report. */
export const SET_PAUSED_REQUEST = 'gongwen/setPaused';
/** `gongwen/serverInfo`: the server's process and the word segmenter it loaded. */
export const SERVER_INFO_REQUEST = 'gongwen/serverInfo';
/**
 * The scheme of a `.docx` draft's displayed text, a read-only document the extension provides: its query is the URI
 * of the `.docx` itself, whose folder gives the text its `.gongwenrc.json`.
 */
export const DOCX_TEXT_SCHEME = 'gongwen-docx';

export interface DocumentParams {
  textDocument: TextDocumentIdentifier;
}

/** A node of the outline: a document of the file (`document` or `toc`) or a section. */
export interface OutlineNode {
  kind: 'document' | 'toc' | 'section';
  /** What an outline shows: a section's marker and title, a document's title (or 文档 2, 目录). */
  name: string;
  /** Its counts as the document's messages go: `2处占位符 · 1,024字` or `2 placeholders · 1,024 chars`. */
  detail: string;
  /** A section's level (1 `一、` … 5 `①`, 0 for a markdown `#` heading); 0 for a document. */
  level: number;
  /** Where it starts and ends (children included), UTF-16 offsets. */
  start: number;
  end: number;
  /** The same as positions; `selectionRange` is the heading (a document's title line). */
  range: Range;
  selectionRange: Range;
  placeholders: number;
  /** 字数 (docs/counting.md). */
  chars: number;
  children: OutlineNode[];
}

export interface OutlineResult {
  /** The document version the answer is for. */
  version: number;
  documents: OutlineNode[];
}

export interface CountsParams extends DocumentParams {
  /** Count these ranges (a selection) instead of the whole document. */
  ranges?: Range[];
}

export interface CountsResult {
  version: number;
  zishu: number;
  pages: number;
}

export interface PlaceholderItem {
  start: number;
  end: number;
  range: Range;
  /** The placeholder as written. */
  text: string;
  /** Its line around it, shortened: `…前文「XX」后文…`. */
  context: string;
}

export interface PlaceholdersResult {
  version: number;
  placeholders: PlaceholderItem[];
}

export type SectionOperation = 'moveUp' | 'moveDown' | 'promote' | 'demote';

export interface MoveSectionParams extends DocumentParams {
  /** A move by one step, or `to` for a drop onto another section. */
  op: SectionOperation | 'move';
  /** The section, by its heading's offset (an outline node's `start`); absent: the section at `position`. */
  section?: number;
  position?: Position;
  /** For `move`: before the section starting here, or after it (as its last sibling). */
  to?: { before: number } | { after: number };
}

export interface MoveSectionResult {
  version: number;
  /** Empty when the section cannot move that way. */
  edits: TextEdit[];
}

export interface ExportPlanResult {
  version: number;
  /** The documents a Word export writes (a table of contents is left out). */
  documents: number[];
  placeholders: PlaceholderItem[];
  /** Numbering problems (errors and warnings) left in those documents. */
  numbering: number;
}

export interface ExportDocxParams extends DocumentParams {
  documents: number[];
}

export interface ExportDocxResult {
  version: number;
  files: Array<{ index: number; base64: string }>;
}

export interface SetPausedParams {
  paused: boolean;
}

export interface ServerInfo {
  pid: number;
  version: string;
  /** The word segmenter's one log line, once an engine was loaded. */
  segmenter: string | null;
}

/** Sent in `initializationOptions` by the VS Code extension (any other client may leave it out). */
export interface InitializationOptions {
  /** A client command that writes silencing entries into `.gongwenrc.json`: offered in the quick fixes when set. */
  ignoreCommand?: string;
  /** Whether to announce workspace diagnostics (default true; the extension asks for them from its command only). */
  workspaceDiagnostics?: boolean;
  /** Overrides the configured word segmenter (the extension's fallback after repeated crashes: `intl`). */
  segmenter?: 'intl';
  /** Checks off for the session (the extension's toggle, kept across a restart of the server). */
  paused?: boolean;
}

/** What a placeholder diagnostic of a workspace report carries in `data`, for a pick list. */
export type PlaceholderData = Pick<PlaceholderItem, 'text' | 'context'>;
