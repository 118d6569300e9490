import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint, outline, parse, LineIndex, DEFAULT_CONFIG, type OutlineSection } from '../../src/core';

/** The shared corpus of real reports with hand-checked expectations (copied into test/fixtures/corpus). */
const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const reports = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
/** One hand-checked expectation: fields such as file, line, col, text, rule, group (JSON lines of the corpus). */
type Expectation = Record<string, string | number | boolean | null>;
const expected = (name: string): Expectation[] =>
  fs
    .readFileSync(path.join(CORPUS, 'expected', name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

function load(file: string) {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  const model = parse(text, 'text');
  return { text, model, lines: new LineIndex(text) };
}

const flatten = (sections: OutlineSection[]): OutlineSection[] => sections.flatMap((s) => [s, ...flatten(s.children)]);

describe('corpus: real reports against hand-checked expectations', () => {
  it('has the two shared reports', () => assert.deepEqual(reports, ['002_3cbf79e9d602b8eb.txt', '004_503d8dbb8d0f1449.txt']));

  for (const file of reports) {
    describe(file, () => {
      const { text, model, lines } = load(file);
      const problems = lint(text);
      const at = (offset: number) => lines.lineColumn(offset);

      it('finds every placeholder, and nothing else, at the exact position', () => {
        const want = expected('placeholders.jsonl')
          .filter((g) => g.file === file)
          .map((g) => `${g.line}:${g.col} ${g.text}`);
        const got = problems.filter((p) => p.ruleId === 'placeholder').map((p) => `${at(p.start).line}:${at(p.start).column} ${text.slice(p.start, p.end)}`);
        assert.deepEqual(got, want);
      });

      it('splits the file into the expected documents', () => {
        const want = expected('outline.jsonl')
          .filter((g) => g.file === file && g.doc_start)
          .map((g) => ({ line: g.line, kind: g.kind, title: g.title }));
        const got = outline(model).map((d) => ({ line: d.startLine + 1, kind: d.kind, title: d.title }));
        assert.deepEqual(got, want);
      });

      it('gives every heading its level, depth, number and title', () => {
        const want = expected('outline.jsonl')
          .filter((g) => g.file === file && g.level)
          .map((g) => ({ line: g.line, level: g.level, depth: g.depth, number: g.number, marker: g.marker, title: g.title }));
        const got = outline(model)
          .flatMap((d) => flatten(d.sections))
          .map((s) => ({ line: s.line + 1, level: s.level, depth: s.depth, number: s.number, marker: s.marker, title: s.title }));
        assert.deepEqual(got, want);
      });

      it('detects the numbering mode', () => {
        const summary = expected('numbering.jsonl').find((g) => g.file === file && g.summary)!;
        const bodies = outline(model).filter((d) => d.kind === 'document');
        // 002's "single-parent" is the whole file's view: only its table of contents has level 3, so its body has none.
        const want = summary.level3_numbering === 'single-parent' ? 'none' : summary.level3_numbering;
        assert.deepEqual(
          bodies.map((d) => d.numberingMode.level3),
          [want],
        );
      });

      it('flags exactly the numbering problems a careful editor would (warnings and errors)', () => {
        const want = expected('numbering.jsonl')
          .filter((g) => g.file === file && !g.summary)
          .map((g) => `${g.line}:${g.col} ${g.rule} ${g.text}`);
        const got = problems
          .filter((p) => /^(numbering-|inline-sequence|heading-title-stop)/.test(p.ruleId) && (p.severity === 'warning' || p.severity === 'error'))
          .map((p) => `${at(p.start).line}:${at(p.start).column} ${p.ruleId} ${text.slice(p.start, p.end)}`);
        assert.deepEqual(got, want);
      });

      it('finds the inline enumerations, grouped by run', () => {
        const want = expected('inline_enums.jsonl').filter((g) => g.file === file);
        const groups = [...new Set(want.map((g) => g.group))].map((group) => want.filter((g) => g.group === group).map((g) => `${g.line}:${g.col} ${g.text}`));
        const got = model.enumerations.map((run) => run.items.map((i) => `${at(i.start).line}:${at(i.start).column} ${i.text}`));
        assert.deepEqual(got, groups);
      });
    });
  }

  it('002: the half-width (一) of the web copy is one info per document level, with a fix for the whole level', () => {
    const { text, lines } = load('002_3cbf79e9d602b8eb.txt');
    const style = lint(text).filter((p) => p.ruleId === 'numbering-style');
    assert.deepEqual(
      style.map((p) => [lines.lineColumn(p.start).line, p.severity, p.fix?.edits.length, p.fix?.safe]),
      [[30, 'info', 8, true]],
    );
  });

  it('004: the 13. heading keeps its mechanical title in the outline and counts 字数', () => {
    const { model } = load('004_503d8dbb8d0f1449.txt');
    const [doc] = outline(model, DEFAULT_CONFIG);
    const s13 = flatten(doc.sections).find((s) => s.number === 13)!;
    assert.ok(s13.title.startsWith('提升基层中医药服务能力加强区中医医院'));
    assert.ok(s13.title.endsWith('康复诊疗人才需求'));
    assert.equal(doc.sections.length, 7);
    assert.deepEqual(
      doc.sections.map((s) => s.children.length),
      [2, 4, 3, 3, 1, 4, 4],
    );
  });
});
