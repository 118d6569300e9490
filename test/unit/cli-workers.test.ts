// `gongwen check` on many files: worker threads, the same output as one thread. Runs the built bin (npm run build):
// workers start the bundle itself, which the sources under tsx cannot.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadCount, MIN_PARALLEL_BYTES } from '../../src/cli/check-pool';
import { checkFiles, type CheckSettings, type FileTask } from '../../src/cli/check-file';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'dist', 'cli.js');
const REAL = path.join(ROOT, 'test', 'real', 'texts');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');

/** A preload that logs each Worker the CLI starts (the product has no test hooks). */
const COUNT_WORKERS = `'use strict';
const wt = require('node:worker_threads');
const fs = require('node:fs');
if (wt.isMainThread) {
  const Base = wt.Worker;
  wt.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      fs.appendFileSync(process.env.GONGWEN_TEST_WORKER_LOG, 'worker\\n');
    }
  };
}
`;

describe('gongwen check with worker threads (dist/cli.js)', function () {
  this.timeout(120000);
  let tmp: string;
  let reports: string;
  let preload: string;
  let log: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-workers-'));
    reports = path.join(tmp, 'reports');
    fs.mkdirSync(path.join(reports, 'broken'), { recursive: true });
    for (const dir of [REAL, CORPUS]) {
      for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(dir, name), path.join(reports, name));
    }
    // What a run says on stderr, in the order files are named: a config error (once, at its first file), a binary file.
    fs.writeFileSync(path.join(reports, 'broken', '.gongwenrc.json'), '{"rules": {"no-such-rule": "error"}}');
    fs.copyFileSync(path.join(CORPUS, '004_503d8dbb8d0f1449.txt'), path.join(reports, 'broken', 'a.txt'));
    fs.copyFileSync(path.join(CORPUS, '002_3cbf79e9d602b8eb.txt'), path.join(reports, 'broken', 'b.txt'));
    fs.writeFileSync(path.join(reports, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x08]));
    preload = path.join(tmp, 'count-workers.js');
    fs.writeFileSync(preload, COUNT_WORKERS);
    log = path.join(tmp, 'workers.log');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function check(...args: string[]) {
    fs.rmSync(log, { force: true });
    const r = spawnSync(process.execPath, ['--require', preload, BIN, 'check', '--lang', 'en', ...args], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      env: { ...process.env, GONGWEN_TEST_WORKER_LOG: log },
    });
    const workers = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0;
    return { code: r.status, out: r.stdout, err: r.stderr, workers };
  }

  for (const format of ['text', 'json']) {
    it(`prints the same ${format} output, stderr and exit code on 1, 2 and 3 threads`, () => {
      const serial = check('--format', format, '--jobs', '1', reports);
      assert.equal(serial.workers, 0);
      assert.equal(serial.code, 2, 'the broken config makes it a usage error');
      assert.ok(serial.out.length > 100_000, 'the real texts have problems');
      const err = serial.err.trim().split('\n');
      const rc = path.join(reports, 'broken', '.gongwenrc.json');
      assert.equal(err.length, 3, serial.err);
      assert.equal(err[0], `${path.join(reports, 'binary.txt')}: binary file, skipped`);
      assert.match(err[1], new RegExp(`^${rc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: "rules.no-such-rule": unknown rule id`));
      assert.equal(err[2], `${rc}: invalid config, files under it are checked with the defaults`);
      for (const jobs of ['2', '3']) {
        const parallel = check('--format', format, '--jobs', jobs, reports);
        assert.equal(parallel.workers, Number(jobs) - 1, `--jobs ${jobs}: the main thread and ${Number(jobs) - 1} workers`);
        assert.equal(parallel.code, serial.code);
        assert.equal(parallel.err, serial.err);
        assert.ok(parallel.out === serial.out, `--jobs ${jobs}: stdout differs from --jobs 1`);
      }
    });
  }

  it('spreads a folder over one thread per core but one by default, and exits 1 on errors as one thread does', () => {
    const files = fs.readdirSync(reports).filter((f) => f.endsWith('.txt') && f !== 'binary.txt');
    const dir = path.join(tmp, 'clean');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(reports, f), path.join(dir, f));
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    const byDefault = check('--format', 'json', dir);
    assert.equal(byDefault.workers, cores - 1 < 2 ? 0 : Math.min(cores - 1, files.length) - 1);
    assert.equal(byDefault.code, 1);
    assert.equal(byDefault.out, check('--format', 'json', '--jobs', '1', dir).out);
  });

  it('keeps a small run in one thread', () => {
    const r = check('--jobs', '4', path.join(CORPUS, '004_503d8dbb8d0f1449.txt'), path.join(CORPUS, '002_3cbf79e9d602b8eb.txt'));
    assert.equal(r.workers, 0);
    assert.equal(r.code, 1);
    assert.match(r.out, /in 2 files\n$/);
  });

  it('takes --jobs for check only, as a whole number from 1', () => {
    for (const bad of ['0', '-1', '1.5', 'x']) {
      const r = check(`--jobs=${bad}`, CORPUS);
      assert.equal(r.code, 2, bad);
      assert.match(r.err, new RegExp(`--jobs ${bad.replace('.', '\\.')}`));
    }
    const stats = spawnSync(process.execPath, [BIN, 'stats', '--lang', 'en', '--jobs', '2', CORPUS], { encoding: 'utf8' });
    assert.equal(stats.status, 2);
    assert.match(stats.stderr, /--jobs is for check only/);
  });
});

describe('checking files taken from a counter', () => {
  const settings: CheckSettings = { format: 'text', fix: false, fixDryRun: false, lang: 'en', segmenter: 'off', table: false };

  it('checks exactly the files the counter hands out, in that order, until it runs past the end', () => {
    const tasks: FileTask[] = ['004_503d8dbb8d0f1449.txt', '002_3cbf79e9d602b8eb.txt', 'missing.txt'].map((name, index) => ({
      index,
      path: path.join(CORPUS, name),
      options: {},
    }));
    const handed = [2, 0, 3];
    const seen: Array<[number, boolean, number]> = [];
    checkFiles(
      tasks,
      settings,
      (r) => seen.push([r.index, r.read, r.lines?.length ?? 0]),
      () => handed.shift() ?? 99,
    );
    assert.deepEqual(
      seen.map(([i, read]) => [i, read]),
      [
        [2, false],
        [0, true],
      ],
    );
    assert.ok(seen[1][2] > 20, 'the corpus report has problems');
  });

  it('stays in one thread for one file, little text or --jobs 1', () => {
    assert.equal(threadCount(1, 10 * MIN_PARALLEL_BYTES, 4), 1);
    assert.equal(threadCount(10, MIN_PARALLEL_BYTES - 1, 4), 1);
    assert.equal(threadCount(10, 10 * MIN_PARALLEL_BYTES, 1), 1);
  });
});
