import type { Problem } from '../types';
import type { DocumentModel, SourceFormat } from '../structure/model';
import { parse } from '../structure/parse';
import { textParagraphs } from '../structure/paragraphs';
import { LineEditFacts, modelAfterLineEdit, type TextEdit } from '../structure/line-edit';
import { lintRun, type LintOptions, type LintRun } from './lint';
import { lintFully, relint, reported, type Linted } from './relint';

/**
 * A lint session for one open document: what a long-lived process (the language server) keeps between edits of that
 * document, so a re-lint after a small edit reuses what the edit did not touch. Its caches belong to it and are gone
 * with it (close the document, drop the session): no module-level state. It keeps only what the last lint found
 * (the model, its problems, a few facts about its lines), so it holds nothing of text that is gone.
 *
 * After an edit inside one body line that leaves the structure as it was (`structure/line-edit.ts` decides), the
 * model is moved rather than parsed, and each rule's problems are found again only where its scope says the edit can
 * have changed them (`RuleScope`); any other edit, or other options, lints in full. Either way the problems are those
 * of `lint(text, options)`, in the same order. The problems (and models) it returns are shared with later results:
 * read them, never change them.
 */
export interface LintSession {
  /** Lints the document's current text; the same problems as `lint(text, options)`, in the same order. */
  lint(text: string, options?: LintOptions): Problem[];
  /** The model of the text last linted (parsed once, shared with the outline, folding and counts), or null before the first lint. */
  readonly model: DocumentModel | null;
  /**
   * A hint, in the order the edits happened (an editor's content changes): `[start, end)` of the document's text
   * (as the previous edits left it) was replaced by `text`. The next lint then knows where the text changed without
   * comparing it with the text before. Optional; a hint that does not fit the next text is ignored.
   */
  changed(start: number, end: number, text: string): void;
  /** What the last lint did: for tests and the log. */
  stats(): LintStats;
}

/** What one lint of a session did. */
export interface LintStats {
  /** `full`: parsed and every rule run; `incremental`: the model moved and only what the edit touched found again; `unchanged`: nothing to do. */
  kind: 'full' | 'incremental' | 'unchanged';
  /** Why an edit was linted in full, when it was (the first reason found). */
  refused?: string;
  /** Incremental: the lines the line and paragraph rules read again (the edited paragraph and the next one's first line). */
  lines?: [number, number];
  /** Incremental: the rules run again, in order (on those lines, or over the whole model for document-wide rules). */
  rules?: string[];
}

/** The options a lint ran with, as far as they decide its problems. */
interface Settings {
  format: SourceFormat;
  config: LintOptions['config'];
  filePath: string | undefined;
  only: readonly string[] | undefined;
  segmenter: LintOptions['segmenter'];
}

interface State {
  text: string;
  settings: Settings;
  linted: Linted;
  /** Built on the first edit after a parse, then kept up to date. */
  facts: LineEditFacts | null;
  /** Plain text: the paragraphs of the model last parsed, which an edit inside one body line leaves as they were. */
  paragraphs: Array<[number, number]> | null;
  result: Problem[];
}

export function createLintSession(): LintSession {
  let state: State | null = null;
  let changes: ChangedRange | null = null;
  let last: LintStats = { kind: 'full' };
  return {
    lint(text, options = {}) {
      const settings = settingsOf(options);
      const edit = state && (changes ? editFromChanges(state.text, text, changes) : null);
      changes = null;
      const run = lintRun(options);
      if (state && state.text === text && sameSettings(state.settings, settings)) {
        last = { kind: 'unchanged' };
        return state.result.slice();
      }
      const incremental = state && sameSettings(state.settings, settings) ? tryIncremental(state, text, run, edit ?? changedRange(state.text, text)) : null;
      if (incremental && 'state' in incremental) {
        state = incremental.state;
        last = incremental.stats;
      } else {
        const model = state && state.text === text && state.settings.format === settings.format ? state.linted.model : parse(text, settings.format);
        state = fullState(text, settings, model, run);
        last = { kind: 'full', ...(incremental ? { refused: incremental.refused } : {}) };
      }
      return state.result.slice();
    },
    get model() {
      return state?.linted.model ?? null;
    },
    changed(start, end, inserted) {
      if (!state) return;
      changes = withChange(changes ?? { prefix: Infinity, suffix: Infinity, length: state.text.length }, start, end, inserted);
    },
    stats() {
      return last;
    },
  };
}

function tryIncremental(state: State, text: string, run: LintRun, edit: TextEdit): { state: State; stats: LintStats } | { refused: string } {
  const facts = state.facts ?? LineEditFacts.of(state.linted.model);
  const derived = modelAfterLineEdit(state.linted.model, facts, text, edit);
  if ('refused' in derived) return derived;
  const done = relint(state.linted, derived.model, derived.line, edit, run, state.paragraphs);
  if ('refused' in done) return done;
  const next: State = { ...state, text, linted: done.linted, facts, result: reported(done.linted, run) };
  return { state: next, stats: { kind: 'incremental', lines: done.lines, rules: done.rules } };
}

function fullState(text: string, settings: Settings, model: DocumentModel, run: LintRun): State {
  const linted = lintFully(model, run);
  // The parse read them for the enumerations (cached with the model): the same lines until the structure changes.
  const paragraphs = model.format === 'text' ? textParagraphs(model) : null;
  return { text, settings, linted, facts: null, paragraphs, result: reported(linted, run) };
}

function settingsOf(options: LintOptions): Settings {
  return { format: options.format ?? 'text', config: options.config, filePath: options.filePath, only: options.only, segmenter: options.segmenter };
}

/**
 * Options that give the same problems: the same format, file path and rules, and a configuration of the same value
 * (a host may build it anew for each lint). The segmenter provider is taken to give the same engine for the same
 * configuration, as a host's does: only its presence counts.
 */
function sameSettings(a: Settings, b: Settings): boolean {
  return a.format === b.format && a.filePath === b.filePath && !a.segmenter === !b.segmenter && sameValue(a.only, b.only) && sameValue(a.config, b.config);
}

/** Deep equality of JSON-like values (a configuration as read from `.gongwenrc.json`). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Compared in slices: a native comparison of long runs, character by character only near the change. */
const SLICE = 1024;

/** Where `after` differs from `before`: the shortest range between their common start and their common end. */
function changedRange(before: string, after: string): TextEdit {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + SLICE <= shortest && before.slice(prefix, prefix + SLICE) === after.slice(prefix, prefix + SLICE)) prefix += SLICE;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const most = shortest - prefix;
  let suffix = 0;
  while (
    suffix + SLICE <= most &&
    before.slice(before.length - suffix - SLICE, before.length - suffix) === after.slice(after.length - suffix - SLICE, after.length - suffix)
  )
    suffix += SLICE;
  while (suffix < most && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** The changes since the last lint, as how much of the text's start and end none of them touched. */
interface ChangedRange {
  prefix: number;
  suffix: number;
  /** The text's length after them. */
  length: number;
}

function withChange(range: ChangedRange, start: number, end: number, inserted: string): ChangedRange {
  return {
    prefix: Math.min(range.prefix, start),
    suffix: Math.min(range.suffix, range.length - end),
    length: range.length - (end - start) + inserted.length,
  };
}

/** The edit the hints describe, or null when they do not fit the new text (then the texts are compared). */
function editFromChanges(before: string, after: string, range: ChangedRange): TextEdit | null {
  if (range.length !== after.length || range.prefix === Infinity) return null;
  const prefix = Math.min(range.prefix, before.length, after.length);
  const suffix = Math.min(range.suffix, before.length - prefix, after.length - prefix);
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
