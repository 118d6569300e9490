// Safe means safe, measured on every text of the real-text set (test/real/): a fix applied without review
// (--fix, fix-all on save) changes only the characters its problem names, leaves every placeholder and every
// heading's title alone, deletes no Han character a reader wrote, and never creates a numbering problem.
import assert from 'node:assert/strict';
import path from 'node:path';
import { applyEdits, fixAll, lint, parse, type Problem, type TextEdit } from '../../src/core';
import { offsetMapper } from '../../src/core/edits/fix';
import { findPlaceholders } from '../../src/core/structure/placeholders';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { loadSegmenter } from '../../src/engines/segmenters';
import { loadRealSet } from '../real/lib/load';
import { NUMBERING_RULES } from '../real/lib/evaluate';

const set = loadRealSet(path.resolve(__dirname, '../real'));
// The engine `gongwen check` uses by default here (nodejieba on Linux x64), so the fixes judged are the ones users get.
const segmenter = loadSegmenter('auto', DEFAULT_CONFIG.dictionary, () => {});
const options = { config: DEFAULT_CONFIG, segmenter: () => segmenter };

/** Rules whose safe fix may rewrite characters of a heading's marker (renumbering, marker width). */
const MARKER_RULES = new Set(NUMBERING_RULES);
/** Rules whose safe fix replaces a character by its standard look-alike. */
const REPLACING_RULES = new Set(['lookalike-char']);

const HAN = /\p{Script=Han}/gu;
const hanCount = (s: string) => s.match(HAN)?.length ?? 0;

const touches = (edits: readonly TextEdit[], start: number, end: number) => edits.some((e) => e.start < end && start < e.end + (e.start === e.end ? 1 : 0));

function numberingProblems(problems: Problem[]): number {
  return problems.filter((p) => MARKER_RULES.has(p.ruleId)).length;
}

describe('safe fixes on the real-text set (test/real)', function () {
  this.timeout(120000);

  it('the set is there: at least 60 texts and 300,000 characters', function () {
    if (!set.texts.length) this.skip();
    assert.ok(set.texts.length >= 60, `${set.texts.length} texts`);
    assert.ok(set.texts.reduce((n, t) => n + [...t.text].length, 0) >= 300000);
  });

  for (const t of set.texts) {
    it(`${t.id}: every safe fix stays inside its problem, keeps titles and placeholders, deletes no Han character`, () => {
      const model = parse(t.text);
      const problems = lint(t.text, options).filter((p) => p.fix?.safe);
      const headingMarkers = model.headings.map((h) => [h.markerStart, h.markerEnd] as const);
      for (const p of problems) {
        for (const e of p.fix!.edits) {
          const inProblem = e.start >= p.start && e.end <= p.end;
          const inMarker = MARKER_RULES.has(p.ruleId) && headingMarkers.some(([s, end]) => e.start >= s && e.end <= end);
          assert.ok(inProblem || inMarker, `${p.ruleId} at ${p.start}: edit ${e.start}-${e.end} lies outside what the problem names`);
          if (!MARKER_RULES.has(p.ruleId) && !REPLACING_RULES.has(p.ruleId)) {
            const removed = t.text.slice(e.start, e.end);
            assert.ok(hanCount(e.text) >= hanCount(removed), `${p.ruleId} at ${p.start}: the safe fix deletes Han characters "${removed}" → "${e.text}"`);
          }
        }
      }
      const { applied, output } = applyEdits(
        t.text,
        problems.flatMap((p) => p.fix!.edits),
      );
      const to = offsetMapper(applied);
      for (const h of model.headings) {
        if (touches(applied, h.titleStart, h.titleEnd)) continue;
        assert.equal(output.slice(to(h.titleStart), to(h.titleEnd)), h.title, `heading on line ${h.line + 1} changed`);
      }
      for (const ph of findPlaceholders(model, DEFAULT_CONFIG)) {
        if (touches(applied, ph.start, ph.end)) continue;
        assert.equal(output.slice(to(ph.start), to(ph.end)), ph.text, `placeholder ${ph.text} changed`);
      }
    });

    it(`${t.id}: fix-all converges and creates no numbering problem`, () => {
      const before = numberingProblems(lint(t.text, options));
      const fixed = fixAll(t.text, options).output;
      assert.ok(numberingProblems(lint(fixed, options)) <= before, 'fix-all created a numbering problem');
      assert.equal(fixAll(fixed, options).output, fixed, 'a second fix-all still changes the text');
    });
  }
});
