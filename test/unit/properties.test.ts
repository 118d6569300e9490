import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixAll, lint, outline, parse, type OutlineSection } from '../../src/core';

/** Text that looks like a report: markers, placeholders, enumerations, CJK, line endings, odd Unicode. */
const reportish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '一、',
        '二、',
        '三、',
        '（一）',
        '(二)',
        '（三）、',
        '1.',
        '2、',
        '3．',
        '（1）',
        '①',
        '一是',
        '二是',
        '四是',
        '第一，',
        '第三，',
        '# ',
        '## 一、',
        '**',
        '`',
        '[a](http://x.com)',
      ),
      fc.constantFrom('XX', 'xx', 'x', '***', '××', '某某', '〇〇', '□□', '____', '【待补充】', '（此处填写）', 'Excel', '3x3', '二〇〇三年'),
      fc.constantFrom('\n', '\r\n', '\r', '\n\n', '　', ' ', '\t', '。', '；', '：', '，'),
      fc.constantFrom('加强组织领导', '完善工作机制', '𠀀', '\ud800', '\udc00', '\u0000', '\ufeff', '\u200b'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(reportish, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

const formats = fc.constantFrom('text' as const, 'markdown' as const);

describe('properties of the core (fast-check)', () => {
  it('lint and outline never throw and return ranges inside the text', () => {
    fc.assert(
      fc.property(anyText, formats, (text, format) => {
        for (const p of lint(text, { format })) {
          assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${p.ruleId} ${p.start}-${p.end}`);
          for (const e of p.fix?.edits ?? []) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length);
        }
        const walk = (s: OutlineSection): void => {
          assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length);
          s.children.forEach(walk);
        };
        for (const d of outline(parse(text, format))) d.sections.forEach(walk);
      }),
      { numRuns: 400 },
    );
  });

  it('numbering fixes change only marker characters, and fixing all then linting leaves no safe fix', () => {
    fc.assert(
      fc.property(reportish, formats, (text, format) => {
        const problems = lint(text, { format }).filter((p) => p.ruleId.startsWith('numbering-') && p.fix);
        for (const p of problems) {
          const { output } = applyEdits(text, p.fix!.edits);
          // Outside the edited markers nothing moves: compare the text with every edited span cut out.
          const cut = (s: string, spans: Array<[number, number]>) => spans.reduceRight((acc, [a, b]) => acc.slice(0, a) + acc.slice(b), s);
          const sorted = [...p.fix!.edits].sort((a, b) => a.start - b.start);
          let shift = 0;
          const after: Array<[number, number]> = sorted.map((e) => {
            const span: [number, number] = [e.start + shift, e.start + shift + e.text.length];
            shift += e.text.length - (e.end - e.start);
            return span;
          });
          assert.equal(
            cut(output, after),
            cut(
              text,
              sorted.map((e) => [e.start, e.end]),
            ),
          );
          for (const e of p.fix!.edits) assert.match(text.slice(e.start, e.end), /^[（(]?[一二三四五六七八九十百0-9０-９\u2460-\u2473]*[）)]?[、.．,，]?$/);
        }
        const fixed = fixAll(text, { format }).output;
        assert.equal(lint(fixed, { format }).filter((p) => p.fix?.safe && p.ruleId.startsWith('numbering-')).length, 0);
        assert.equal(fixAll(fixed, { format }).output, fixed, 'fixing is idempotent');
      }),
      { numRuns: 300 },
    );
  });

  it('a 100 KB single line and a 5,000-line file lint without trouble', () => {
    const long = 'XX市'.repeat(34_000);
    // Every XX is a placeholder; other rules may add their own problems about the one huge sentence.
    assert.equal(lint(long).filter((p) => p.ruleId === 'placeholder').length, 34_000);
    const many = Array.from({ length: 5000 }, (_, i) => `${i + 1}.第${i}项工作。`).join('\n');
    assert.ok(Array.isArray(lint(many)));
  });
});
