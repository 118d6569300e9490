import type { DocumentModel, ReportDocument } from '../structure/model';
import type { GongwenConfig } from '../config/settings';
import type { Fix, Severity } from '../types';
import type { Segmenter } from '../text/segmenter';
import { Array as ArrayOf, Boolean as BooleanT, Integer, Number as NumberT, Object as ObjectT, Optional, String as StringT } from '@sinclair/typebox';
import type { Static, TObject, TProperties, TSchema } from '@sinclair/typebox';

/** A problem as a rule reports it; lint() adds the rule id and the configured severity. */
export interface RuleProblem {
  start: number;
  end: number;
  message: string;
  messageEn: string;
  fix?: Fix;
  /** A milder class of the rule's problems (e.g. a consistent harmless variant): never louder than configured. */
  severityCap?: Severity;
}

export interface RuleContext {
  model: DocumentModel;
  config: GongwenConfig;
  /** The rule's options from `.gongwenrc.json` (`[severity, options]`). */
  options: Record<string, unknown>;
  /**
   * The word segmenter, lazily: call it only with a candidate in hand (it may load a dictionary).
   * Undefined when segmentation is off; returns undefined when no engine is available. Either way: report nothing.
   */
  segmenter?: () => Segmenter | undefined;
}

/** What a rule is about: groups the rules table of the docs. */
export type RuleCategory = 'completeness' | 'structure' | 'typography' | 'format' | 'wording' | 'length' | 'pasted';

/** The categories in the order the docs list them, with their names. */
export const RULE_CATEGORIES: Record<RuleCategory, { zh: string; en: string }> = {
  completeness: { zh: '内容完整', en: 'Completeness' },
  structure: { zh: '层次结构', en: 'Structure' },
  typography: { zh: '标点与字符', en: 'Punctuation and characters' },
  format: { zh: '公文格式', en: 'Document format' },
  wording: { zh: '用词与句子', en: 'Wording' },
  length: { zh: '篇幅', en: 'Length' },
  pasted: { zh: '粘贴残留', en: 'Pasted text' },
};

/**
 * The options of a rule, declared once with TypeBox: `Static<typeof OPTIONS>` is their TypeScript type, the object
 * itself their JSON Schema (validated with Ajv in `src/core/config`, written into `schemas/gongwenrc.schema.json`,
 * `package.json` and `docs/rules/<id>.md` by `npm run gen:rules`). Every property carries a `default` (unless its
 * absence means something, as `max-chars`'s `limit`), a Chinese `description` and an English `descriptionEn`.
 */
export type RuleOptionsSchema = TObject<TProperties>;

/**
 * The TypeBox builders an option schema may use (`readOptions` understands these), imported one by one: `Type`
 * would bring all of TypeBox (~45 KB minified) into the CLI and the extension, these few bring ~3 KB.
 */
export const Option = { Integer, Number: NumberT, String: StringT, Boolean: BooleanT, Array: ArrayOf, Optional };

/**
 * A rule's options schema: the properties given, no others. None is required in a configuration (a missing option
 * takes its default), so the schema lists no `required`; `readOptions` fills the defaults in, which is why the
 * static type keeps the properties with a default required.
 */
export function ruleOptions<P extends TProperties>(properties: P): TObject<P> {
  const schema = ObjectT(properties, { additionalProperties: false });
  delete (schema as { required?: string[] }).required;
  return schema;
}

/** The options schema of a rule that takes none: `[severity, {}]` only. */
export const NO_OPTIONS = ruleOptions({});

/**
 * What a rule's problems depend on, so that a lint session (`session.ts`) knows what to find again after an edit
 * inside one body line that left the structure as it was (`structure/line-edit.ts`):
 * - `structure`: only the structure (headings, documents and their sections, enumerations, furniture, the model's
 *   paragraph bounds, the width a text is set to) and the text of heading, title and furniture lines, never a body
 *   line's text: its problems stay, moved with the text after the edit;
 * - `line`: a problem that starts on a line depends on that line alone, with the structure and the line breaks
 *   around it: the rule runs again on a view of the edited paragraph (`structure/view.ts`);
 * - `paragraph`: a problem that starts in a paragraph depends on that paragraph and the next one's first line. A
 *   paragraph runs on past no blank line and, in plain text, past no line end that ends one of the model's paragraphs
 *   (`textParagraphs`), unless the characters either side of the break are both ideographs (a hard wrap);
 * - `document` (when a rule declares none): anything; the rule runs again over the whole model.
 * A `line` or `paragraph` rule reads of the model only its text, lines, format, markdown analysis, headings,
 * furniture, `isProseLine`, `isExcluded`, and its documents' kinds, titles and line ranges: a view of a few lines has
 * no section trees and no enumerations, and its documents end with it.
 */
export type RuleScope = 'structure' | 'line' | 'paragraph' | 'document';

/**
 * A `line` or `paragraph` rule whose problems also depend on a tally over each document (punctuation-width: a
 * document written in half-width marks throughout gets one problem per paragraph): its `check` is
 * `regroupDocuments(model, local(context), regroup)`, so a session runs `local` on the edited paragraph and `regroup`
 * on that paragraph's document alone.
 */
export interface ByDocument {
  /** The problems line by line (or paragraph by paragraph), in text order. */
  local: (context: RuleContext) => RuleProblem[];
  /** A document's problems from its share of `local`'s. */
  regroup: (model: DocumentModel, doc: ReportDocument, own: RuleProblem[]) => RuleProblem[];
}

/**
 * `regroup` applied to each document's share of `problems` (in text order): those from a document's start to its end;
 * problems between documents are dropped, those after the last one kept as they are.
 */
export function regroupDocuments(model: DocumentModel, problems: RuleProblem[], regroup: ByDocument['regroup']): RuleProblem[] {
  if (!problems.length) return problems;
  const out: RuleProblem[] = [];
  let k = 0;
  for (const doc of model.documents) {
    const own: RuleProblem[] = [];
    for (; k < problems.length && problems[k].start < doc.end; k++) if (problems[k].start >= doc.start) own.push(problems[k]);
    for (const p of regroup(model, doc, own)) out.push(p);
  }
  for (; k < problems.length; k++) out.push(problems[k]);
  return out;
}

/** The one contract every rule follows. */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /**
   * Off unless configured (`"rules": {"sentence-length": "info"}`): a rule whose precision on real reports stays below
   * its target (`npm run eval`, ACCURACY.md); `defaultSeverity` is then the severity it takes when turned on bare.
   */
  offByDefault?: boolean;
  category: RuleCategory;
  /** One line on what the rule checks, Chinese and English. */
  description: string;
  descriptionEn: string;
  /** What `[severity, options]` may hold (`NO_OPTIONS` when nothing); read them with `readOptions`. */
  options: RuleOptionsSchema;
  /**
   * What the rule's fix does and whether it is safe (applied by `--fix` and fix-all) or a quick fix only; `null` when
   * the rule offers none. Shown in the rules table of the docs (`npm run gen:rules`).
   */
  fix: { zh: string; en: string } | null;
  /** The standard clause the rule rests on, or 写作惯例 / drafting convention; never an invented clause. */
  basis: { zh: string; en: string };
  /** A milder class of problems or a condition beside the default severity (`整级一致的无害变体为 info`), for the table. */
  severityNote?: { zh: string; en: string };
  /** What its problems depend on (`RuleScope`), or how that follows from the model and configuration; `document` when absent. */
  scope?: RuleScope | ((context: RuleContext) => RuleScope);
  /** For a rule whose problems are regrouped per document: its line-by-line pass and its regrouping (`ByDocument`). */
  byDocument?: ByDocument;
  check(context: RuleContext): RuleProblem[];
}

/** A rule's scope for this model and configuration. */
export function scopeOf(rule: Rule, context: RuleContext): RuleScope {
  return typeof rule.scope === 'function' ? rule.scope(context) : (rule.scope ?? 'document');
}

/**
 * A rule's options, typed by its schema: each declared property from `raw` when it fits the schema, else its default.
 * Configuration files are validated before they get here; this keeps a rule safe from unchecked input (settings
 * with a warning, a config built in code), where a bad value falls back to the default rather than crashing.
 */
export function readOptions<O extends RuleOptionsSchema>(schema: O, raw: Record<string, unknown>): Static<O> {
  const out: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    const value = Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
    if (value !== undefined && fits(property, value)) out[key] = value;
    else if (property.default !== undefined) out[key] = structuredClone(property.default);
  }
  return out;
}

/** Whether a value fits one option's schema: the subset of JSON Schema that option schemas use. */
export function fits(schema: TSchema, value: unknown): boolean {
  switch (schema.type) {
    case 'integer':
      return Number.isInteger(value) && inRange(schema, value as number);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && inRange(schema, value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && value.length >= (schema.minLength ?? 0) && (!schema.enum || (schema.enum as unknown[]).includes(value));
    case 'array':
      return Array.isArray(value) && value.every((v) => fits(schema.items as TSchema, v));
    default:
      throw new Error(`option schema type ${String(schema.type)} is not supported by readOptions`);
  }
}

function inRange(schema: TSchema, n: number): boolean {
  return (schema.minimum === undefined || n >= schema.minimum) && (schema.maximum === undefined || n <= schema.maximum);
}

/** Where a rule rests on GB/T 9704-2012 §7.3.3 (structure numbering). */
export const CLAUSE_7_3_3 = { zh: 'GB/T 9704-2012 第7.3.3条', en: 'GB/T 9704-2012 §7.3.3' };
/** Where a rule rests on drafting practice rather than a standard. */
export const CONVENTION = { zh: '写作惯例', en: 'drafting convention' };

/** GB/T 9704-2012 §7.3.3 rules the four levels 一、（一）1.（1）; deeper markers (①) follow drafting practice. */
export function clauseFor(level: number): { zh: string; en: string } {
  return level >= 1 && level <= 4 ? CLAUSE_7_3_3 : CONVENTION;
}
