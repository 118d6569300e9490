import * as vscode from 'vscode';
import { DEFAULT_CONFIG, formatConfigError, type GongwenConfig, type RuleSetting } from '../core';
import { checkRuleSettings } from '../core/config';

export type EnableMode = 'auto' | 'always' | 'never';

/** The one place settings are read: `gongwen.*` for a document, as the core's config. */
export function settingsConfig(scope: vscode.Uri | undefined): GongwenConfig {
  const s = vscode.workspace.getConfiguration('gongwen', scope);
  const trusted = vscode.workspace.isTrusted;
  return {
    ...DEFAULT_CONFIG,
    rules: checkedRules(s.get<unknown>('rules', {})),
    placeholders: {
      // User patterns are regular expressions: in an untrusted workspace only the user's own settings count.
      patterns: trusted ? s.get<string[]>('placeholders.patterns', []) : (userLevel<string[]>(s, 'placeholders.patterns') ?? []),
      allow: [...DEFAULT_CONFIG.placeholders.allow, ...s.get<string[]>('placeholders.allow', [])],
    },
    numbering: {
      style: s.get<'gbt9704' | 'document'>('numbering.style', 'gbt9704'),
      mode: s.get<'auto' | 'restart' | 'continuous'>('numbering.mode', 'auto'),
    },
    segmenter: s.get<GongwenConfig['segmenter']>('segmenter', 'auto'),
    dictionary: s.get<string[]>('dictionary', []),
    maxChars: s.get<number | null>('maxChars', null) ?? undefined,
  };
}

/** Where the settings' problems are said to be, in the warning. */
const SETTINGS_SOURCE = 'settings.json';

let lastRules: string | undefined;
let lastChecked: Record<string, RuleSetting> = {};
const warned = new Set<string>();

/**
 * `gongwen.rules`, checked against the rules' declarations like `.gongwenrc.json`: a misspelt option, a wrong type
 * or an unknown rule is a warning (shown once per problem and session), never an error that stops checking.
 */
function checkedRules(rules: unknown): Record<string, RuleSetting> {
  const key = JSON.stringify(rules ?? {});
  if (key === lastRules) return { ...lastChecked };
  const checked = checkRuleSettings(rules, SETTINGS_SOURCE);
  lastRules = key;
  lastChecked = checked.rules;
  const lang = messageLanguage();
  for (const e of checked.errors) {
    const line = formatConfigError(e, lang);
    if (warned.has(line)) continue;
    warned.add(line);
    void vscode.window.showWarningMessage(line);
  }
  return { ...lastChecked };
}

function messageLanguage(): 'zh' | 'en' {
  const setting = messageLanguageSetting();
  if (setting === 'en') return 'en';
  if (setting === 'zh-cn') return 'zh';
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function userLevel<T>(s: vscode.WorkspaceConfiguration, key: string): T | undefined {
  return s.inspect<T>(key)?.globalValue;
}

export function enableMode(scope: vscode.Uri | undefined): EnableMode {
  return vscode.workspace.getConfiguration('gongwen', scope).get<EnableMode>('enable', 'auto');
}

/** `gongwen.messageLanguage`: `auto` (the document's language, else VS Code's display language), `zh-cn` or `en`. */
export function messageLanguageSetting(): string {
  return vscode.workspace.getConfiguration('gongwen').get<string>('messageLanguage', 'auto');
}

export function debounceMs(): number {
  return vscode.workspace.getConfiguration('gongwen').get<number>('debounceMs', 300);
}

/**
 * Settings first, then the project's `.gongwenrc.json` on top: the file is shared with the team and the CLI,
 * so where both set a key the file wins; the allow-lists add up.
 */
export function mergeConfigs(
  settings: GongwenConfig,
  file: GongwenConfig | undefined,
  fileSets: (key: 'style' | 'mode' | 'segmenter') => boolean = () => true,
): GongwenConfig {
  if (!file) return settings;
  return {
    ...file,
    rules: { ...settings.rules, ...file.rules },
    numbering: {
      style: fileSets('style') ? file.numbering.style : settings.numbering.style,
      mode: fileSets('mode') ? file.numbering.mode : settings.numbering.mode,
    },
    segmenter: fileSets('segmenter') ? file.segmenter : settings.segmenter,
    dictionary: [...new Set([...settings.dictionary, ...file.dictionary])],
    maxChars: file.maxChars ?? settings.maxChars,
    placeholders: {
      patterns: [...settings.placeholders.patterns, ...file.placeholders.patterns],
      allow: [...new Set([...settings.placeholders.allow, ...file.placeholders.allow])],
    },
  };
}
