// nodejieba with only the slice of its dictionary a run's texts use: the same cuts as the whole dictionary.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexDictionary, markWordsIn, PADDING_WORD, sliceDictionary, sliceHmm, UnsupportedDictionary, WordMarks } from '../../src/engines/jieba-dictionary';

const ROOT = path.join(__dirname, '..', '..');
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

/** Entries of a `word freq tag` dictionary file. */
function entries(text: string): Array<[string, number, string]> {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [w, f, t] = l.split(' ');
      return [w, Number(f), t];
    });
}

describe('dictionary slices (jieba-dictionary)', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-slice-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const DICT =
    ['建设 30 v', '项目 20 n', '建设项目 5 n', '土建 2 n', '医院 40 n', '中医 9 n', '𠀀字 3 n', 'AT&T 3 nz', '人民 50 n', '的 10000 uj'].join('\n') + '\n';

  it('keeps the words the texts hold, in the dictionary’s order, and the smallest, median and total frequency', () => {
    const bytes = Buffer.from(DICT);
    const index = indexDictionary(bytes);
    assert.deepEqual([index.freqSum, index.minFreq, index.medianFreq, index.maxWordLength], [10162, 2, 20, 4]);
    const needed = new WordMarks(index.entryCount);
    // A hard wrap between 建设 and 项目 joins them: a word may run across a line break.
    // Seven words and thirteen characters (for the HMM model's slice).
    assert.equal(markWordsIn(index, '市人民医院建设\n项目土建，𠀀字', needed), 7 + 13);
    assert.equal(needed.entries.length, 7);
    assert.ok(needed.chars.has(0x20000) && needed.chars.has(0xff0c) && !needed.chars.has(0x0a));
    assert.equal(markWordsIn(index, '建设项目', needed), 0, 'already marked');
    const file = path.join(tmp, 'dict');
    fs.writeFileSync(file, bytes);
    const slice = entries(sliceDictionary(file, index, needed).toString('utf8'));
    const words = slice.filter(([w]) => w !== PADDING_WORD);
    assert.deepEqual(
      words.map(([w]) => w),
      ['建设', '项目', '建设项目', '土建', '医院', '𠀀字', '人民'],
    );
    const freqs = slice.map(([, f]) => f).sort((a, b) => a - b);
    assert.equal(
      freqs.reduce((a, b) => a + b, 0),
      10162,
    );
    assert.equal(freqs[0], 2);
    assert.equal(freqs[freqs.length >> 1], 20);
    // Without room for the padding (a dictionary of a few words), it refuses: the engine then loads the whole file.
    const tiny = Buffer.from('建设 30 v\n项目 20 n\n');
    const tinyIndex = indexDictionary(tiny);
    const all = new WordMarks(2);
    markWordsIn(tinyIndex, '建设项目', all);
    fs.writeFileSync(file, tiny);
    assert.throws(() => sliceDictionary(file, tinyIndex, all), UnsupportedDictionary);
  });

  it('slices the HMM model to the emissions of the characters met, keeping one entry where none is left', () => {
    const model = [
      '#B',
      '-0.2 -3.14e+100 -3.14e+100 -1.4',
      '#trans',
      '1 2 3 4',
      '5 6 7 8',
      '9 10 11 12',
      '13 14 15 16',
      '#B',
      '建:-1.5,设:-2.5,甲:-3',
      '#E',
      '甲:-4,建:-5',
      '#M',
      '乙:-6',
      '#S',
      '𠀀:-7,设:-8',
      '',
    ].join('\n');
    const sliced = sliceHmm(model, new Set([0x5efa, 0x8bbe, 0x20000]));
    assert.equal(
      sliced,
      [
        '#B',
        '-0.2 -3.14e+100 -3.14e+100 -1.4',
        '#trans',
        '1 2 3 4',
        '5 6 7 8',
        '9 10 11 12',
        '13 14 15 16',
        '#B',
        '建:-1.5,设:-2.5',
        '#E',
        '建:-5',
        '#M',
        '乙:-6',
        '#S',
        '𠀀:-7,设:-8',
        '',
      ].join('\n'),
    );
    assert.equal(sliceHmm('1 2 3 4\n', new Set()), null, 'not the shape cppjieba reads');
  });

  it('refuses a dictionary it could not slice exactly', () => {
    for (const bad of ['建设 30\n', '建设 3.5 v\n', '建设 0 v\n', '建设  30 v\n', '建设 30 v x\n', '\n', '建设 030 v\n']) {
      assert.throws(() => indexDictionary(Buffer.from(bad)), UnsupportedDictionary, JSON.stringify(bad));
    }
    assert.throws(() => indexDictionary(Buffer.from([0xe5, 0xbb, 0x20, 0x31, 0x20, 0x6e, 0x0a])), UnsupportedDictionary, 'not UTF-8');
  });
});

describe('nodejieba with a dictionary slice', function () {
  this.timeout(120000);

  (onLinuxX64 ? it : it.skip)('cuts every paragraph of the corpus and the real texts as the whole dictionary does, in a fraction of the memory', () => {
    // A fresh process: nodejieba keeps one dictionary per process, and other tests load the whole one.
    const script = `
      const fs = require('node:fs');
      const path = require('node:path');
      const { loadSegmenter } = require(${JSON.stringify(path.join(ROOT, 'src', 'engines', 'segmenters.ts'))});
      const dirs = ${JSON.stringify([path.join(ROOT, 'test', 'real', 'texts'), path.join(ROOT, 'test', 'fixtures', 'corpus')])};
      const texts = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')));
      const paragraphs = [];
      for (const t of texts) {
        const lines = t.split(/\\r?\\n/).filter((l) => l.trim());
        lines.forEach((l, i) => paragraphs.push(l, l + (lines[i + 1] ?? '')));
      }
      const before = process.memoryUsage().rss;
      const seg = loadSegmenter('nodejieba', ['新城区卫健局'], () => {}, require, texts);
      const sliced = paragraphs.map((p) => seg.engine.cut(p).join('/'));
      const slicedRss = process.memoryUsage().rss - before;
      seg.cut(${JSON.stringify(PADDING_WORD)});
      const whole = paragraphs.map((p) => seg.engine.cut(p).join('/'));
      const wholeRss = process.memoryUsage().rss - before;
      const differ = paragraphs.filter((p, i) => sliced[i] !== whole[i]).slice(0, 3);
      process.stdout.write(JSON.stringify({ count: paragraphs.length, differ, slicedRss, wholeRss }));
    `;
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GONGWEN_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-slice-cache-')) },
      maxBuffer: 64 << 20,
    });
    assert.equal(r.status, 0, r.stderr);
    const { count, differ, slicedRss, wholeRss } = JSON.parse(r.stdout) as { count: number; differ: string[]; slicedRss: number; wholeRss: number };
    assert.ok(count > 15000, `${count} paragraphs`);
    assert.deepEqual(differ, []);
    // The whole dictionary takes ~220 MB more (nodejieba keeps it twice); the slice of 90 reports a small part of it.
    assert.ok(wholeRss - slicedRss > 100 << 20, `sliced +${slicedRss >> 20} MB, whole +${wholeRss >> 20} MB`);
  });
});
