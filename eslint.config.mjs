// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const NO_VSCODE = { name: 'vscode', message: 'Only src/extension/ talks to VS Code.' };
/** Node's built-in modules, bare and `node:` prefixed: the core does no I/O and runs in any host. */
const NODE_BUILTINS = {
  group: ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))],
  message: 'src/core is pure: no Node built-ins (files, paths, processes); do I/O in src/cli/ or src/extension/.',
};
const ABOVE_CORE = {
  group: ['**/engines', '**/engines/*', '**/export', '**/export/*', '**/cli', '**/cli/*', '**/extension', '**/extension/*'],
  message: 'src/core is pure: native segmenters come in through LintOptions.segmenter; nothing above the core is imported.',
};
/** Import patterns naming the given folders (as `../x` or `…/core/x`) and anything under them. */
const folderPattern = (folders, message) => ({ group: folders.flatMap((f) => [`**/${f}`, `**/${f}/*`, `../${f}`, `../${f}/*`]), message });
const restrict = (files, paths, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } });

/**
 * The pipeline of the core, text/ → markdown/ → structure/ → rules/ → edits/ (config/ beside it: its types are read by
 * all, its resolution reads the rule list), then export/, cli/ and extension/ on top. Each layer imports only from
 * those before it.
 */
function layerBoundaries() {
  const core = (folder, later, why) =>
    restrict(
      [`src/core/${folder}/**/*.ts`],
      [NO_VSCODE],
      [NODE_BUILTINS, ABOVE_CORE, ...(later.length ? [folderPattern(later, `src/core/${folder}/ comes before ${later.join(', ')}: ${why}`)] : [])],
    );
  return [
    restrict(['src/core/*.ts'], [NO_VSCODE], [NODE_BUILTINS, ABOVE_CORE]),
    core('text', ['markdown', 'structure', 'rules', 'edits', 'config'], 'characters, lines, numerals and words know nothing of reports.'),
    core('markdown', ['structure', 'rules', 'edits', 'config'], 'markdown syntax is read before any 公文 structure.'),
    core('structure', ['rules', 'edits'], 'the Report is built before any rule reads it.'),
    core('rules', ['edits'], 'rules compute problems with fixes as plain edits; applying them is edits/.'),
    core('edits', [], ''),
    core('config', ['edits', 'structure'], 'configuration is resolved before the structure is read.'),
    restrict(
      ['src/engines/**/*.ts'],
      [NO_VSCODE],
      [folderPattern(['export', 'cli', 'extension'], 'src/engines loads segmenters for the CLI and the extension alike.')],
    ),
    restrict(['src/export/**/*.ts'], [NO_VSCODE], [folderPattern(['cli', 'extension'], 'the export runs in the CLI and in the extension alike.')]),
    restrict(
      ['src/docx/**/*.ts'],
      [NO_VSCODE],
      [
        {
          group: ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))],
          message: 'src/docx is pure: bytes in, bytes out; the CLI and the extension read and write the files.',
        },
        folderPattern(['cli', 'extension', 'engines', 'export'], 'src/docx is read by the CLI and the extension alike, beside the export.'),
      ],
    ),
    restrict(['src/cli/**/*.ts'], [NO_VSCODE], [folderPattern(['extension'], 'the CLI runs without VS Code.')]),
    restrict(
      ['src/server/**/*.ts'],
      [NO_VSCODE],
      [folderPattern(['extension'], 'the language server serves any editor: it speaks LSP, never the VS Code API.')],
    ),
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules for the TypeScript sources: floating promises, unsafe any, misused awaits.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Tests read the CLI's JSON output and fixtures through JSON.parse (typed any) and assert its shape with assert;
    // typing every parsed value would restate the contract the assertions already check.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', 'test/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  // The layers, each importing only from those before it (no-restricted-imports per folder; a cycle test covers the rest).
  ...layerBoundaries(),
);
