import assert from 'node:assert/strict';
import { applyEdits, lint, LineIndex, DEFAULT_CONFIG, type GongwenConfig, type SourceFormat } from '../../src/core';

/** An expected problem: 1-based line and column (UTF-16), endColumn exclusive, as the CLI prints them. */
export interface Expected {
  line: number;
  column: number;
  endColumn?: number;
  severity?: string;
  /** A fragment the Chinese message must contain. */
  message?: string;
  safe?: boolean;
}

export interface InvalidCase {
  text: string;
  errors: Expected[];
  /** The text after applying every fix this rule offers for the case (safe or not). */
  output?: string;
  format?: SourceFormat;
  config?: Partial<GongwenConfig>;
}

export interface ValidCase {
  text: string;
  format?: SourceFormat;
  config?: Partial<GongwenConfig>;
}

const configOf = (c?: Partial<GongwenConfig>): GongwenConfig => ({ ...DEFAULT_CONFIG, ...c });

/** The problems one rule finds in a text, with 1-based positions. */
export function problemsOf(ruleId: string, text: string, format: SourceFormat = 'text', config?: Partial<GongwenConfig>) {
  const lines = new LineIndex(text);
  return lint(text, { format, config: configOf(config), only: [ruleId] }).map((p) => {
    const s = lines.lineColumn(p.start);
    const e = lines.lineColumn(p.end);
    return { ...p, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  });
}

/** Table-driven rule tests in the manner of textlint-tester: valid texts give nothing, invalid ones exactly these problems. */
export function testRule(ruleId: string, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    cases.valid.forEach((c, i) => {
      const v = typeof c === 'string' ? { text: c } : c;
      it(`valid #${i + 1}: ${v.text.slice(0, 24).replace(/\n/g, '⏎')}`, () => {
        assert.deepEqual(
          problemsOf(ruleId, v.text, v.format, v.config).map((p) => `${p.line}:${p.column} ${p.message}`),
          [],
        );
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${c.text.slice(0, 24).replace(/\n/g, '⏎')}`, () => {
        const found = problemsOf(ruleId, c.text, c.format, c.config);
        assert.equal(
          found.length,
          c.errors.length,
          `expected ${c.errors.length} problems, got: ${found.map((p) => `${p.line}:${p.column} ${p.message}`).join(' | ')}`,
        );
        c.errors.forEach((want, j) => {
          const got = found[j];
          assert.equal(`${got.line}:${got.column}`, `${want.line}:${want.column}`, got.message);
          if (want.endColumn !== undefined) assert.equal(got.endColumn, want.endColumn, 'endColumn');
          if (want.severity) assert.equal(got.severity, want.severity);
          if (want.message) assert.ok(got.message.includes(want.message), `message "${got.message}" lacks "${want.message}"`);
          if (want.safe !== undefined) assert.equal(got.fix?.safe, want.safe, 'fix.safe');
          assert.ok(got.messageEn.length > 0);
        });
        if (c.output !== undefined) {
          const edits = found.flatMap((p) => p.fix?.edits ?? []);
          assert.equal(applyEdits(c.text, edits).output, c.output);
        }
      });
    });
  });
}
