// `gongwen check --cache`: the problems of an unchanged file come from the cache, printed byte for byte as a fresh
// check prints them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG, lint, LineIndex } from '../../src/core';
import { fileProblemsJson, formatProblemLines, problemTable, tableJson, tableLines, tableTally, tally } from '../../src/cli/format';
import { cacheFilePath } from '../../src/cli/result-cache';
import { main } from '../../src/cli/main';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'dist', 'cli.js');
const PRELOAD = path.join(ROOT, 'test', 'preload', 'hide-modules.js');
const REAL = path.join(ROOT, 'test', 'real', 'texts');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

describe('problem tables (what --cache keeps)', () => {
  const texts = [...fs.readdirSync(CORPUS).map((f) => path.join(CORPUS, f)), ...fs.readdirSync(REAL).map((f) => path.join(REAL, f))].filter((f) =>
    f.endsWith('.txt'),
  );

  it('print the same JSON and text lines as the problems they were made from, on the corpus and the real texts', () => {
    let withFixes = 0;
    for (const file of texts) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const problems = lint(text, { config: { ...DEFAULT_CONFIG, segmenter: 'off' } });
      const lines = new LineIndex(text);
      // Through JSON, as the cache file holds it.
      const table = JSON.parse(JSON.stringify(problemTable(lines, problems)));
      assert.equal(tableJson(file, table).toString('utf8'), fileProblemsJson({ file, lines, problems }).toString('utf8'), file);
      for (const lang of ['zh', 'en'] as const) {
        const fresh: string[] = [];
        const cached: string[] = [];
        formatProblemLines({ file, lines, problems }, lang, (l) => fresh.push(l));
        tableLines(file, table, lang, (l) => cached.push(l));
        assert.deepEqual(cached, fresh, file);
      }
      assert.deepEqual(tableTally(table), tally(problems));
      if (problems.some((p) => p.fix)) withFixes++;
    }
    assert.ok(texts.length > 80 && withFixes > 40);
  });
});

describe('gongwen check --cache', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cache-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function bin(args: string[], hide = '') {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, BIN, 'check', '--lang', 'en', ...args], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, GONGWEN_TEST_HIDE: hide },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  function reports(): string[] {
    const dir = path.join(tmp, 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const names = ['004_503d8dbb8d0f1449.txt', '002_3cbf79e9d602b8eb.txt'];
    for (const n of names) fs.copyFileSync(path.join(CORPUS, n), path.join(dir, n));
    fs.writeFileSync(path.join(dir, 'c.txt'), '一、总体要求\n全面推进党风廉政建设建设。\n');
    return ['reports'];
  }

  it('prints an unchanged file from the cache without loading an engine, and lints a changed one again', () => {
    const args = reports();
    for (const format of ['json', 'text']) {
      fs.rmSync(path.join(tmp, '.gongwencache'), { force: true });
      const fresh = bin(['--format', format, '--cache', ...args]);
      assert.equal(fresh.code, 1);
      assert.ok(fs.existsSync(path.join(tmp, '.gongwencache')), 'written in the current folder');
      assert.equal(fresh.err, '');
      // With no native engine, a fresh lint would fall back to Intl.Segmenter and say so on stderr: from the cache, the
      // same output and no engine at all.
      const again = bin(['--format', format, '--cache', ...args], 'nodejieba,@node-rs/jieba');
      assert.deepEqual(again, fresh);
      assert.notEqual(bin(['--format', format, ...args], 'nodejieba,@node-rs/jieba').err, '');
    }
    const c = path.join(tmp, 'reports', 'c.txt');
    fs.writeFileSync(c, '一、总体要求\n全面推进党风廉政建设。XX\n');
    const changed = bin(['--format', 'json', '--cache', c]);
    assert.deepEqual(
      JSON.parse(changed.out).map((p: { ruleId: string; line: number; column: number }) => `${p.ruleId} ${p.line}:${p.column}`),
      ['placeholder 2:12'],
    );
  });

  it('does not take an entry made under another config or --segmenter', () => {
    reports();
    const c = path.join(tmp, 'reports', 'c.txt');
    const first = bin(['--format', 'json', '--cache', c]);
    assert.equal(JSON.parse(first.out)[0].ruleId, 'repeated-word');
    assert.deepEqual(JSON.parse(bin(['--format', 'json', '--cache', '--segmenter', 'off', c]).out), []);
    fs.writeFileSync(path.join(tmp, 'reports', '.gongwenrc.json'), '{"rules": {"repeated-word": "off"}}');
    assert.deepEqual(JSON.parse(bin(['--format', 'json', '--cache', c]).out), []);
    fs.rmSync(path.join(tmp, 'reports', '.gongwenrc.json'));
    assert.equal(bin(['--format', 'json', '--cache', c]).out, first.out);
  });

  it('never caches a fallback engine’s problems', () => {
    reports();
    const c = path.join(tmp, 'reports', 'c.txt');
    const fallback = bin(['--format', 'json', '--cache', c], 'nodejieba,@node-rs/jieba');
    assert.match(fallback.err, /Intl\.Segmenter/);
    // Not from the cache: the fallback says so again.
    assert.match(bin(['--format', 'json', '--cache', c], 'nodejieba,@node-rs/jieba').err, /Intl\.Segmenter/);
  });

  it('--cache-location names the file, or a folder to hold .gongwencache; it needs --cache', () => {
    const args = reports();
    bin(['--cache', '--cache-location', 'where/cache.json', ...args]);
    assert.ok(fs.existsSync(path.join(tmp, 'where', 'cache.json')));
    fs.mkdirSync(path.join(tmp, 'folder'));
    bin(['--cache', '--cache-location', 'folder', ...args]);
    assert.ok(fs.existsSync(path.join(tmp, 'folder', '.gongwencache')));
    bin(['--cache', '--cache-location', 'new/', ...args]);
    assert.ok(fs.existsSync(path.join(tmp, 'new', '.gongwencache')));
    const alone = bin(['--cache-location', 'x', ...args]);
    assert.equal(alone.code, 2);
    assert.match(alone.err, /--cache-location needs --cache/);
    assert.equal(cacheFilePath(undefined, '/a/b'), path.resolve('/a/b/.gongwencache'));
  });

  it('ignores a damaged cache file and replaces it', () => {
    const args = reports();
    const file = path.join(tmp, '.gongwencache');
    const fresh = bin(['--format', 'json', ...args]);
    for (const damaged of ['{', '{"format":1,"entries":{"x":1}}', JSON.stringify({ format: 1, entries: {} }).slice(0, 5)]) {
      fs.writeFileSync(file, damaged);
      assert.equal(bin(['--format', 'json', '--cache', ...args]).out, fresh.out);
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).format, 1);
    }
    // An entry whose table is not one `problemTable` writes is not printed.
    const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Record<string, { table: { problems: number[] } }> };
    for (const entry of Object.values(cache.entries)) entry.table.problems = [1, 1, 1, 2, 999, 0, 0, 0, -1];
    fs.writeFileSync(file, JSON.stringify(cache));
    assert.equal(bin(['--format', 'json', '--cache', ...args]).out, fresh.out);
  });

  it('with --fix reads and writes no cache', () => {
    const c = path.join(tmp, 'c.txt');
    fs.writeFileSync(c, '一、总体要求\n（一）甲\n（三）乙\n');
    const out: string[] = [];
    const cache = path.join(tmp, 'cache');
    const code = main(['check', '--lang', 'en', '--fix', '--cache', '--cache-location', cache, c], { out: (l) => out.push(l), err: () => {} });
    assert.equal(code, 0);
    assert.equal(fs.readFileSync(c, 'utf8'), '一、总体要求\n（一）甲\n（二）乙\n');
    assert.equal(fs.existsSync(cache), false);
    assert.match(out.join('\n'), /0 problems/);
  });
});
