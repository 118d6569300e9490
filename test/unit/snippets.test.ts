import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lint, outline, parse, type OutlineSection } from '../../src/core';
import { expandSnippet } from './support/snippet-expander';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const FILE = path.join(__dirname, '..', '..', 'snippets', 'gongwen.code-snippets');
const snippets = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, Snippet>;
const VARIABLES = { CURRENT_YEAR: '2024', CURRENT_YEAR_SHORT: '24', TM_SELECTED_TEXT: '', CLIPBOARD: '' };
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/** The full frames, with the level-1 headings each promises. */
const SKELETONS: Record<string, string[]> = {
  年度工作总结及明年工作计划: ['2024年主要工作及成效', '存在的问题', 'xxxx年工作计划'],
  上半年工作总结及下半年工作思路: ['上半年主要工作及成效', '存在的问题', '下半年工作思路'],
  工作计划: ['总体要求', '重点任务', '保障措施'],
  情况汇报: ['主要工作及成效', '存在的问题', '下一步工作计划'],
  '情况报告（关于……情况的报告）': ['主要工作及成效', '存在的问题', '下一步工作计划'],
  请示: ['基本情况', '必要性和可行性', '请示事项'],
  通知: ['总体要求', '重点任务', '工作要求'],
};

describe('snippet library', () => {
  it('is valid JSON with at least 60 snippets, each with a Chinese description', () => {
    assert.ok(Object.keys(snippets).length >= 60, `${Object.keys(snippets).length} snippets`);
    for (const [name, s] of Object.entries(snippets)) assert.match(s.description, /[\u4e00-\u9fff]/, name);
  });

  it('has unique prefixes, each snippet with a gw- prefix and a Chinese one', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = prefixesOf(s);
      assert.ok(
        prefixes.some((p) => p.startsWith('gw-')),
        `${name}: no gw- prefix`,
      );
      assert.ok(
        prefixes.some((p) => /[\u4e00-\u9fff]/.test(p)),
        `${name}: no Chinese prefix`,
      );
      for (const p of prefixes) {
        assert.ok(!seen.has(p), `prefix ${p} of ${name} is also ${seen.get(p)}'s`);
        seen.set(p, name);
      }
    }
  });

  it('every body expands (tabstops well-formed) and leaves no bare placeholder outside a tabstop', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const body = bodyOf(s);
      assert.doesNotThrow(() => expandSnippet(body, VARIABLES), name);
      // Blank out every tabstop and choice, innermost first: what is left is fixed text.
      let fixed = body;
      for (let prev = ''; prev !== fixed;) {
        prev = fixed;
        fixed = fixed.replace(/\$\{\d+(?::[^${}]*|\|[^|]*\|)?\}|\$\d+|\$\{?[A-Z_]+\}?/g, '');
      }
      assert.equal(lint(fixed, { only: ['placeholder'] }).length, 0, `${name}: bare placeholder in ${JSON.stringify(fixed.slice(0, 80))}`);
    }
  });

  it('the expander rejects malformed bodies (so the test above can fail)', () => {
    assert.throws(() => expandSnippet('${1:未闭合', VARIABLES));
    assert.throws(() => expandSnippet('价格$', VARIABLES));
    assert.equal(expandSnippet('${1:XX}市，$1；${2|甲,乙|}\\$$0', VARIABLES), 'XX市，XX；甲$');
  });

  for (const [name, level1] of Object.entries(SKELETONS)) {
    it(`skeleton ${name}: expanded with its defaults, parses into the outline it promises`, () => {
      const s = snippets[name];
      assert.ok(s, `no snippet ${name}`);
      const text = expandSnippet(bodyOf(s), VARIABLES);
      const docs = outline(parse(text));
      assert.equal(docs.length, 1, 'one document');
      const [doc] = docs;
      assert.ok(doc.title.length > 0, 'a title');
      assert.deepEqual(
        doc.sections.map((x: OutlineSection) => x.marker + x.title),
        level1.map((t, i) => `${'一二三四五'[i]}、${t}`),
      );
      assert.ok(doc.sections[0].children.length >= 2 && doc.sections[0].children.every((c) => c.level === 2), 'level-2 sections under 一、');
      const noisy = lint(text).filter((p) => p.ruleId !== 'placeholder' && (p.severity === 'warning' || p.severity === 'error'));
      assert.deepEqual(
        noisy.map((p) => `${p.ruleId}: ${p.message}`),
        [],
      );
      assert.ok(lint(text, { only: ['placeholder'] }).length > 0, 'blanks left as x are caught');
    });
  }
});

describe('snippet list in docs/snippets.md', () => {
  const ROOT = path.join(__dirname, '..', '..');
  const SCRIPT = path.join(ROOT, 'scripts', 'snippets-doc.mjs');
  const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8' });

  it('is generated from the snippet file and up to date (npm run docs:snippets)', () => {
    const r = run(ROOT, '--check');
    assert.equal(r.status, 0, r.stderr);
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'snippets.md'), 'utf8');
    assert.ok(doc.includes(`${Object.keys(snippets).length} snippets (片段)`), 'the count of snippets');
    for (const name of Object.keys(snippets)) assert.ok(doc.includes(`| ${name.replace(/\|/g, '\\|')} |`), name);
  });

  it('is no longer kept in README.md', () => {
    assert.ok(!fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes('snippets:start'));
  });

  it('--check fails on a stale list, and the generator brings it up to date', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-snippets-'));
    try {
      fs.mkdirSync(path.join(dir, 'docs'));
      fs.mkdirSync(path.join(dir, 'snippets'));
      fs.writeFileSync(
        path.join(dir, 'snippets', 'gongwen.code-snippets'),
        JSON.stringify({ 'a|b': { prefix: ['gw-ab', '甲乙'], body: 'x', description: '说明|desc' } }),
      );
      const stale = 'before\n<!-- snippets:start (generated by npm run docs:snippets) -->\nold\n<!-- snippets:end -->\nafter\n';
      fs.writeFileSync(path.join(dir, 'docs', 'snippets.md'), stale);
      const check = run(dir, '--check');
      assert.equal(check.status, 1);
      assert.equal(check.stderr, 'docs/snippets.md: the snippet list is out of date; run npm run docs:snippets\n');
      assert.equal(run(dir).status, 0);
      assert.equal(
        fs.readFileSync(path.join(dir, 'docs', 'snippets.md'), 'utf8'),
        [
          'before',
          '<!-- snippets:start (generated by npm run docs:snippets) -->',
          '1 snippets (片段) — type a prefix, e.g. `gw-gzzj` or `工作总结`:',
          '',
          '| snippet | prefixes | description |',
          '|---|---|---|',
          '| a\\|b | `gw-ab` `甲乙` | 说明\\|desc |',
          '<!-- snippets:end -->',
          'after',
          '',
        ].join('\n'),
      );
      assert.equal(run(dir, '--check').status, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
