import type { DocumentModel, SourceFormat } from '../structure/model';
import type { GongwenConfig, IgnoreEntry } from '../config/settings';
import type { Problem, Severity } from '../types';
import { DEFAULT_CONFIG, matchesGlobs, resolveRules } from '../config';
import { parse } from '../structure/parse';
import { DEFAULT_SEVERITIES, RULES } from '.';
import type { Rule, RuleContext, RuleProblem } from './rule';
import { builtInSegmenter, type Segmenter } from '../text/segmenter';

export interface LintOptions {
  format?: SourceFormat;
  config?: GongwenConfig;
  /** Path relative to the config file's folder, for `overrides` and `ignore.files` globs. */
  filePath?: string;
  /**
   * Restrict to these rules (e.g. only `placeholder` for the check-placeholders command). A rule off by default that
   * is named here runs at its default severity, unless the configuration itself turns it off.
   */
  only?: readonly string[];
  /**
   * The word segmenter, provided lazily: the segmentation rules call it only when they have a candidate to judge,
   * so a text without one never loads an engine. Absent: the built-in `Intl.Segmenter` (cached per paragraph).
   * Ignored when `config.segmenter` is `off` (the segmentation rules then report nothing).
   */
  segmenter?: () => Segmenter | undefined;
}

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
const milder = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

/** Lints a report: parse once, run every enabled rule, drop silenced problems, sort by position. */
export function lint(text: string, options: LintOptions = {}): Problem[] {
  return lintModel(parse(text, options.format ?? 'text'), options);
}

/** Lints an already parsed model (the editor keeps the model for the outline too). */
export function lintModel(model: DocumentModel, options: LintOptions = {}): Problem[] {
  const run = lintRun(options);
  const problems: Problem[] = [];
  for (const planned of run.rules) for (const p of planned.rule.check(run.context(planned, model))) problems.push(planned.problem(p));
  return silenced(model, run, problems.sort(byPosition));
}

/** One rule as a lint runs it: its severity and options under the configuration. */
export interface PlannedRule {
  rule: Rule;
  /** Its place in `RULES`: problems at the same position are listed in this order. */
  index: number;
  /** A rule's problem with the rule's id and the configured severity. */
  problem(p: RuleProblem): Problem;
}

/** What one lint runs: the enabled rules in order, and the context each sees. */
export interface LintRun {
  config: GongwenConfig;
  options: LintOptions;
  rules: PlannedRule[];
  /** The context a rule sees on a model (the word segmenter is loaded at most once per run). */
  context(planned: PlannedRule, model: DocumentModel): RuleContext;
}

/** The rules a lint with these options runs, with their severities and options. */
export function lintRun(options: LintOptions): LintRun {
  const config = options.config ?? DEFAULT_CONFIG;
  const settings = resolveRules(config, DEFAULT_SEVERITIES, options.filePath);
  const segmenter = segmenterFor(config, options.segmenter);
  const rules: PlannedRule[] = [];
  const ruleOptions = new Map<Rule, Record<string, unknown>>();
  RULES.forEach((rule, index) => {
    const setting = settings[rule.id];
    if (!setting || (options.only && !options.only.includes(rule.id))) return;
    const asked = rule.offByDefault && options.only !== undefined && !(rule.id in (config.rules ?? {}));
    if (setting.severity === 'off' && !asked) return;
    const severity = setting.severity === 'off' ? rule.defaultSeverity : setting.severity;
    ruleOptions.set(rule, setting.options);
    rules.push({ rule, index, problem: (p) => problemOf(rule.id, severity, p) });
  });
  return { config, options, rules, context: (planned, model) => ({ model, config, options: ruleOptions.get(planned.rule)!, segmenter }) };
}

function problemOf(ruleId: string, severity: Severity, p: RuleProblem): Problem {
  const problem: Problem = {
    ruleId,
    severity: p.severityCap ? milder(severity, p.severityCap) : severity,
    start: p.start,
    end: p.end,
    message: p.message,
    messageEn: p.messageEn,
  };
  if (p.fix && p.fix.edits.length) problem.fix = p.fix;
  return problem;
}

/**
 * The order of a lint's problems: by position. The sort is stable and problems are gathered rule by rule, so
 * problems at the same position keep the rules' order.
 */
export const byPosition = (a: Problem, b: Problem): number => a.start - b.start || a.end - b.end;

/** Problems (sorted) less those silenced by markdown disable comments and the configuration's `ignore` entries. */
export function silenced(model: DocumentModel, run: LintRun, problems: Problem[]): Problem[] {
  const isSilenced = silencer(model, run.config.ignore, run.options.filePath);
  return isSilenced ? problems.filter((p) => !isSilenced(p)) : problems;
}

/** The provider the rules see: none when segmentation is off; otherwise called at most once per lint run. */
function segmenterFor(config: GongwenConfig, provider: LintOptions['segmenter']): (() => Segmenter | undefined) | undefined {
  if (config.segmenter === 'off') return undefined;
  const get = provider ?? (() => builtInSegmenter(config.dictionary));
  let called = false;
  let value: Segmenter | undefined;
  return () => {
    if (!called) {
      called = true;
      value = get();
    }
    return value;
  };
}

/** Markdown `<!-- gongwen-disable… -->` comments and config `ignore` entries; null when nothing is silenced. */
function silencer(model: DocumentModel, ignore: IgnoreEntry[], filePath: string | undefined): ((p: Problem) => boolean) | null {
  const disabled = disabledLines(model);
  const anchors = ignoreAnchors(model.text, ignore, filePath);
  if (!disabled.length && !anchors.length) return null;
  return (p) => {
    const line = model.lines.lineAt(p.start);
    if (disabled.some((d) => (d.rule === null || d.rule === p.ruleId) && line >= d.from && line <= d.to)) return true;
    return anchors.some((a) => a.rule === p.ruleId && a.ranges.some(([s, e]) => s <= p.start && p.end <= e));
  };
}

interface DisabledSpan {
  rule: string | null;
  from: number;
  to: number;
}

const DIRECTIVE = /^gongwen-(disable-next-line|disable-line|disable|enable)\b(.*)$/s;

/** Lines silenced by markdown comments: `gongwen-disable-next-line [RULE…]`, `gongwen-disable [RULE…]` … `gongwen-enable [RULE…]`. */
function disabledLines(model: DocumentModel): DisabledSpan[] {
  const spans: DisabledSpan[] = [];
  const open = new Map<string | null, number>();
  const last = model.lines.lineCount - 1;
  for (const c of model.markdown?.comments ?? []) {
    const m = DIRECTIVE.exec(c.text.trim());
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const rules: Array<string | null> = ids.length ? ids : [null];
    for (const rule of rules) {
      if (m[1] === 'disable-next-line') spans.push({ rule, from: c.endLine + 1, to: c.endLine + 1 });
      else if (m[1] === 'disable-line') spans.push({ rule, from: c.line, to: c.endLine });
      else if (m[1] === 'disable') open.set(rule, c.line);
      else {
        const targets = rule === null ? [...open.keys()] : [rule];
        for (const t of targets) {
          if (open.has(t)) spans.push({ rule: t, from: open.get(t)!, to: c.line });
          open.delete(t);
        }
      }
    }
  }
  for (const [rule, from] of open) spans.push({ rule, from, to: last });
  return spans;
}

function ignoreAnchors(text: string, ignore: IgnoreEntry[], filePath: string | undefined): Array<{ rule: string; ranges: Array<[number, number]> }> {
  return ignore
    .filter((entry) => !entry.files || (filePath !== undefined && matchesGlobs(entry.files, filePath)))
    .map((entry) => {
      const ranges: Array<[number, number]> = [];
      for (let i = text.indexOf(entry.text); i >= 0 && entry.text; i = text.indexOf(entry.text, i + 1)) ranges.push([i, i + entry.text.length]);
      return { rule: entry.rule, ranges };
    });
}
