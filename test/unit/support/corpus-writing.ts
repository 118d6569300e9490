import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, lint, LineIndex, type Problem } from '../../../src/core';

/** The shared corpus of real reports, and each writing rule's hand-reviewed problems on it. */
const CORPUS = path.join(__dirname, '..', '..', 'fixtures', 'corpus');
const reports = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

interface Expected {
  file: string;
  summary?: boolean;
  problems?: number;
  line: number;
  col: number;
  endCol: number;
  rule: string;
  text: string;
  fix: string | null;
  safe: boolean | null;
}

const render = (r: { line: number; col: number; endCol: number; text: string; fix: string | null; safe: boolean | null }) =>
  `${r.line}:${r.col}-${r.endCol} ${JSON.stringify(r.text)} -> ${r.fix === null ? 'no fix' : `${JSON.stringify(r.fix)}${r.safe ? '' : ' (unsafe)'}`}`;

/** The text with every [start, end) range cut out. */
function cut(text: string, ranges: Array<[number, number]>): string {
  let out = '';
  let pos = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    out += text.slice(pos, s);
    pos = e;
  }
  return out + text.slice(pos);
}

/**
 * For one rule: its problems on each corpus report equal the reviewed expectations exactly, and applying all its
 * fixes leaves none of its problems and changes nothing but the characters the problems name.
 */
export function corpusWritingSuite(ruleId: string, options: { fixes: boolean }): void {
  const all: Expected[] = fs
    .readFileSync(path.join(CORPUS, 'expected-writing', `${ruleId}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

  describe(`corpus: ${ruleId} on real reports`, () => {
    it('has an expectation summary for every report', () => {
      assert.deepEqual(
        all.filter((r) => r.summary).map((r) => r.file),
        reports,
      );
    });

    for (const file of reports) {
      describe(file, () => {
        const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
        const lines = new LineIndex(text);
        const problems: Problem[] = lint(text, { only: [ruleId] });
        const want = all.filter((r) => r.file === file && !r.summary);

        it('finds exactly the reviewed problems, at the exact positions', () => {
          const got = problems.map((p) => {
            const s = lines.lineColumn(p.start);
            const e = lines.lineColumn(p.end);
            return render({
              line: s.line,
              col: s.column,
              endCol: e.column,
              text: text.slice(p.start, p.end),
              fix: p.fix ? p.fix.edits.map((x) => x.text).join('') : null,
              safe: p.fix ? p.fix.safe : null,
            });
          });
          assert.deepEqual(got, want.map(render));
          assert.equal(all.find((r) => r.file === file && r.summary)!.problems, want.length);
          assert.ok(problems.every((p) => p.ruleId === ruleId && p.severity === 'warning' && p.message && p.messageEn));
        });

        if (!options.fixes) {
          it('offers no fix', () => assert.ok(problems.every((p) => p.fix === undefined)));
          return;
        }

        it('fix round trip: after all its fixes, the rule finds nothing, and nothing else changed', () => {
          assert.ok(
            problems.every((p) => p.fix && p.fix.edits.every((e) => e.start >= p.start && e.end <= p.end)),
            'each fix edits only its own range',
          );
          const result = applyEdits(
            text,
            problems.flatMap((p) => p.fix!.edits),
          );
          assert.deepEqual(result.skipped, []);
          assert.deepEqual(
            lint(result.output, { only: [ruleId] }).map((p) => lines.lineColumn(p.start)),
            [],
          );
          // Where each applied edit's replacement landed in the output.
          let delta = 0;
          const inserted: Array<[number, number]> = result.applied.map((e) => {
            const at: [number, number] = [e.start + delta, e.start + delta + e.text.length];
            delta += e.text.length - (e.end - e.start);
            return at;
          });
          assert.equal(
            cut(result.output, inserted),
            cut(
              text,
              result.applied.map((e) => [e.start, e.end]),
            ),
          );
        });
      });
    }
  });
}
