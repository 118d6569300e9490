import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, lint, LineIndex } from '../../src/core';

/** max-chars (info, no fix) on the shared corpus: off by default; with a limit, on each document's title. */
const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const reports = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const all = fs
  .readFileSync(path.join(CORPUS, 'expected-writing', 'max-chars.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const read = (f: string) => fs.readFileSync(path.join(CORPUS, f), 'utf8');

describe('corpus: max-chars on real reports', () => {
  it('has an expectation summary for every report, and finds exactly what it says by default', () => {
    assert.deepEqual(
      all.filter((r) => r.summary).map((r) => r.file),
      reports,
    );
    for (const file of reports) {
      const want = all.filter((r) => r.file === file && !r.summary);
      assert.equal(lint(read(file), { only: ['max-chars'] }).length, want.length);
      assert.equal(all.find((r) => r.file === file && r.summary).problems, want.length);
    }
  });

  const flagged = (file: string, maxChars: number) => {
    const text = read(file);
    const lines = new LineIndex(text);
    return lint(text, { only: ['max-chars'], config: { ...DEFAULT_CONFIG, maxChars } }).map((p) => {
      const s = lines.lineColumn(p.start);
      return `${s.line}:${s.column}-${lines.lineColumn(p.end).column} ${p.severity} ${p.message}`;
    });
  };

  it('004 (3,531 字) over 3,000: one info on its title line', () => {
    assert.deepEqual(flagged('004_503d8dbb8d0f1449.txt', 3000), ['1:1-20 info 全文3,531字，超过设定的字数上限3,000字（maxChars），超出531字']);
    assert.deepEqual(flagged('004_503d8dbb8d0f1449.txt', 3531), []);
  });

  it('002 over 2,000: the report (2,361 字) on its title, line 27; the contents list is never judged', () => {
    assert.deepEqual(flagged('002_3cbf79e9d602b8eb.txt', 2000), ['27:1-27 info 全文2,361字，超过设定的字数上限2,000字（maxChars），超出361字']);
    assert.deepEqual(flagged('002_3cbf79e9d602b8eb.txt', 300), ['27:1-27 info 全文2,361字，超过设定的字数上限300字（maxChars），超出2,061字']);
  });
});
