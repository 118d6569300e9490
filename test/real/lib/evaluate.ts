// Scores the linter against the real-text set: per-rule precision from verdicts and truth, placeholder and heading
// recall, numbering finds, titles, problems per 1,000 characters by kind.
import type { DocumentModel, Problem } from '../../../src/core';
import { DEFAULT_SEVERITIES } from '../../../src/core';
import { KINDS, type Kind, type RealSet, type RealText, type Truth, type TruthNumbering, type Verdict } from './load';

/** Rules whose every problem is judged from the truth's numbering list when no verdict says otherwise. */
export const NUMBERING_RULES = ['numbering-sequence', 'numbering-start', 'numbering-style', 'numbering-mode', 'numbering-hierarchy'];

export interface RuleScore {
  rule: string;
  severity: string;
  reported: number;
  truePositives: number;
  falsePositives: number;
  unjudged: number;
}

export interface Unjudged {
  file: string;
  rule: string;
  line: number;
  text: string;
  message: string;
  context: string;
  safeFix: boolean;
}

export interface Recall {
  truth: number;
  found: number;
}

export interface Evaluation {
  texts: number;
  chars: number;
  rules: RuleScore[];
  placeholders: { truth: number; foundTruth: number; reported: number; reportedTrue: number; misses: string[]; falseAlarms: string[] };
  headings: { byWhere: Record<string, Recall>; modelHeadings: number; falseHeadings: string[]; misses: string[] };
  numbering: { truth: number; found: number; misses: string[] };
  titles: { truth: number; right: number; wrong: string[] };
  density: Array<{ kind: Kind; chars: number; problems: number; bySeverity: Record<string, number> }>;
  unjudged: Unjudged[];
}

type LintFn = (t: RealText) => Problem[];
type ParseFn = (t: RealText) => DocumentModel;

interface Located {
  line: number;
  column: number;
  text: string;
}

/** 1-based line, 0-based column and the problem's characters on its first line. */
function locate(model: DocumentModel, start: number, end: number): Located {
  const line = model.lines.lineAt(start);
  const lineEnd = model.lines.ends[line];
  return { line: line + 1, column: start - model.lines.starts[line], text: model.text.slice(start, Math.min(end, lineEnd)) };
}

/** Column ranges of `items` in their lines; the k-th item with the same text on one line takes its k-th occurrence. */
function truthRanges<T extends { line: number; text: string }>(model: DocumentModel, items: readonly T[]): Array<T & { from: number; to: number }> {
  const seen = new Map<string, number>();
  return items.flatMap((item) => {
    const key = `${item.line}\u0000${item.text}`;
    const lineText = item.line >= 1 && item.line <= model.lines.lineCount ? model.lines.lineText(item.line - 1) : '';
    let at = -1;
    for (let k = seen.get(key) ?? 0, from = 0; k >= 0; k--) {
      at = lineText.indexOf(item.text, from);
      if (at < 0) break;
      from = at + 1;
    }
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (at < 0) throw new Error(`truth: "${item.text}" not found on line ${item.line}`);
    return [{ ...item, from: at, to: at + item.text.length }];
  });
}

const overlaps = (a: { from: number; to: number }, from: number, to: number) => a.from < Math.max(to, from + 1) && from < a.to;

/** The verdict for a problem; problems with the same file, line and text take the verdicts written for them in order. */
function verdictOf(verdicts: readonly Verdict[] | undefined, file: string, at: Located, used: Set<Verdict>): Verdict | undefined {
  // A verdict that names its column matches only there; one without takes the next problem with its line and text.
  const same =
    verdicts?.filter((v) => v.file === file && v.line === at.line && v.text === at.text && (v.column === undefined || v.column === at.column + 1)) ?? [];
  const v = same.find((x) => !used.has(x)) ?? same[same.length - 1];
  if (v) used.add(v);
  return v;
}

/** Runs the linter over the set and scores it. */
export function evaluate(set: RealSet, lintText: LintFn, parseText: ParseFn): Evaluation {
  const scores = new Map<string, RuleScore>();
  const score = (rule: string, severity: string) => {
    let s = scores.get(rule);
    if (!s)
      scores.set(rule, (s = { rule, severity: String(DEFAULT_SEVERITIES[rule] ?? severity), reported: 0, truePositives: 0, falsePositives: 0, unjudged: 0 }));
    return s;
  };
  const ev: Evaluation = {
    texts: set.texts.length,
    chars: 0,
    rules: [],
    placeholders: { truth: 0, foundTruth: 0, reported: 0, reportedTrue: 0, misses: [], falseAlarms: [] },
    headings: {
      byWhere: { line: { truth: 0, found: 0 }, inline: { truth: 0, found: 0 }, unnumbered: { truth: 0, found: 0 }, toc: { truth: 0, found: 0 } },
      modelHeadings: 0,
      falseHeadings: [],
      misses: [],
    },
    numbering: { truth: 0, found: 0, misses: [] },
    titles: { truth: 0, right: 0, wrong: [] },
    density: KINDS.map((kind) => ({ kind, chars: 0, problems: 0, bySeverity: {} })),
    unjudged: [],
  };
  for (const t of set.texts) {
    const model = parseText(t);
    const problems = lintText(t);
    const chars = [...t.text].length;
    ev.chars += chars;
    const density = ev.density.find((d) => d.kind === t.kind)!;
    density.chars += chars;
    const placeholderTruth = t.truth ? truthRanges(model, t.truth.placeholders) : [];
    const numberingTruth = t.truth ? truthRanges(model, t.truth.numbering) : [];
    const used = new Set<Verdict>();
    for (const p of problems) {
      if (p.severity !== 'hint') {
        density.problems++;
        density.bySeverity[p.severity] = (density.bySeverity[p.severity] ?? 0) + 1;
      }
      const s = score(p.ruleId, p.severity);
      s.reported++;
      const at = locate(model, p.start, p.end);
      const judged = judge(p, at, t, set.verdicts.get(p.ruleId), used, placeholderTruth, numberingTruth);
      if (judged === true) s.truePositives++;
      else if (judged === false) s.falsePositives++;
      else {
        s.unjudged++;
        const lineText = model.lines.lineText(at.line - 1);
        ev.unjudged.push({
          file: t.id,
          rule: p.ruleId,
          line: at.line,
          text: at.text,
          message: p.message,
          context: contextOf(lineText, at.column, at.column + at.text.length),
          safeFix: !!p.fix?.safe,
        });
      }
      if (p.ruleId === 'placeholder' && t.truth) {
        ev.placeholders.reported++;
        if (judged === true) ev.placeholders.reportedTrue++;
        else ev.placeholders.falseAlarms.push(`${t.id}:${at.line} ${at.text}`);
      }
    }
    if (t.truth) scoreTruth(ev, t, t.truth, model, problems, placeholderTruth, numberingTruth);
  }
  ev.rules = [...scores.values()].sort((a, b) => a.rule.localeCompare(b.rule));
  return ev;
}

function judge(
  p: Problem,
  at: Located,
  t: RealText,
  verdicts: readonly Verdict[] | undefined,
  used: Set<Verdict>,
  placeholders: Array<{ line: number; from: number; to: number }>,
  numbering: Array<{ line: number; from: number; to: number }>,
): boolean | undefined {
  const v = verdictOf(verdicts, t.id, at, used);
  if (v) return v.verdict === 'true';
  if (!t.truth) return undefined;
  const hit = (list: Array<{ line: number; from: number; to: number }>) =>
    list.some((x) => x.line === at.line && overlaps(x, at.column, at.column + at.text.length));
  if (p.ruleId === 'placeholder') return hit(placeholders);
  if (NUMBERING_RULES.includes(p.ruleId)) return hit(numbering);
  return undefined;
}

function scoreTruth(
  ev: Evaluation,
  t: RealText,
  truth: Truth,
  model: DocumentModel,
  problems: Problem[],
  placeholders: Array<{ line: number; text: string; from: number; to: number }>,
  numbering: Array<TruthNumbering & { from: number; to: number }>,
): void {
  const placeholderProblems = problems.filter((p) => p.ruleId === 'placeholder').map((p) => locate(model, p.start, p.end));
  for (const x of placeholders) {
    ev.placeholders.truth++;
    if (placeholderProblems.some((at) => at.line === x.line && overlaps(x, at.column, at.column + at.text.length))) ev.placeholders.foundTruth++;
    else ev.placeholders.misses.push(`${t.id}:${x.line} ${x.text}`);
  }
  const numberingProblems = problems
    .filter((p) => NUMBERING_RULES.includes(p.ruleId) || p.ruleId === 'heading-title-stop')
    .map((p) => locate(model, p.start, p.end));
  for (const x of numbering) {
    ev.numbering.truth++;
    if (numberingProblems.some((at) => at.line === x.line && overlaps(x, at.column, at.column + at.text.length))) ev.numbering.found++;
    else ev.numbering.misses.push(`${t.id}:${x.line} ${x.text} (${x.kind})`);
  }
  scoreHeadings(ev, t, truth, model);
  truth.titles.forEach((title, i) => {
    ev.titles.truth++;
    const got = model.documents.filter((d) => d.kind === 'document')[i]?.title ?? '';
    if (got === title) ev.titles.right++;
    else ev.titles.wrong.push(`${t.id}: expected "${title}", got "${got}"`);
  });
}

function scoreHeadings(ev: Evaluation, t: RealText, truth: Truth, model: DocumentModel): void {
  const real = truthRanges(model, truth.headings);
  const headings = model.headings.map((h) => ({
    line: h.line + 1,
    column: (h.marker ? h.markerStart : h.titleStart) - model.lines.starts[h.line],
    label: `${h.marker}${h.title}`,
  }));
  for (const x of real) {
    const where = x.where === 'line' && x.level === 0 ? 'unnumbered' : x.where;
    const bucket = ev.headings.byWhere[where];
    bucket.truth++;
    if (headings.some((h) => h.line === x.line && h.column >= x.from && h.column < x.to)) bucket.found++;
    else ev.headings.misses.push(`${t.id}:${x.line} [${where}] ${x.text}`);
  }
  ev.headings.modelHeadings += headings.length;
  for (const h of headings) {
    if (!real.some((x) => x.line === h.line && h.column >= x.from && h.column < x.to))
      ev.headings.falseHeadings.push(`${t.id}:${h.line} ${h.label.slice(0, 30)}`);
  }
}

function contextOf(line: string, from: number, to: number): string {
  return `${line.slice(Math.max(0, from - 30), from)}⟦${line.slice(from, to)}⟧${line.slice(to, to + 30)}`;
}
