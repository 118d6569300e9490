// The language server measured as an editor uses it: `node dist/cli.js lsp --stdio` driven over stdin/stdout by a
// real LSP client (vscode-languageserver's JSON-RPC connection), with the settings an editor would send
// (`debounceMs` 0, so that no waiting for a pause in typing enters the figures; segmentation off, as in the headline
// figures of the benchmark).
//
// - full lint: `didOpen` of the report and a `textDocument/diagnostic` pull, until the full report has arrived;
// - re-lint: one character typed (`didChange`, incremental, one more character of a sentence of report prose each
//   time, into a paragraph near the middle) and a pull with the previous `resultId`, until the report has arrived.
// Both are medians after warm-up, both include the JSON-RPC round trip and the diagnostics' serialisation.
//
//   node scripts/bench-lsp.mjs [file ...]   (default: the inputs npm run bench writes to bench/tmp/)
// `scripts/bench.mjs` imports measureServer() for its "Through the language server" table.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { editOffset, TYPED_SENTENCE as TYPED } from './bench-text.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SETTINGS = { debounceMs: 0, segmenter: 'off', enable: 'always' };

const median = (xs) => xs.slice().sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** The LSP position (UTF-16 line and character) of an offset. */
function positionOf(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** A server process and its client connection. */
async function startServer() {
  // GONGWEN_BENCH_NODE_ARGS (e.g. `--cpu-prof`) and GONGWEN_BENCH_CLI (an unminified bundle) are for profiling the server.
  const nodeArgs = (process.env.GONGWEN_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const cli = path.resolve(ROOT, process.env.GONGWEN_BENCH_CLI ?? 'dist/cli.js');
  const child = spawn(process.execPath, [...nodeArgs, cli, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'gongwen' ? SETTINGS : null)));
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  // The server logs each lint's own time (`lint <uri> v<n>: <p> problems, <ms> ms, ...`): the share of a round trip
  // that is linting, the rest being the protocol (JSON of the diagnostics both ways, the pipe) and the text's update.
  const lintMs = new Map();
  connection.onNotification('window/logMessage', ({ message }) => {
    const m = /^lint (\S+) v(\d+): \d+ problems, ([\d.]+) ms/.exec(message);
    if (m) lintMs.set(`${m[1]} ${m[2]}`, Number(m[3]));
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    workspaceFolders: null,
    locale: 'zh-cn',
  });
  await connection.sendNotification('initialized', {});
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    connection,
    /** The server's own lint time for a version of a document (its log line has arrived before the response). */
    lintMs: (uri, version) => lintMs.get(`${uri} ${version}`),
    async stop() {
      await connection.sendRequest('shutdown', null);
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}

/** Runs `fn` `warm` times untimed, then until `min` runs and `ms` milliseconds are done; the median ms and the runs. */
async function timeAsync(fn, { warm, min, ms }) {
  for (let i = 0; i < warm; i++) await fn(i);
  const times = [];
  const started = performance.now();
  for (let i = 0; times.length < min || performance.now() - started < ms; i++) {
    const t0 = performance.now();
    await fn(warm + i);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times.length };
}

/**
 * Full lint and re-lint of one file through a fresh server: medians in ms, the runs, and the problems reported.
 * Each full lint opens the text under a new URI (a new document to the server) and closes it after.
 */
export async function measureServerFile(file, { big = readFileSync(file).length > 100 * 1024 } = {}) {
  const text = readFileSync(file, 'utf8');
  const languageId = file.endsWith('.md') ? 'markdown' : 'plaintext';
  const budget = big ? { warm: 3, min: 10, ms: 4000 } : { warm: 30, min: 60, ms: 2000 };
  const server = await startServer();
  const { connection } = server;
  const base = pathToFileURL(file).href;
  try {
    const known = (xs) => median(xs.filter((x) => x !== undefined));
    let problems = 0;
    const fullLint = [];
    const full = await timeAsync(async (i) => {
      const uri = `${base}?open=${i}`;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      problems = report.items.length;
      fullLint.push(server.lintMs(uri, 1));
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }, budget);

    const typing = await measureTyping(server, `${base}?edit`, { languageId, text, budget });
    return { full: full.ms, fullRuns: full.runs, fullLint: known(fullLint), problems, typing };
  } finally {
    await server.stop();
  }
}

/**
 * Types into an open document one character at a time, pulling diagnostics after each: the median round trip, the
 * server's own lint time, how often the answer was `unchanged`, and the size of a full report's JSON.
 */
async function measureTyping({ connection, lintMs }, uri, { languageId, text, budget }) {
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const first = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  let resultId = first.resultId;
  const payloadBytes = Buffer.byteLength(JSON.stringify(first));
  const start = positionOf(text, editOffset(text));
  let version = 1;
  let unchanged = 0;
  const lints = [];
  const timed = await timeAsync(async (i) => {
    const position = { line: start.line, character: start.character + i };
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: position, end: position }, text: TYPED[i % TYPED.length] }],
    });
    const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId });
    if (report.kind === 'unchanged') unchanged++;
    resultId = report.resultId;
    lints.push(lintMs(uri, version));
  }, budget);
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { ms: timed.ms, runs: timed.runs, lint: median(lints.filter((x) => x !== undefined)), unchanged, payloadBytes };
}

/** The inputs of `npm run bench` (bench/tmp/), 20 KB and 1 MB, .txt and .md; measured one after another. */
export async function measureServer(files) {
  const results = [];
  for (const file of files) results.push({ file, ...(await measureServerFile(file)) });
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  const defaults = ['report-20k.txt', 'report-1m.txt', 'report-20k.md', 'report-1m.md'].map((f) => path.join(ROOT, 'bench/tmp', f));
  const inputs = files.length ? files : defaults.filter((f) => existsSync(f));
  if (!inputs.length) {
    console.error('No inputs: run `npm run bench` once (it writes bench/tmp/), or name files.');
    process.exit(2);
  }
  for (const r of await measureServer(inputs)) {
    const typing = (t) => `${t.ms.toFixed(2)} ms (lint ${t.lint.toFixed(2)}, unchanged ${t.unchanged}/${t.runs}) ÷ full ${(t.ms / r.full).toFixed(3)}`;
    console.log(
      `${path.basename(r.file).padEnd(15)} problems ${String(r.problems).padStart(5)} (${(r.typing.payloadBytes / 1024).toFixed(0)} KB of JSON)  ` +
        `full ${r.full.toFixed(1)} ms (lint ${r.fullLint.toFixed(1)})  re-lint ${typing(r.typing)}`,
    );
  }
}
