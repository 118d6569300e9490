import type { Problem } from '../types';
import type { DocumentModel, ReportDocument } from '../structure/model';
import type { RuleProblem } from './rule';
import type { TextEdit } from '../structure/line-edit';
import { isBlankLine } from '../text/lines';
import { isIdeographCode } from '../text/chars';
import { wrapWidth } from '../structure/paragraphs';
import { viewOf, type ModelView } from '../structure/view';
import { byPosition, silenced, type LintRun, type PlannedRule } from './lint';
import { regroupDocuments, scopeOf } from './rule';

/**
 * Linting after an edit inside one body line (the model derived by `structure/line-edit.ts`), from the problems of
 * the text before it: each rule's problems are found again only where the edit can have changed them, by its scope
 * (`RuleScope`), and the result is the one a full lint gives, in the same order.
 */

/** What a lint leaves for the next one. */
export interface Linted {
  model: DocumentModel;
  /** Every problem, silenced ones too, sorted as a lint sorts them. */
  problems: Problem[];
  /** Of each `byDocument` rule, its line-by-line problems (before regrouping), by document. */
  local: ReadonlyMap<string, LocalShare[]>;
}

/**
 * A document's share of a `byDocument` rule's line-by-line problems, in text order, placed as they were when the
 * document started at `start`: an edit in another document moves them by moving the document (one per document,
 * then one for the problems after the last, which the regrouping keeps as they are).
 */
interface LocalShare {
  start: number;
  problems: RuleProblem[];
}

/** A full lint of a model, keeping what an incremental one needs. */
export function lintFully(model: DocumentModel, run: LintRun): Linted {
  const problems: Problem[] = [];
  const local = new Map<string, LocalShare[]>();
  for (const planned of run.rules) {
    const context = run.context(planned, model);
    const by = planned.rule.byDocument;
    let found: RuleProblem[];
    if (by) {
      const own = by.local(context);
      local.set(planned.rule.id, shares(model, own));
      found = regroupDocuments(model, own, by.regroup);
    } else found = planned.rule.check(context);
    for (const p of found) problems.push(planned.problem(p));
  }
  return { model, problems: problems.sort(byPosition), local };
}

/** What an incremental lint did, or why it could not. */
export type Relinted = { linted: Linted; lines: [number, number]; rules: string[] } | { refused: string };

/** The edited paragraph and its document, before and after the edit. */
interface Edited {
  model: DocumentModel;
  before: Linted;
  edit: TextEdit;
  /** The paragraph's lines, and the last line a paragraph rule reads with them (the next paragraph's first). */
  first: number;
  last: number;
  through: number;
  /** Its offsets in the new text (`end` at the text's end: Infinity). */
  region: { start: number; end: number };
  /** The document holding the edited line, and its index. */
  doc: ReportDocument | undefined;
  docIndex: number;
  view(): ModelView;
}

/** What the rules found again, and what of the old problems each drops (all, those in the paragraph or its document). */
interface Found {
  problems: Problem[];
  local: Map<string, LocalShare[]>;
  drops: Map<string, (p: Problem) => boolean>;
  rerun: string[];
}

/**
 * Lints `model` (the text after `edit`, derived from `before.model` with `line` edited) incrementally. `paragraphs`:
 * in plain text, the model's paragraphs (the same before and after such an edit).
 */
export function relint(before: Linted, model: DocumentModel, line: number, edit: TextEdit, run: LintRun, paragraphs: Array<[number, number]> | null): Relinted {
  const edited = editedParagraph(before, model, line, edit, paragraphs);
  const found: Found = { problems: [], local: new Map(before.local), drops: new Map(), rerun: [] };
  for (const planned of run.rules) {
    const scope = scopeOf(planned.rule, run.context(planned, model));
    if (scope === 'structure') continue;
    found.rerun.push(planned.rule.id);
    const refused = scope === 'document' ? rerunWhole(planned, run, edited, found) : rerunParagraph(planned, run, edited, found);
    if (refused) return { refused };
  }
  const kept = keptProblems(before.problems, found.drops, edit);
  if (!kept) return { refused: 'a problem overlaps the edit' };
  const order = new Map(run.rules.map((p) => [p.rule.id, p.index]));
  const problems = merge(kept, found.problems.sort(byPosition), order);
  return { linted: { model, problems, local: found.local }, lines: [edited.first, edited.through], rules: found.rerun };
}

function editedParagraph(before: Linted, model: DocumentModel, line: number, edit: TextEdit, paragraphs: Array<[number, number]> | null): Edited {
  const [first, last] = paragraphAround(model, line, paragraphs);
  const through = nextParagraphLine(model, last, paragraphs);
  const docIndex = model.documents.findIndex((d) => d.startLine <= line && line <= d.endLine);
  let view: ModelView | undefined;
  return {
    model,
    before,
    edit,
    first,
    last,
    through,
    region: { start: model.lines.starts[first], end: last + 1 < model.lines.lineCount ? model.lines.starts[last + 1] : Infinity },
    doc: model.documents[docIndex],
    docIndex,
    view: () => (view ??= viewOf(model, first, through)),
  };
}

/** A `document` rule: run over the whole model, its old problems all dropped. */
function rerunWhole(planned: PlannedRule, run: LintRun, edited: Edited, found: Found): string | null {
  const { rule } = planned;
  const context = run.context(planned, edited.model);
  found.drops.set(rule.id, () => true);
  let problems: RuleProblem[];
  if (rule.byDocument) {
    const own = rule.byDocument.local(context);
    found.local.set(rule.id, shares(edited.model, own));
    problems = regroupDocuments(edited.model, own, rule.byDocument.regroup);
  } else problems = rule.check(context);
  for (const p of problems) found.problems.push(planned.problem(p));
  return null;
}

/** A `line` or `paragraph` rule: run on the edited paragraph; a `byDocument` one regroups the paragraph's document. */
function rerunParagraph(planned: PlannedRule, run: LintRun, edited: Edited, found: Found): string | null {
  const { rule } = planned;
  const { model, region, edit } = edited;
  const view = edited.view();
  if (model.format === 'text' && wrapWidth(view.model) !== 0) return 'the edited paragraph looks set to a width';
  const context = run.context(planned, view.model);
  const fresh = inRegion(rule.byDocument ? rule.byDocument.local(context) : rule.check(context), view, region);
  const delta = edit.newEnd - edit.oldEnd;
  if (!rule.byDocument) {
    found.drops.set(rule.id, (p) => p.start >= region.start && p.start < region.end - delta);
    for (const p of fresh) found.problems.push(planned.problem(p));
    return null;
  }
  const { doc, docIndex } = edited;
  const oldDoc = edited.before.model.documents[docIndex];
  const shared = edited.before.local.get(rule.id);
  if (!doc || !oldDoc || !shared) return 'no document holds the edited line';
  const own = updatedLocal(placedShare(shared[docIndex], oldDoc.start), ownOf(fresh, doc), region, edit);
  if (!own) return 'a problem overlaps the edit';
  const updated = shared.slice();
  updated[docIndex] = { start: doc.start, problems: own };
  found.local.set(rule.id, updated);
  found.drops.set(rule.id, (p) => p.start >= oldDoc.start && p.start < oldDoc.end);
  for (const p of rule.byDocument.regroup(model, doc, own)) found.problems.push(planned.problem(p));
  return null;
}

/** The problems a lint reports: those of `linted` less the silenced ones. */
export function reported(linted: Linted, run: LintRun): Problem[] {
  return silenced(linted.model, run, linted.problems).slice();
}

/** The view's problems placed in the whole text, those that start in the edited paragraph. */
function inRegion(problems: RuleProblem[], view: ModelView, region: { start: number; end: number }): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const p of problems) {
    const start = p.start + view.offset;
    if (start >= region.start && start < region.end) out.push(moved(p, view.offset, 0));
  }
  return out;
}

/** A `byDocument` rule's line-by-line problems after the edit: the old ones outside the paragraph (moved), the new ones in it. */
function updatedLocal(old: RuleProblem[], fresh: RuleProblem[], region: { start: number; end: number }, edit: TextEdit): RuleProblem[] | null {
  const delta = edit.newEnd - edit.oldEnd;
  const out: RuleProblem[] = [];
  let i = 0;
  for (; i < old.length && old[i].start < region.start; i++) out.push(old[i]);
  for (const p of fresh) out.push(p);
  for (; i < old.length; i++) {
    if (old[i].start < region.end - delta) continue;
    const q = movedAcross(old[i], edit);
    if (!q) return null;
    out.push(q);
  }
  return out;
}

/** A document's share of line-by-line problems in text order, as `regroupDocuments` gives it. */
function ownOf(problems: RuleProblem[], doc: ReportDocument): RuleProblem[] {
  return problems.filter((p) => p.start >= doc.start && p.start < doc.end);
}

/** Line-by-line problems by document, as `regroupDocuments` shares them out (those between documents it drops). */
function shares(model: DocumentModel, problems: RuleProblem[]): LocalShare[] {
  const out: LocalShare[] = [];
  let k = 0;
  for (const doc of model.documents) {
    const own: RuleProblem[] = [];
    for (; k < problems.length && problems[k].start < doc.end; k++) if (problems[k].start >= doc.start) own.push(problems[k]);
    out.push({ start: doc.start, problems: own });
  }
  const last = model.documents[model.documents.length - 1];
  out.push({ start: last ? last.end : 0, problems: problems.slice(k) });
  return out;
}

/** A share's problems placed for its document starting at `start`. */
function placedShare(share: LocalShare, start: number): RuleProblem[] {
  const delta = start - share.start;
  return delta ? share.problems.map((p) => moved(p, delta, 0)) : share.problems;
}

/** The old problems that stand, moved with the text after the edit; null if one of them overlaps the edit. */
function keptProblems(problems: Problem[], drops: ReadonlyMap<string, (p: Problem) => boolean>, edit: TextEdit): Problem[] | null {
  const out: Problem[] = [];
  for (const p of problems) {
    if (drops.get(p.ruleId)?.(p)) continue;
    const q = movedAcross(p, edit);
    if (!q) return null;
    out.push(q);
  }
  return out;
}

/** Two sorted lists as one, problems at the same position in the rules' order (`PlannedRule.index`). */
function merge(a: Problem[], b: Problem[], order: ReadonlyMap<string, number>): Problem[] {
  if (!b.length) return a;
  const out: Problem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c = byPosition(a[i], b[j]) || order.get(a[i].ruleId)! - order.get(b[j].ruleId)!;
    out.push(c <= 0 ? a[i++] : b[j++]);
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/**
 * A problem of another line placed in the text after the edit: offsets before it stay, offsets after it move; one
 * inside the replaced text means the problem overlaps the edit (null). The same object when nothing moves.
 */
function movedAcross<P extends RuleProblem>(p: P, edit: TextEdit): P | null {
  const delta = edit.newEnd - edit.oldEnd;
  let lowest = p.start;
  let highest = p.end;
  if (p.fix) {
    for (const e of p.fix.edits) {
      if (e.start < lowest) lowest = e.start;
      if (e.end > highest) highest = e.end;
    }
  }
  if (highest < edit.start) return p;
  if (lowest >= edit.oldEnd) return delta ? moved(p, delta, 0) : p;
  const inside = (o: number) => o >= edit.start && o < edit.oldEnd;
  if (inside(p.start) || inside(p.end) || p.fix?.edits.some((e) => inside(e.start) || inside(e.end))) return null;
  return moved(p, delta, edit.start);
}

/** A copy of a problem with its offsets from `from` on (and its fix's) `delta` further: built field by field, a spread copy is several times slower. */
function moved<P extends RuleProblem>(p: P, delta: number, from: number): P {
  const at = (o: number) => (o < from ? o : o + delta);
  const q: RuleProblem =
    'ruleId' in p
      ? problemCopy(p as unknown as Problem, at(p.start), at(p.end))
      : { start: at(p.start), end: at(p.end), message: p.message, messageEn: p.messageEn };
  if (p.fix) {
    const edits = [];
    for (const e of p.fix.edits) edits.push({ start: at(e.start), end: at(e.end), text: e.text });
    q.fix = { safe: p.fix.safe, edits, title: p.fix.title, titleEn: p.fix.titleEn };
  }
  if (p.severityCap) q.severityCap = p.severityCap;
  return q as P;
}

function problemCopy(p: Problem, start: number, end: number): Problem {
  return { ruleId: p.ruleId, severity: p.severity, start, end, message: p.message, messageEn: p.messageEn };
}

/**
 * The edited line's paragraph in the sense of every `paragraph` rule (`RuleScope`): in markdown the block of
 * non-blank lines; in plain text the model's paragraph, joined with the lines a hard wrap between two ideographs runs
 * on into, until both grow no more.
 */
function paragraphAround(model: DocumentModel, line: number, paragraphs: Array<[number, number]> | null): [number, number] {
  const { lines } = model;
  let first = line;
  let last = line;
  for (;;) {
    let a = first;
    let b = last;
    if (!paragraphs) {
      while (a > 0 && !isBlankLine(lines, a - 1)) a--;
      while (b + 1 < lines.lineCount && !isBlankLine(lines, b + 1)) b++;
    } else {
      a = Math.min(a, paragraphOf(paragraphs, a)?.[0] ?? a);
      b = Math.max(b, paragraphOf(paragraphs, b)?.[1] ?? b);
      while (a > 0 && wrapsInto(model, a - 1)) a--;
      while (b + 1 < lines.lineCount && wrapsInto(model, b)) b++;
    }
    if (a === first && b === last) return [first, last];
    first = a;
    last = b;
  }
}

/** An ideograph ends the line and another starts the next: a hard wrap a paragraph may read through. */
function wrapsInto(model: DocumentModel, line: number): boolean {
  const { lines, text } = model;
  return (
    isIdeographCode(text.charCodeAt(lines.ends[line] - 1)) && lines.ends[line] > lines.starts[line] && isIdeographCode(text.charCodeAt(lines.starts[line + 1]))
  );
}

/** The paragraph holding a line, from a list in line order. */
function paragraphOf(paragraphs: Array<[number, number]>, line: number): [number, number] | undefined {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid][0] <= line) lo = mid + 1;
    else hi = mid;
  }
  const p = paragraphs[lo - 1];
  return p && p[1] >= line ? p : undefined;
}

/** The first line of the paragraph after line `last` (a paragraph rule reads it: quotations open each paragraph), or `last`. */
function nextParagraphLine(model: DocumentModel, last: number, paragraphs: Array<[number, number]> | null): number {
  if (paragraphs) {
    const p = paragraphs.find((q) => q[0] > last);
    return p ? p[0] : last;
  }
  for (let l = last + 1; l < model.lines.lineCount; l++) if (!isBlankLine(model.lines, l) && model.isProseLine(l)) return l;
  return last;
}
