import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, LineIndex, lint } from '../../src/core';
import { loadSegmenter } from '../../src/engines/segmenters';

/**
 * The wording rules on real text (issue 17), at exact places: every find on the real-text set (`test/real/texts/`)
 * and on the shared corpus, each judged true in `test/real/verdicts/` (or here, for the corpus); typo, usage and
 * banned-term find nothing there, and the clean official reports gain at most one problem per 20,000 characters.
 */

const ROOT = path.join(__dirname, '..', '..');
const TEXTS = path.join(ROOT, 'test', 'real', 'texts');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');
const RULES = ['typo', 'variant-form', 'usage', 'banned-term', 'range-dash', 'ai-leftovers'];

/** Every find on the real-text set: `file:line:column rule characters`, 1-based as the CLI prints them. */
const REAL_FINDS = [
  'official-12:6:789 range-dash -',
  'template-02:6:9 ai-leftovers "十四五"',
  'template-02:6:53 ai-leftovers "十五五"',
  'template-02:9:80 ai-leftovers "茶-花-树"',
  'template-02:9:141 ai-leftovers "一主多元"',
  'template-08:9:19 ai-leftovers "合作社+基地+农户"',
  'template-16:14:41 range-dash -',
  'template-16:16:42 range-dash -',
  'template-16:18:20 range-dash -',
  'template-16:20:48 range-dash -',
  'template-16:22:18 range-dash -',
  'web-01:83:270 variant-form 奢糜',
  'web-02:90:60 range-dash －',
  'web-18:75:161 variant-form 成份',
  'web-34:43:64 range-dash -',
  'web-42:89:199 variant-form 联接',
  'web-46:47:25 range-dash -',
  'web-46:65:239 range-dash -',
];

/** The shared corpus: ranges of values written with a hyphen, all true (GB/T 15834-2011 §4.13.3.3: `0～3周岁`). */
const CORPUS_FINDS = ['002_3cbf79e9d602b8eb:35:131 range-dash -', '004_503d8dbb8d0f1449:25:46 range-dash -', '004_503d8dbb8d0f1449:39:238 range-dash -'];

const segmenter = loadSegmenter('auto', DEFAULT_CONFIG.dictionary, () => {});

function findsIn(dir: string, ext = '.txt'): { finds: string[]; chars: Map<string, number>; problems: Map<string, number> } {
  const finds: string[] = [];
  const chars = new Map<string, number>();
  const problems = new Map<string, number>();
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith(ext))
    .sort()) {
    const id = f.slice(0, -ext.length);
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const lines = new LineIndex(text);
    const found = lint(text, { config: DEFAULT_CONFIG, only: RULES, segmenter: () => segmenter });
    chars.set(id, [...text].length);
    problems.set(id, found.length);
    for (const p of found) {
      const at = lines.lineColumn(p.start);
      finds.push(`${id}:${at.line}:${at.column} ${p.ruleId} ${text.slice(p.start, p.end)}`);
    }
  }
  return { finds, chars, problems };
}

describe('wording rules on real text', () => {
  it('report exactly the judged finds on the real-text set, each judged true', function () {
    if (!fs.existsSync(TEXTS)) this.skip();
    const { finds } = findsIn(TEXTS);
    assert.deepEqual(finds, REAL_FINDS);
    const verdicts = RULES.flatMap((rule) => {
      const file = path.join(ROOT, 'test', 'real', 'verdicts', `${rule}.jsonl`);
      if (!fs.existsSync(file)) return [];
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { file: string; rule: string; line: number; text: string; verdict: string });
    });
    for (const find of finds) {
      const [, file, line, rule, text] = /^([^:]+):(\d+):\d+ (\S+) (.*)$/.exec(find)!;
      const v = verdicts.find((x) => x.file === file && x.rule === rule && x.line === Number(line) && x.text === text);
      assert.equal(v?.verdict, 'true', `${find}: judged ${v?.verdict ?? 'never'}`);
    }
  });

  it('add at most one problem per 20,000 characters to the clean official reports', function () {
    if (!fs.existsSync(TEXTS)) this.skip();
    const { chars, problems } = findsIn(TEXTS);
    const official = [...chars.keys()].filter((id) => id.startsWith('official-'));
    const total = official.reduce((n, id) => n + chars.get(id)!, 0);
    const found = official.reduce((n, id) => n + problems.get(id)!, 0);
    assert.ok(total > 100_000, `${total} characters`);
    assert.equal(found, 1);
    assert.ok(found <= total / 20_000);
  });

  it('report exactly the judged finds on the shared corpus', function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    assert.deepEqual(findsIn(CORPUS).finds, CORPUS_FINDS);
  });
});
