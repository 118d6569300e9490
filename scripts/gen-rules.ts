/**
 * Writes what follows from the rules' declarations (`src/core/rules/*.ts`: id, default severity, category,
 * descriptions, options schema, fix, basis), so that nothing about a rule is copied by hand:
 *
 * - `schemas/gongwenrc.schema.json`: `definitions.rules.properties`, one entry per rule (a severity, or
 *   `[severity, options]` with the rule's options schema);
 * - `package.json`: `contributes.configuration` `gongwen.rules.properties`, one severity entry per rule;
 * - `docs/rules/<id>.md`: the header facts between `<!-- rule-facts -->` and `<!-- /rule-facts -->` (category, default
 *   severity, fix, basis; the block is added under the page's title when missing) and the text between
 *   `<!-- options -->` and `<!-- /options -->`;
 * - any file holding `<!-- rules-table -->` … `<!-- /rules-table -->`: the table of all rules.
 *
 * `npm run gen:rules` writes them; `test/unit/gen-rules.test.ts` fails when a committed file differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { RULES } from '../src/core/rules';
import { RULE_CATEGORIES, type Rule } from '../src/core/rules/rule';

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];

/** Files whose `<!-- rules-table -->` block is filled, when they have one. */
const TABLE_FILES = ['README.md', 'docs/rules/README.md'];

/** A JSON Schema annotation in both languages, as the schema file writes them: "English (中文)". */
const bilingual = (zh: string, en: string): string => `${en} (${zh})`;

/** A rule's options schema as plain JSON Schema: TypeBox's symbols dropped, `descriptionEn` folded into `description`. */
export function optionsJsonSchema(rule: Rule): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(rule.options)) as { properties: Record<string, Record<string, unknown>> };
  const properties: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(plain.properties)) {
    const { description, descriptionEn, ...rest } = prop;
    properties[key] = { description: bilingual(String(description), String(descriptionEn)), ...rest };
  }
  return {
    title: bilingual(`${rule.id} 的选项`, `Options of ${rule.id}`),
    description:
      Object.keys(properties).length === 0
        ? bilingual('本规则没有选项', 'This rule takes no options')
        : bilingual('未写的选项取默认值', 'Options left out take their defaults'),
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

function schemaEntry(rule: Rule): Record<string, unknown> {
  return {
    title: rule.id,
    description: bilingual(rule.description, rule.descriptionEn),
    anyOf: [
      { $ref: '#/definitions/severityOrOff' },
      {
        title: 'Severity with options (严重程度和选项)',
        type: 'array',
        items: [{ $ref: '#/definitions/severityOrOff' }, optionsJsonSchema(rule)],
        minItems: 2,
        additionalItems: false,
      },
    ],
  };
}

/** `schemas/gongwenrc.schema.json` with its per-rule entries regenerated. */
export function generateSchema(current: string): string {
  const schema = JSON.parse(current) as { definitions: { rules: Record<string, unknown> } };
  const rules = schema.definitions.rules;
  const { additionalProperties, ...rest } = rules;
  // `properties` right before `additionalProperties`, as a reader expects.
  schema.definitions.rules = {
    ...withoutKey(rest, 'properties'),
    properties: Object.fromEntries(RULES.map((r) => [r.id, schemaEntry(r)])),
    additionalProperties,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function withoutKey(o: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...o };
  delete copy[key];
  return copy;
}

/**
 * `package.json` with `gongwen.rules`' per-rule entries regenerated. The settings take a severity per rule (a plain
 * enum keeps the Settings editor's table of rules); options belong in `.gongwenrc.json`.
 */
export function generatePackageJson(current: string): string {
  const pkg = JSON.parse(current) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } };
  const setting = pkg.contributes.configuration.properties['gongwen.rules'];
  const entry = (rule: Rule) => ({
    type: 'string',
    enum: SEVERITIES,
    description: `${rule.description} / ${rule.descriptionEn} — 默认 default: ${defaultOf(rule)}`,
  });
  const { additionalProperties, ...rest } = setting;
  pkg.contributes.configuration.properties['gongwen.rules'] = {
    ...withoutKey(rest, 'properties'),
    properties: Object.fromEntries(RULES.map((r) => [r.id, entry(r)])),
    additionalProperties,
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const defaultOf = (rule: Rule): string => (rule.offByDefault ? `off (${rule.defaultSeverity})` : rule.defaultSeverity);

const TYPE_NAMES: Record<string, string> = { integer: '整数 integer', number: '数字 number', string: '文字 string', boolean: '布尔 boolean' };

function typeText(schema: TSchema): string {
  if (schema.type === 'array') {
    const item = schema.items as TSchema;
    return item.type === 'string' ? '文字数组 list of strings' : `数组 list of ${String(item.type)}`;
  }
  const name = TYPE_NAMES[String(schema.type)] ?? String(schema.type);
  const bounds = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : '', schema.maximum !== undefined ? `≤ ${schema.maximum}` : '']
    .filter(Boolean)
    .join(', ');
  return bounds ? `${name}, ${bounds}` : name;
}

/** The generated options section of `docs/rules/<id>.md`. */
export function optionsBlock(rule: Rule): string {
  const props = Object.entries(rule.options.properties);
  if (props.length === 0) {
    return [
      `本规则没有 \`[级别, {选项}]\` 形式的选项：只能写 \`["${rule.defaultSeverity}", {}]\`，写了选项就是配置错误。`,
      `This rule takes no options: in \`[severity, { options }]\` only \`{}\` is accepted; anything else is a configuration error.`,
    ].join('\n');
  }
  const lines = [
    '| 选项 Option | 类型 Type | 默认 Default | 含义 Meaning |',
    '|---|---|---|---|',
    ...props.map(
      ([key, p]) =>
        `| \`${key}\` | ${typeText(p)} | ${p.default === undefined ? '—' : `\`${JSON.stringify(p.default)}\``} | ${p.description} / ${p.descriptionEn} |`,
    ),
    '',
    '在 `.gongwenrc.json` 的 `rules`（或 `overrides[].rules`）中以 `[级别, {选项}]` 的形式设置；没写的选项取默认值。选项名写错或值的类型不对是配置错误：`gongwen check` 指出文件和键并以退出码 2 结束，编辑器在该键上标出。',
    'Set them as `[severity, { options }]` under `rules` (or `overrides[].rules`) in `.gongwenrc.json`; options left out take their defaults. A misspelt option or a value of the wrong type is a configuration error: `gongwen check` names the file and the key and exits 2, and the editor marks the key.',
  ];
  return lines.join('\n');
}

/** Both languages of a declared text, once when they are the same (`GB/T 15834-2011`). */
const both = (zh: string, en: string): string => (zh === en ? zh : `${zh} / ${en}`);

/** The default severity as a page states it: off-by-default rules say what they take when turned on. */
function severityFacts(rule: Rule): string {
  const sev = `\`${rule.defaultSeverity}\``;
  const note = rule.severityNote ?? { zh: '', en: '' };
  const zh = (rule.offByDefault ? `关闭（开启后为 ${sev}）` : sev) + note.zh;
  const en = (rule.offByDefault ? `off (${sev} when turned on)` : sev) + note.en;
  return both(zh, en);
}

/** The generated header of `docs/rules/<id>.md`: the rule's category, default severity, fix and basis. */
export function factsBlock(rule: Rule): string {
  const category = RULE_CATEGORIES[rule.category];
  const rows: [string, string][] = [
    ['类别 Category', both(category.zh, category.en)],
    ['默认级别 Default severity', severityFacts(rule)],
    ['修复 Fix', rule.fix ? both(rule.fix.zh, rule.fix.en) : '无 / none'],
    ['依据 Basis', both(rule.basis.zh, rule.basis.en)],
  ];
  return ['| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${cell(value)} |`)].join('\n');
}

/**
 * A rule page with its facts block regenerated; a page without one gets it right under its title. Throws when the
 * page's first line is not the rule's title (`# <id> — 名称`): the block's place would be a guess.
 */
export function withFacts(page: string, file: string, rule: Rule): string {
  const titleEnd = page.indexOf('\n');
  if (titleEnd < 0 || !page.startsWith(`# ${rule.id} — `)) throw new Error(`${file}: the first line must be the title, "# ${rule.id} — <名称>"`);
  const replaced = replaceBlock(page, 'rule-facts', factsBlock(rule));
  if (replaced !== undefined) return replaced;
  return `${page.slice(0, titleEnd + 1)}\n<!-- rule-facts -->\n${factsBlock(rule)}\n<!-- /rule-facts -->\n${page.slice(titleEnd + 1)}`;
}

/**
 * The table of all rules, for a `<!-- rules-table -->` block, grouped by category; `docsDir` is where the rule pages
 * are, from that file. Each row carries an `<a id>` anchor (links to `docs/rules/README.md#<id>`), the rule's page,
 * its descriptions, default severity, fix (`—` when it has none) and basis.
 */
export function rulesTable(docsDir: string): string {
  const lines = ['| 规则 Rule | 中文名 | 默认级别 Default | 检查什么 What it checks | 修复 Fix | 依据 Basis |', '|---|---|---|---|---|---|'];
  for (const category of Object.keys(RULE_CATEGORIES) as (keyof typeof RULE_CATEGORIES)[]) {
    for (const r of RULES.filter((rule) => rule.category === category)) {
      const cells = [
        `<a id="${r.id}"></a>[\`${r.id}\`](${docsDir}${r.id}.md)`,
        r.description,
        (r.offByDefault ? `关闭 off（\`${r.defaultSeverity}\`）` : `\`${r.defaultSeverity}\``) + (r.severityNote ? r.severityNote.zh : ''),
        r.descriptionEn,
        r.fix ? `${r.fix.zh} / ${r.fix.en}` : '—',
        r.basis.zh,
      ];
      lines.push(`| ${cells.map(cell).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** Text for a table cell: a `|` would end the cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** `text` with the block between `<!-- name -->` and `<!-- /name -->` replaced; undefined when it has none. */
export function replaceBlock(text: string, name: string, body: string): string | undefined {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) return undefined;
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
}

/** Every generated file: path (relative to `root`) → expected content. Throws when a rule page lacks its markers. */
export function generate(root: string): Map<string, string> {
  const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
  const out = new Map<string, string>();
  out.set('schemas/gongwenrc.schema.json', generateSchema(read('schemas/gongwenrc.schema.json')));
  out.set('package.json', generatePackageJson(read('package.json')));
  for (const rule of RULES) {
    const page = `docs/rules/${rule.id}.md`;
    const next = replaceBlock(withFacts(read(page), page, rule), 'options', optionsBlock(rule));
    if (next === undefined) throw new Error(`${page}: no <!-- options --> … <!-- /options --> block; add one where the options belong`);
    out.set(page, next);
  }
  for (const file of TABLE_FILES) {
    if (!fs.existsSync(path.join(root, file))) continue;
    const dir = path.posix.relative(path.posix.dirname(file), 'docs/rules');
    const next = replaceBlock(read(file), 'rules-table', rulesTable(dir === '' ? '' : `${dir}/`));
    if (next !== undefined) out.set(file, next);
  }
  return out;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  let written = 0;
  for (const [file, content] of generate(root)) {
    const full = path.join(root, file);
    if (fs.readFileSync(full, 'utf8') === content) continue;
    fs.writeFileSync(full, content);
    console.log(`wrote ${file}`);
    written++;
  }
  if (written === 0) console.log('gen:rules: everything up to date');
}
