import * as vscode from 'vscode';
import {
  lintModel,
  looksLikeReport,
  outline,
  parse,
  type DocumentModel,
  type GongwenConfig,
  type OutlineDocument,
  type Problem,
  type SourceFormat,
} from '../core';
import { enableMode, mergeConfigs, settingsConfig } from './settings';
import type { ConfigFiles } from './configFiles';
import type { LintClient } from './lintClient';

/** Languages gongwen may check: its own mode always, plaintext and markdown when they look like a report. */
export const REPORT_LANGUAGES = ['gongwen', 'plaintext', 'markdown'];

/** One version of a report, parsed once in the host for the outline, folding, completion and commands. */
export interface ReportView {
  version: number;
  format: SourceFormat;
  config: GongwenConfig;
  filePath: string | undefined;
  model: DocumentModel;
  outline(): OutlineDocument[];
  /** Placeholder problems (silencing applied), computed in the host: no segmentation needed. */
  placeholders(): Problem[];
}

interface LintResult {
  version: number;
  config: GongwenConfig;
  problems: Promise<Problem[] | undefined>;
}

export const formatOfDocument = (doc: vscode.TextDocument): SourceFormat => (doc.languageId === 'markdown' ? 'markdown' : 'text');

/**
 * Open reports, per version: a host-side parse for views (cheap, cached), and the full lint, which runs in
 * the lint process (word segmentation never blocks the host), cached and shared by every caller.
 */
export class ReportStore {
  private readonly views = new Map<string, ReportView>();
  private readonly lints = new Map<string, LintResult>();
  private readonly configCache = new Map<string, Promise<{ config: GongwenConfig; filePath: string | undefined }>>();
  /** Set by the toggle command: linting off for this session. */
  paused = false;

  constructor(
    private readonly configFiles: ConfigFiles,
    private readonly client: LintClient,
  ) {
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

  /** The parsed current version of a document. */
  async view(doc: vscode.TextDocument): Promise<ReportView> {
    const { config, filePath } = await this.configFor(doc.uri);
    const key = doc.uri.toString();
    const cached = this.views.get(key);
    if (cached && cached.version === doc.version && cached.config === config) return cached;
    const model = parse(doc.getText(), formatOfDocument(doc));
    let tree: OutlineDocument[] | undefined;
    let placeholders: Problem[] | undefined;
    const view: ReportView = {
      version: doc.version,
      format: model.format,
      config,
      filePath,
      model,
      outline: () => (tree ??= outline(model, config)),
      placeholders: () => (placeholders ??= lintModel(model, { config, filePath, only: ['placeholder'] })),
    };
    this.views.set(key, view);
    return view;
  }

  /** Every problem of the current version; undefined when the document changed before the lint finished. */
  async problems(doc: vscode.TextDocument): Promise<Problem[] | undefined> {
    const { config, filePath } = await this.configFor(doc.uri);
    const key = doc.uri.toString();
    const cached = this.lints.get(key);
    if (cached && cached.version === doc.version && cached.config === config) return cached.problems;
    const problems = this.client.lint(key, doc.getText(), formatOfDocument(doc), config, filePath);
    this.lints.set(key, { version: doc.version, config, problems });
    return problems;
  }

  /** The text after every safe fix, re-linted until stable (fix-all), computed in the lint process. */
  async fixedText(doc: vscode.TextDocument): Promise<string | undefined> {
    const { config, filePath } = await this.configFor(doc.uri);
    return this.client.fixAll(doc.uri.toString(), doc.getText(), formatOfDocument(doc), config, filePath);
  }

  forget(doc: vscode.TextDocument): void {
    this.views.delete(doc.uri.toString());
    this.lints.delete(doc.uri.toString());
  }

  /** Drops cached configs and results (settings or a config file changed). */
  invalidate(): void {
    this.configCache.clear();
    this.views.clear();
    this.lints.clear();
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
    const fileConfig =
      file?.config && !vscode.workspace.isTrusted ? { ...file.config, placeholders: { ...file.config.placeholders, patterns: [] } } : file?.config;
    const config = mergeConfigs(settingsConfig(uri), fileConfig, (k) => file?.sets[k] ?? false);
    const base = file ? vscode.Uri.joinPath(file.uri, '..') : vscode.workspace.getWorkspaceFolder(uri)?.uri;
    const filePath = base && uri.path.startsWith(base.path + '/') ? uri.path.slice(base.path.length + 1) : undefined;
    return { config, filePath };
  }
}
