// `npm run test:vscode`: the integration suite in desktop VS Code, downloaded by @vscode/test-electron
// into .vscode-test/ (needs internet access to update.code.visualstudio.com). Without internet use
// `npm run test:vscode:offline` (code-server + headless chromium), which runs the same suite.
// On a Linux machine without a display, run it under a virtual one: `xvfb-run -a npm run test:vscode`.
//
// Flags: --tests FILE (default out/test/integration/index.js), --workspace DIR (default
// test/fixtures/workspace; like the offline runner, VS Code opens a fresh temporary copy of it, so tests
// that write files leave the repository alone). Env: VSCODE_TEST_VERSION ('stable' by default; e.g.
// 1.139.1 or insiders).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

const tmp = mkdtempSync(join(tmpdir(), 'gongwen-vscode-'));
const workspaceCopy = join(tmp, 'workspace');
cpSync(workspace, workspaceCopy, { recursive: true });

let exitCode = 0;
try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath,
    extensionTestsPath,
    // The first launch argument is the folder to open; --disable-extensions keeps other installed
    // extensions out (the one under development still loads).
    launchArgs: [workspaceCopy, '--disable-extensions'],
    extensionTestsEnv: { GONGWEN_TEST_EXTENSION: 'dev' },
  });
} catch (err) {
  // runTests rejects with TestRunFailedError (code = VS Code's exit code) when the suite fails.
  console.error(`VS Code integration tests failed: ${err && err.message ? err.message : err}`);
  exitCode = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
