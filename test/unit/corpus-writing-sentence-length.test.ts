import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, lint, LineIndex } from '../../src/core';

/** sentence-length (info, no fix) on the shared corpus, against the reviewed expectations. */
const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const reports = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const all = fs
  .readFileSync(path.join(CORPUS, 'expected-writing', 'sentence-length.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));

describe('corpus: sentence-length on real reports', () => {
  it('has an expectation summary for every report', () => {
    assert.deepEqual(
      all.filter((r) => r.summary).map((r) => r.file),
      reports,
    );
  });

  for (const file of reports) {
    it(`${file}: exactly the reviewed sentences, at the exact positions, info without a fix`, () => {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const lines = new LineIndex(text);
      const problems = lint(text, { only: ['sentence-length'] });
      const got = problems.map((p) => {
        const s = lines.lineColumn(p.start);
        const e = lines.lineColumn(p.end);
        const chars = Number(/句子长达(\d+)字/.exec(p.message)![1]);
        return { line: s.line, col: s.column, endCol: e.column, severity: p.severity, chars, text: text.slice(p.start, p.end), fix: p.fix ?? null };
      });
      const want = all
        .filter((r) => r.file === file && !r.summary)
        .map((r) => ({ line: r.line, col: r.col, endCol: r.endCol, severity: r.severity, chars: r.chars, text: r.text, fix: r.fix }));
      assert.deepEqual(got, want);
      assert.equal(all.find((r) => r.file === file && r.summary).problems, want.length);
    });
  }

  it('a higher maxLength keeps only the longest', () => {
    const text = fs.readFileSync(path.join(CORPUS, '002_3cbf79e9d602b8eb.txt'), 'utf8');
    const lines = new LineIndex(text);
    const problems = lint(text, { only: ['sentence-length'], config: { ...DEFAULT_CONFIG, rules: { 'sentence-length': ['info', { maxLength: 200 }] } } });
    assert.deepEqual(
      problems.map((p) => lines.lineColumn(p.start).line),
      [28, 32],
    );
  });
});
