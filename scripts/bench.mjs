// The benchmark (`npm run bench`): writes BENCHMARKS.md and prints the same report to stdout.
// Progress goes to stderr.
//
//   node scripts/bench.mjs            full run (~5–10 min here)
//   node scripts/bench.mjs --quick    20 KB and 1 MB only, fewer runs, for trying the script; writes nothing
//
// What it does:
//   1. generates inputs in bench/tmp/ from ../shared/corpus/*.txt (or test/fixtures/corpus/): 20 KB, 1 MB, 5 MB, as .txt and .md;
//   2. in-process: bundles src/core with esbuild into bench/tmp/core.cjs and times parse + lintModel + outline,
//      and a re-lint after a one-character edit, in a child `node` per input (so peak memory is per input);
//   3. whole-process: spawns gongwen (`node dist/cli.js check`), a floor (`node bench/floor.mjs`),
//      markdownlint-cli2, textlint and zhlint on the same inputs, interleaved round by round so that
//      the machine's noise falls on all of them alike; wall time by process.hrtime, peak RSS by /usr/bin/time;
//   4. the language server (`gongwen lsp --stdio`, scripts/bench-lsp.mjs) driven by an LSP client over stdio: a full
//      lint and a re-lint after one typed character, at 20 KB and 1 MB;
//   5. checks the targets (informational: the exit code is 0 unless a tool crashed or the script failed).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureServerFile } from './bench-lsp.mjs';
import { editOffset, repeatTo, toMarkdown, TYPED_SENTENCE } from './bench-text.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const TMP = 'bench/tmp';
const CLI = 'dist/cli.js';
const CORE_BUNDLE = `${TMP}/core.cjs`;
const KB = 1024;
const MB = 1024 * 1024;

const QUICK = process.argv.includes('--quick');
const SIZES = [
  { id: '20k', label: '20 KB', bytes: 20 * KB },
  { id: '1m', label: '1 MB', bytes: 1 * MB },
  { id: '5m', label: '5 MB', bytes: 5 * MB },
].filter((s) => !QUICK || s.bytes <= MB);
const FORMATS = [
  { ext: 'txt', label: '.txt', core: 'text' },
  { ext: 'md', label: '.md', core: 'markdown' },
];
/** Whole-process runs: [≤ 1 MB, 5 MB]. */
const RUNS = QUICK ? { fast: [2, 2], slow: [1, 1] } : { fast: [7, 5], slow: [3, 2] };
/**
 * A tool/size whose estimated run (linear from the previous size, when that was at least 1 MB) exceeds this is
 * skipped. Below 1 MB start-up dominates and a linear estimate overshoots: 1.5 s at 20 KB with segmentation on, most
 * of it nodejieba's load, read as 80 s at 1 MB. A run that does take too long still meets RUN_TIMEOUT_MS.
 */
const SKIP_OVER_MS = 60_000;
/** A single run that takes longer than this is killed and reported as timed out. */
const RUN_TIMEOUT_MS = 180_000;

const log = (...a) => console.error('[bench]', ...a);
let crashed = false;

// ---------------------------------------------------------------------------------------------
// gongwen's command line. The ONE place for gongwen's flags: the headline rows run with word
// segmentation off (docs/conventions: "the benchmark's headline rows run with segmentation off").
// Once the CLI knows `--segmenter`, the headline rows pass `--segmenter off` and a second row with
// segmentation on (the CLI's default) is measured beside them; until then both are the same command,
// so only the headline row is run.
// ---------------------------------------------------------------------------------------------
function gongwenVariants() {
  const help = spawnSync(process.execPath, [CLI, '--help', '--lang', 'en'], { encoding: 'utf8' });
  const hasSegmenter = /--segmenter\b/.test(`${help.stdout}${help.stderr}`);
  const base = [CLI, 'check', '--format', 'json'];
  const variants = [{ id: 'gongwen', label: 'gongwen check', args: (f) => [...base, ...(hasSegmenter ? ['--segmenter', 'off'] : []), f] }];
  if (hasSegmenter) variants.push({ id: 'gongwen-seg', label: 'gongwen check (segmenter on)', args: (f) => [...base, f] });
  // Informational: an unchanged file printed from `--cache` (filled by the warm-up run), with the default options.
  variants.push({
    id: 'gongwen-cache',
    label: 'gongwen check --cache (warm)',
    args: (f) => [...base, '--cache', '--cache-location', `${TMP}/gongwen-cache/`, f],
    maxBytes: 64 * KB,
    maxBytesNote: 'measured at 20 KB only',
    note: 'default options; the cache filled by the warm-up run, so nothing is linted',
  });
  return { variants, hasSegmenter };
}

/** `node <bin>` for an installed devDependency: the real script behind node_modules/.bin (not npx, not the shell shim). */
function binOf(name) {
  const link = `node_modules/.bin/${name}`;
  if (!existsSync(link)) throw new Error(`${name} is not installed (${link} missing): run npm ci`);
  return path.relative(ROOT, realpathSync(link));
}

function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
  } catch {
    return '?';
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------
function corpusFiles() {
  for (const dir of ['../shared/corpus', 'test/fixtures/corpus']) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => path.join(dir, f));
    if (files.length) return { dir, files };
  }
  throw new Error('no corpus: neither ../shared/corpus/*.txt nor test/fixtures/corpus/*.txt');
}

function generateInputs() {
  const { dir, files } = corpusFiles();
  const reports = files.map((f) =>
    readFileSync(f, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\s+$/, ''),
  );
  const units = { txt: reports.join('\n\n') + '\n\n', md: reports.map(toMarkdown).join('\n\n') + '\n\n' };
  const inputs = [];
  for (const size of SIZES) {
    for (const fmt of FORMATS) {
      const file = `${TMP}/report-${size.id}.${fmt.ext}`;
      const text = repeatTo(units[fmt.ext], size.bytes);
      writeFileSync(file, text);
      inputs.push({ size, fmt, file, bytes: Buffer.byteLength(text), lines: text.split('\n').length - 1 });
    }
  }
  return { dir, files, inputs };
}

// ---------------------------------------------------------------------------------------------
// In-process
// ---------------------------------------------------------------------------------------------
async function bundleCore() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: ['src/core/index.ts'],
    outfile: CORE_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Same settings as scripts/build.mjs, so the core runs as it does in dist/.
    minify: true,
    keepNames: true,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    legalComments: 'none',
    external: ['nodejieba', '@node-rs/jieba'],
  });
}

/** Child process: times the core on one input and prints one JSON line. */
function inProcessWorker(file) {
  const core = createRequire(import.meta.url)(path.resolve(CORE_BUNDLE));
  const format = file.endsWith('.md') ? 'markdown' : 'text';
  const text = readFileSync(file, 'utf8');
  const bytes = Buffer.byteLength(text);
  const gc = globalThis.gc ?? (() => {});
  const now = () => performance.now();
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  gc();
  const baseline = process.memoryUsage();

  /** parse + lintModel + outline, each phase timed: what the editor does on a change with the outline or breadcrumbs shown. */
  const once = (t) => {
    const t0 = now();
    const model = core.parse(t, format);
    const t1 = now();
    const problems = core.lintModel(model, {});
    const t2 = now();
    core.outline(model);
    const t3 = now();
    sample();
    return { parse: t1 - t0, lint: t2 - t1, outline: t3 - t2, total: t3 - t0, problems: problems.length };
  };
  // Iterations: bounded by a time budget, at least `min`.
  const budget = bytes <= 64 * KB ? { warm: 300, max: 400, ms: 1500 } : bytes <= 2 * MB ? { warm: 5, max: 40, ms: 4000 } : { warm: 2, max: 6, ms: 6000 };
  const loop = (fn) => {
    const out = [];
    const start = now();
    while (out.length < budget.max && (out.length < 5 || now() - start < budget.ms)) out.push(fn(out.length));
    return out;
  };

  const first = once(text);
  for (let i = 0; i < budget.warm; i++) once(text);
  const full = loop(() => once(text));

  // Re-lint after one keystroke: insert a character into a paragraph in the middle of the text, then lint
  // the whole edited text (what the editor does today). Each iteration types one more character at the
  // same cursor, as a writer does, so any per-paragraph cache sees a real edit every time.
  const at = editOffset(text);
  const typed = (n) => TYPED_SENTENCE.repeat(Math.ceil(n / TYPED_SENTENCE.length)).slice(0, n);
  const retyped = loop((i) => once(text.slice(0, at) + typed(i + 1) + text.slice(at)));
  gc();
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const summary = (rs) => ({
    n: rs.length,
    total: median(rs.map((r) => r.total)),
    min: Math.min(...rs.map((r) => r.total)),
    max: Math.max(...rs.map((r) => r.total)),
    parse: median(rs.map((r) => r.parse)),
    lint: median(rs.map((r) => r.lint)),
    outline: median(rs.map((r) => r.outline)),
    parseLint: median(rs.map((r) => r.parse + r.lint)),
  });
  process.stdout.write(
    JSON.stringify({
      file,
      format,
      bytes,
      problems: first.problems,
      first: first.total,
      full: summary(full),
      relint: summary(retyped),
      editLine: text.slice(0, at).split('\n').length,
      peakHeap,
      peakRss,
      baseHeap: baseline.heapUsed,
      baseRss: baseline.rss,
    }) + '\n',
  );
}

function runInProcess(input) {
  const r = spawnSync(process.execPath, ['--expose-gc', 'scripts/bench.mjs', '--in-process', input.file], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) {
    crashed = true;
    log(`in-process ${input.file} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}):\n${r.stderr}`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ---------------------------------------------------------------------------------------------
// Whole-process
// ---------------------------------------------------------------------------------------------
const HAVE_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/** Runs `node <args>` once: wall time, peak RSS (KB, or null), exit status, stderr; stdout goes to `outFile`. */
function runOnce(args, outFile) {
  const timeFile = `${TMP}/time.out`;
  rmSync(timeFile, { force: true });
  const [cmd, argv] = HAVE_TIME ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
  const fd = openSync(outFile, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 * MB, timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  let rssKb = null;
  if (HAVE_TIME && existsSync(timeFile)) {
    // /usr/bin/time writes "Command exited with non-zero status N" before the figure when the command fails.
    const m = /(\d+)\s*$/.exec(readFileSync(timeFile, 'utf8'));
    rssKb = m ? Number(m[1]) : null;
  }
  let status = r.status;
  if (HAVE_TIME && r.status !== null && r.status >= 128) status = null; // /usr/bin/time reports a killed child as 128+signal
  return {
    ms,
    rssKb,
    status,
    signal: r.signal ?? (status === null && r.status !== null ? `signal ${r.status - 128}` : null),
    timedOut: r.error?.code === 'ETIMEDOUT',
    stderr: r.stderr?.toString() ?? '',
  };
}

/** Problems a tool reported, read from its output (for the table: proof each tool did its work). */
const COUNTERS = {
  floor: (out) => {
    const j = JSON.parse(out);
    return `${j.placeholders} ph, ${j.headings} hd`;
  },
  gongwen: (out) => `${JSON.parse(out).length}`,
  'gongwen-seg': (out) => `${JSON.parse(out).length}`,
  'gongwen-cache': (out) => `${JSON.parse(out).length}`,
  'gongwen-jobs2': (out) => `${JSON.parse(out).length}`,
  markdownlint: (out, err) => /Summary: (\d+) error/.exec(out + err)?.[1] ?? '0',
  textlint: (out) => /✖ (\d+) problem/.exec(out)?.[1] ?? '0',
  zhlint: (out, err) => `${(err.match(/^\S+:\d+:\d+ - /gm) ?? []).length}`,
};

/** Exit 0 or 1 (problems found) is a normal run; anything else is a crash, and so is a stack trace on stderr (zhlint catches its exceptions, prints them and exits 0). */
function crashOf(tool, r) {
  if (r.timedOut) return `timed out after ${RUN_TIMEOUT_MS / 1000} s`;
  if (r.status === null) return `killed (${r.signal})`;
  if (r.status !== 0 && r.status !== 1) return `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`;
  const trace = /^(.*)\n\s+at .+:\d+:\d+\)?$/m.exec(r.stderr);
  if (trace) return `stack trace on stderr: ${trace[1].trim()}`;
  return null;
}

function wholeProcess(inputs, tools) {
  const results = [];
  for (const size of SIZES) {
    for (const fmt of FORMATS) {
      const input = inputs.find((i) => i.size === size && i.fmt === fmt);
      const big = size.bytes > MB ? 1 : 0;
      const plan = tools
        .map((tool) => {
          const row = { tool, input, times: [], rss: [], statuses: new Set(), found: null, skipped: null, crash: null };
          results.push(row);
          if (tool.maxBytes && size.bytes > tool.maxBytes) row.skipped = tool.maxBytesNote;
          const prev = results.find((r) => r.tool === tool && r.input.fmt === fmt && r.input.size === SIZES[SIZES.indexOf(size) - 1]);
          if (!row.skipped && prev?.times.length && prev.input.bytes >= MB) {
            const est = median(prev.times) * (input.bytes / prev.input.bytes);
            if (est > SKIP_OVER_MS) row.skipped = `skipped: ~${Math.round(est / 1000)} s per run estimated (over ${SKIP_OVER_MS / 1000} s)`;
          }
          if (!row.skipped && prev && (prev.crash || prev.skipped)) row.skipped = `skipped: ${prev.crash ? 'crashed' : 'skipped'} at ${prev.input.size.label}`;
          row.runs = tool.slow ? RUNS.slow[big] : RUNS.fast[big];
          return row;
        })
        .filter((row) => !row.skipped);
      // One untimed warm-up run of the fast tools (file cache, disk), and of every tool on the first size.
      for (const row of plan) {
        if (!row.tool.slow || size === SIZES[0]) runOnce(row.tool.args(input.file), `${TMP}/out/${row.tool.id}-${size.id}.${fmt.ext}.out`);
      }
      const buildBefore = hashOf(CLI);
      const rounds = Math.max(0, ...plan.map((r) => r.runs));
      for (let round = 0; round < rounds; round++) {
        for (const row of plan) {
          if (round >= row.runs || row.crash) continue;
          const outFile = `${TMP}/out/${row.tool.id}-${size.id}.${fmt.ext}.out`;
          const r = runOnce(row.tool.args(input.file), outFile);
          const crash = crashOf(row.tool, r);
          if (crash) {
            row.crash = crash;
            crashed = true;
            log(`${row.tool.id} on ${input.file}: ${crash}`);
            continue;
          }
          row.times.push(r.ms);
          if (r.rssKb !== null) row.rss.push(r.rssKb);
          row.statuses.add(r.status);
          if (row.found === null) {
            try {
              row.found = COUNTERS[row.tool.id](readFileSync(outFile, 'utf8'), r.stderr);
            } catch {
              row.found = '?';
            }
          }
        }
        log(
          `${size.label} ${fmt.label} round ${round + 1}/${rounds}: ${plan
            .filter((r) => r.times.length > round)
            .map((r) => `${r.tool.id} ${fmtMs(r.times[round])}`)
            .join(', ')}`,
        );
      }
      if (hashOf(CLI) !== buildBefore) {
        log(`warning: ${CLI} was rebuilt during the ${size.label} ${fmt.label} runs`);
        for (const row of plan) if (row.tool.id.startsWith('gongwen')) row.note = `${CLI} was rebuilt during these runs: they mix two builds`;
      }
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// A folder of reports: many files in one run (worker threads), against textlint and markdownlint-cli2
// ---------------------------------------------------------------------------------------------
const FOLDER = `${TMP}/folder`;
const FOLDER_FILES = 200;
const REAL_TEXTS = 'test/real/texts';

/** ~200 real reports: test/real/texts and the corpus, copied round-robin into copy-0/, copy-1/ … until there are 200. */
function generateFolder(corpus) {
  rmSync(FOLDER, { recursive: true, force: true });
  const real = existsSync(REAL_TEXTS)
    ? readdirSync(REAL_TEXTS)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => path.join(REAL_TEXTS, f))
    : [];
  const sources = [...real, ...corpus.files];
  let bytes = 0;
  for (let k = 0; k < FOLDER_FILES; k++) {
    const src = sources[k % sources.length];
    const dir = `${FOLDER}/copy-${Math.floor(k / sources.length)}`;
    mkdirSync(dir, { recursive: true });
    copyFileSync(src, `${dir}/${path.basename(src)}`);
    bytes += statSync(src).size;
  }
  return { files: FOLDER_FILES, sources: sources.length, real: real.length, bytes };
}

function folderTools(mdl, tl) {
  const base = [CLI, 'check', '--format', 'json'];
  return [
    {
      id: 'gongwen',
      label: 'gongwen check',
      args: () => [...base, FOLDER],
      note: `default options: word segmentation on, threads one per core but one (${Math.max(1, os.availableParallelism() - 1)} here)`,
    },
    { id: 'gongwen-jobs2', label: 'gongwen check --jobs 2', args: () => [...base, '--jobs', '2', FOLDER], note: 'the same on two threads' },
    {
      id: 'gongwen-cache',
      label: 'gongwen check --cache (warm)',
      args: () => [...base, '--cache', '--cache-location', `${TMP}/gongwen-cache/`, FOLDER],
      note: 'informational: every file unchanged since the warm-up run',
    },
    {
      id: 'textlint',
      label: 'textlint',
      slow: true,
      args: () => [tl, '--no-textlintrc', '--rulesdir', 'bench', FOLDER],
      note: 'one trivial rule; the folder as its argument',
    },
    {
      id: 'markdownlint',
      label: 'markdownlint-cli2',
      slow: true,
      args: () => [mdl, `${FOLDER}/**/*.txt`],
      note: 'default rules; the glob (markdownlint-cli2 expands it) reads the `.txt` files as markdown',
    },
  ];
}

/** The folder's tools interleaved round by round, as the single files are. */
function runFolder(tools) {
  const runs = QUICK ? { fast: 2, slow: 1 } : { fast: 5, slow: 3 };
  const rows = tools.map((tool) => ({ tool, times: [], rss: [], statuses: new Set(), found: null, crash: null, runs: tool.slow ? runs.slow : runs.fast }));
  const outOf = (row) => `${TMP}/out/folder-${row.tool.id}.out`;
  for (const row of rows) runOnce(row.tool.args(), outOf(row));
  const rounds = Math.max(...rows.map((r) => r.runs));
  for (let round = 0; round < rounds; round++) {
    for (const row of rows) {
      if (round >= row.runs || row.crash) continue;
      const r = runOnce(row.tool.args(), outOf(row));
      const crash = crashOf(row.tool, r);
      if (crash) {
        row.crash = crash;
        crashed = true;
        log(`${row.tool.id} on the folder: ${crash}`);
        continue;
      }
      row.times.push(r.ms);
      if (r.rssKb !== null) row.rss.push(r.rssKb);
      row.statuses.add(r.status);
      if (row.found === null) {
        try {
          row.found = COUNTERS[row.tool.id](readFileSync(outOf(row), 'utf8'), r.stderr);
        } catch {
          row.found = '?';
        }
      }
    }
    log(
      `folder round ${round + 1}/${rounds}: ${rows
        .filter((r) => r.times.length > round)
        .map((r) => `${r.tool.id} ${fmtMs(r.times[round])}`)
        .join(', ')}`,
    );
  }
  const output = (id) => (existsSync(`${TMP}/out/folder-${id}.out`) ? readFileSync(`${TMP}/out/folder-${id}.out`) : null);
  const parallel = output('gongwen');
  const sameAsOneThread = parallel !== null && output('gongwen-jobs2')?.equals(parallel) === true && output('gongwen-cache')?.equals(parallel) === true;
  return { rows, sameAsOneThread };
}

// ---------------------------------------------------------------------------------------------
// Where the time goes: a CPU profile of each run whose target is not met
// ---------------------------------------------------------------------------------------------
const PROFILE_BUNDLE = `${TMP}/cli-profile.js`;

/** The CLI as dist/cli.js runs it, but not minified, so that a profile names functions and files. */
async function bundleProfileCli() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: PROFILE_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: false,
    keepNames: true,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    define: { GONGWEN_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
    external: ['nodejieba', '@node-rs/jieba', 'iconv-lite', 'ajv', 'markdown-it', 'diff', 'picomatch', 'docx'],
  });
}

/** Which part of the program a module path belongs to. */
function partOf(module) {
  if (/^src\/core\/(structure|markdown|text)\//.test(module)) return 'core: parse (src/core/structure, markdown, text)';
  if (module.startsWith('src/core/rules/')) return 'core: rules (src/core/rules)';
  if (module.startsWith('src/core/')) return 'core: config and the rest of src/core';
  if (module.startsWith('src/cli/')) return 'CLI: files, decoding, output (src/cli)';
  if (module.startsWith('src/engines/')) return 'engines: loading the segmenter (src/engines)';
  return 'libraries bundled with the CLI';
}

/**
 * Runs `args` (dist/cli.js's) once under `node --cpu-prof` with the unminified bundle and sums the self time of every
 * sample by part of the program (every thread's profile together) and by function.
 */
function profileRun(id, args) {
  const dir = `${TMP}/prof-${id}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const argv = args.map((a) => (a === CLI ? PROFILE_BUNDLE : a));
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '250', ...argv], {
    stdio: 'ignore',
    timeout: RUN_TIMEOUT_MS,
  });
  if (r.status !== 0 && r.status !== 1) return null;
  const bundle = readFileSync(PROFILE_BUNDLE, 'utf8').split('\n');
  const modules = [];
  bundle.forEach((line, i) => {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
    if (m) modules.push([i, m[1]]);
  });
  const moduleAt = (line) => {
    let lo = 0;
    let hi = modules.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (modules[mid][0] <= line) {
        found = modules[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found ?? 'bundle';
  };
  const parts = new Map();
  const functions = new Map();
  let total = 0;
  const bundleUrl = path.resolve(PROFILE_BUNDLE);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const prof = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const parentOf = new Map();
    for (const n of prof.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
    /** A regex, a built-in or a Node function counts to the part of the program that called it. */
    const callerInBundle = (id) => {
      for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) {
        const f = byId.get(at).callFrame;
        if (f.url.startsWith('file://') && fileURLToPath(f.url) === bundleUrl) return f;
      }
      return null;
    };
    prof.samples.forEach((id, i) => {
      const { callFrame } = byId.get(id);
      const ms = prof.timeDeltas[i] / 1000;
      if (callFrame.functionName === '(idle)') return;
      const url = callFrame.url.startsWith('file://') ? fileURLToPath(callFrame.url) : callFrame.url;
      let part;
      let where;
      if (url === bundleUrl) {
        where = moduleAt(callFrame.lineNumber);
        part = partOf(where);
      } else if (url.includes('node_modules/nodejieba') || url.includes('node_modules/@node-rs/jieba')) {
        where = 'nodejieba';
        part = 'nodejieba: its dictionary load and cuts (native)';
      } else if (callFrame.functionName === '(garbage collector)') {
        where = 'V8';
        part = 'garbage collection';
      } else if (url === '' && callFrame.functionName.startsWith('(')) {
        where = 'V8';
        part = 'V8: compiling and running outside any function';
      } else if (url.startsWith('node:') || !url.includes('/')) {
        const caller = callerInBundle(id);
        where = caller ? moduleAt(caller.lineNumber) : 'node';
        part = caller ? partOf(where) : 'Node: start-up, module loading, compiling the bundle';
      } else {
        // A library loaded on use (markdown-it, iconv-lite) counts to the part that called it, as a regex does.
        const caller = callerInBundle(id);
        where = caller ? `${path.relative(ROOT, url).replace(/^node_modules\//, '')} for ${moduleAt(caller.lineNumber)}` : path.relative(ROOT, url);
        part = caller ? partOf(moduleAt(caller.lineNumber)) : 'libraries loaded on use';
      }
      total += ms;
      parts.set(part, (parts.get(part) ?? 0) + ms);
      const name = callFrame.functionName || '(top level)';
      const fn = `${name.length > 60 ? `${name.slice(0, 57)}…` : name} — ${where}`;
      functions.set(fn, (functions.get(fn) ?? 0) + ms);
    });
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, parts: sorted(parts), functions: sorted(functions).slice(0, 10), threads: readdirSync(dir).filter((n) => n.endsWith('.cpuprofile')).length };
}

/** For each target not met: one profiled run of its command, where its time goes, and what meeting it would need. */
function whereTheTimeGoes(targets) {
  const failing = targets.filter((t) => !t.ok && t.profile);
  if (!failing.length) return '';
  const out = [];
  const p = (x = '') => out.push(x);
  p('## Where the time goes (targets not met)');
  p();
  p(
    `For each target above that is not met: one more run of its command under \`node --cpu-prof\` (a sample every 250 µs), with the CLI bundled from the same sources but not minified (\`${PROFILE_BUNDLE}\`), so that the profile names functions and files. Self time is summed by part of the program and by function, over every thread of the run. Sampling slows a run down and the unminified bundle has no code cache: read the shares, not the milliseconds.`,
  );
  const done = new Set();
  for (const t of failing) {
    const { id, title, args, ms, limitMs } = t.profile;
    if (done.has(id)) continue;
    done.add(id);
    const prof = profileRun(id, args);
    p();
    p(`### ${title}`);
    p();
    if (!prof) {
      p('(the profiled run failed)');
      continue;
    }
    p(
      `Median ${fmtMs(ms)} ms where the target allows ${fmtMs(limitMs)} ms (its ratio's limit times this run's median of the other side): ${fmtRatio(ms / limitMs)} too slow. ` +
        `${fmtMs(prof.total)} ms of samples${prof.threads > 1 ? ` over ${prof.threads} threads (CPU time: the threads run at once)` : ''}.`,
    );
    p();
    p(
      table(
        ['Part', 'Self ms', 'Share'],
        prof.parts.map(([part, v]) => [part, fmtMs(v), `${((100 * v) / prof.total).toFixed(0)}%`]),
      ),
    );
    p();
    p(
      table(
        ['Function — file (self time, top 10)', 'Self ms', 'Share'],
        prof.functions.map(([fn, v]) => [fn.replace(/\|/g, '\\|'), fmtMs(v), `${((100 * v) / prof.total).toFixed(1)}%`]),
      ),
    );
    p();
    const coreShare = prof.parts.filter(([part]) => part.startsWith('core:')).reduce((a, [, v]) => a + v, 0) / prof.total;
    const segShare = prof.parts.filter(([part]) => part.startsWith('nodejieba') || part.startsWith('engines')).reduce((a, [, v]) => a + v, 0) / prof.total;
    const rest = (1 - coreShare) * ms;
    const coreMs = coreShare * ms;
    const seg =
      segShare > 0.05
        ? ` The segmenter (nodejieba's load of its dictionary slice and HMM model, and finding the slice) is ${(100 * segShare).toFixed(0)}% of it.`
        : '';
    if (rest >= limitMs) {
      const biggest = prof.parts
        .filter(([part]) => !part.startsWith('core:'))
        .slice(0, 3)
        .map(([part, v]) => `${part} ~${fmtMs((v / prof.total) * ms)} ms`)
        .join(', ');
      p(
        `What it would need: the parse and the rules are ${(100 * coreShare).toFixed(0)}% of the samples (~${fmtMs(coreMs)} ms of the median); the rest alone, ~${fmtMs(rest)} ms (most of it ${biggest}), is already over the ${fmtMs(limitMs)} ms allowed, so not even a core that cost nothing would meet it: those would have to shrink first, and the core with them.${seg}`,
      );
    } else {
      p(
        `What it would need: the parse and the rules are ${(100 * coreShare).toFixed(0)}% of the samples (~${fmtMs(coreMs)} ms of the median), the rest ~${fmtMs(rest)} ms. To meet the target the core would have to run in ~${fmtMs(limitMs - rest)} ms: ${fmtRatio(coreMs / (limitMs - rest))} faster, on a cold JIT (a one-shot check runs mostly in V8's interpreter and baseline code).${seg}`,
      );
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------
function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
function fmtMs(ms) {
  if (ms === undefined || !Number.isFinite(ms)) return 'n/a';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${Math.round(ms)}` : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}
const fmtRatio = (x) => (Number.isFinite(x) ? `${x.toFixed(x >= 10 ? 0 : 2)}×` : 'n/a');
const fmtMB = (bytes) => (bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function gitState() {
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || '?';
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).stdout?.trim();
  return `${rev}${dirty ? ' + uncommitted changes in src/' : ''}`;
}
const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return newest;
}

/** "Through the language server": the table, and the re-lint targets (ratios of this section's medians). */
function serverSection(p, server, targets) {
  p('## Through the language server (stdio)');
  p();
  p(
    "`node dist/cli.js lsp --stdio` driven by an LSP client (vscode-languageserver's JSON-RPC connection) over its stdin and stdout, as an editor drives it (`scripts/bench-lsp.mjs`; settings `debounceMs` 0, so no quiet time after typing is waited for, and `segmenter` off). " +
      '**Full lint** = `didOpen` of the report under a new URI and a `textDocument/diagnostic` pull, until the whole report has arrived. ' +
      '**Re-lint** = one character typed into a paragraph near the middle (incremental `didChange`, the characters of a sentence of report prose, one more each time) and a pull with the previous `resultId`, until the answer has arrived: an incremental re-lint in the server, and `unchanged` when no diagnostic moved. ' +
      "Both round trips include the JSON of the diagnostics both ways; **lint** = the server's own lint time (its log line), the rest is the protocol. Medians after warm-up.",
  );
  p();
  const rows = server.map(({ input, r }) => [
    `${input.fmt.label} ${fmtMB(input.bytes)}`,
    `${r.problems}`,
    `${(r.typing.payloadBytes / KB).toFixed(0)}`,
    `${fmtMs(r.full)} (${fmtMs(r.fullLint)}, ${r.fullRuns})`,
    `${fmtMs(r.typing.ms)} (${fmtMs(r.typing.lint)}, ${r.typing.runs})`,
    `${r.typing.unchanged} of ${r.typing.runs}`,
    (r.typing.ms / r.full).toFixed(3),
  ]);
  p(table(['Input', 'Problems', 'Full report KB of JSON', 'Full lint ms (lint, n)', 'Re-lint ms (lint, n)', 'Answered unchanged', 'Re-lint ÷ full'], rows));
  p();
  const failed = [];
  for (const fmt of FORMATS) {
    const at = (id) => server.find((x) => x.input.fmt === fmt && x.input.size.id === id)?.r;
    const big = at('1m');
    const small = at('20k');
    if (!big || !small) continue;
    const share = `the server's lint is ${fmtMs(big.typing.lint)} of its ${fmtMs(big.typing.ms)} ms; the rest carries the ${big.problems} diagnostics (${(big.typing.payloadBytes / KB).toFixed(0)} KB of JSON) to the client`;
    const toFull = big.typing.ms / big.full;
    targets.push({
      name: `Through the server: re-lint 1 MB ÷ full lint 1 MB (${fmt.label})`,
      measured: toFull.toFixed(3),
      limit: '≤ 0.15',
      ok: toFull <= 0.15,
      why: share,
    });
    const toSmall = big.typing.ms / small.typing.ms;
    targets.push({
      name: `Through the server: re-lint 1 MB ÷ re-lint 20 KB (${fmt.label})`,
      measured: `${fmtRatio(toSmall)} (${fmtMs(big.typing.ms)} vs ${fmtMs(small.typing.ms)} ms)`,
      limit: '≤ 3×',
      ok: toSmall <= 3,
      why: `${share}, against ${small.problems} diagnostics (${(small.typing.payloadBytes / KB).toFixed(0)} KB) at 20 KB; the lint alone is ${fmtRatio(big.typing.lint / small.typing.lint)}`,
    });
  }
  for (const t of targets.filter((x) => x.why && !x.ok)) failed.push(`- ${t.name}: ${t.measured}, limit ${t.limit}: ${t.why}.`);
  if (failed.length) {
    p('Targets of this section not met, and where the time goes:');
    p();
    for (const line of failed) p(line);
    p();
    p(
      "LSP has no partial diagnostics report: every pull after a change that moves any diagnostic sends all of them, so a re-lint of a document with thousands of problems costs their serialisation and parsing on both sides (JSON.stringify, the pipe, JSON.parse) whatever the edit. What would be needed: fewer diagnostics per report (a cap per document, as cSpell's `maxNumberOfProblems`), or a protocol that sends only what changed.",
    );
    p();
  }
}

function report({ corpus, inputs, inproc, server, whole, tools, folder, started, cliNote, git, elapsed }) {
  const out = [];
  const cpus = os.cpus();
  const p = (s = '') => out.push(s);
  p('# Benchmarks');
  p();
  p('Generated by `npm run bench` (`node scripts/bench.mjs`); do not edit by hand, re-run it. Every figure below comes from one run of the script.');
  p();
  p(
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`,
  );
  p(`- Node ${process.version}; date ${started.toISOString().replace(/\.\d+Z$/, 'Z')}; run took ${(elapsed / 60_000).toFixed(1)} min`);
  p(`- gongwen ${JSON.parse(readFileSync('package.json', 'utf8')).version} at git ${git}; \`${CLI}\` sha256 ${cliNote}`);
  p(
    `- Peers: markdownlint-cli2 ${versionOf('markdownlint-cli2')} (markdownlint ${versionOf('markdownlint')}), textlint ${versionOf('textlint')}, zhlint ${versionOf('zhlint')}`,
  );
  p(
    `- Inputs: \`${corpus.dir}/\` (${corpus.files.map((f) => path.basename(f)).join(', ')}) repeated to size, cut at a line end; \`.md\` is the same reports as markdown (\`#\` title, \`##\` on each \`一、\` heading, paragraphs separated by blank lines). Written to \`${TMP}/\`.`,
  );
  p(`- Machines here are noisy: compare the ratios within this run, not absolute times across runs. Tools are run interleaved, round by round, on each input.`);
  p();
  p('## Whole process');
  p();
  p(
    "Wall time of one process from spawn to exit (ms), median of the runs with min and max; × floor = median ÷ the floor's median on the same input. Peak RSS from `/usr/bin/time -f %M` (median of runs). Found = problems the tool reported (floor: placeholder and heading matches). Exit 1 (problems found) is a normal run.",
  );
  p();
  p('How each is run (from the project root, stdout to a file):');
  p();
  for (const t of tools) p(`- ${t.label}: \`node ${t.args('<file>').join(' ')}\`${t.note ? ` — ${t.note}` : ''}`);
  p();
  for (const size of SIZES) {
    p(`### ${size.label}`);
    p();
    const rows = [];
    for (const fmt of FORMATS) {
      const input = inputs.find((i) => i.size === size && i.fmt === fmt);
      const floor = whole.find((r) => r.input === input && r.tool.id === 'floor');
      for (const r of whole.filter((x) => x.input === input)) {
        const name = `${fmt.label} ${fmtMB(input.bytes)}`;
        if (r.skipped || r.crash) {
          rows.push([name, r.tool.label, '—', '—', '—', '—', '—', '—', '—', '—', r.skipped ?? `**crashed**: ${r.crash}`]);
          continue;
        }
        const m = median(r.times);
        rows.push([
          name,
          r.tool.label,
          `${r.times.length}`,
          fmtMs(m),
          fmtMs(Math.min(...r.times)),
          fmtMs(Math.max(...r.times)),
          r.tool.id === 'floor' ? '1×' : fmtRatio(m / median(floor.times)),
          r.rss.length ? `${Math.round(median(r.rss) / 1024)}` : 'n/a',
          [...r.statuses].join(','),
          r.found ?? '?',
          r.note ? `**${r.note}**` : '',
        ]);
      }
    }
    p(table(['Input', 'Tool', 'Runs', 'Median ms', 'Min ms', 'Max ms', '× floor', 'Peak RSS MB', 'Exit', 'Found', 'Note'], rows));
    p();
  }

  p('## In process');
  p();
  p(
    'The core bundled from `src/core/index.ts` by esbuild (same settings as the build), in a fresh `node --expose-gc` per input. ' +
      '**lint + outline** = `parse()` + `lintModel()` + `outline()` on the same model (what the editor does on a change while the outline or breadcrumbs are shown; `lint()` is `parse()` + `lintModel()`), median after warm-up, with the phases. ' +
      '**First call** = the same, cold, first thing in the process. **Re-lint** = the same on the text after one more character is typed into a paragraph near the middle of the file (the characters of a sentence of report prose, one more each time): a full lint of the edited text (lint only = parse + lintModel); the language server re-lints incrementally instead (next section). ' +
      'Peak heap/RSS = highest `process.memoryUsage()` seen after any iteration (baseline = after loading the core and reading the input, before the first lint).',
  );
  p();
  p(
    table(
      [
        'Input',
        'Problems',
        'First call ms',
        'lint + outline ms (min–max, n)',
        'parse / lintModel / outline ms',
        'Re-lint ms (n)',
        'Re-lint, lint only ms',
        'ms per MB',
        'Peak heap MB',
        'Peak RSS MB (baseline)',
      ],
      inproc.map(({ input, r }) =>
        r
          ? [
              `${input.fmt.label} ${fmtMB(input.bytes)}`,
              `${r.problems}`,
              fmtMs(r.first),
              `${fmtMs(r.full.total)} (${fmtMs(r.full.min)}–${fmtMs(r.full.max)}, ${r.full.n})`,
              `${fmtMs(r.full.parse)} / ${fmtMs(r.full.lint)} / ${fmtMs(r.full.outline)}`,
              `${fmtMs(r.relint.total)} (${r.relint.n})`,
              fmtMs(r.relint.parseLint),
              fmtMs(r.full.total / (r.bytes / MB)),
              (r.peakHeap / MB).toFixed(1),
              `${(r.peakRss / MB).toFixed(0)} (${(r.baseRss / MB).toFixed(0)})`,
            ]
          : [`${input.fmt.label} ${fmtMB(input.bytes)}`, '**crashed**', '', '', '', '', '', '', '', ''],
      ),
    ),
  );
  p();

  const targets = [];
  serverSection(p, server, targets);

  // Linearity
  p('## Linearity (ms per MB of input)');
  p();
  const linRows = [];
  for (const fmt of FORMATS) {
    const ip = SIZES.map((s) => inproc.find((x) => x.input.size === s && x.input.fmt === fmt));
    linRows.push([`${fmt.label} in process (lint + outline)`, ...ip.map((x) => (x?.r ? fmtMs(x.r.full.total / (x.r.bytes / MB)) : 'n/a'))]);
    const gw = SIZES.map((s) => whole.find((x) => x.input.size === s && x.input.fmt === fmt && x.tool.id === 'gongwen'));
    linRows.push([`${fmt.label} whole process gongwen`, ...gw.map((x) => (x?.times.length ? fmtMs(median(x.times) / (x.input.bytes / MB)) : 'n/a'))]);
    const fl = SIZES.map((s) => whole.find((x) => x.input.size === s && x.input.fmt === fmt && x.tool.id === 'floor'));
    const net = gw.map((x, i) => (x?.times.length && fl[i]?.times.length ? (median(x.times) - median(fl[i].times)) / (x.input.bytes / MB) : NaN));
    linRows.push([`${fmt.label} whole process gongwen − floor`, ...net.map(fmtMs)]);
    const marginal = gw.map((x, i) =>
      i > 0 && x?.times.length && gw[i - 1]?.times.length ? (median(x.times) - median(gw[i - 1].times)) / ((x.input.bytes - gw[i - 1].input.bytes) / MB) : NaN,
    );
    linRows.push([`${fmt.label} whole process gongwen, marginal (from the previous size)`, '—', ...marginal.slice(1).map(fmtMs)]);
    // Target: the cost per MB does not grow with size (1 MB → largest size within 1.5×).
    const big = ip[ip.length - 1]?.r;
    const one = ip.find((x) => x?.input.size.bytes === MB)?.r;
    if (big && one && big !== one) {
      const g = big.full.total / big.bytes / (one.full.total / one.bytes);
      targets.push({
        name: `Linear: in-process ms/MB at ${SIZES[SIZES.length - 1].label} vs 1 MB (${fmt.label})`,
        measured: fmtRatio(g),
        limit: '≤ 1.5×',
        ok: g <= 1.5,
      });
    }
    if (marginal.length > 2 && Number.isFinite(marginal[2]) && Number.isFinite(marginal[1])) {
      const g = marginal[2] / marginal[1];
      targets.push({ name: `Linear: whole-process marginal ms/MB, 1→5 MB vs 20 KB→1 MB (${fmt.label})`, measured: fmtRatio(g), limit: '≤ 1.5×', ok: g <= 1.5 });
    }
  }
  p(table(['Measure', ...SIZES.map((s) => s.label)], linRows));
  p();
  p('Whole-process ms/MB at 20 KB is mostly Node start-up; the marginal rows and the in-process rows show the cost that grows with input.');
  p();

  // A folder of reports
  if (folder) {
    p('## A folder of reports');
    p();
    p(
      `\`${FOLDER}/\`: ${folder.meta.files} files, ${fmtMB(folder.meta.bytes)}: the ${folder.meta.real} texts of \`${REAL_TEXTS}/\` and the ${folder.meta.sources - folder.meta.real} of \`${corpus.dir}/\`, copied round-robin into \`copy-0/\`, \`copy-1/\` … until there are ${folder.meta.files}. Wall time of one process (ms), median of the runs; tools interleaved round by round. ` +
        `gongwen's stdout ${folder.sameAsOneThread ? 'is byte for byte the same' : '**differs**'} by default, on two threads and from the cache.`,
    );
    p();
    for (const r of folder.rows) p(`- ${r.tool.label}: \`node ${r.tool.args().join(' ')}\` — ${r.tool.note}`);
    p();
    const gwRow = folder.rows.find((r) => r.tool.id === 'gongwen');
    p(
      table(
        ['Tool', 'Runs', 'Median ms', 'Min ms', 'Max ms', '÷ gongwen', 'Peak RSS MB', 'Exit', 'Found'],
        folder.rows.map((r) =>
          r.crash
            ? [r.tool.label, '—', '—', '—', '—', '—', '—', '—', `**crashed**: ${r.crash}`]
            : [
                r.tool.label,
                `${r.times.length}`,
                fmtMs(median(r.times)),
                fmtMs(Math.min(...r.times)),
                fmtMs(Math.max(...r.times)),
                fmtRatio(median(r.times) / median(gwRow.times)),
                r.rss.length ? `${Math.round(median(r.rss) / 1024)}` : 'n/a',
                [...r.statuses].join(','),
                r.found ?? '?',
              ],
        ),
      ),
    );
    p();
  }

  // Targets: every verdict a ratio of two medians of this run.
  const tool = (id, s, f) => whole.find((x) => x.input.size.id === s && x.input.fmt.ext === f && x.tool.id === id);
  for (const [id, s, limit, what] of [
    ['gongwen-seg', '20k', 2, 'default options'],
    ['gongwen', '1m', 2.5, '`--segmenter off`'],
    ['gongwen', '5m', 3.5, '`--segmenter off`'],
  ]) {
    for (const f of ['txt', 'md']) {
      const g = tool(id, s, f);
      const fl = tool('floor', s, f);
      if (!g?.times.length || !fl?.times.length) continue;
      const ratio = median(g.times) / median(fl.times);
      targets.push({
        name: `Whole process, ${what}, ≤ ${limit}× the floor at ${g.input.size.label} (.${f})`,
        measured: `${fmtRatio(ratio)} (${fmtMs(median(g.times))} vs ${fmtMs(median(fl.times))} ms)`,
        limit: `≤ ${limit}×`,
        ok: ratio <= limit,
        profile: {
          id: `${id}-${s}-${f}`,
          title: `${g.tool.label}, ${g.input.fmt.label} ${g.input.size.label}`,
          args: g.tool.args(g.input.file),
          ms: median(g.times),
          limitMs: limit * median(fl.times),
        },
      });
    }
  }
  if (folder) {
    const g = folder.rows.find((r) => r.tool.id === 'gongwen');
    for (const peer of ['textlint', 'markdownlint']) {
      const o = folder.rows.find((r) => r.tool.id === peer);
      if (!g?.times.length || !o?.times.length) continue;
      const speedup = median(o.times) / median(g.times);
      targets.push({
        name: `A folder of ${folder.meta.files} reports, default options: ≥ 3× faster than ${o.tool.label}`,
        measured: `${fmtRatio(speedup)} (${fmtMs(median(o.times))} vs ${fmtMs(median(g.times))} ms)`,
        limit: '≥ 3×',
        ok: speedup >= 3,
        profile: {
          id: 'folder',
          title: `gongwen check on the folder (against ${o.tool.label})`,
          args: g.tool.args(),
          ms: median(g.times),
          limitMs: median(o.times) / 3,
        },
      });
    }
  }
  p('## Targets');
  p();
  p(
    'Informational: checked here, not by the tests. Every verdict is a ratio of two medians measured in this run (the milliseconds are shown for information only): machines here differ twofold from run to run, a ratio within one run does not. The floor and the peers ran interleaved with gongwen.',
  );
  p();
  p(
    table(
      ['Target', 'Measured', 'Limit', 'Result'],
      targets.map((t) => [t.name, t.measured, t.limit, t.ok ? 'PASS' : '**FAIL**']),
    ),
  );
  p();
  return { text: out.join('\n'), targets };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  const started = new Date();
  mkdirSync(`${TMP}/out`, { recursive: true });
  if (!existsSync(CLI)) {
    log(`${CLI} missing: npm run build`);
    const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  const cliHash = hashOf(CLI);
  const gitAtStart = gitState();
  const stale = statSync(CLI).mtimeMs < newestMtime('src');
  if (stale) log(`warning: ${CLI} is older than src/ (run npm run build to measure the current source)`);

  log('bundling src/core for the in-process timings');
  await bundleCore();
  log('generating inputs');
  const corpus = generateInputs();
  for (const i of corpus.inputs) log(`  ${i.file}: ${fmtMB(i.bytes)}, ${i.lines} lines`);

  const { variants } = gongwenVariants();
  rmSync(`${TMP}/gongwen-cache`, { recursive: true, force: true });
  const mdl = binOf('markdownlint-cli2');
  const tl = binOf('textlint');
  const zh = binOf('zhlint');
  const tools = [
    { id: 'floor', label: 'floor', args: (f) => ['bench/floor.mjs', f], note: 'reads the file, one placeholder regex and one heading regex per line' },
    ...variants,
    {
      id: 'markdownlint',
      label: 'markdownlint-cli2',
      slow: true,
      args: (f) => [mdl, `:${f}`],
      note: 'default rules (no config file); `:` = literal path, not a glob; reads `.txt` as markdown too',
    },
    // --rulesdir loads every .js/.ts file directly in bench/ as a rule: keep other scripts there as .mjs.
    {
      id: 'textlint',
      label: 'textlint',
      slow: true,
      args: (f) => [tl, '--no-textlintrc', '--rulesdir', 'bench', f],
      note: 'one trivial rule, `bench/textlint-rule-trivial.js` (reports `TODO`); built-in text/markdown plugins by extension',
    },
    {
      id: 'zhlint',
      label: 'zhlint',
      slow: true,
      maxBytes: MB,
      maxBytesNote: 'not run at 5 MB (project convention: ~19 s per run at 1 MB)',
      args: (f) => [zh, f],
      note: 'reports without writing (no `--fix`/`--output`); parses `.txt` as markdown too',
    },
  ];

  log('in-process timings');
  const inproc = [];
  for (const input of corpus.inputs) {
    const r = runInProcess(input);
    inproc.push({ input, r });
    if (r) log(`  ${input.file}: lint+outline ${fmtMs(r.full.total)} ms, re-lint ${fmtMs(r.relint.total)} ms, first ${fmtMs(r.first)} ms`);
  }

  log('the language server over stdio');
  const server = [];
  for (const input of corpus.inputs.filter((i) => i.size.bytes <= MB)) {
    const r = await measureServerFile(input.file);
    server.push({ input, r });
    log(`  ${input.file}: full ${fmtMs(r.full)} ms, re-lint ${fmtMs(r.typing.ms)} ms`);
  }

  log(`whole-process timings${HAVE_TIME ? '' : ' (no /usr/bin/time: peak RSS n/a)'}`);
  const whole = wholeProcess(corpus.inputs, tools);
  const cliHashAfter = hashOf(CLI);
  const gitAtEnd = gitState();
  const git = gitAtEnd === gitAtStart ? gitAtStart : `${gitAtStart} at the start, ${gitAtEnd} at the end`;
  const cliNote = `${cliHash}${cliHashAfter !== cliHash ? ` (**changed during the run**, now ${cliHashAfter})` : ''}${stale ? ' (**older than src/**)' : ''}`;

  log(`a folder of ${FOLDER_FILES} reports`);
  const folderMeta = generateFolder(corpus);
  const folder = { meta: folderMeta, ...runFolder(folderTools(mdl, tl)) };

  const { text: main, targets } = report({
    corpus,
    inputs: corpus.inputs,
    inproc,
    server,
    whole,
    tools,
    folder,
    started,
    cliNote,
    git,
    elapsed: Date.now() - started.getTime(),
  });
  // Each word segmentation engine's load time, memory and throughput (scripts/bench-segmenters.mjs).
  log('word segmentation engines');
  const seg = spawnSync(process.execPath, ['scripts/bench-segmenters.mjs', '--runs', QUICK ? '1' : '3'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const segTable = seg.status === 0 ? seg.stdout.trim() : `(scripts/bench-segmenters.mjs failed: ${(seg.stderr || '').trim().split('\n').pop()})`;
  log('profiles of the targets not met');
  await bundleProfileCli();
  const profiles = whereTheTimeGoes(targets);
  const text = `${main}${profiles ? `\n${profiles}\n` : ''}\n\n## Word segmentation engines\n\nRun by \`npm run bench\` through \`scripts/bench-segmenters.mjs\` (also \`npm run bench:segmenters\`). The headline rows above run with \`--segmenter off\`; the "segmenter on" rows show the cost with an engine loaded.\n\n${segTable}`;
  process.stdout.write(text + '\n');
  if (!QUICK) {
    writeFileSync('BENCHMARKS.md', text + '\n');
    log('wrote BENCHMARKS.md');
  } else {
    log('--quick: BENCHMARKS.md not written');
  }
  if (crashed) {
    log('a tool crashed (see the tables)');
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--in-process') inProcessWorker(process.argv[3]);
else await main();
