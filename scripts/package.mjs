// `npm run package`: one VSIX per VS Code target platform, each carrying the native word segmenters that run there
// (src/engines/segmenters.ts loads them from the extension's node_modules at run time; nothing is compiled on a
// user's machine).
//
//   linux-x64     nodejieba (built here) + @node-rs/jieba with @node-rs/jieba-linux-x64-gnu
//   linux-arm64   @node-rs/jieba with @node-rs/jieba-linux-arm64-gnu
//   darwin-arm64  @node-rs/jieba with @node-rs/jieba-darwin-arm64
//   darwin-x64    @node-rs/jieba with @node-rs/jieba-darwin-x64
//   win32-x64     @node-rs/jieba with @node-rs/jieba-win32-x64-msvc
//
// nodejieba can only be built here for linux-x64, so the other targets carry @node-rs/jieba only. Out:
// gongwen-<target>-<version>.vsix in the repository root. Flags: --target T (repeatable; default: all targets);
// --content-url URL and --images-url URL (or GONGWEN_CONTENT_URL, GONGWEN_IMAGES_URL): see README below.
//
// Steps: build (scripts/build.mjs, what `vscode:prepublish` did); then per target a staging folder out/vsix/<target>/
// holding exactly what ships (the manifest without scripts or development fields, README, LICENSE, CHANGELOG.md,
// package.nls*.json, l10n/, dist/, syntaxes/, snippets/, schemas/, language-configuration.json, docs/ (the rule pages link the other pages), the
// icon if the manifest names one, and node_modules/ with only the engines' run-time files); `vsce package --target`
// in that folder; last, every VSIX is checked for its engines (exit 1 if one lacks them).
//
// vsce and node_modules: with --no-dependencies vsce never looks into node_modules at all, so the engines would not
// ship. vsce therefore runs in its npm mode, where it asks `npm list --production --parseable` (offline, read-only)
// which folders under node_modules belong to the package. The staging manifest lists exactly the engine packages
// it carries, and their copied package.json files drop their own dependency and script fields (build-time only:
// node-pre-gyp, node-addon-api, the other platforms' optional binaries), so that list is exactly the staged engines.
// No scripts run in the staging folder: its manifest has none.
//
// @node-rs/jieba platform packages not installed here are fetched once with `npm pack` into
// ${XDG_CACHE_HOME:-~/.cache}/gongwen-vsix/, at the exact version of the installed @node-rs/jieba.
//
// README: the repository's README is also the Marketplace page, and it links to files beside it (docs/…, images/…).
// The Marketplace shows the README from the VSIX and serves no file of it: images must resolve to https URLs, and
// vsce refuses relative links it has no base for. One of, in this order:
//   - package.json names a `repository` (GitHub or GitLab): vsce rewrites the links against it;
//   - a base URL is configured, `--content-url https://…/blob/<branch>/` for links and `--images-url
//     https://…/raw/<branch>/` for images (the images default to the content URL; environment: GONGWEN_CONTENT_URL,
//     GONGWEN_IMAGES_URL): passed to vsce as --baseContentUrl / --baseImagesUrl. No URL is ever guessed;
//   - neither: the VSIX (to install by hand, not to publish) gets a copy of the README whose relative links keep only
//     their text and whose relative images are left out, and the script says which.
// Every relative link and image of the README must name a file of the repository (checked before packaging), and
// the README in each VSIX is checked after it: no relative reference left, every image an https URL.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => console.log(`[package] ${msg}`);
const fail = (msg) => {
  console.error(`[package] error: ${msg}`);
  process.exit(1);
};

/** VS Code target → the @node-rs/jieba platform package (suffix) it carries, and whether nodejieba ships. */
const TARGETS = {
  'linux-x64': { rs: 'linux-x64-gnu', nodejieba: true },
  'linux-arm64': { rs: 'linux-arm64-gnu', nodejieba: false },
  'darwin-arm64': { rs: 'darwin-arm64', nodejieba: false },
  'darwin-x64': { rs: 'darwin-x64', nodejieba: false },
  'win32-x64': { rs: 'win32-x64-msvc', nodejieba: false },
};

// The run-time files of each engine (src/engines/segmenters.ts). nodejieba: index.js requires only `path` and
// build/Release/nodejieba.node; segmenters.ts loads DEFAULT_DICT and DEFAULT_HMM_DICT and replaces the user, idf and
// stop-word dictionaries with temp files. @node-rs/jieba: index.js loads the platform package (its package.json and
// .node); segmenters.ts reads dict.txt beside the resolved package.json. `@node-rs/jieba/dict` (dict.js, which also
// reads the 6 MB idf.txt) is only its fallback when dict.txt is not there, which cannot happen in a VSIX: not shipped.
const NODEJIEBA_FILES = [
  'package.json',
  'index.js',
  'LICENSE',
  'build/Release/nodejieba.node',
  'submodules/cppjieba/dict/jieba.dict.utf8',
  'submodules/cppjieba/dict/hmm_model.utf8',
];
const RS_JIEBA_FILES = ['package.json', 'index.js', 'LICENSE', 'dict.txt'];

/** Shipped besides the engines (paths from the repository root); dist files are checked after the build. */
const FILES = ['LICENSE', 'CHANGELOG.md', 'language-configuration.json'];
const DIRS = ['l10n', 'syntaxes', 'snippets', 'schemas', 'docs'];
const DIST = ['dist/extension.js', 'dist/server.js', ...(existsSync(join(root, 'src/export/index.ts')) ? ['dist/export.js'] : [])];

/** Manifest fields the VSIX does without: development scripts and dependencies, and the CLI (dist/cli.js does not ship). */
const DROPPED_FIELDS = [
  'scripts',
  'devDependencies',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'bundleDependencies',
  'bundledDependencies',
  'allowScripts',
  'bin',
];

const { values } = parseArgs({
  options: { target: { type: 'string', multiple: true }, 'content-url': { type: 'string' }, 'images-url': { type: 'string' } },
});
const targets = values.target?.length ? [...new Set(values.target)] : Object.keys(TARGETS);
for (const t of targets) if (!TARGETS[t]) fail(`unknown target ${t} (known: ${Object.keys(TARGETS).join(', ')})`);

const pkg = readJson(join(root, 'package.json'));
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
if (!existsSync(vsce)) fail(`${vsce} not found: run npm install`);
const rsJiebaDir = join(root, 'node_modules/@node-rs/jieba');
if (!existsSync(join(rsJiebaDir, 'package.json'))) fail('node_modules/@node-rs/jieba is not installed: run npm install');
const rsVersion = readJson(join(rsJiebaDir, 'package.json')).version;
const cacheDir = join(process.env.XDG_CACHE_HOME || join(os.homedir(), '.cache'), 'gongwen-vsix');

const contentUrl = values['content-url'] ?? process.env.GONGWEN_CONTENT_URL ?? '';
const imagesUrl = values['images-url'] ?? process.env.GONGWEN_IMAGES_URL ?? contentUrl;
for (const [flag, url] of [
  ['--content-url', contentUrl],
  ['--images-url', imagesUrl],
]) {
  if (url && !/^https:\/\/[^/\s]+\/\S*$/.test(url)) fail(`${flag} must be an https URL (the Marketplace shows only https images): ${url}`);
}
if (imagesUrl && !contentUrl) fail('--images-url without --content-url: the README links would have no base');

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) fail(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

/** Markdown images and links: `![alt](url)` / `[text](url)`, and `<img src>`. */
const IMAGE = /!\[[^\]]*\]\(([^)\s]+)[^)]*\)\n?/g;
const LINK = /(?<!!)\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g;
const IMG_TAG = /<img[^>]+src=["']([^"']+)["']/gi;
/** A reference vsce would call relative: no scheme, not an anchor, not mailto. */
const isRelative = (url) => !/^[a-z][a-z0-9+.-]*:|^#/i.test(url);

/** The relative references of a markdown text: images and links, each its URL without an anchor or query. */
function relativeReferences(text) {
  const images = [...text.matchAll(IMAGE), ...text.matchAll(IMG_TAG)].map((m) => m[1]);
  const links = [...text.matchAll(LINK)].map((m) => m[2]);
  const bare = (url) => url.replace(/[#?].*$/, '');
  return { images: images.filter(isRelative).map(bare), links: links.filter(isRelative).map(bare) };
}

/** The README as it ships (see the header); fails when one of its relative references names no file. */
function readme() {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const { images, links } = relativeReferences(text);
  for (const ref of [...images, ...links]) if (ref && !existsSync(join(root, ref))) fail(`README.md refers to ${ref}, which does not exist`);
  if (pkg.repository || contentUrl) return text;
  if (images.length) {
    log(`README: no repository and no --content-url/--images-url: left out ${images.length} images (${images.join(', ')}),`);
    log('        kept the text of relative links. Give the published base URLs to show them on the Marketplace page.');
  }
  return text.replace(IMAGE, (m, url) => (isRelative(url) ? '' : m)).replace(LINK, (m, label, url) => (isRelative(url) ? label : m));
}

/** vsce's flags for the README's links (see the header). */
function linkFlags() {
  if (pkg.repository) return [];
  const base = contentUrl ? ['--baseContentUrl', contentUrl, '--baseImagesUrl', imagesUrl] : [];
  return [...base, '--allow-missing-repository'];
}

/** The folder of @node-rs/jieba-<plat>@rsVersion: the installed copy if it is that version, else an npm pack, cached. */
function rsPlatformPackage(plat) {
  const name = `@node-rs/jieba-${plat}`;
  const installed = join(root, 'node_modules', name);
  if (existsSync(join(installed, 'package.json')) && readJson(join(installed, 'package.json')).version === rsVersion) return installed;
  const dir = join(cacheDir, `node-rs-jieba-${plat}-${rsVersion}`);
  const extracted = join(dir, 'package');
  const usable = () =>
    existsSync(join(extracted, 'package.json')) && readJson(join(extracted, 'package.json')).version === rsVersion && nodeFiles(extracted).length > 0;
  if (usable()) return extracted;
  log(`fetching ${name}@${rsVersion} into ${cacheDir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('npm', ['pack', `${name}@${rsVersion}`, '--pack-destination', dir, '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.error || r.status !== 0) fail(`npm pack ${name}@${rsVersion} failed${r.error ? `: ${r.error.message}` : ` (exit ${r.status})`}`);
  const [{ filename }] = JSON.parse(r.stdout);
  run('tar', ['-xzf', join(dir, filename.replace(/^.*\//, '')), '-C', dir]);
  if (!usable()) fail(`${name}@${rsVersion} from npm has no .node file under ${extracted}`);
  return extracted;
}

const nodeFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.node'));

/** Copies a package's listed files into the stage; its package.json without dependency or script fields. */
function stagePackage(from, to, files) {
  for (const f of files) {
    const src = join(from, f);
    if (!existsSync(src)) fail(`${src} is missing`);
    mkdirSync(dirname(join(to, f)), { recursive: true });
    if (f === 'package.json') {
      const manifest = readJson(src);
      for (const field of ['dependencies', 'optionalDependencies', 'devDependencies', 'peerDependencies', 'scripts']) delete manifest[field];
      writeFileSync(join(to, f), `${JSON.stringify(manifest, null, 2)}\n`);
    } else {
      copyFileSync(src, join(to, f));
    }
  }
  return readJson(join(to, 'package.json'));
}

/** Relative paths the manifest's `contributes` points at (languages' configuration, grammars, snippets, schemas…). */
function contributedPaths(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => contributedPaths(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && ['path', 'configuration', 'url'].includes(k) && v.startsWith('./')) out.push(v);
      else contributedPaths(v, out);
    }
  }
  return out;
}

function stage(target, readmeText) {
  const { rs, nodejieba } = TARGETS[target];
  const dir = join(root, 'out/vsix', target);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const nls = readdirSync(root).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f));
  for (const f of [...FILES, ...nls, ...DIST, ...(pkg.icon ? [pkg.icon.replace(/^\.\//, '')] : [])]) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(root, f), join(dir, f));
  }
  for (const d of DIRS) cpSync(join(root, d), join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'README.md'), readmeText);

  // The engines.
  const nm = join(dir, 'node_modules');
  const shipped = [];
  if (nodejieba) {
    const from = join(root, 'node_modules/nodejieba');
    if (!existsSync(join(from, 'build/Release/nodejieba.node'))) {
      fail(
        `node_modules/nodejieba/build/Release/nodejieba.node is missing: the ${target} VSIX carries nodejieba, built here. ` +
          'Install it with its install script allowed (npm install, or npm rebuild nodejieba; needs a C++ toolchain and python3).',
      );
    }
    shipped.push(stagePackage(from, join(nm, 'nodejieba'), NODEJIEBA_FILES));
  }
  shipped.push(stagePackage(rsJiebaDir, join(nm, '@node-rs/jieba'), RS_JIEBA_FILES));
  const platDir = rsPlatformPackage(rs);
  shipped.push(
    stagePackage(platDir, join(nm, `@node-rs/jieba-${rs}`), [
      'package.json',
      ...nodeFiles(platDir),
      ...(existsSync(join(platDir, 'LICENSE')) ? ['LICENSE'] : []),
    ]),
  );

  // The manifest: no scripts (nothing runs in the stage), and exactly the staged engines as dependencies.
  const manifest = { ...pkg };
  for (const field of DROPPED_FIELDS) delete manifest[field];
  manifest.dependencies = Object.fromEntries(shipped.map((p) => [p.name, p.version]));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, '.vscodeignore'), '# Generated by scripts/package.mjs: this folder holds exactly what ships.\n');

  for (const p of contributedPaths(pkg.contributes)) if (!existsSync(join(dir, p))) fail(`the manifest contributes ${p}, which is not staged`);
  return { dir, shipped };
}

/** Entries every VSIX must hold, and those it must not. */
function expectations(target) {
  const { rs, nodejieba } = TARGETS[target];
  const ext = 'extension/';
  const must = [
    'extension/package.json',
    'extension/readme.md',
    'extension/LICENSE.txt', // vsce's names for README and LICENSE
    ...DIST.map((f) => ext + f),
    ...RS_JIEBA_FILES.map((f) => `${ext}node_modules/@node-rs/jieba/${f}`),
    `${ext}node_modules/@node-rs/jieba-${rs}/package.json`,
    new RegExp(`^extension/node_modules/@node-rs/jieba-${rs}/[^/]+\\.node$`),
    ...(nodejieba ? NODEJIEBA_FILES.map((f) => `${ext}node_modules/nodejieba/${f}`) : []),
  ];
  const mustNot = [
    ...(nodejieba ? [] : [/^extension\/node_modules\/nodejieba\//]),
    new RegExp(`^extension/node_modules/@node-rs/jieba-(?!${rs}/)`), // another platform's binary
    /^extension\/node_modules\/.*\/node_modules\//, // anything nested
  ];
  return { must, mustNot };
}

function verify(target, vsix) {
  const r = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) return [`cannot list ${vsix} with unzip${r.error ? `: ${r.error.message}` : ''}`];
  const entries = r.stdout.split('\n').filter(Boolean);
  const matches = (p) => (typeof p === 'string' ? (e) => e === p : (e) => p.test(e));
  const { must, mustNot } = expectations(target);
  const problems = [];
  for (const p of must) if (!entries.some(matches(p))) problems.push(`lacks ${p}`);
  for (const p of mustNot) for (const e of entries.filter(matches(p))) problems.push(`must not contain ${e}`);
  const manifest = spawnSync('unzip', ['-p', vsix, 'extension.vsixmanifest'], { encoding: 'utf8' }).stdout ?? '';
  if (!manifest.includes(`TargetPlatform="${target}"`)) problems.push(`extension.vsixmanifest does not say TargetPlatform="${target}"`);
  return [...problems, ...readmeProblems(spawnSync('unzip', ['-p', vsix, 'extension/readme.md'], { encoding: 'utf8' }).stdout ?? '')];
}

/** What would break on the Marketplace page in a VSIX's README: a relative reference, an image not from https. */
function readmeProblems(text) {
  const { images, links } = relativeReferences(text);
  const problems = [...images, ...links].map((ref) => `readme.md keeps the relative reference ${ref}`);
  const sources = [...text.matchAll(IMAGE), ...text.matchAll(IMG_TAG)].map((m) => m[1]);
  for (const src of sources) if (!isRelative(src) && !src.startsWith('https://')) problems.push(`readme.md shows an image not from https: ${src}`);
  for (const src of sources) {
    if (imagesUrl && src.startsWith(imagesUrl) && !existsSync(join(root, decodeURI(src.slice(imagesUrl.length))))) {
      problems.push(`readme.md shows ${src}, which names no file of the repository`);
    }
  }
  return problems;
}

// 1. Build (vsce would have run `vscode:prepublish`; the staging manifest has no scripts).
log('node scripts/build.mjs');
run(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root });
for (const f of DIST) if (!existsSync(join(root, f))) fail(`${f} was not built`);

// 2. Stage and package each target.
const readmeText = readme();
const built = [];
for (const target of targets) {
  const { dir, shipped } = stage(target, readmeText);
  const out = join(root, `${pkg.name}-${target}-${pkg.version}.vsix`);
  rmSync(out, { force: true });
  log(`${target}: vsce package in ${dir} (engines: ${shipped.map((p) => `${p.name}@${p.version}`).join(', ')})`);
  run(process.execPath, [vsce, 'package', '--target', target, '--no-yarn', '--readme-path', 'README.md', '--out', out, ...linkFlags()], { cwd: dir });
  built.push({ target, out, shipped });
}

// 3. Check what each VSIX carries.
let bad = false;
console.log('');
for (const { target, out, shipped } of built) {
  const problems = verify(target, out);
  const size = `${(statSync(out).size / 1024 / 1024).toFixed(1)} MB`;
  console.log(`${problems.length ? 'FAIL' : 'ok  '}  ${out.slice(root.length + 1).padEnd(32)} ${size.padStart(8)}  ${shipped.map((p) => p.name).join(', ')}`);
  for (const p of problems) console.log(`        ${p}`);
  if (problems.length) bad = true;
}
process.exit(bad ? 1 : 0);
