// `npm run test:vscode:offline`: the integration suite in a real VS Code (code-server 4.139.1 = VS Code
// 1.139.1) driven by headless chromium, with no internet needed beyond the npm registry and Debian apt
// (the first run installs them into ${XDG_CACHE_HOME:-~/.cache}/gongwen-vscode-test; see
// scripts/vscode/setup-offline.mjs).
//
// 1. the suite against the development folder (the repository root), workspace test/fixtures/workspace;
// 2. then, if a VSIX is at hand (--vsix FILE, or a *.vsix that `npm run package` left in the repository
//    root), the same suite against that VSIX installed into a clean extensions folder.
// Exits with the first non-zero exit code.
//
// Flags:
//   --tests FILE        test entry (CommonJS exporting run()); default out/test/integration/index.js
//   --vsix FILE         also run against this VSIX
//   --no-vsix           skip the VSIX run even if a *.vsix exists
//   --package           build the VSIX first (`npm run package`), then run against it
//   --no-extension      use an empty stand-in extension instead of the repository (infrastructure smoke test)
//   --workspace DIR     default test/fixtures/workspace (each run opens a fresh copy of it)
//   --no-copy-workspace open the workspace in place (tests that write files then change the repository)
//   --screenshots DIR   let tests take screenshots (see scripts/vscode/run-offline.mjs)
//   --timeout SECONDS   per run; default 600
//   --verbose           print code-server's log
// Example (the infrastructure's own smoke test):
//   node scripts/test-vscode-offline.mjs --tests test/integration-smoke/index.js --no-extension --no-vsix
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runOffline, writeStandInExtension } from './vscode/run-offline.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => console.log(`[test:vscode:offline] ${msg}`);

const { values } = parseArgs({
  options: {
    tests: { type: 'string' },
    vsix: { type: 'string' },
    'no-vsix': { type: 'boolean' },
    package: { type: 'boolean' },
    'no-extension': { type: 'boolean' },
    workspace: { type: 'string' },
    screenshots: { type: 'string' },
    timeout: { type: 'string' },
    verbose: { type: 'boolean' },
    'no-copy-workspace': { type: 'boolean' },
  },
});

const testsPath = resolve(root, values.tests ?? 'out/test/integration/index.js');
const workspace = resolve(root, values.workspace ?? 'test/fixtures/workspace');
const timeoutMs = values.timeout ? Number(values.timeout) * 1000 : undefined;
const screenshotsDir = values.screenshots ? resolve(values.screenshots) : undefined;
const copyWorkspace = !values['no-copy-workspace'];

if (!existsSync(testsPath)) {
  console.error(`[test:vscode:offline] ${testsPath} not found: compile the integration tests first (npm run build)`);
  process.exit(1);
}

// Which VSIX, if any: prefer the linux-x64 one (this machine), else a universal one.
function findVsix() {
  if (values.vsix) return resolve(values.vsix);
  if (values['no-vsix'] || values['no-extension']) return undefined;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsixes = readdirSync(root)
    .filter((f) => f.endsWith('.vsix') && f.startsWith(`${pkg.name}-`))
    .map((f) => ({ f, mtime: statSync(join(root, f)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const otherTarget = /-(win32|darwin|alpine|linux-arm64|linux-armhf|web)-/;
  const pick = vsixes.find((v) => v.f.includes('-linux-x64-')) ?? vsixes.find((v) => !otherTarget.test(v.f));
  if (!pick) return undefined;
  const built = join(root, 'dist', 'extension.js');
  if (existsSync(built) && statSync(built).mtimeMs > pick.mtime + 1000)
    log(`note: ${pick.f} is older than dist/extension.js (run npm run package to refresh it)`);
  return join(root, pick.f);
}

async function main() {
  if (values.package) {
    log('npm run package');
    const r = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) return r.status || 1;
  }

  let extensionDevelopmentPath = root;
  let standIn;
  if (values['no-extension']) {
    standIn = extensionDevelopmentPath = writeStandInExtension();
    process.on('exit', () => rmSync(standIn, { recursive: true, force: true })); // also after Ctrl-C
  } else if (!existsSync(join(root, 'dist', 'extension.js'))) {
    log('warning: dist/extension.js is not built; the suite runs against an extension with no code');
  }

  try {
    log(`suite ${testsPath} against ${values['no-extension'] ? 'a stand-in extension' : 'the development folder'}`);
    const code = await runOffline({
      extensionDevelopmentPath,
      extensionTestsPath: testsPath,
      workspace,
      screenshotsDir,
      timeoutMs,
      verbose: values.verbose,
      copyWorkspace,
    });
    if (code !== 0) {
      log(`FAILED (exit ${code})`);
      return code;
    }

    const vsix = findVsix();
    if (!vsix) return 0;
    if (!existsSync(vsix)) {
      console.error(`[test:vscode:offline] ${vsix} not found`);
      return 1;
    }
    log(`suite ${testsPath} against the installed VSIX ${vsix}`);
    const vsixCode = await runOffline({
      vsixPath: vsix,
      extensionTestsPath: testsPath,
      workspace,
      screenshotsDir,
      timeoutMs,
      verbose: values.verbose,
      copyWorkspace,
    });
    if (vsixCode !== 0) log(`FAILED against the VSIX (exit ${vsixCode})`);
    return vsixCode;
  } finally {
    if (standIn) rmSync(standIn, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[test:vscode:offline] ${e.stack || e}`);
    process.exit(1);
  },
);
