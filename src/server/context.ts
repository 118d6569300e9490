import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConfigError, formatOf, looksLikeReport, type GongwenConfig, type LintOptions, type SourceFormat } from '../core';
import { messageLanguage, type MessageLanguage } from '../core/text/language';
import { ConfigFiles, type ConfigFile } from './configFiles';
import { DOCX_TEXT_SCHEME } from './protocol';
import { mergeConfigs, readSettings, type Settings } from './settings';
import type { Segmentation } from './segmentation';

/** What checking one version of a document depends on: whether it is a report, its config, its messages' language. */
export interface ReportContext {
  report: boolean;
  format: SourceFormat;
  config: GongwenConfig;
  /** The lint options: format, config, the path `overrides` globs see, the lazy segmenter. */
  options: LintOptions;
  language: MessageLanguage;
  settings: Settings;
  /** Identifies all of the above: a result computed under another key is stale. */
  key: string;
}

/** A document as the contexts see it (an open `TextDocument`, or a file of the workspace read from disk). */
export interface ContextSource {
  uri: string;
  languageId: string;
  text: string;
}

/** Reads the `gongwen` settings of a scope: pulled from the client where it can answer, else what it last pushed. */
export interface SettingsReader {
  read(scopeUri: string | undefined): Promise<unknown>;
}

export interface ContextOptions {
  settings: SettingsReader;
  segmentation: Segmentation;
  /** The client's display language (LSP `locale`), for `messageLanguage: auto` in a document that is not Chinese. */
  locale: string;
  /** The workspace folders, as file-system paths. */
  folders: () => string[];
  /** The extension's fallback after repeated crashes: no native segmenter. */
  segmenterOverride?: 'intl';
  paused: () => boolean;
  /** A config file was read (its errors, if any, belong on the file itself, in the language `gongwen.messageLanguage` gives it). */
  onConfigFile: (file: ConfigFile, messageLanguageSetting: string) => void;
  /** Problems of the `gongwen.rules` setting, one line each. */
  onSettingsError: (line: string) => void;
}

/** The file-system path of a `file:` URI; undefined for untitled and virtual documents. */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The file-system path of the `.docx` a `gongwen-docx:` document shows (the file URI in its query); else undefined. */
export function docxSourcePathOf(uri: string): string | undefined {
  if (!uri.startsWith(`${DOCX_TEXT_SCHEME}:`)) return undefined;
  const query = /\?([^#]*)/.exec(uri)?.[1];
  try {
    return query ? fsPathOf(decodeURIComponent(query)) : undefined;
  } catch {
    return undefined;
  }
}

const relative = (from: string, to: string): string | undefined => {
  const rel = path.relative(from, to);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : undefined;
};

/**
 * Resolves each document's context as the extension always has: the `gongwen.*` settings of its scope, then the nearest
 * `.gongwenrc.json` on top (the file wins where both set a key); `gongwen.enable` and report detection; the message
 * language. Settings are read once per scope until they change.
 */
export class Contexts {
  readonly configFiles: ConfigFiles;
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly warned = new Set<string>();

  constructor(private readonly o: ContextOptions) {
    this.configFiles = new ConfigFiles((file) => {
      const folder = o.folders().find((f) => relative(f, file) !== undefined);
      return folder ? relative(folder, file)! : file;
    });
  }

  /** Forgets the settings read so far (the client said they changed). */
  settingsChanged(): void {
    this.settingsCache.clear();
  }

  settingsOf(scopeUri: string | undefined): Promise<Settings> {
    const key = scopeUri ?? '';
    let found = this.settingsCache.get(key);
    if (!found) {
      found = this.o.settings.read(scopeUri).then(readSettings, () => readSettings(undefined));
      void found.then((s) => this.warnAbout(s));
      this.settingsCache.set(key, found);
    }
    return found;
  }

  async of(doc: ContextSource): Promise<ReportContext> {
    const settings = await this.settingsOf(doc.uri);
    // A .docx's text is configured as the .docx: its folder's .gongwenrc.json, its name for `overrides`.
    const file = fsPathOf(doc.uri) ?? docxSourcePathOf(doc.uri);
    const format = formatOfDocument(doc.languageId, file ?? doc.uri);
    const language = messageLanguage(settings.messageLanguage, this.o.locale, doc.text);
    const found = file ? this.configFiles.nearest(path.dirname(file)) : undefined;
    if (found) this.o.onConfigFile(found, settings.messageLanguage);
    const config = this.withOverride(mergeConfigs(settings.config, this.trusted(found, settings), found?.sets));
    const base = found ? path.dirname(found.path) : this.o.folders().find((f) => file && relative(f, file) !== undefined);
    const filePath = file && base ? relative(base, file) : undefined;
    const report = !this.o.paused() && isReport(doc, settings, file);
    const options: LintOptions = { format, config, filePath, segmenter: this.o.segmentation.providerFor(config) };
    const key = JSON.stringify([report, format, language, filePath ?? null, config]);
    return { report, format, config, options, language, settings, key };
  }

  /** Patterns are regular expressions: an untrusted workspace's own file does not get to run them. */
  private trusted(found: ConfigFile | undefined, settings: Settings): GongwenConfig | undefined {
    const config = found?.config;
    if (!config || settings.workspaceTrusted) return config;
    return { ...config, placeholders: { ...config.placeholders, patterns: [] } };
  }

  private withOverride(config: GongwenConfig): GongwenConfig {
    return this.o.segmenterOverride && config.segmenter !== 'off' ? { ...config, segmenter: this.o.segmenterOverride } : config;
  }

  private warnAbout(settings: Settings): void {
    const lang = settings.messageLanguage === 'en' ? 'en' : settings.messageLanguage === 'zh-cn' || this.o.locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    for (const e of settings.errors) {
      const line = formatConfigError(e, lang);
      if (this.warned.has(line)) continue;
      this.warned.add(line);
      this.o.onSettingsError(line);
    }
  }
}

/** `markdown` for markdown documents; a language the server does not know goes by the file's extension. */
function formatOfDocument(languageId: string, name: string): SourceFormat {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'gongwen' || languageId === 'plaintext' || languageId === 'text') return 'text';
  return formatOf(name);
}

/** `gongwen.enable`: the gongwen mode (and `.gw` files) always; plain text and markdown when they look like a report. */
function isReport(doc: ContextSource, settings: Settings, file: string | undefined): boolean {
  if (settings.enable === 'never') return false;
  if (settings.enable === 'always' || doc.languageId === 'gongwen' || /\.gw$/i.test(file ?? doc.uri)) return true;
  return looksLikeReport(doc.text);
}
