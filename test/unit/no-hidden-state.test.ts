import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '../../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Module-level state that is allowed, with why: it cannot grow with the documents linted.
 * Anything else a rule or the markdown layer keeps between calls belongs to an object passed in.
 */
const ALLOWED: Record<string, string> = {
  'core/markdown/parser.ts parser': 'markdown-it loaded and configured on first use, never changed after',
  'core/rules/punctuation-width.ts TEXTS': 'messages per half-width mark: bounded by the fixed set of marks',
  'core/rules/punctuation-width.ts FULL_WIDTH_MARKS': 'a constant set, never changed (typed `Set`, not `ReadonlySet`)',
};

/** Top-level `let`/`var`, and top-level constants holding a new mutable object (a Map, a typed array, a class instance). */
function moduleState(file: string): string[] {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  const found: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^(?:export )?(?:let|var) (\w+)/.exec(line) ?? /^(?:export )?const (\w+)(: *([^=]+))? = new (\w+)/.exec(line);
    if (!m) continue;
    const [, name, , type = '', ctor] = m;
    // Immutable by type, or dying with their keys.
    if (ctor === 'RegExp' || ctor === 'WeakMap' || /^\s*Readonly|^\s*readonly/.test(type)) continue;
    if (!(`${rel} ${name}` in ALLOWED)) found.push(`${rel}: ${line.trim()}`);
  }
  return found;
}

describe('no hidden state in the rules and the markdown layer', () => {
  it('no module-level mutable state in src/core/rules and src/core/markdown', () => {
    const dirs = ['core/rules', 'core/markdown'].map((d) => path.join(SRC, d));
    assert.deepEqual(dirs.flatMap(files).flatMap(moduleState), []);
  });

  it("no use of markdown-it's private __rules__ anywhere in src", () => {
    assert.deepEqual(
      files(SRC)
        .filter((f) => fs.readFileSync(f, 'utf8').includes('__rules__'))
        .map((f) => path.relative(SRC, f)),
      [],
    );
  });
});
