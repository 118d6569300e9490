import * as vscode from 'vscode';
import { lintModel, looksLikeReport, outline, parse, type DocumentModel, type GongwenConfig, type OutlineDocument, type Problem } from '../core';
import { enableMode, mergeConfigs, settingsConfig } from './settings';
import type { ConfigFiles } from './configFiles';

/** Languages gongwen may check: its own mode always, plaintext and markdown when they look like a report. */
export const REPORT_LANGUAGES = ['gongwen', 'plaintext', 'markdown'];

/** One version of a report, parsed once and shared by diagnostics, outline, folding and commands. */
export interface ReportSnapshot {
  version: number;
  model: DocumentModel;
  config: GongwenConfig;
  filePath: string | undefined;
  problems: Problem[];
  outline(): OutlineDocument[];
}

/** Parses and lints open reports on demand, caching the latest version of each. */
export class ReportStore {
  private readonly cache = new Map<string, ReportSnapshot>();
  private readonly configCache = new Map<string, Promise<{ config: GongwenConfig; filePath: string | undefined }>>();
  /** Set by the toggle command: linting off for this session. */
  paused = false;

  constructor(private readonly configFiles: ConfigFiles) {
    configFiles.onDidChange(() => this.invalidate());
  }

  /** Whether gongwen should check this document at all (`gongwen.enable`, language, report detection). */
  isReport(doc: vscode.TextDocument): boolean {
    if (this.paused || !REPORT_LANGUAGES.includes(doc.languageId)) return false;
    const mode = enableMode(doc.uri);
    if (mode === 'never') return false;
    if (doc.languageId === 'gongwen' || mode === 'always') return true;
    return looksLikeReport(doc.getText());
  }

  /** The snapshot of the document's current version (parsed and linted now if not cached). */
  async snapshot(doc: vscode.TextDocument): Promise<ReportSnapshot> {
    const { config, filePath } = await this.configFor(doc.uri);
    return this.snapshotWith(doc, config, filePath);
  }

  /** The cached snapshot if it is of the current version. */
  current(doc: vscode.TextDocument): ReportSnapshot | undefined {
    const s = this.cache.get(doc.uri.toString());
    return s && s.version === doc.version ? s : undefined;
  }

  forget(doc: vscode.TextDocument): void {
    this.cache.delete(doc.uri.toString());
  }

  /** Drops cached configs and snapshots (settings or a config file changed). */
  invalidate(): void {
    this.configCache.clear();
    this.cache.clear();
  }

  private snapshotWith(doc: vscode.TextDocument, config: GongwenConfig, filePath: string | undefined): ReportSnapshot {
    const cached = this.current(doc);
    if (cached && cached.config === config) return cached;
    const model = parse(doc.getText(), doc.languageId === 'markdown' ? 'markdown' : 'text');
    const problems = lintModel(model, { config, filePath });
    let tree: OutlineDocument[] | undefined;
    const snap: ReportSnapshot = { version: doc.version, model, config, filePath, problems, outline: () => (tree ??= outline(model, config)) };
    this.cache.set(doc.uri.toString(), snap);
    return snap;
  }

  /** The merged config (settings, then `.gongwenrc.json`) for a file, and its path relative to the config. */
  configFor(uri: vscode.Uri): Promise<{ config: GongwenConfig; filePath: string | undefined }> {
    const key = uri.toString();
    let found = this.configCache.get(key);
    if (!found) {
      found = this.loadConfig(uri);
      this.configCache.set(key, found);
    }
    return found;
  }

  private async loadConfig(uri: vscode.Uri): Promise<{ config: GongwenConfig; filePath: string | undefined }> {
    const file = await this.configFiles.forDocument(uri);
    // Patterns are regular expressions: an untrusted workspace's own file does not get to run them.
    const fileConfig = file?.config && !vscode.workspace.isTrusted ? { ...file.config, placeholders: { ...file.config.placeholders, patterns: [] } } : file?.config;
    const config = mergeConfigs(settingsConfig(uri), fileConfig, (k) => file?.setsNumbering[k] ?? false);
    const base = file ? vscode.Uri.joinPath(file.uri, '..') : vscode.workspace.getWorkspaceFolder(uri)?.uri;
    const filePath = base && uri.path.startsWith(base.path + '/') ? uri.path.slice(base.path.length + 1) : undefined;
    return { config, filePath };
  }
}
