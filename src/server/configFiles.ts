import fs from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatConfigError, parseConfig, RULE_IDS, type ConfigError, type GongwenConfig } from '../core';
import type { MessageLanguage } from '../core/text/language';
import type { FileSets } from './settings';

export const CONFIG_FILE_NAME = '.gongwenrc.json';

/** A `.gongwenrc.json` as read: its config (undefined when broken), which keys it sets, its errors. */
export interface ConfigFile {
  path: string;
  text: string;
  config: GongwenConfig | undefined;
  sets: FileSets;
  errors: ConfigError[];
  /** Changes whenever the file's content may have: modification time and size. */
  stamp: string;
}

const statOf = (p: string): fs.Stats | undefined => {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
};

/**
 * Finds the nearest `.gongwenrc.json` upward from a file's folder, as `gongwen check` does (no merging). Each lookup
 * stats the folders again, so an edited, added or removed file is seen on the next lint even where the client cannot
 * watch files; the parse is kept while the file's modification time and size stay the same.
 */
export class ConfigFiles {
  private readonly byPath = new Map<string, ConfigFile>();

  /** `displayName` names a file in messages (relative to its workspace folder where it lies in one). */
  constructor(private readonly displayName: (file: string) => string) {}

  nearest(dir: string): ConfigFile | undefined {
    for (let d = path.resolve(dir); ;) {
      const candidate = path.join(d, CONFIG_FILE_NAME);
      const stat = statOf(candidate);
      if (stat?.isFile()) return this.load(candidate, `${stat.mtimeMs}:${stat.size}`);
      const parent = path.dirname(d);
      if (parent === d) return undefined;
      d = parent;
    }
  }

  private load(file: string, stamp: string): ConfigFile {
    const cached = this.byPath.get(file);
    if (cached?.stamp === stamp) return cached;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      const errors = [{ file: this.displayName(file), key: '', message: `无法读取配置文件（${code}）`, messageEn: `cannot read the config file (${code})` }];
      return this.remember({ path: file, text: '', config: undefined, sets: NOTHING_SET, errors, stamp });
    }
    const parsed = parseConfig(text, this.displayName(file), RULE_IDS);
    const tree = parseTree(text.replace(/^\uFEFF/, ''));
    const has = (...at: string[]) => tree !== undefined && findNodeAtLocation(tree, at) !== undefined;
    return this.remember({
      path: file,
      text,
      config: parsed.ok ? parsed.config : undefined,
      sets: { style: has('numbering', 'style'), mode: has('numbering', 'mode'), segmenter: has('segmenter') },
      errors: parsed.ok ? [] : parsed.errors,
      stamp,
    });
  }

  private remember(file: ConfigFile): ConfigFile {
    this.byPath.set(file.path, file);
    return file;
  }
}

const NOTHING_SET: FileSets = { style: false, mode: false, segmenter: false };

/** A config file's errors as diagnostics on the file itself, each at the key it names (the file's start otherwise). */
export function configDiagnostics(file: ConfigFile, lang: MessageLanguage): Diagnostic[] {
  const doc = TextDocument.create('file:///config', 'json', 0, file.text);
  const body = file.text.replace(/^\uFEFF/, '');
  const shift = file.text.length - body.length;
  const tree = parseTree(body);
  return file.errors.map((e) => {
    const node = tree && e.key ? findNodeAtLocation(tree, keyPath(e.key)) : undefined;
    const start = node ? (node.parent?.type === 'property' ? node.parent.offset : node.offset) + shift : 0;
    const end = node ? node.offset + node.length + shift : Math.max(0, body.indexOf('\n')) + shift;
    return {
      range: { start: doc.positionAt(start), end: doc.positionAt(end) },
      severity: DiagnosticSeverity.Error,
      source: 'gongwen',
      message: formatConfigError(e, lang),
    };
  });
}

/**
 * `placeholders.patterns[1]` -> ['placeholders', 'patterns', 1]; `rules.sentence-length[1].maxxx` ->
 * ['rules', 'sentence-length', 1, 'maxxx']; a quoted name (`rules["a.b"]`) is one segment.
 */
export function keyPath(key: string): JSONPath {
  const at: JSONPath = [];
  for (const m of key.matchAll(/\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) at.push(JSON.parse(m[1]) as string);
    else if (m[2] !== undefined) at.push(Number(m[2]));
    else at.push(m[3]);
  }
  return at;
}
