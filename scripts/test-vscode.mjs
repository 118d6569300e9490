// `npm run test:vscode`: the integration suite in desktop VS Code, downloaded by @vscode/test-electron
// into .vscode-test/ (needs internet access to update.code.visualstudio.com). Without internet use
// `npm run test:vscode:offline` (code-server + headless chromium), which runs the same suite.
// On a Linux machine without a display, run it under a virtual one: `xvfb-run -a npm run test:vscode`.
//
// Flags: --tests FILE (default out/test/integration/index.js), --workspace DIR (default
// test/fixtures/workspace). Env: VSCODE_TEST_VERSION ('stable' by default; e.g. 1.139.1 or insiders).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { tests: { type: 'string' }, workspace: { type: 'string' } } });

const extensionDevelopmentPath = root;
const extensionTestsPath = resolve(root, values.tests ?? 'out/test/integration/index.js');
const workspace = resolve(root, values.workspace ?? 'test/fixtures/workspace');

if (!existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} not found: compile the integration tests first (npm run build)`);
  process.exit(1);
}

try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath,
    extensionTestsPath,
    // The first launch argument is the folder to open; --disable-extensions keeps other installed
    // extensions out (the one under development still loads).
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { GONGWEN_TEST_EXTENSION: 'dev' },
  });
  process.exit(0);
} catch (err) {
  // runTests rejects with TestRunFailedError (code = VS Code's exit code) when the suite fails.
  console.error(`VS Code integration tests failed: ${err && err.message ? err.message : err}`);
  process.exit(typeof err?.code === 'number' && err.code !== 0 ? err.code : 1);
}
