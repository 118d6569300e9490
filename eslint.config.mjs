// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
  {
    // The core is pure: it must run in the CLI, in tests and in any editor host.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not import vscode: put editor wiring in src/extension/.' },
            { name: 'fs', message: 'src/core does no I/O: read files in src/cli/ or src/extension/.' },
            { name: 'node:fs', message: 'src/core does no I/O: read files in src/cli/ or src/extension/.' },
            { name: 'fs/promises', message: 'src/core does no I/O.' },
            { name: 'node:fs/promises', message: 'src/core does no I/O.' },
          ],
          patterns: [
            {
              group: ['**/engines/*', '**/engines'],
              message: 'src/core is pure: native segmenters are loaded in src/engines/ and handed in through LintOptions.segmenter.',
            },
          ],
        },
      ],
    },
  },
  {
    // Engine loaders (native modules, temp files) run in the CLI and in the extension host alike.
    files: ['src/engines/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/engines runs in the CLI too: no vscode here.' }] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }] }],
    },
  },
);
