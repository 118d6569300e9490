import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { cachedSegmenter, lint, type Segmenter } from '../../src/core';
import { DEFAULT_CONFIG } from '../../src/core/config';
import type { GongwenConfig } from '../../src/core/config/settings';
import { loadSegmenter } from '../../src/engines/segmenters';

// The engine of the other segmentation tests, behind a small paragraph cache of its own: that cache is bounded by
// design (least recently used evicted), and a small bound lets it fill up during the warm-up, so what the measurement
// sees is only state that grows without bound.
const loaded = loadSegmenter('auto', DEFAULT_CONFIG.dictionary, () => {});
const engine: Segmenter | undefined = loaded && 'engine' in loaded ? (loaded as { engine: Segmenter }).engine : loaded;
const segmenter = engine ? cachedSegmenter(engine, 64) : undefined;

// Every rule on, the segmentation ones included, and a user placeholder pattern.
const config: GongwenConfig = {
  ...DEFAULT_CONFIG,
  rules: { 'overused-word': 'info', 'sentence-length': 'info', 'repeated-word': 'warning' },
  placeholders: { ...DEFAULT_CONFIG.placeholders, patterns: ['待[定补]'] },
};

const PARAGRAPH = '推进医疗改革落地见效，推进分级诊疗制度建设，推进公立医院综合改革，推进家庭医生签约服务，推进基层卫生人才培养，推进中医药传承创新。';

function report(markdown: boolean): string {
  const h = (s: string) => (markdown ? `## ${s}\n\n` : `${s}\n`);
  const p = (s: string) => (markdown ? `${s}\n\n` : `${s}\n`);
  let text = markdown ? '# 关于2024年卫生健康工作的报告\n\n' : '关于2024年卫生健康工作的报告\n';
  for (const n of ['一', '二']) {
    text += h(`${n}、总体要求`);
    for (const m of ['一', '二']) {
      text += h(`（${m}）加强组织领导`);
      text += p(
        markdown
          ? `${PARAGRAPH}详见[细则](https://example.com/${n}${m})，全年考核\`12\`次，**重点**工作的的推进。`
          : `${PARAGRAPH}全年考核12次，重点工作的的推进。`,
      );
    }
  }
  return text;
}

/** The offsets of the ideographs a writer might retype: every one in the prose paragraphs. */
function editable(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(PARAGRAPH); at >= 0; at = text.indexOf(PARAGRAPH, at + 1)) {
    for (let i = 0; i < PARAGRAPH.length; i++) if (/\p{Script=Han}/u.test(PARAGRAPH[i])) out.push(at + i);
  }
  return out;
}

/** Heap in use after a full collection. */
function heapAfterGc(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

describe('memory over a long editing session', function () {
  this.timeout(120_000);
  let gc: () => void;

  before(function () {
    if (!segmenter) this.skip();
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  });

  for (const markdown of [false, true]) {
    it(`keeps the heap flat over 10,000 lints of a ${markdown ? '.md' : '.txt'} document edited one character at a time`, () => {
      const options = { config, format: markdown ? ('markdown' as const) : ('text' as const), segmenter: () => segmenter };
      const chars = [...report(markdown)];
      const spots = editable(chars.join(''));
      // Each lint retypes one ideograph with one never seen before in that place: new words, new paragraphs.
      const edit = (k: number) => {
        chars[spots[(k * 7) % spots.length]] = String.fromCharCode(0x4e00 + ((k * 7919) % 20000));
        return chars.join('');
      };
      let k = 0;
      let problems = 0;
      for (; k < 1000; k++) problems += lint(edit(k), options).length;
      const before = heapAfterGc(gc);
      for (; k < 11_000; k++) problems += lint(edit(k), options).length;
      const growth = heapAfterGc(gc) - before;
      if (process.env.GONGWEN_MEMORY_LOG) console.log(`growth ${growth}`);
      assert.ok(problems > 0, 'the rules ran');
      assert.ok(growth < 1_000_000, `the heap grew by ${(growth / 1e6).toFixed(2)} MB over 10,000 lints`);
    });
  }
});
