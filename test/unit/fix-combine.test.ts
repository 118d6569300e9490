// One way to edit: every fix path (quick fix, fix all of a rule, fix-all, --fix) combines fixes through
// combineFixes and applies them through applyEdits; overlapping edits inside one fix are a rule's bug, rejected.
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint, type Problem, type TextEdit } from '../../src/core';
import { applyFixes, combineFixes, validEdits } from '../../src/core/edits/fix';

const edit = (start: number, end: number, text: string): TextEdit => ({ start, end, text });
let seq = 0;
/** A problem of a made-up rule carrying these edits as its (safe) fix. */
function problem(edits: TextEdit[], ruleId = 'test-rule'): Problem {
  seq++;
  return {
    ruleId,
    severity: 'warning',
    start: edits[0]?.start ?? 0,
    end: edits[0]?.end ?? 0,
    message: `p${seq}`,
    messageEn: `p${seq}`,
    fix: { safe: true, edits, title: 't', titleEn: 't' },
  };
}

describe('applyEdits', () => {
  it('applies disjoint edits from the end, identical ones once, an insertion touching a replacement both', () => {
    const r = applyEdits('abcdef', [edit(4, 5, 'E'), edit(0, 1, 'A'), edit(0, 1, 'A'), edit(2, 2, '+'), edit(2, 3, 'C')]);
    assert.equal(r.output, 'Ab+CdEf');
    assert.deepEqual(r.skipped, []);
    assert.deepEqual(r.applied, [edit(0, 1, 'A'), edit(2, 2, '+'), edit(2, 3, 'C'), edit(4, 5, 'E')]);
  });
  it('reports what overlaps or leaves the text in skipped: two insertions at one point, shared characters, out of range', () => {
    const r = applyEdits('abcdef', [edit(1, 1, 'x'), edit(1, 1, 'y'), edit(2, 4, 'Q'), edit(3, 5, 'R'), edit(5, 9, 'Z')]);
    assert.equal(r.output, 'axbQef');
    assert.deepEqual(r.skipped, [edit(1, 1, 'y'), edit(3, 5, 'R'), edit(5, 9, 'Z')]);
  });
});

describe("validEdits: one fix's own edits", () => {
  it('accepts disjoint and touching edits, rejects overlaps, duplicates, two insertions at one point and ranges outside the text', () => {
    assert.equal(validEdits('abcdef', [edit(3, 4, 'x'), edit(0, 1, 'y'), edit(1, 1, 'z'), edit(1, 3, 'w')]), true);
    assert.equal(validEdits('abcdef', [edit(0, 2, 'x'), edit(1, 3, 'y')]), false);
    assert.equal(validEdits('abcdef', [edit(0, 2, 'x'), edit(0, 2, 'x')]), false);
    assert.equal(validEdits('abcdef', [edit(2, 2, 'x'), edit(2, 2, 'y')]), false);
    assert.equal(validEdits('abcdef', [edit(4, 7, 'x')]), false);
    assert.equal(validEdits('abcdef', [edit(3, 2, 'x')]), false);
  });
});

describe('combineFixes', () => {
  it('takes each fix whole, in order; a fix overlapping one taken is deferred whole, never half applied', () => {
    const a = problem([edit(0, 1, 'A'), edit(4, 5, 'E')]);
    const b = problem([edit(2, 3, 'C'), edit(4, 6, 'EF')]);
    const c = problem([edit(5, 6, 'F')]);
    const r = combineFixes('abcdef', [a, b, c]);
    assert.deepEqual(r.edits, [edit(0, 1, 'A'), edit(4, 5, 'E'), edit(5, 6, 'F')]);
    assert.deepEqual(r.fixed, [a, c]);
    assert.deepEqual(r.deferred, [b]);
    assert.deepEqual(r.invalid, []);
  });
  it("shares an edit two fixes both make (a level rewrite and one marker's own fix) and lists it once", () => {
    const level = problem([edit(0, 1, 'A'), edit(2, 3, 'C')]);
    const one = problem([edit(2, 3, 'C')]);
    const r = combineFixes('abcd', [one, level]);
    assert.deepEqual(r.edits, [edit(0, 1, 'A'), edit(2, 3, 'C')]);
    assert.deepEqual(r.fixed, [one, level]);
    assert.deepEqual(r.deferred, []);
  });
  it('rejects a fix whose own edits overlap (a programming error) and still takes the others', () => {
    const bad = problem([edit(0, 2, 'x'), edit(1, 3, 'y')], 'buggy-rule');
    const good = problem([edit(4, 5, 'E')]);
    const r = combineFixes('abcdef', [bad, good]);
    assert.deepEqual(r.invalid, [bad]);
    assert.deepEqual(r.fixed, [good]);
    assert.deepEqual(r.edits, [edit(4, 5, 'E')]);
  });
  it('places edits that land between and around taken ones in order, so the result stays sorted and disjoint', () => {
    const r = combineFixes('0123456789', [
      problem([edit(4, 5, 'd')]),
      problem([edit(8, 9, 'h'), edit(0, 1, 'a'), edit(6, 7, 'f')]),
      problem([edit(5, 5, '+'), edit(2, 3, 'b')]),
    ]);
    assert.deepEqual(
      r.edits.map((e) => e.start),
      [0, 2, 4, 5, 6, 8],
    );
    assert.equal(applyEdits('0123456789', r.edits).output, 'a1b3d+5f7h9');
  });
  it('ignores problems without a fix', () => {
    const r = combineFixes('abc', [{ ruleId: 'x', severity: 'info', start: 0, end: 1, message: 'm', messageEn: 'm' }]);
    assert.deepEqual(r, { edits: [], fixed: [], deferred: [], invalid: [] });
  });
  it('applyFixes applies the combination through applyEdits', () => {
    const r = applyFixes('abcdef', [problem([edit(0, 1, 'A')]), problem([edit(0, 2, 'XY')]), problem([edit(5, 6, 'F')])]);
    assert.equal(r.output, 'AbcdeF');
    assert.equal(r.fixed.length, 2);
    assert.equal(r.deferred.length, 1);
  });
});

describe('fixAll through combineFixes', () => {
  it('a sequence fix and a style fix on one marker: one per pass, each counted once (3 before: the skipped style edit counted too)', () => {
    const r = fixAll('一、甲\n1.甲\n1、乙\n');
    assert.deepEqual(r, { output: '一、甲\n1.甲\n2.乙\n', fixed: 2, passes: 2, invalid: [] });
  });
  it("counts each numbering-style problem once: the correct 1. no longer carries the others' rewrites", () => {
    assert.deepEqual(fixAll('一、甲\n（一）a\n1.x\n2、y\n3、z'), { output: '一、甲\n（一）a\n1.x\n2.y\n3.z', fixed: 2, passes: 1, invalid: [] });
  });
});

describe('numbering-style: the fix on a correct marker', () => {
  const style = (text: string) => lint(text, { only: ['numbering-style'] }).map((p) => [p.start, p.fix?.title, p.fix?.edits]);

  it('a correct 1. among 2、 3、 carries no problem: each 2、 and 3、 has its own fix, and no two fixes share an edit', () => {
    assert.deepEqual(style('一、甲\n（一）a\n1.x\n2、y\n3、z'), [
      [13, '改为“2.”', [edit(13, 15, '2.')]],
      [17, '改为“3.”', [edit(17, 19, '3.')]],
    ]);
  });
  it('a correct （三） among (一)(二) rewrites only the harmless (一)(二); （四）、 keeps its own fix', () => {
    assert.deepEqual(style('一、甲\n(一)a\n(二)b\n（三）c\n（四）、d'), [
      [14, '将本级“(一)”式编号改为规范写法', [edit(4, 7, '（一）'), edit(9, 12, '（二）')]],
      [19, '改为“（四）”', [edit(19, 23, '（四）')]],
    ]);
  });
  it('fixing the first of 1、 2、 3、 no longer raises a new problem on the marker it fixed (before: "1." should be "1.")', () => {
    const text = '一、甲\n（一）a\n1、x\n2、y\n3、z';
    const fixed = applyEdits(text, lint(text, { only: ['numbering-style'] }).find((p) => p.start === 9)!.fix!.edits).output;
    assert.equal(fixed, '一、甲\n（一）a\n1.x\n2、y\n3、z');
    assert.deepEqual(
      style(fixed).map(([start]) => start),
      [13, 17],
    );
  });
});
