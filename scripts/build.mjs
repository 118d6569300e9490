// Bundles the CLI (and, once it exists, the extension) with esbuild.
import { build } from 'esbuild';
import { existsSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  minify: true,
  keepNames: true,
  // jsonc-parser's UMD main hides its requires from bundlers: take its ES module build.
  mainFields: ['module', 'main'],
  define: { GONGWEN_VERSION: JSON.stringify(pkg.version) },
};

// Native word segmenters load at run time from node_modules (or, in a VSIX, from the copies it carries).
const NATIVE = ['nodejieba', '@node-rs/jieba'];

// The CLI runs from an npm install, so its heavier libraries stay in node_modules and load on first use
// (GB18030 tables, the markdown parser, the schema validator): a plain-text check never parses them.
const CLI_LAZY = ['iconv-lite', 'ajv', 'markdown-it', 'diff', 'picomatch', 'docx'];

// dist/cli.js is the bootstrap (src/cli/bootstrap.ts) carrying the CLI's bundle as a string, which it runs through
// V8's code cache: one self-contained file still.
const cli = await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', write: false, external: [...NATIVE, ...CLI_LAZY] });
const boot = await build({ ...common, entryPoints: ['src/cli/bootstrap.ts'], outfile: 'dist/cli.js', write: false });
const body = cli.outputFiles[0].text;
const bodyHash = createHash('sha256').update(body).digest('hex').slice(0, 16);
mkdirSync('dist', { recursive: true }); // a clean clone has no dist/ yet, and write: false creates none
writeFileSync(
  'dist/cli.js',
  `#!/usr/bin/env node\nconst GONGWEN_BODY = ${JSON.stringify(body)}, GONGWEN_BODY_HASH = ${JSON.stringify(bodyHash)};\n${boot.outputFiles[0].text}`,
);
chmodSync('dist/cli.js', 0o755);
if (existsSync('src/extension/extension.ts')) {
  await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', ...NATIVE] });
  // The Word export, required by the extension only when the writer exports.
  await build({ ...common, entryPoints: ['src/export/index.ts'], outfile: 'dist/export.js' });
  // The language server the extension starts over IPC (word segmentation off the extension host's thread);
  // `gongwen lsp --stdio` runs the same code from the CLI bundle.
  await build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', external: NATIVE });
}

// The integration suite, run inside VS Code by scripts/test-vscode*.mjs.
for (const suite of ['integration', 'screenshots']) {
  if (existsSync(`test/${suite}/index.ts`)) {
    await build({ ...common, minify: false, entryPoints: [`test/${suite}/index.ts`], outfile: `out/test/${suite}/index.js`, external: ['vscode', 'mocha'] });
  }
}
