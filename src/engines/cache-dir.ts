/**
 * The folder where gongwen keeps what it derives from its own installation (V8's compiled code of the CLI, the index of
 * nodejieba's dictionary), never anything derived from a report: `$GONGWEN_CACHE_DIR`, else
 * `${XDG_CACHE_HOME:-~/.cache}/gongwen`. Losing it costs one slower run.
 *
 * What is read back from it is trusted as code or as a dictionary, so the folder must be this user's alone: created
 * 0700, and refused when someone else owns it or may write to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let resolved: string | null | undefined;

/** The cache folder, created on first use; null when there is none to be had (no home, read-only, not ours). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (resolved !== undefined && env === process.env) return resolved;
  const dir = locate(env);
  const usable = dir !== null && ensurePrivateDir(dir) ? dir : null;
  if (env === process.env) resolved = usable;
  return usable;
}

function locate(env: NodeJS.ProcessEnv): string | null {
  if (env.GONGWEN_CACHE_DIR) return path.resolve(env.GONGWEN_CACHE_DIR);
  const base = env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : '');
  return base ? path.join(base, 'gongwen') : null;
}

function ensurePrivateDir(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return false;
    return process.platform === 'win32' || (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * Writes a cache file whole or not at all (temp file, then rename): a concurrent reader never sees half of it. The
 * folder's other files whose names start with `replaces` (the same cache for another build or dictionary) are removed.
 */
export function writeCacheFile(file: string, data: Uint8Array, replaces?: string): void {
  const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    removeQuietly(tmp);
    return;
  }
  if (!replaces) return;
  const dir = path.dirname(file);
  try {
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(replaces) && !name.endsWith('.tmp') && path.join(dir, name) !== file) removeQuietly(path.join(dir, name));
    }
  } catch {
    // An old file left behind costs only its disk space.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing more to do about a file that cannot be removed.
  }
}
