import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

/**
 * The source layout is the pipeline: text/ → markdown/ → structure/ → rules/ → edits/ inside src/core (config/ beside
 * them), then export/, cli/ and extension/ on top. ESLint forbids the wrong-way imports file by file; this test
 * checks what a per-file rule cannot see: no import cycle anywhere in src/ (type-only imports excepted).
 */
const SRC = path.join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The files a module imports at run time: relative `import … from`, `export … from` and `require`, not `import type`. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm), ...text.matchAll(/require\('(\.[^']+)'\)/g)].map(
    (m) => m[1],
  );
  return specs.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    const found = [base + '.ts', path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
    return found ? [found] : [];
  });
}

/** Every cycle of the import graph, each as the list of files around it (strongly connected components of size > 1). */
function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(path.relative(SRC, w));
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

describe('source layout', () => {
  const files = sourceFiles(SRC);

  it('finds the files it checks (a glob that matched nothing would pass vacuously)', () => {
    assert.ok(files.length > 80, `${files.length} files`);
    assert.ok(runtimeImports(path.join(SRC, 'core', 'index.ts')).length > 5);
  });

  it('has no import cycle in src/ (export, cli, extension and every core layer included)', () => {
    assert.deepEqual(importCycles(files), []);
  });

  it('detects a cycle when there is one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-cycle-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import type { a } from './a';\nimport { c } from './c';\nexport const b = c;\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "export { a } from './a';\nexport const c = 1;\n");
    assert.equal(importCycles(sourceFiles(dir)).length, 1);
    fs.rmSync(dir, { recursive: true });
  });
});
