import * as vscode from 'vscode';

/**
 * The one place settings are read: the `gongwen.*` settings of a scope, as the language server reads them (its
 * `workspace/configuration` request). The workspace's trust is applied here, where it is known: user patterns are
 * regular expressions, so in an untrusted workspace only the user's own settings count, and the server does not run
 * the patterns of the workspace's own `.gongwenrc.json` either.
 */
export function gongwenSettings(scope: vscode.Uri | undefined): Record<string, unknown> {
  const s = vscode.workspace.getConfiguration('gongwen', scope);
  const trusted = vscode.workspace.isTrusted;
  return {
    enable: s.get('enable'),
    rules: s.get('rules'),
    placeholders: {
      patterns: trusted ? s.get('placeholders.patterns') : (s.inspect<string[]>('placeholders.patterns')?.globalValue ?? []),
      allow: s.get('placeholders.allow'),
    },
    numbering: { style: s.get('numbering.style'), mode: s.get('numbering.mode') },
    messageLanguage: s.get('messageLanguage'),
    debounceMs: s.get('debounceMs'),
    maxChars: s.get('maxChars'),
    segmenter: s.get('segmenter'),
    dictionary: s.get('dictionary'),
    workspaceTrusted: trusted,
  };
}
