// The markdownlint-style meta-test: every fix any rule offers (safe or not), on every text we have, is one that can
// be applied and that does its job. For each problem with a fix:
//   - its edits lie inside the text and do not overlap each other (validEdits);
//   - applyEdits applies every one of them and skips nothing;
//   - re-linting the result no longer reports a problem of that rule at the problem's (mapped) position,
//     unless EXCEPTIONS below names the case and why.
// And the combinations every fix path makes (fix all of a rule, fix-all / --fix) reject no fix and skip no edit.
// Texts: the corpus, the examples, the real-text set, every string literal of the rule tests (their valid/invalid
// tables are in code), and short texts that make each fixable rule offer its fix.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, lint, RULE_IDS, type Problem, type SourceFormat } from '../../src/core';
import { combineFixes, offsetMapper, validEdits } from '../../src/core/edits/fix';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { loadSegmenter } from '../../src/engines/segmenters';

const ROOT = path.resolve(__dirname, '..', '..');
// The engine `gongwen check` uses here, so the fixes judged are the ones users get.
const segmenter = loadSegmenter('auto', DEFAULT_CONFIG.dictionary, () => {});
/** Every rule, those off by default included (naming a rule in `only` turns it on). */
const ALL = { config: DEFAULT_CONFIG, only: RULE_IDS, segmenter: () => segmenter };

/** Rules that offer fixes: each must have at least one fix checked here, or the meta-test proves nothing about it. */
const FIXABLE = [
  'numbering-sequence',
  'numbering-start',
  'numbering-style',
  'numbering-mode',
  'inline-sequence',
  'heading-own-line',
  'punctuation-width',
  'spacing',
  'lookalike-char',
  'date-format',
  'attachment',
  'document-type',
  'repeated-word',
  'page-furniture',
  'hard-wrap',
];

/**
 * Fixes that legitimately leave a problem of their rule at their position, with the reason. Each entry must still
 * be met (an exception nothing needs is removed), so the list cannot silently outgrow the rules.
 */
const EXCEPTIONS: Array<{ ruleId: string; reason: string; applies: (p: Problem, text: string) => boolean }> = [];

/** Short texts that make each fixable rule offer its fix (the rule tests' literals cover most already). */
const SHORT_TEXTS: Array<{ text: string; format?: SourceFormat }> = [
  { text: '一、总体要求\n（一）目标\n1.第一项\n2、第二项\n3、第三项\n' },
  { text: '一、总体要求\n(一)目标\n(二)措施\n（三）保障\n（四）、要求\n' },
  { text: '一、甲\n1.甲\n1、乙\n3、丙\n' },
  { text: '一、甲\n二、乙\n四、丁\n五、戊\n' },
  { text: '二、甲\n三、乙\n' },
  { text: '一、甲\n1.a\n2.b\n二、乙\n3.c\n4.d\n三、丙\n1.e\n2.f\n四、丁\n1.g\n' },
  { text: '一、甲\n一是加强领导，二是完善机制，四是强化保障。\n' },
  { text: '一、甲\n加强领导。（一）完善机制。\n' },
  { text: '一、甲\n我们要加强领导,完善机制;强化保障.\n' },
  { text: '一、甲\n加强 领导，完善  机制。\n' },
  { text: '一、甲\n2023年1月6日至2023.2.5，22年3月。\n' },
  { text: '附件：1.工作方案\n3.任务清单\n' },
  { text: '附件：工作方案。\n' },
  { text: '一、甲\n推进建设项目项目的实施。\n' },
  {
    text: [
      'XX市卫生健康委员会关于开展2024年爱国卫生月活动的通知',
      '',
      '各区县卫生健康局，委机关各处室：',
      '现将有关事项通知如下：',
      '一、活动主题',
      '清洁家园，健康生活。',
      '二、工作要求',
      '各单位要高度重视，于2024年4月30日前报送活动总结。',
      '',
      'XX市卫生健康委员会',
      '2024年3月13日',
      '',
    ].join('\n'),
  },
  { text: '# 工作计划\n\n## 一、总体要求\n\n(一)目标\n(二)措施\n\n加强领导,完善机制.\n', format: 'markdown' },
];

function rulesTestLiterals(): string[] {
  const dir = path.join(ROOT, 'test', 'unit', 'rules');
  const texts = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) {
      try {
        texts.add(JSON.parse(`"${m[1].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string);
      } catch {
        // An escape JSON does not know (\x, \0): not a fixture worth decoding.
      }
    }
  }
  return [...texts];
}

function files(dir: string, ext: RegExp): string[] {
  const abs = path.join(ROOT, dir);
  return fs.existsSync(abs)
    ? fs
        .readdirSync(abs)
        .filter((n) => ext.test(n))
        .sort()
        .map((n) => path.join(dir, n))
    : [];
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\uFEFF/, '');
const formatOf = (file: string): SourceFormat => (file.endsWith('.md') ? 'markdown' : 'text');

const checked = new Map<string, number>();
const exceptionsMet = new Set<string>();
const where = (text: string, p: Problem) => `${p.ruleId} at ${p.start} "${text.slice(p.start, p.end)}" (${p.message})`;

/** Every fix of one text, one by one and combined as the fix paths combine them: what goes wrong, as lines. */
function checkText(text: string, format: SourceFormat): string[] {
  const failures: string[] = [];
  const expect = (ok: boolean, what: () => string) => {
    if (!ok) failures.push(what());
  };
  const problems = lint(text, { ...ALL, format });
  const relinted = new Map<string, Problem[]>();
  for (const p of problems) {
    if (!p.fix) continue;
    checked.set(p.ruleId, (checked.get(p.ruleId) ?? 0) + 1);
    if (!validEdits(text, p.fix.edits)) {
      failures.push(`${where(text, p)}: its edits overlap or leave the text: ${JSON.stringify(p.fix.edits)}`);
      continue;
    }
    const { output, applied, skipped } = applyEdits(text, p.fix.edits);
    expect(
      !skipped.length && applied.length === p.fix.edits.length,
      () => `${where(text, p)}: applyEdits applied ${applied.length} of ${p.fix!.edits.length} edits`,
    );
    const key = `${p.ruleId}\u0000${output}`;
    let again = relinted.get(key);
    if (!again) relinted.set(key, (again = lint(output, { ...ALL, format, only: [p.ruleId] })));
    const at = offsetMapper(applied)(p.start);
    const still = again.find((q) => q.start === at);
    if (!still) continue;
    const exception = EXCEPTIONS.find((x) => x.ruleId === p.ruleId && x.applies(p, text));
    if (exception) exceptionsMet.add(exception.reason);
    else failures.push(`${where(text, p)}: after its fix the rule still reports "${still.message}" there`);
  }
  const fixable = problems.filter((p) => p.fix);
  for (const ruleId of new Set(fixable.map((p) => p.ruleId))) {
    // Fix all of this rule (the editor offers it for safe fixes; here every fix of the rule, the stricter case).
    for (const subset of [fixable.filter((p) => p.ruleId === ruleId), fixable.filter((p) => p.ruleId === ruleId && p.fix!.safe)]) {
      const combined = combineFixes(text, subset);
      expect(!combined.invalid.length, () => `${ruleId}: fix all of the rule rejects ${combined.invalid.map((p) => where(text, p)).join('; ')}`);
      expect(!applyEdits(text, combined.edits).skipped.length, () => `${ruleId}: fix all of the rule skips edits`);
    }
  }
  // One pass of fix-all / --fix.
  const all = combineFixes(
    text,
    fixable.filter((p) => p.fix!.safe),
  );
  expect(!all.invalid.length, () => `fix-all rejects ${all.invalid.map((p) => where(text, p)).join('; ')}`);
  expect(!applyEdits(text, all.edits).skipped.length, () => 'fix-all skips edits');
  return failures;
}

describe('meta-test: every offered fix applies cleanly and removes its problem', function () {
  this.timeout(120000);

  const sources = [...files('test/fixtures/corpus', /\.txt$/), ...files('examples', /\.(txt|md|gw)$/), ...files('test/real/texts', /\.txt$/)];
  for (const file of sources) it(file, () => assert.deepEqual(checkText(read(file), formatOf(file)), []));

  it('every string literal of the rule tests (test/unit/rules/*.test.ts), as text and as markdown', () => {
    const literals = rulesTestLiterals();
    assert.ok(literals.length > 500, `${literals.length} literals`);
    const failures = literals.flatMap((t) => [...checkText(t, 'text'), ...checkText(t, 'markdown')].map((f) => `${JSON.stringify(t.slice(0, 40))}: ${f}`));
    assert.deepEqual(failures, []);
  });

  it('short texts that make each fixable rule offer its fix', () => {
    assert.deepEqual(
      SHORT_TEXTS.flatMap(({ text, format }) => checkText(text, format ?? 'text').map((f) => `${JSON.stringify(text.slice(0, 40))}: ${f}`)),
      [],
    );
  });

  it('checked a fix of every fixable rule, and needed every listed exception', function () {
    if (!sources.some((f) => f.startsWith('test/real'))) this.skip();
    assert.deepEqual(
      FIXABLE.filter((id) => !checked.get(id)),
      [],
      `checked: ${JSON.stringify(Object.fromEntries(checked))}`,
    );
    assert.deepEqual(
      EXCEPTIONS.map((x) => x.reason).filter((r) => !exceptionsMet.has(r)),
      [],
    );
  });
});
