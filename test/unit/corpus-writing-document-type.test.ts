import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, lint } from '../../src/core';
import { corpusWritingSuite } from './support/corpus-writing';

corpusWritingSuite('document-type', { fixes: true });

describe('corpus: document-type on a real report under a typed title', () => {
  const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', '004_503d8dbb8d0f1449.txt'), 'utf8');
  const retitled = (title: string) => text.replace('2024年西安市新城区卫生健康工作计划', title);

  it('as a 报告 it asks for no approval: nothing to flag', () => {
    assert.deepEqual(lint(retitled('西安市新城区卫生健康局关于2024年卫生健康工作安排的报告'), { only: ['document-type'] }), []);
  });

  it('as a 通知 it lacks 特此通知 (info); the quick fix adds it and the rule is then satisfied', () => {
    const t = retitled('西安市新城区卫生健康局关于做好2024年卫生健康工作的通知');
    const problems = lint(t, { only: ['document-type'] });
    // On the last sentence of the last paragraph (line 59, 21.统筹做好其他工作。……), not on a heading or the title.
    assert.deepEqual(
      problems.map((p) => [t.slice(p.start, p.end).slice(-8), p.severity, p.fix?.safe]),
      [['机构精细化管理。', 'info', false]],
    );
    assert.equal(problems.length, 1);
    const fixed = applyEdits(t, problems[0].fix!.edits).output;
    assert.ok(fixed.endsWith('加强基层医疗机构精细化管理。\n特此通知。'), JSON.stringify(fixed.slice(-40)));
    assert.deepEqual(lint(fixed, { only: ['document-type'] }), []);
  });

  it('as a 请示 it ends without asking for a reply', () => {
    const t = retitled('西安市新城区卫生健康局关于2024年卫生健康工作安排的请示');
    const problems = lint(t, { only: ['document-type'] });
    assert.deepEqual(
      problems.map((p) => [p.severity, p.fix]),
      [['warning', undefined]],
    );
    assert.ok(lint(t + '\n妥否，请批示。\n', { only: ['document-type'] }).length === 0);
  });
});
