// A bug in a rule or the parser costs one file a clear message and exit 2, never the whole run a stack trace.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachReport, type Output } from '../../src/cli/report';

describe('CLI: an internal error while checking one file', () => {
  it('says which file, skips it, checks the others and ends in a usage error (exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-internal-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), '一、总体要求\n正文。\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), '一、主要任务\n正文。\n');
    const err: string[] = [];
    const io: Output = { out: () => {}, err: (l: string) => err.push(l) };
    const seen: string[] = [];
    const outcome = forEachReport([dir], undefined, 'en', io, (report) => {
      if (report.path.endsWith('a.txt')) throw new Error('boom');
      seen.push(path.basename(report.path));
    });
    assert.deepEqual(seen, ['b.txt']);
    assert.equal(outcome.usageError, true);
    assert.deepEqual(err, [`${path.join(dir, 'a.txt')}: internal error while checking, skipped (boom); please report it`]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
