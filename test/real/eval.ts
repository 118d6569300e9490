// The real-text evaluation: lints every text of test/real/texts/ as `gongwen check` does by default, compares
// with the hand-made truth (placeholders, headings, numbering problems, titles) and the judged verdicts, prints
// per-rule precision, recall figures and problems per 1,000 characters by kind, and writes ACCURACY.md.
//   npm run eval                 print the figures and rewrite ACCURACY.md
//   npm run eval -- --no-write   print only
//   npm run eval -- --unjudged   also write test/real/.unjudged.jsonl (every problem nobody has judged, with context)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, DEFAULT_SEVERITIES, lint, parse, type Problem } from '../../src/core';
import { loadSegmenter } from '../../src/engines/segmenters';
import { loadRealSet, realTextKinds, type RealText } from './lib/load';
import { evaluate, type Evaluation } from './lib/evaluate';
import { renderAccuracy, renderConsole } from './lib/report';

const ROOT = path.resolve(__dirname, '../..');
const args = new Set(process.argv.slice(2));

const segmenter = loadSegmenter('auto', DEFAULT_CONFIG.dictionary, () => {});
const set = loadRealSet(path.join(ROOT, 'test/real'));
const started = Date.now();
const result: Evaluation = evaluate(
  set,
  (text: RealText): Problem[] => lint(text.text, { config: DEFAULT_CONFIG, segmenter: () => segmenter }),
  (t) => parse(t.text),
);
const seconds = (Date.now() - started) / 1000;
// The wording rules are listed even with no find on the set (precision "—"): a rule missing from the table says nothing.
for (const rule of ['typo', 'variant-form', 'usage', 'banned-term', 'range-dash', 'ai-leftovers']) {
  if (!result.rules.some((r) => r.rule === rule))
    result.rules.push({ rule, severity: String(DEFAULT_SEVERITIES[rule]), reported: 0, truePositives: 0, falsePositives: 0, unjudged: 0 });
}
result.rules.sort((a, b) => a.rule.localeCompare(b.rule));

process.stdout.write(renderConsole(result));
if (args.has('--unjudged')) {
  const out = path.join(ROOT, 'test/real/.unjudged.jsonl');
  writeFileSync(out, result.unjudged.map((u) => JSON.stringify(u)).join('\n') + (result.unjudged.length ? '\n' : ''));
  process.stdout.write(`\n${result.unjudged.length} unjudged problems written to ${path.relative(ROOT, out)}\n`);
}
if (!args.has('--no-write')) {
  const file = path.join(ROOT, 'ACCURACY.md');
  writeFileSync(file, renderAccuracy(result, { engine: segmenter?.name ?? 'none', seconds, kinds: realTextKinds(set) }));
  process.stdout.write(`\nACCURACY.md written (${seconds.toFixed(1)} s)\n`);
}
