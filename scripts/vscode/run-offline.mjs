// Runs an extension test suite in a real VS Code without internet: code-server (VS Code 1.139 server +
// web workbench) serves the workbench, a headless Debian chromium driven by playwright-core opens it with
// VS Code's smoke-test-driver payload, and VS Code runs the suite in its Node extension host and reports
// the exit code back through `window.codeAutomationExit`.
//
//   import { runOffline } from './run-offline.mjs'
//   const code = await runOffline({ extensionDevelopmentPath, extensionTestsPath, workspace, vsixPath?, screenshotsDir? })
//
// CLI: node scripts/vscode/run-offline.mjs --tests FILE --workspace DIR [--extension DIR] [--vsix FILE]
//        [--screenshots DIR] [--timeout SECONDS] [--verbose] [--no-copy-workspace]
//
// VSIX mode (vsixPath given): the VSIX is installed into the temporary extensions folder with
// `code-server --install-extension`, and the suite runs against that installed copy. VS Code only runs a
// test suite when the payload names an extensionDevelopmentPath, so in this mode the payload names a
// stand-in "harness" extension (an empty manifest in a temporary folder) instead of the repository.
// The extension host sees GONGWEN_TEST_EXTENSION=dev|vsix.
//
// Screenshots: the suite runs in the extension host (a Node process under the server), which cannot call
// functions exposed on the browser page. When screenshotsDir is given, the runner listens on a loopback
// HTTP port and hands its address to the extension host as GONGWEN_SCREENSHOT_URL; a test takes a
// screenshot of the workbench as the browser shows it with
//   await fetch(`${process.env.GONGWEN_SCREENSHOT_URL}/<name>`, { method: 'POST' })   // -> <dir>/<name>.png
// (the response arrives once the PNG is written). Environment variables set for the runner reach the
// extension host (code-server passes its environment on), e.g. GONGWEN_SMOKE_FAIL=1.
//
// The workspace is copied into the run's temporary folder and the copy is opened (copyWorkspace: false
// opens it in place), so tests that write files never dirty the repository and every run starts from the
// same files. Tests find it through vscode.workspace.workspaceFolders.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { chromium as playwrightChromium } from 'playwright-core';
import { ensureOfflineVSCode, isolation } from './setup-offline.mjs';

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const SERVER_START_TIMEOUT_MS = 90_000;
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  // Tests decide when files are saved.
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false, // the fixture workspace sits inside this repository; keep the Git extension out of it
};
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin extensions|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Updating additional builtin extensions cache)|^Canceled: Canceled/;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

const log = (msg) => console.log(`[vscode-offline] ${msg}`);

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

// A child's own environment: inherit ours, minus what would make code-server think it runs inside
// another VS Code (VSCODE_IPC_HOOK_CLI from an integrated terminal, ...).
function childEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^VSCODE_/.test(k) && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, EXTENSIONS_GALLERY: '{}', ...extra };
}

function runCapture(cmd, args, opts) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/** A remote URI for an absolute server path, on exactly the authority the page was opened on. */
function remoteUri(authority, absPath) {
  return `vscode-remote://${authority}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

function writeHarnessExtension(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'vsix-test-harness',
        publisher: 'gongwen-test',
        version: '0.0.0',
        engines: { vscode: '*' },
        description: 'Stand-in extensionDevelopmentPath: VS Code runs a test suite only in extension development mode.',
      },
      null,
      2,
    ),
  );
  return dir;
}

/** A tiny extension with no code: for suites that test VS Code itself (the infrastructure smoke test). */
export function writeStandInExtension(dir = mkdtempSync(join(tmpdir(), 'gongwen-standin-ext-'))) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'standin',
        publisher: 'gongwen-test',
        version: '0.0.0',
        engines: { vscode: '*' },
        description: 'Stand-in extension for the VS Code test infrastructure smoke test.',
      },
      null,
      2,
    ),
  );
  return dir;
}

function startScreenshotServer(dir, getPage) {
  mkdirSync(dir, { recursive: true });
  const server = createServer(async (req, res) => {
    const name = decodeURIComponent((req.url || '/').slice(1)).replace(/[^\w.\-\u4e00-\u9fff]+/g, '_') || 'screenshot';
    try {
      const page = getPage();
      if (!page) throw new Error('no page yet');
      const file = join(dir, name.endsWith('.png') ? name : `${name}.png`);
      await page.screenshot({ path: file });
      log(`screenshot ${file}`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(file);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String((e && e.message) || e));
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * @param {{ extensionDevelopmentPath?: string, extensionTestsPath: string, workspace: string, vsixPath?: string,
 *   screenshotsDir?: string, timeoutMs?: number, env?: Record<string,string>, verbose?: boolean, copyWorkspace?: boolean }} options
 * @returns {Promise<number>} the exit code VS Code reported for the suite (1 on a timeout or a crash)
 */
export async function runOffline(options) {
  const t0 = Date.now();
  const extensionTestsPath = resolve(options.extensionTestsPath);
  const sourceWorkspace = resolve(options.workspace);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const verbose = options.verbose ?? !!process.env.GONGWEN_VSCODE_VERBOSE;
  if (!existsSync(extensionTestsPath)) throw new Error(`test entry not found: ${extensionTestsPath}`);
  if (!existsSync(sourceWorkspace)) throw new Error(`workspace not found: ${sourceWorkspace}`);
  if (!options.vsixPath && !options.extensionDevelopmentPath) throw new Error('extensionDevelopmentPath or vsixPath is required');

  const { node, codeServer, chromium } = await ensureOfflineVSCode();
  const tmp = mkdtempSync(join(tmpdir(), 'gongwen-vscode-'));
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const iso = isolation(tmp); // keeps code-server's config.yaml and logs out of the home folder
  let workspace = sourceWorkspace;
  if (options.copyWorkspace ?? true) {
    workspace = join(tmp, 'workspace');
    cpSync(sourceWorkspace, workspace, { recursive: true });
  }

  let server, browser, screenshotServer, page;
  let serverLog = '';
  let exitTimer;
  let stopping = false;
  // The server runs in its own process group, so a Ctrl-C or a CI timeout aimed at us would not reach it:
  // end its group ourselves (the browser is playwright's to close; it handles these signals too).
  const onExit = () => {
    if (server) killGroup(server);
  };
  const onSignal = (sig) => {
    stopping = true;
    onExit();
    if (!process.env.GONGWEN_KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let extensionDevelopmentPath;
    if (options.vsixPath) {
      const vsix = resolve(options.vsixPath);
      log(`installing ${vsix}`);
      const out = await runCapture(
        node,
        [codeServer, ...iso.args, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
        { env: childEnv(iso.env) },
      );
      if (verbose) process.stdout.write(out);
      if (!/was successfully installed/.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
      extensionDevelopmentPath = writeHarnessExtension(join(tmp, 'harness'));
    } else {
      extensionDevelopmentPath = resolve(options.extensionDevelopmentPath);
      if (!existsSync(join(extensionDevelopmentPath, 'package.json'))) throw new Error(`no package.json in ${extensionDevelopmentPath}`);
    }

    const extraEnv = { ...iso.env, GONGWEN_TEST_EXTENSION: options.vsixPath ? 'vsix' : 'dev', ...options.env };
    if (options.screenshotsDir) {
      screenshotServer = await startScreenshotServer(resolve(options.screenshotsDir), () => page);
      extraEnv.GONGWEN_SCREENSHOT_URL = `http://127.0.0.1:${screenshotServer.address().port}`;
    }

    // Start the server in its own process group (so killing the group also ends the extension host and
    // everything it spawned). Retry on the small chance the free port was taken in between.
    let port;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const args = [
        codeServer,
        ...iso.args,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--vscode-option',
        'enable-smoke-test-driver',
        workspace,
      ];
      serverLog = '';
      server = spawn(node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(extraEnv) });
      const listening = await new Promise((ok) => {
        const timer = setTimeout(() => ok('timeout'), SERVER_START_TIMEOUT_MS);
        const onData = (c) => {
          serverLog = (serverLog + c).slice(-64 * 1024);
          if (verbose) process.stdout.write(String(c).replace(/^(?=.)/gm, '  server| '));
          if (/HTTP server listening/.test(serverLog)) {
            clearTimeout(timer);
            ok('ok');
          }
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', onData);
        server.once('exit', (code) => {
          clearTimeout(timer);
          ok(`exit ${code}`);
        });
      });
      if (listening === 'ok') break;
      killGroup(server);
      if (attempt < 3 && /EADDRINUSE/.test(serverLog)) continue;
      throw new Error(`code-server did not start (${listening}):\n${serverLog.slice(-4000)}`);
    }
    const authority = `127.0.0.1:${port}`;
    log(`code-server listening on ${authority} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    let settle;
    const result = new Promise((ok) => {
      settle = ok;
    });
    server.once('exit', (code, signal) => {
      if (!stopping) {
        log(`code-server exited early (${signal ?? code})`);
        settle(1);
      }
    });

    // XDG_CONFIG_HOME: Debian's chromium otherwise creates ~/.config/chromium/Crash Reports.
    browser = await playwrightChromium.launch({
      executablePath: chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, XDG_CONFIG_HOME: join(tmp, 'xdg-config') },
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    page.on('crash', () => {
      log('browser page crashed');
      settle(1);
    });
    // VS Code sends the extension host's console (the suite's output) and the workbench's own log lines
    // here, both as [format, ...args] at level info; the workbench's routine lines are dropped unless verbose.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      if (!verbose && WORKBENCH_NOISE.test(text)) return;
      process.stdout.write(`${type === 'error' ? '[error] ' : ''}${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      log(`VS Code reported exit code ${code} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      settle(typeof code === 'number' ? code : 1);
    });
    const payload = [
      ['extensionDevelopmentPath', remoteUri(authority, extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(authority, extensionTestsPath)],
    ];
    const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    exitTimer = setTimeout(() => {
      log(`timed out after ${timeoutMs / 1000} s`);
      settle(1);
    }, timeoutMs);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const code = await result;
    if (code !== 0 && !verbose) {
      const tail = serverLog
        .split('\n')
        .filter((l) => l.trim())
        .slice(-30)
        .join('\n');
      if (tail) log(`last lines of the code-server log:\n${tail}`);
    }
    return code;
  } finally {
    clearTimeout(exitTimer);
    stopping = true;
    if (browser) await browser.close().catch(() => {});
    if (server) await stopGroup(server);
    if (screenshotServer) screenshotServer.close();
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (process.env.GONGWEN_KEEP_TMP) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

function killGroup(child, signal = 'SIGKILL') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}
async function stopGroup(child) {
  killGroup(child, 'SIGTERM');
  for (let i = 0; i < 20 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
  killGroup(child, 'SIGKILL'); // the extension host and its children too, even if the server already left
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      vsix: { type: 'string' },
      screenshots: { type: 'string' },
      timeout: { type: 'string' },
      verbose: { type: 'boolean' },
      'no-copy-workspace': { type: 'boolean' },
    },
  });
  if (!values.tests || !values.workspace || (!values.extension && !values.vsix)) {
    console.error('usage: run-offline.mjs --tests FILE --workspace DIR (--extension DIR | --vsix FILE) [--screenshots DIR] [--timeout SECONDS] [--verbose]');
    process.exit(2);
  }
  runOffline({
    extensionDevelopmentPath: values.extension,
    extensionTestsPath: values.tests,
    workspace: values.workspace,
    vsixPath: values.vsix,
    screenshotsDir: values.screenshots,
    timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined,
    verbose: values.verbose,
    copyWorkspace: !values['no-copy-workspace'],
  }).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`[vscode-offline] ${e.stack || e}`);
      process.exit(1);
    },
  );
}
