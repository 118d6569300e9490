// Renders an evaluation for the console and as ACCURACY.md, with the targets of the issue "Right on real drafts".
import type { Evaluation, RuleScore } from './evaluate';
import type { Kind } from './load';

/** Precision a rule must reach at its default severity (below it, the rule is off by default). */
export function precisionTarget(severity: string): number {
  return severity === 'error' || severity === 'warning' ? 0.95 : 0.8;
}

export const TARGETS = { placeholderRecall: 0.98, placeholderPrecision: 0.99, headingRecall: 0.97, officialDensity: 0.5 };

const ratio = (a: number, b: number) => (b ? a / b : NaN);
const fmt = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : '**not met**');

function precisionOf(r: RuleScore): number {
  return ratio(r.truePositives, r.truePositives + r.falsePositives);
}

export interface Figures {
  placeholderRecall: number;
  placeholderPrecision: number;
  headingRecall: number;
  officialDensity: number;
}

export function figures(ev: Evaluation): Figures {
  // A table of contents lists headings; its entries are no sections, so they are reported apart, not in the recall.
  const h = Object.entries(ev.headings.byWhere)
    .filter(([where]) => where !== 'toc')
    .map(([, r]) => r)
    .reduce((a, b) => ({ truth: a.truth + b.truth, found: a.found + b.found }), { truth: 0, found: 0 });
  const official = ev.density.find((d) => d.kind === 'official')!;
  return {
    placeholderRecall: ratio(ev.placeholders.foundTruth, ev.placeholders.truth),
    placeholderPrecision: ratio(ev.placeholders.reportedTrue, ev.placeholders.reported),
    headingRecall: ratio(h.found, h.truth),
    officialDensity: ratio(official.problems * 1000, official.chars),
  };
}

function ruleRows(ev: Evaluation): string[] {
  return ev.rules.map((r) => {
    const p = precisionOf(r);
    const judged = r.truePositives + r.falsePositives;
    const ok = judged ? p >= precisionTarget(r.severity) : undefined;
    return `| \`${r.rule}\` | ${r.severity} | ${r.reported} | ${judged} | ${r.truePositives} | ${r.falsePositives} | ${fmt(p)} | ${precisionTarget(r.severity)} | ${mark(ok)} |`;
  });
}

function densityRows(ev: Evaluation): string[] {
  return ev.density.map((d) => {
    const sev = ['error', 'warning', 'info'].map((s) => d.bySeverity[s] ?? 0).join(' / ');
    return `| ${d.kind} | ${d.chars} | ${d.problems} | ${sev} | ${fmt(ratio(d.problems * 1000, d.chars))} |`;
  });
}

function list(title: string, items: string[], max = 40): string[] {
  if (!items.length) return [];
  const shown = items.slice(0, max).map((x) => `- ${x}`);
  return [``, `${title} (${items.length}${items.length > max ? `, first ${max}` : ''}):`, ...shown];
}

/** The whole report as markdown (the console prints the same text). */
function render(ev: Evaluation, header: string[]): string {
  const f = figures(ev);
  const hw = ev.headings.byWhere;
  const out = [
    ...header,
    `## Placeholders, headings, numbering, titles`,
    ``,
    `| figure | value | target | |`,
    `|---|---|---|---|`,
    `| placeholder recall | ${fmt(f.placeholderRecall)} (${ev.placeholders.foundTruth} of ${ev.placeholders.truth}) | ≥ ${TARGETS.placeholderRecall} | ${mark(f.placeholderRecall >= TARGETS.placeholderRecall)} |`,
    `| placeholder precision | ${fmt(f.placeholderPrecision)} (${ev.placeholders.reportedTrue} of ${ev.placeholders.reported}) | ≥ ${TARGETS.placeholderPrecision} | ${mark(f.placeholderPrecision >= TARGETS.placeholderPrecision)} |`,
    `| heading recall (sections: line, unnumbered, inline) | ${fmt(f.headingRecall)} | ≥ ${TARGETS.headingRecall} | ${mark(f.headingRecall >= TARGETS.headingRecall)} |`,
    ...(['line', 'unnumbered', 'inline', 'toc'] as const).map(
      (w) => `| heading recall, ${w} | ${fmt(ratio(hw[w].found, hw[w].truth))} (${hw[w].found} of ${hw[w].truth}) | | |`,
    ),
    `| headings found that are none | ${ev.headings.falseHeadings.length} of ${ev.headings.modelHeadings} | | |`,
    `| numbering problems found | ${ev.numbering.found} of ${ev.numbering.truth} | | |`,
    `| document titles right | ${ev.titles.right} of ${ev.titles.truth} | | |`,
    `| clean official reports: problems per 1,000 characters | ${fmt(f.officialDensity)} | ≤ ${TARGETS.officialDensity} | ${mark(f.officialDensity <= TARGETS.officialDensity)} |`,
    ``,
    `## Precision by rule (default severities)`,
    ``,
    `Placeholder and numbering problems are judged against the hand-made truth; every other problem by a verdict with its reason in \`test/real/verdicts/\`.`,
    ``,
    `| rule | severity | reported | judged | true | false | precision | target | |`,
    `|---|---|---|---|---|---|---|---|---|`,
    ...ruleRows(ev),
    ``,
    `## Problems per 1,000 characters, by kind of text`,
    ``,
    `| kind | characters | problems | error / warning / info | per 1,000 |`,
    `|---|---|---|---|---|`,
    ...densityRows(ev),
    ...list('Placeholders missed', ev.placeholders.misses),
    ...list('Placeholder false alarms', ev.placeholders.falseAlarms),
    ...list('Headings missed', ev.headings.misses),
    ...list('Lines taken for headings that are none', ev.headings.falseHeadings),
    ...list('Numbering problems missed', ev.numbering.misses),
    ...list('Titles wrong', ev.titles.wrong),
    ``,
    `Unjudged problems: ${ev.unjudged.length} (\`npm run eval -- --unjudged\` lists them in test/real/.unjudged.jsonl).`,
    ``,
  ];
  return out.join('\n');
}

export function renderConsole(ev: Evaluation): string {
  return render(ev, [`Real-text evaluation: ${ev.texts} texts, ${ev.chars} characters`, ``]);
}

export function renderAccuracy(ev: Evaluation, run: { engine: string; seconds: number; kinds: Array<{ kind: Kind; texts: number; chars: number }> }): string {
  const kinds = run.kinds.map((k) => `| ${k.kind} | ${k.texts} | ${k.chars} |`);
  return render(ev, [
    `# Accuracy on real drafts`,
    ``,
    `Generated by \`npm run eval\` (do not edit by hand). The set: \`test/real/\` (${ev.texts} public texts, ${ev.chars} characters; sources and method in [test/real/README.md](test/real/README.md)). Linted as \`gongwen check\` does by default (segmenter: ${run.engine}); run took ${run.seconds.toFixed(1)} s.`,
    ``,
    `| kind | texts | characters |`,
    `|---|---|---|`,
    ...kinds,
    ``,
  ]);
}
