import * as vscode from 'vscode';
import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';
import { parseConfig, RULE_IDS, formatConfigError, type ConfigError, type GongwenConfig } from '../core';
import { pickerFor } from './convert';

export const CONFIG_FILE_NAME = '.gongwenrc.json';

/** A `.gongwenrc.json` as loaded: the config (undefined when broken), which numbering keys it sets, its errors. */
export interface ConfigFile {
  uri: vscode.Uri;
  config: GongwenConfig | undefined;
  /** Which of the keys that have defaults the file sets itself (so that settings fill in the rest). */
  sets: { style: boolean; mode: boolean; segmenter: boolean };
  errors: ConfigError[];
}

/**
 * Finds the nearest `.gongwenrc.json` upward from a document, within its workspace folder, through
 * `workspace.fs` (so virtual workspaces work). Results are cached per folder and dropped when a config changes.
 */
export class ConfigFiles implements vscode.Disposable {
  private readonly byDir = new Map<string, Promise<ConfigFile | undefined>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('gongwen-config');
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a config file is created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const reset = () => {
      this.byDir.clear();
      this.changed.fire();
    };
    this.watcher.onDidCreate(reset);
    this.watcher.onDidChange(reset);
    this.watcher.onDidDelete(reset);
  }

  /** The config file in force for a document, if any. */
  forDocument(uri: vscode.Uri): Promise<ConfigFile | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme === 'untitled') return Promise.resolve(undefined);
    return this.forDir(vscode.Uri.joinPath(uri, '..'), folder.uri);
  }

  /** Where a new config file goes for a document: the existing one, else the workspace folder's root. */
  async targetFor(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const existing = await this.forDocument(uri);
    if (existing) return existing.uri;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME) : undefined;
  }

  private forDir(dir: vscode.Uri, root: vscode.Uri): Promise<ConfigFile | undefined> {
    const key = dir.toString();
    let found = this.byDir.get(key);
    if (!found) {
      found = this.lookIn(dir, root);
      this.byDir.set(key, found);
    }
    return found;
  }

  private async lookIn(dir: vscode.Uri, root: vscode.Uri): Promise<ConfigFile | undefined> {
    const candidate = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
    const bytes = await vscode.workspace.fs.readFile(candidate).then(
      (b) => b,
      () => undefined,
    );
    if (bytes) return this.load(candidate, new TextDecoder().decode(bytes));
    if (dir.path === root.path || dir.path.length <= root.path.length) return undefined;
    return this.forDir(vscode.Uri.joinPath(dir, '..'), root);
  }

  private load(uri: vscode.Uri, text: string): ConfigFile {
    const parsed = parseConfig(text, vscode.workspace.asRelativePath(uri), RULE_IDS);
    const tree = parseTree(text.replace(/^\uFEFF/, ''));
    const has = (...path: string[]) => tree !== undefined && findNodeAtLocation(tree, path) !== undefined;
    const errors = parsed.ok ? [] : parsed.errors;
    this.problems.set(
      uri,
      errors.map((e) => configDiagnostic(text, e)),
    );
    return {
      uri,
      config: parsed.ok ? parsed.config : undefined,
      sets: { style: has('numbering', 'style'), mode: has('numbering', 'mode'), segmenter: has('segmenter') },
      errors,
    };
  }

  dispose(): void {
    this.problems.dispose();
    this.watcher.dispose();
    this.changed.dispose();
  }
}

/** A config error shown on the config file itself, at the key it names. */
function configDiagnostic(text: string, e: ConfigError): vscode.Diagnostic {
  const body = text.replace(/^\uFEFF/, '');
  const shift = text.length - body.length;
  const tree = parseTree(body);
  const node = tree && e.key ? findNodeAtLocation(tree, keyPath(e.key)) : undefined;
  const start = node ? (node.parent?.type === 'property' ? node.parent.offset : node.offset) + shift : 0;
  const end = node ? node.offset + node.length + shift : Math.max(0, body.indexOf('\n')) + shift;
  const range = new vscode.Range(positionIn(text, start), positionIn(text, end));
  const d = new vscode.Diagnostic(range, pickerFor(text)(formatConfigError(e, 'zh'), formatConfigError(e, 'en')), vscode.DiagnosticSeverity.Error);
  d.source = 'gongwen';
  return d;
}

/**
 * `placeholders.patterns[1]` -> ['placeholders', 'patterns', 1]; `rules.sentence-length[1].maxxx` ->
 * ['rules', 'sentence-length', 1, 'maxxx']; a quoted name (`rules["a.b"]`) is one segment.
 */
export function keyPath(key: string): JSONPath {
  const path: JSONPath = [];
  for (const m of key.matchAll(/\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) path.push(JSON.parse(m[1]) as string);
    else if (m[2] !== undefined) path.push(Number(m[2]));
    else path.push(m[3]);
  }
  return path;
}

function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return new vscode.Position(line, offset - lastBreak - 1);
}
