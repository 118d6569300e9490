// In-process timings of a lint session (src/core/rules/session.ts): a full lint against a re-lint after one
// keystroke, on 20 KB and 1 MB reports built from ../shared/corpus (or test/fixtures/corpus), as .txt and .md.
//
//   node scripts/bench-incremental.mjs          prints the medians and the ratios issue 15 sets targets for:
//                                               re-lint 1 MB / full lint 1 MB (≤ 0.15), re-lint 1 MB / re-lint 20 KB (≤ 3)
//
// A full lint is a new session's first lint (parse and every rule); a re-lint types one more character of a sentence
// into a paragraph near the middle of the text and lints it with the same session, once comparing the texts to find
// the edit and once told it (`session.changed`, as the language server is by the editor's content changes).
// Segmentation is off (the headline figures of the benchmark), so the word segmenter's speed does not enter.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { editOffset, repeatTo, toMarkdown, TYPED_SENTENCE as TYPED } from './bench-text.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;

async function loadCore() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-'));
  const outfile = path.join(dir, 'core.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'src/core/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    // As scripts/build.mjs and scripts/bench.mjs bundle the core.
    mainFields: ['module', 'main'],
    external: ['nodejieba', '@node-rs/jieba'],
  });
  const core = createRequire(import.meta.url)(outfile);
  rmSync(dir, { recursive: true, force: true });
  return core;
}

function reports() {
  const dir = ['../shared/corpus', 'test/fixtures/corpus'].map((d) => path.join(ROOT, d)).find((d) => existsSync(d));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\s+$/, ''),
    );
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** Runs `fn` for at least `min` iterations and about `ms` milliseconds, after `warm` untimed ones; the median. */
function time(fn, { warm, min, ms }) {
  for (let i = 0; i < warm; i++) fn(i);
  const times = [];
  const started = performance.now();
  for (let i = 0; times.length < min || performance.now() - started < ms; i++) {
    const t0 = performance.now();
    fn(warm + i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function measure(core, text, format) {
  const options = { format, config: { ...core.DEFAULT_CONFIG, segmenter: 'off' } };
  const big = text.length > 100 * KB;
  const budget = big ? { warm: 3, min: 10, ms: 3000 } : { warm: 50, min: 100, ms: 1500 };
  const full = time(() => core.createLintSession().lint(text, options), budget);
  const at = editOffset(text);
  const relint = (hinted) => {
    const session = core.createLintSession();
    session.lint(text, options);
    let current = text;
    let kinds = new Set();
    const ms = time(
      (i) => {
        const typed = TYPED[i % TYPED.length];
        const offset = at + i;
        current = current.slice(0, offset) + typed + current.slice(offset);
        if (hinted) session.changed(offset, offset, typed);
        session.lint(current, options);
        kinds.add(session.stats().kind);
      },
      { ...budget, warm: budget.warm },
    );
    return { ms, kinds: [...kinds].join('/') };
  };
  return { full, compared: relint(false), hinted: relint(true), problems: core.lint(text, options).length };
}

const core = await loadCore();
const units = reports();
const inputs = { txt: `${units.join('\n\n')}\n\n`, md: `${units.map(toMarkdown).join('\n\n')}\n\n` };
const fmt = (ms) => ms.toFixed(ms < 10 ? 2 : 1);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}`);
console.log('size   format  problems  full lint ms  re-lint ms (compared / told)  re-lint ÷ full  how');
for (const ext of ['txt', 'md']) {
  const results = {};
  for (const [id, bytes] of [
    ['20 KB', 20 * KB],
    ['1 MB', 1024 * KB],
  ]) {
    const r = measure(core, repeatTo(inputs[ext], bytes), ext === 'md' ? 'markdown' : 'text');
    results[id] = r;
    console.log(
      `${id.padEnd(6)} .${ext.padEnd(6)} ${String(r.problems).padStart(8)}  ${fmt(r.full).padStart(12)}  ${fmt(r.compared.ms).padStart(10)} / ${fmt(r.hinted.ms).padEnd(14)}  ${(r.compared.ms / r.full).toFixed(3).padStart(13)}  ${r.compared.kinds}`,
    );
  }
  const big = results['1 MB'];
  const small = results['20 KB'];
  console.log(
    `  .${ext}: re-lint 1 MB ÷ full lint 1 MB = ${(big.compared.ms / big.full).toFixed(3)} (told: ${(big.hinted.ms / big.full).toFixed(3)}; target ≤ 0.15); ` +
      `re-lint 1 MB ÷ re-lint 20 KB = ${(big.compared.ms / small.compared.ms).toFixed(1)} (told: ${(big.hinted.ms / small.hinted.ms).toFixed(1)}; target ≤ 3)`,
  );
}
