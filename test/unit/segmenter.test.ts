import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { builtInSegmenter, cachedSegmenter, IntlSegmenter, lint, REPORT_VOCABULARY, tokensOf, DEFAULT_CONFIG, type Segmenter } from '../../src/core';
import { loadSegmenter, userDictionary, type RequireFn } from '../../src/engines/segmenters';
import { resetSegmentation, withSegmentation } from '../../src/cli/segmentation';
import { main } from '../../src/cli/main';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const realRequire: RequireFn = (id) => require(id);

const notFound = (id: string): Error => Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
/** A require where these modules are not installed (as on a platform without their binary). */
const without =
  (...ids: string[]): RequireFn =>
  (id) => {
    if (ids.some((m) => id === m || id.startsWith(`${m}/`))) throw notFound(id);
    return realRequire(id);
  };
/** A require that serves this module object for `nodejieba`. */
const withNodejieba =
  (mod: object): RequireFn =>
  (id) =>
    id === 'nodejieba' ? mod : realRequire(id);

function collect() {
  const lines: string[] = [];
  const zh: string[] = [];
  return { lines, zh, log: (line: string, lineZh: string) => (lines.push(line), zh.push(lineZh)) };
}

/** A segmenter that counts its calls: one word per character. */
function spy(): Segmenter & { calls: string[] } {
  const calls: string[] = [];
  return { name: 'spy', calls, cut: (p: string) => (calls.push(p), [...p]) };
}

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe('segmenter (core)', () => {
  it('REPORT_VOCABULARY holds the report terms the issue names, and at least 60', () => {
    assert.ok(REPORT_VOCABULARY.length >= 60, `${REPORT_VOCABULARY.length}`);
    for (const w of [
      '医联体',
      '医共体',
      '卫生健康委',
      '卫健委',
      '优质服务基层行',
      '党建引领',
      '放管服',
      '高质量发展',
      '疫情防控',
      '医养结合',
      '一网通办',
      '河长制',
      '乡村振兴',
      '营商环境',
      '两个维护',
      '四个意识',
    ]) {
      assert.ok(REPORT_VOCABULARY.includes(w), w);
    }
    assert.equal(new Set(REPORT_VOCABULARY).size, REPORT_VOCABULARY.length, 'no duplicates');
  });

  it('IntlSegmenter cuts a paragraph into words that concatenate back to it', () => {
    const seg = new IntlSegmenter();
    const p = '加强党建引领，推进优质服务基层行活动，2023年完成。';
    const words = seg.cut(p);
    assert.equal(words.join(''), p);
    assert.equal(seg.name, 'intl');
  });

  it('IntlSegmenter keeps the vocabulary whole (it has no dictionary of its own)', () => {
    const plain = new IntlSegmenter([]);
    const seg = new IntlSegmenter();
    assert.ok(!plain.cut('组建区级中医医共体').includes('医共体'));
    assert.deepEqual(seg.cut('组建区级中医医共体').slice(-2), ['中医', '医共体']);
    assert.ok(seg.cut('推进优质服务基层行活动').includes('优质服务基层行'));
    assert.ok(new IntlSegmenter(['新城区卫健局']).cut('新城区卫健局召开会议').includes('新城区卫健局'));
  });

  it('tokensOf gives each word its UTF-16 offsets, skipping words the engine altered', () => {
    assert.deepEqual(tokensOf(['建设', '项目', '项目'], '建设项目项目'), [
      { text: '建设', start: 0, end: 2 },
      { text: '项目', start: 2, end: 4 },
      { text: '项目', start: 4, end: 6 },
    ]);
    assert.deepEqual(
      tokensOf(['𠀋', '的', '的'], '𠀋的的').map((t) => [t.start, t.end]),
      [
        [0, 2],
        [2, 3],
        [3, 4],
      ],
    );
    // An engine that dropped a space or changed a word never shifts the others.
    assert.deepEqual(
      tokensOf(['的', 'X', '的'], '的 的').map((t) => [t.text, t.start]),
      [
        ['的', 0],
        ['的', 2],
      ],
    );
  });

  it('cachedSegmenter segments each paragraph once, evicts the least recently used beyond its bound', () => {
    const engine = spy();
    const seg = cachedSegmenter(engine, 2);
    seg.cut('甲');
    seg.cut('乙');
    seg.cut('甲'); // hit: 甲 is now the most recent
    seg.cut('丙'); // evicts 乙
    assert.equal(seg.size, 2);
    seg.cut('甲');
    seg.cut('乙');
    assert.deepEqual(engine.calls, ['甲', '乙', '丙', '乙']);
    seg.clear();
    assert.equal(seg.size, 0);
  });

  it('after a keystroke only the edited paragraph is segmented again', () => {
    const engine = spy();
    const seg = cachedSegmenter(engine);
    const before = '一、总体要求\n推进推进工作。\n的的确确如此。\n加强加强管理。';
    lint(before, { segmenter: () => seg, only: ['repeated-word'] });
    const first = engine.calls.length;
    lint(before.replace('加强加强管理。', '加强加强管理！'), { segmenter: () => seg, only: ['repeated-word'] });
    assert.deepEqual(engine.calls.slice(first), ['加强加强管理！']);
  });

  it('builtInSegmenter is one shared cached Intl engine per dictionary', () => {
    assert.equal(builtInSegmenter([]), builtInSegmenter([]));
    assert.notEqual(builtInSegmenter(['新城区卫健局']), builtInSegmenter([]));
    assert.equal(builtInSegmenter([])?.name, 'intl');
  });
});

describe('segmenter provider in lint', () => {
  const SEG_RULES = ['repeated-word', 'overused-word'];

  it('is never called on a text without a candidate', () => {
    let calls = 0;
    const text = '一、总体要求\n（一）加强组织领导。全面落实责任，推动工作开展。\n（二）强化保障。层层落实，人人参与，一个个项目落地。\n';
    assert.deepEqual(lint(text, { segmenter: () => (calls++, undefined), only: SEG_RULES }), []);
    // In markdown, code is not prose: a repetition there is no candidate.
    assert.deepEqual(
      lint('# 标题\n\n代码 `的的` 和\n\n```\n建设建设\n```\n', { format: 'markdown', segmenter: () => (calls++, undefined), only: SEG_RULES }),
      [],
    );
    assert.equal(calls, 0);
  });

  it('is called at most once per lint, however many candidates', () => {
    let calls = 0;
    const seg = new IntlSegmenter();
    const text = '的的工作。\n建设建设项目。\n推进推进落实。\n';
    const problems = lint(text, { segmenter: () => (calls++, seg), only: SEG_RULES });
    assert.equal(problems.length, 3);
    assert.equal(calls, 1);
  });

  it('off: no problems, and the provider is never called', () => {
    let calls = 0;
    const text = '的的工作。' + '推进工作，'.repeat(20);
    const config = { ...DEFAULT_CONFIG, segmenter: 'off' as const };
    assert.deepEqual(lint(text, { config, segmenter: () => (calls++, new IntlSegmenter()), only: SEG_RULES }), []);
    assert.deepEqual(lint(text, { config, only: SEG_RULES }), []);
    assert.equal(calls, 0);
  });

  it('a provider with no engine: the segmentation rules report nothing', () => {
    assert.deepEqual(lint('的的工作。' + '推进工作，'.repeat(20), { segmenter: () => undefined, only: SEG_RULES }), []);
  });

  it('without a provider the built-in Intl engine judges', () => {
    assert.deepEqual(
      lint('的的工作。', { only: SEG_RULES }).map((p) => [p.ruleId, p.start, p.end]),
      [['repeated-word', 0, 2]],
    );
  });
});

describe('loadSegmenter (engines)', function () {
  this.timeout(60000);

  it('off: no engine and no log line', () => {
    const { lines, log } = collect();
    assert.equal(loadSegmenter('off', [], log), undefined);
    assert.deepEqual(lines, []);
  });

  (onLinuxX64 ? it : it.skip)('on Linux x64, auto loads nodejieba (so a failed build cannot hide), with the user dictionary', () => {
    const { lines, log } = collect();
    const seg = loadSegmenter('auto', ['新城区卫健局'], log);
    assert.equal(seg?.name, 'nodejieba', lines.join('\n'));
    assert.equal(lines.length, 1);
    assert.match(lines[0], /word segmentation by nodejieba with \d+ user dictionary words$/);
    assert.deepEqual(seg.cut('推进优质服务基层行活动'), ['推进', '优质服务基层行', '活动']);
    assert.ok(seg.cut('新城区卫健局召开会议').includes('新城区卫健局'));
    // HMM on: an unknown name is still one word.
    assert.equal(seg.cut('组建区级中医医共体').join('/'), '组建/区级/中医/医共体');
  });

  (onLinuxX64 ? it : it.skip)('nodejieba loads once per process; later dictionaries add their words', () => {
    const { lines, log } = collect();
    const seg = loadSegmenter('nodejieba', ['雁塔区卫健局'], log)!;
    assert.equal(seg.name, 'nodejieba');
    assert.ok(seg.cut('雁塔区卫健局召开会议').includes('雁塔区卫健局'));
    assert.equal(lines.length, 1);
  });

  it('nodejieba not installed (no binary for the platform): @node-rs/jieba, with one log line saying why', () => {
    const { lines, zh, log } = collect();
    const seg = loadSegmenter('auto', [], log, without('nodejieba'));
    assert.equal(seg?.name, 'rs-jieba');
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^gongwen: word segmentation by @node-rs\/jieba with \d+ user dictionary words \(fallback: nodejieba: not installed or no binary for .*Cannot find module 'nodejieba'.*\)$/,
    );
    assert.match(zh[0], /^gongwen：分词引擎 @node-rs\/jieba，用户词典 \d+ 词（回退：nodejieba: /);
    assert.deepEqual(seg.cut('推进优质服务基层行活动'), ['推进', '优质服务基层行', '活动']);
    assert.deepEqual(seg.cut('人民医院建设项目项目土建'), ['人民', '医院', '建设项目', '项目', '土建']);
  });

  it('nodejieba installed but its native binding missing (load throws): @node-rs/jieba', () => {
    const { lines, log } = collect();
    const here = __filename;
    const fake = {
      DEFAULT_DICT: here,
      DEFAULT_HMM_DICT: here,
      load: () => {
        throw Object.assign(new Error('nodejieba native binding was not found at build/Release/nodejieba.node.'), { code: 'BINDING_NOT_FOUND' });
      },
      cut: () => [],
      insertWord: () => true,
    };
    const seg = loadSegmenter('auto', [], log, withNodejieba(fake));
    assert.equal(seg?.name, 'rs-jieba');
    assert.match(lines[0], /fallback: nodejieba: not installed or no binary for .*native binding was not found/);
  });

  it('nodejieba with a dictionary file missing: never calls load (it would abort the process)', () => {
    const { lines, log } = collect();
    const loads: unknown[] = [];
    const fake = {
      DEFAULT_DICT: path.join(os.tmpdir(), 'gongwen-no-such-dir', 'jieba.dict.utf8'),
      DEFAULT_HMM_DICT: __filename,
      load: (p: unknown) => loads.push(p),
      cut: () => [],
      insertWord: () => true,
    };
    const seg = loadSegmenter('nodejieba', [], log, withNodejieba(fake));
    assert.equal(seg?.name, 'rs-jieba');
    assert.deepEqual(loads, []);
    assert.match(lines[0], /dictionary file missing or empty \(dict: .*jieba\.dict\.utf8\)/);
  });

  it('nodejieba gets every dictionary path checked, our user dictionary, and cut(text, true)', () => {
    const { log } = collect();
    const loads: Array<Record<string, string>> = [];
    const cuts: unknown[][] = [];
    let userDict = '';
    const fake = {
      DEFAULT_DICT: __filename,
      DEFAULT_HMM_DICT: __filename,
      load: (p: Record<string, string>) => {
        loads.push(p);
        userDict = fs.readFileSync(p.userDict, 'utf8');
        for (const f of Object.values(p)) assert.ok(fs.statSync(f).size > 0, f);
      },
      cut: (...args: unknown[]) => (cuts.push(args), [String(args[0])]),
      insertWord: () => true,
    };
    const seg = loadSegmenter('auto', ['新城区卫健局', ' ', '带 空格'], log, withNodejieba(fake));
    assert.equal(seg?.name, 'nodejieba');
    assert.equal(loads.length, 1);
    assert.deepEqual(Object.keys(loads[0]).sort(), ['dict', 'hmmDict', 'idfDict', 'stopWordDict', 'userDict']);
    assert.ok(userDict.includes('医共体 1000 n\n') && userDict.includes('新城区卫健局 1000 n\n'));
    assert.ok(!userDict.includes('空格'), 'words with spaces are dropped');
    assert.equal(fs.existsSync(loads[0].userDict), false, 'temp files removed after load');
    seg.cut('甲乙');
    assert.deepEqual(cuts.at(-1), ['甲乙', true]);
  });

  it('both native engines missing: Intl.Segmenter, the log line naming both', () => {
    const { lines, log } = collect();
    const seg = loadSegmenter('auto', ['新城区卫健局'], log, without('nodejieba', '@node-rs/jieba'));
    assert.equal(seg?.name, 'intl');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^gongwen: word segmentation by Intl\.Segmenter \(fallback: nodejieba: .*; @node-rs\/jieba: .*\)$/);
    assert.ok(seg.cut('新城区卫健局召开会议').includes('新城区卫健局'));
  });

  it('rs-jieba and intl settings load those engines, with no fallback', () => {
    const a = collect();
    assert.equal(loadSegmenter('rs-jieba', [], a.log)?.name, 'rs-jieba');
    assert.doesNotMatch(a.lines[0], /fallback/);
    const b = collect();
    assert.equal(loadSegmenter('intl', [], b.log, without('nodejieba', '@node-rs/jieba'))?.name, 'intl');
    assert.deepEqual(b.lines, ['gongwen: word segmentation by Intl.Segmenter']);
  });

  it('no engine at all: undefined, with a log line', () => {
    const saved = Intl.Segmenter;
    const { lines, log } = collect();
    try {
      (Intl as { Segmenter?: unknown }).Segmenter = undefined;
      assert.equal(loadSegmenter('auto', [], log, without('nodejieba', '@node-rs/jieba')), undefined);
    } finally {
      (Intl as { Segmenter?: unknown }).Segmenter = saved;
    }
    assert.equal(lines.length, 1);
    assert.match(lines[0], /no word segmentation engine could load .*Intl\.Segmenter: .*repeated-word and overused-word are off/);
  });

  it('writes the user dictionary in the `word freq tag` format both jieba engines read', () => {
    assert.equal(userDictionary(['医共体', '放管服']), '医共体 1000 n\n放管服 1000 n\n');
  });
});

describe('CLI segmentation', function () {
  this.timeout(60000);
  afterEach(() => resetSegmentation());

  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  }

  it('loads lazily, once per process, and says so on stderr only on a fallback', () => {
    const o = io();
    const options = withSegmentation({ config: DEFAULT_CONFIG }, undefined, 'en', o.io, without('nodejieba'));
    assert.deepEqual(o.err, [], 'nothing loaded before a rule asks');
    const seg = options.segmenter!();
    assert.equal(seg?.name, 'rs-jieba');
    assert.equal(o.err.length, 1);
    assert.match(o.err[0], /word segmentation by @node-rs\/jieba .*fallback: nodejieba/);
    // A second file with the same settings: the same engine, no new line.
    const again = withSegmentation({ config: DEFAULT_CONFIG }, undefined, 'en', o.io, without('nodejieba'));
    assert.equal(again.segmenter!(), seg);
    assert.equal(o.err.length, 1);
  });

  it('the log line follows --lang', () => {
    const o = io();
    withSegmentation({ config: DEFAULT_CONFIG }, 'rs-jieba', 'zh', o.io, without('@node-rs/jieba')).segmenter!();
    assert.match(o.err[0], /^gongwen：分词引擎 Intl\.Segmenter（回退：@node-rs\/jieba: /);
  });

  it('no line when the engine asked for loads', () => {
    const o = io();
    assert.equal(withSegmentation({ config: DEFAULT_CONFIG }, 'rs-jieba', 'en', o.io).segmenter!()?.name, 'rs-jieba');
    assert.deepEqual(o.err, []);
  });

  it('--segmenter overrides the config; off sets the config off and provides nothing', () => {
    const o = io();
    const off = withSegmentation({ config: { ...DEFAULT_CONFIG, segmenter: 'rs-jieba' } }, 'off', 'en', o.io);
    assert.equal(off.config?.segmenter, 'off');
    assert.equal(off.segmenter, undefined);
    const intl = withSegmentation({ config: { ...DEFAULT_CONFIG, segmenter: 'off' } }, 'intl', 'en', o.io);
    assert.equal(intl.config?.segmenter, 'intl');
    assert.equal(intl.segmenter!()?.name, 'intl');
  });

  it('gongwen check: repeated-word on by default, off with --segmenter off, bad values are usage errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-seg-'));
    try {
      const f = path.join(dir, 'a.txt');
      fs.writeFileSync(f, '一、总体要求\n全面推进党风廉政建设建设。\n');
      const run = (...argv: string[]) => {
        const o = io();
        const code = main(argv, o.io);
        return { code, out: o.out.join('\n'), err: o.err.join('\n') };
      };
      const on = run('check', '--lang', 'en', '--format', 'json', f);
      const found = JSON.parse(on.out).filter((p: { ruleId: string }) => p.ruleId === 'repeated-word');
      assert.deepEqual(
        found.map((p: { line: number; column: number; endColumn: number }) => [p.line, p.column, p.endColumn]),
        [[2, 9, 13]],
      );
      const off = run('check', '--lang', 'en', '--format', 'json', '--segmenter', 'off', f);
      assert.deepEqual(
        JSON.parse(off.out).filter((p: { ruleId: string }) => p.ruleId === 'repeated-word'),
        [],
      );
      assert.equal(off.err, '');
      const bad = run('check', '--lang', 'en', '--segmenter', 'jieba', f);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /--segmenter jieba/);
      const fixed = run('check', '--lang', 'en', '--fix', '--segmenter', 'rs-jieba', f);
      assert.equal(fixed.code, 0, fixed.err);
      // Deleting the copy is a suggestion (the segmenter can misplace a word's end): --fix leaves it to the writer.
      assert.equal(fs.readFileSync(f, 'utf8'), '一、总体要求\n全面推进党风廉政建设建设。\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('built CLI (dist/cli.js) with native engines hidden', function () {
  this.timeout(60000);
  const ROOT = path.join(__dirname, '..', '..');
  const BIN = path.join(ROOT, 'dist', 'cli.js');
  const PRELOAD = path.join(ROOT, 'test', 'preload', 'hide-modules.js');
  let dir: string;
  let file: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-seg-bin-'));
    file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, '一、总体要求\n全面推进党风廉政建设建设。\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function cli(hide: string, ...args: string[]) {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, BIN, 'check', '--lang', 'en', '--format', 'json', ...args, file], {
      encoding: 'utf8',
      env: { ...process.env, GONGWEN_TEST_HIDE: hide },
    });
    const repeated = (JSON.parse(r.stdout) as Array<{ ruleId: string; line: number; column: number }>)
      .filter((p) => p.ruleId === 'repeated-word')
      .map((p) => `${p.line}:${p.column}`);
    return { code: r.status, err: r.stderr.trim(), repeated };
  }

  (onLinuxX64 ? it : it.skip)('nothing hidden on Linux x64: nodejieba loads from the bundle, no engine line', () => {
    assert.deepEqual(cli(''), { code: 0, err: '', repeated: ['2:9'] });
  });

  it('nodejieba hidden: @node-rs/jieba, one stderr line', () => {
    const r = cli('nodejieba');
    assert.deepEqual(r.repeated, ['2:9']);
    assert.match(
      r.err,
      /^gongwen: word segmentation by @node-rs\/jieba with \d+ user dictionary words \(fallback: nodejieba: not installed or no binary for [^)]*Cannot find module 'nodejieba'\)\)$/,
    );
  });

  it('both hidden: Intl.Segmenter, one stderr line', () => {
    const r = cli('nodejieba,@node-rs/jieba');
    assert.deepEqual(r.repeated, ['2:9']);
    assert.equal(r.err.split('\n').length, 1);
    assert.match(r.err, /^gongwen: word segmentation by Intl\.Segmenter \(fallback: nodejieba: .*; @node-rs\/jieba: .*\)$/);
  });

  it('--segmenter off: no engine loads, no line, no problem', () => {
    assert.deepEqual(cli('nodejieba,@node-rs/jieba', '--segmenter', 'off'), { code: 0, err: '', repeated: [] });
  });
});
