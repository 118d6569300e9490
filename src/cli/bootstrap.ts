// The start of `dist/cli.js`: runs the CLI's bundle (carried in the same file as a string, so that the file stays
// self-contained) through V8's code cache. Without the cache V8 compiles the ~300 KB bundle and every function a run
// calls, ~20 ms of a 20 KB check; with it, it reads the compiled code back. The cache is written at the end of a run
// that had none, into gongwen's cache folder (`cache-dir.ts`), named by the bundle's hash and the Node version: V8
// itself checks only the source's length and its own version, so the name is what keeps a rebuilt bundle from reading
// another's code. Where the folder cannot be had, or V8 rejects the data, the bundle is compiled as usual. Node ≥ 22.1
// also caches the modules the CLI loads later (`module.enableCompileCache`).
//
// `NODE_DISABLE_COMPILE_CACHE=1` turns both off, as it does for Node's own cache.

import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { cacheDir, writeCacheFile } from '../engines/cache-dir';

declare const GONGWEN_BODY: string;
declare const GONGWEN_BODY_HASH: string;

type ModuleWithCache = typeof Module & { enableCompileCache?: (dir?: string) => unknown };

function run(): void {
  const disabled = !!process.env.NODE_DISABLE_COMPILE_CACHE;
  const dir = disabled ? null : cacheDir();
  if (dir) enableNodeCompileCache(dir);
  const file = dir ? path.join(dir, `cli-${GONGWEN_BODY_HASH}-${process.version}-${process.arch}.v8`) : null;
  const cachedData = file ? readCache(file) : undefined;
  const script = new vm.Script(Module.wrap(GONGWEN_BODY), { filename: __filename, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    // At the end, so that the functions this run compiled are in it.
    process.once('exit', () => writeCacheFile(file, script.createCachedData(), 'cli-'));
  }
  const body = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, mod: NodeJS.Module, filename: string, dirname: string) => void;
  body.call(module.exports, module.exports, require, module, __filename, __dirname);
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function enableNodeCompileCache(dir: string): void {
  const enable = (Module as ModuleWithCache).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable(path.join(dir, 'node-compile-cache'));
  } catch {
    // A cache is an optimisation: never a reason to fail.
  }
}

run();
