import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, lint } from '../../src/core';
import { corpusWritingSuite } from './support/corpus-writing';

corpusWritingSuite('attachment', { fixes: true });

describe('corpus: attachment on a real report given an attachment note', () => {
  // 004 with a reference in its body and a 附件说明 with the usual slips, as a writer would add them.
  const text = fs
    .readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', '004_503d8dbb8d0f1449.txt'), 'utf8')
    .replace('健全完善短缺药品保供机制。', '健全完善短缺药品保供机制（任务分工见附件1）。')
    .concat('\n附件：1.2024年卫生健康重点工作任务分工表。\n      2、2024年卫生健康重点项目清单；\n');

  it('flags the slips, the unreferenced second attachment as info, and its fixes round-trip', () => {
    const problems = lint(text, { only: ['attachment'] });
    assert.deepEqual(
      problems.map((p) => [text.slice(p.start, p.end), p.severity, p.fix?.safe ?? null]),
      [
        ['。', 'warning', true],
        ['2、', 'warning', true],
        ['2、', 'info', null],
        ['；', 'warning', true],
      ],
    );
    const fixed = applyEdits(
      text,
      problems.flatMap((p) => p.fix?.edits ?? []),
    ).output;
    assert.ok(fixed.endsWith('\n附件：1.2024年卫生健康重点工作任务分工表\n      2.2024年卫生健康重点项目清单\n'));
    // Only the info remains: the body still names only 附件1.
    assert.deepEqual(
      lint(fixed, { only: ['attachment'] }).map((p) => p.severity),
      ['info'],
    );
    const named = fixed.replace('（任务分工见附件1）', '（任务分工和重点项目分别见附件1、2）');
    assert.deepEqual(lint(named, { only: ['attachment'] }), []);
  });

  it('the attachment lines are not section headings (the numbering rules leave them alone)', () => {
    assert.deepEqual(
      lint(text)
        .filter((p) => p.ruleId.startsWith('numbering-'))
        .map((p) => p.ruleId),
      [],
    );
  });
});
