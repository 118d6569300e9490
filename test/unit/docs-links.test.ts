// Every relative link in the README, the changelog and docs/ resolves: the file exists, and an anchor (`#x`) names a
// heading (as GitHub slugs it) or an `<a id="x">` of the target. The rules table in docs/rules/README.md lists every
// rule once, with its anchor, its page and its default severity.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SEVERITIES, RULE_IDS } from '../../src/core';

const ROOT = path.join(__dirname, '..', '..');

/** The markdown files whose links are checked, relative to the root. */
function docFiles(): string[] {
  const out = ['README.md', 'CHANGELOG.md'];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.md')) out.push(rel);
    }
  };
  walk('docs');
  return out;
}

/** The text without fenced code blocks and code spans (their brackets are no links), line count kept. */
function prose(markdown: string): string {
  return markdown
    .replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(`+)[^`\n][\s\S]*?\1/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** GitHub's heading id: lower case, punctuation and symbols dropped, each space a hyphen. */
function slug(heading: string): string {
  const text = heading
    .replace(/<[^>]+>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The anchors a markdown file defines: its headings' ids (repeats get -1, -2…) and explicit `<a id>`/`name`. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const text = prose(markdown);
  for (const m of text.matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  return anchors;
}

/** Links and images `[text](target)` outside code, with their 1-based line. */
function linksOf(markdown: string): { line: number; target: string }[] {
  const text = prose(markdown);
  const out: { line: number; target: string }[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    out.push({ line: text.slice(0, m.index).split('\n').length, target: m[1] });
  }
  return out;
}

/** Problems with the relative links of `file` (relative to `root`); `read` returns a file's text or undefined. */
function brokenLinks(file: string, root: string, read: (abs: string) => string | undefined, exists: (abs: string) => boolean): string[] {
  const source = read(path.join(root, file));
  if (source === undefined) return [`${file}: cannot be read`];
  const problems: string[] = [];
  for (const { line, target } of linksOf(source)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, vscode:
    const hash = target.indexOf('#');
    const rel = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const abs = rel ? path.resolve(path.dirname(path.join(root, file)), rel) : path.join(root, file);
    const where = `${file}:${line}: ${target}`;
    if (!exists(abs)) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (anchor === undefined) continue;
    const targetText = abs.endsWith('.md') ? read(abs) : undefined;
    if (targetText === undefined) problems.push(`${where}: an anchor into a file that is not markdown`);
    else if (!anchorsOf(targetText).has(anchor)) problems.push(`${where}: no anchor #${anchor}`);
  }
  return problems;
}

const readDisk = (abs: string) => (fs.existsSync(abs) && fs.statSync(abs).isFile() ? fs.readFileSync(abs, 'utf8') : undefined);

describe('documentation links', () => {
  it('slugs headings as GitHub does', () => {
    assert.equal(slug('How a report is read'), 'how-a-report-is-read');
    assert.equal(slug('Word export (`gongwen export`)'), 'word-export-gongwen-export');
    assert.equal(slug('设置级别和关闭 / Severities and silencing'), '设置级别和关闭--severities-and-silencing');
    assert.equal(slug('Configuration: `.gongwenrc.json`'), 'configuration-gongwenrcjson');
    assert.deepEqual([...anchorsOf('# A\n## A\n```\n# B\n```\n<a id="x"></a>')], ['a', 'a-1', 'x']);
  });

  it('finds a broken file, a broken anchor and ignores links in code', () => {
    const files: Record<string, string> = {
      '/r/docs/a.md':
        '# Top\n[ok](b.md#part) [self](#top) [gone](c.md) [bad](b.md#nope) `[code](x.md)`\n```\n[fenced](y.md)\n```\n![img](../images/p.png) [web](https://x.org/a.md)\n',
      '/r/docs/b.md': '## Part\n',
      '/r/images/p.png': '',
    };
    const problems = brokenLinks(
      'docs/a.md',
      '/r',
      (abs) => files[abs],
      (abs) => abs in files,
    );
    assert.deepEqual(problems, ['docs/a.md:2: c.md: no such file', 'docs/a.md:2: b.md#nope: no anchor #nope']);
  });

  for (const file of docFiles()) {
    it(`${file}: every relative link and anchor resolves`, () => {
      assert.deepEqual(
        brokenLinks(file, ROOT, readDisk, (abs) => fs.existsSync(abs)),
        [],
      );
    });
  }
});

describe('docs/rules/README.md rules table', () => {
  const table = fs
    .readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| <a id='));

  it('has one row per rule, in the registry, with its anchor, its page and its default severity', () => {
    const ids = table.map((l) => /^\| <a id="([a-z-]+)"><\/a>\[`\1`\]\(\1\.md\) \|/.exec(l)?.[1]);
    assert.deepEqual([...ids].sort(), [...RULE_IDS].sort());
    for (const row of table) {
      const id = /id="([a-z-]+)"/.exec(row)![1];
      const defaultCell = row.split(/(?<!\\)\|/)[3];
      const expected = DEFAULT_SEVERITIES[id];
      assert.ok(defaultCell.includes(expected === 'off' ? 'off' : `\`${expected}\``), `${id}: default ${expected}, table says ${defaultCell}`);
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${id}.md`)), `${id}: page`);
    }
  });
});
