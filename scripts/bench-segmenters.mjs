// Word segmentation engines: load time, memory and throughput, as a markdown table on stdout (progress on stderr).
//
//   node scripts/bench-segmenters.mjs [--runs N]
//
// Each engine is measured in fresh `node --expose-gc` processes (N each, default 3; the median is shown), through the
// product's own loader (src/engines/segmenters.ts, bundled with esbuild): nodejieba with our user dictionary and
// one-line keyword files, @node-rs/jieba with its dictionary and ours, Intl.Segmenter with the report vocabulary.
// A reference row loads nodejieba the way its README does (`load()` with its default files).
//   load: from before `require` to the first word cut (Intl loads its ICU data on first use).
//   memory: RSS after load minus RSS before, both after a full GC.
//   throughput: the shared corpus repeated to ~1 MB of UTF-8, cut paragraph by paragraph (one line = one paragraph,
//   as the rules feed it), without the per-paragraph cache; MB of UTF-8 per second, the best of 3 passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, 'node_modules', '.cache', 'gongwen-bench-segmenters');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const log = (...a) => console.error('[bench-segmenters]', ...a);

mkdirSync(WORK, { recursive: true });

// Input: the shared corpus, repeated to ~1 MB.
const corpusDir = path.join(ROOT, 'test', 'fixtures', 'corpus');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(corpusDir, f), 'utf8'))
  .join('\n');
let input = '';
while (Buffer.byteLength(input) < 1024 * 1024) input += corpus + '\n';
const inputFile = path.join(WORK, 'input.txt');
writeFileSync(inputFile, input);

// The product's loader, bundled (the native engines stay external and load from node_modules).
const loader = path.join(WORK, 'segmenters.cjs');
await build({
  entryPoints: [path.join(ROOT, 'src', 'engines', 'segmenters.ts')],
  outfile: loader,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['nodejieba', '@node-rs/jieba'],
  logLevel: 'warning',
});

const runner = path.join(WORK, 'runner.cjs');
writeFileSync(
  runner,
  `'use strict';
const fs = require('node:fs');
const [engine, file] = process.argv.slice(2);
const paragraphs = fs.readFileSync(file, 'utf8').split(/\\r\\n|\\r|\\n/).filter(Boolean);
const bytes = Buffer.byteLength(paragraphs.join(''));
const mb = () => process.memoryUsage().rss / 1048576;
global.gc(); global.gc();
const rss0 = mb();
const t0 = process.hrtime.bigint();
let seg;
let line = '';
if (engine === 'nodejieba-default') {
  const nj = require('nodejieba');
  nj.load();
  seg = { name: 'nodejieba', cut: (t) => nj.cut(t, true) };
} else {
  const { loadSegmenter } = require(${JSON.stringify(loader)});
  const loaded = loadSegmenter(engine, [], (l) => (line = l));
  seg = loaded && (loaded.engine || loaded);
}
if (!seg) throw new Error('no engine: ' + line);
seg.cut('加强党建引领');
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
global.gc(); global.gc();
const rss = mb() - rss0;
let best = Infinity;
let words = 0;
for (let pass = 0; pass < 3; pass++) {
  const s = process.hrtime.bigint();
  words = 0;
  for (const p of paragraphs) words += seg.cut(p).length;
  best = Math.min(best, Number(process.hrtime.bigint() - s) / 1e6);
}
process.stdout.write(JSON.stringify({ name: seg.name, line, loadMs, rss, ms: best, mbps: bytes / 1048576 / (best / 1000), words, bytes, peak: process.resourceUsage().maxRSS / 1024 }));
`,
);

const version = (pkg) => {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '—';
  }
};

const ENGINES = [
  { id: 'nodejieba', label: 'nodejieba (as gongwen loads it)', pkg: 'nodejieba' },
  { id: 'nodejieba-default', label: 'nodejieba (`load()` with its default files, reference)', pkg: 'nodejieba' },
  { id: 'rs-jieba', label: '@node-rs/jieba', pkg: '@node-rs/jieba' },
  { id: 'intl', label: 'Intl.Segmenter', pkg: null },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const e of ENGINES) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    log(`${e.id} run ${i + 1}/${RUNS}`);
    const r = spawnSync(process.execPath, ['--expose-gc', runner, e.id, inputFile], { encoding: 'utf8', cwd: ROOT });
    if (r.status !== 0) {
      log(`${e.id}: failed (${r.stderr.trim().split('\n').pop()})`);
      break;
    }
    results.push(JSON.parse(r.stdout));
  }
  if (!results.length) {
    rows.push(`| ${e.label} | ${e.pkg ? version(e.pkg) : `Node ${process.versions.node}`} | not available | | | | |`);
    continue;
  }
  const actual = results[0].name;
  const wanted = e.id === 'nodejieba-default' ? 'nodejieba' : e.id;
  const note = actual === wanted ? '' : ` (fell back to ${actual})`;
  rows.push(
    `| ${e.label}${note} | ${e.pkg ? version(e.pkg) : `Node ${process.versions.node} (ICU ${process.versions.icu})`} | ${median(results.map((r) => r.loadMs)).toFixed(0)} | +${median(results.map((r) => r.rss)).toFixed(0)} | ${median(results.map((r) => r.mbps)).toFixed(2)} | ${median(results.map((r) => r.ms)).toFixed(0)} | ${Math.round(median(results.map((r) => r.peak)))} |`,
  );
}

const bytes = Buffer.byteLength(input);
console.log(
  `Word segmentation engines — ${process.platform}-${process.arch}, Node ${process.versions.node}, ${RUNS} fresh process(es) per engine, median shown.`,
);
console.log(
  `Input: the shared corpus repeated to ${(bytes / 1048576).toFixed(2)} MB (UTF-8), ${input.split('\n').filter(Boolean).length} paragraphs, cut one paragraph at a time without the cache (best of 3 passes).`,
);
console.log('');
console.log('| engine | version | load (ms) | RSS after load (MB) | throughput (MB/s) | 1 MB cut (ms) | peak RSS (MB) |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
