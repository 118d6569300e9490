import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { LineIndex, lint, type Problem } from '../../src/core';
import { formatProblemLines, problemsJson, type CliProblem } from '../../src/cli/format';

/** The CLI's problem shape built the plain way: an object per problem, each offset located by a search. */
function reference(file: string, p: Problem, lines: LineIndex): CliProblem {
  const range = (start: number, end: number) => {
    const s = lines.lineColumn(start);
    const e = lines.lineColumn(end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  return {
    file,
    ...range(p.start, p.end),
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    messageEn: p.messageEn,
    ...(p.fix ? { fix: { safe: p.fix.safe, edits: p.fix.edits.map((e) => ({ ...range(e.start, e.end), text: e.text })) } } : {}),
  };
}

function json(file: string, text: string, problems: Problem[]): string {
  return problemsJson([{ file, lines: new LineIndex(text), problems }]).toString('utf8');
}

function textLines(file: string, text: string, problems: Problem[]): string[] {
  const out: string[] = [];
  formatProblemLines({ file, lines: new LineIndex(text), problems }, 'en', (l) => out.push(l));
  return out;
}

function assertSameAsReference(file: string, text: string, problems: Problem[]): void {
  const lines = new LineIndex(text);
  const want = problems.map((p) => reference(file, p, lines));
  assert.equal(json(file, text, problems), want.length ? `[\n${want.map((p) => JSON.stringify(p)).join(',\n')}\n]` : '[]');
  assert.deepEqual(
    textLines(file, text, problems),
    want.map((p) => `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.messageEn}  ${p.ruleId}`),
  );
}

describe('CLI problem output (problemsJson, formatProblemLines)', () => {
  const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
  for (const name of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
    it(`prints ${name} exactly as one object per problem would (keys, order, positions, fixes)`, () => {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const problems = lint(text);
      // (Over 100 before a consistently half-width copy got one punctuation problem per paragraph.)
      assert.ok(problems.length > 20 && problems.some((p) => p.fix));
      assertSameAsReference(`语料/${name}`, text, problems);
    });
  }

  it('clamps offsets inside a CRLF to the line end and locates fix edits on other lines', () => {
    const text = '一、总体要求\r\n（一）目标\r\n（三）措施\r\nXX市,推进';
    const problems = lint(text);
    assert.ok(problems.some((p) => p.fix));
    const crlf: Problem = {
      ruleId: 'x',
      severity: 'info',
      start: 6,
      end: 7,
      message: '“\\"”',
      messageEn: 'tab\there',
      fix: {
        safe: false,
        edits: [
          { start: 7, end: 8, text: '\n' },
          { start: 0, end: 2, text: '' },
        ],
        title: '',
        titleEn: '',
      },
    };
    assertSameAsReference(
      'a "quoted" path\\x.txt',
      text,
      [...problems, crlf].sort((a, b) => a.start - b.start),
    );
    assert.deepEqual(JSON.parse(json('f', text, [crlf]))[0].fix.edits[0], { line: 1, column: 7, endLine: 2, endColumn: 1, text: '\n' });
  });

  it('matches the reference on any text (fast-check)', () => {
    const piece = fc.constantFrom('一、', '（二）', '(三)', '1.', '2、', 'XX', '某某', ',', '推进工作', '\n', '\r\n', '\r', '𠀀', '“', '"', '2024-03-13');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 50 }), (parts) => {
        const text = parts.join('');
        assertSameAsReference('f.txt', text, lint(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('LineIndex.lineAtFrom', () => {
  it('agrees with lineAt for any offset and hint', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }).map((s) => s.replace(/[a-c]/g, '\n').replace(/[d-e]/g, '\r\n')),
        fc.nat(),
        fc.integer({ min: -2, max: 400 }),
        (text, o, hint) => {
          const lines = new LineIndex(text);
          const offset = o % (text.length + 1);
          assert.equal(lines.lineAtFrom(offset, hint), lines.lineAt(offset));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('JSON of several files', () => {
  it('joins the files into one array in the order given, and prints [] for none', () => {
    const a = { file: 'a.txt', lines: new LineIndex('XX'), problems: lint('XX') };
    const b = { file: 'b.txt', lines: new LineIndex('某某'), problems: lint('某某') };
    const parsed = JSON.parse(problemsJson([a, b]).toString('utf8')) as CliProblem[];
    assert.deepEqual(
      parsed.map((p) => [p.file, p.line, p.column, p.endColumn, p.ruleId]),
      [
        ['a.txt', 1, 1, 3, 'placeholder'],
        ['b.txt', 1, 1, 3, 'placeholder'],
      ],
    );
    assert.equal(problemsJson([{ ...a, problems: [] }]).toString(), '[]');
  });
});
