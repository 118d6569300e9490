// `gongwen check --cache`: each file's problems kept by the hash of its bytes, so that an unchanged file is printed
// again without being decoded, linted or segmented (as ESLint's and Prettier's `--cache` do). One JSON file, by default
// `.gongwencache` in the current folder; `--cache-location` names another file, or a folder to hold it.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './io';
import { DOCX_FIELDS, PROBLEM_FIELDS, type ProblemTable } from './format';
import type { FileTask } from './check-file';

declare const GONGWEN_VERSION: string;
const VERSION = typeof GONGWEN_VERSION === 'string' ? GONGWEN_VERSION : '0.0.0-dev';

export const DEFAULT_CACHE_FILE = '.gongwencache';
/** Bumped when what an entry holds changes. */
const CACHE_FORMAT = 1;

interface CacheEntry {
  /** sha1 of the file's bytes. */
  hash: string;
  /** What else decides the problems: gongwen's build, the config, the path for `overrides`, the format, the segmenter. */
  key: string;
  table: ProblemTable;
}

interface CacheFile {
  format: number;
  entries: Record<string, CacheEntry>;
}

/** The cache file a `--cache-location` names: itself, or `.gongwencache` inside a folder (existing, or written with a trailing slash). */
export function cacheFilePath(location: string | undefined, cwd: string = process.cwd()): string {
  if (!location) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location) || isDirectory(resolved)) return path.join(resolved, DEFAULT_CACHE_FILE);
  return resolved;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export class ResultCache {
  private entries: Record<string, CacheEntry> = {};
  private changed = false;
  private readonly build: string;

  constructor(readonly file: string) {
    this.entries = readEntries(file);
    this.build = buildIdentity();
  }

  /** What besides the bytes decides a file's problems. */
  keyOf(task: FileTask, segmenter: string | undefined): string {
    const { config, filePath, format } = task.options;
    const json = JSON.stringify([CACHE_FORMAT, this.build, config ?? null, filePath ?? null, format ?? 'text', segmenter ?? null]);
    return crypto.createHash('sha1').update(json).digest('hex');
  }

  /** The problems kept for a file whose bytes hash to `hash` under `key`. */
  get(file: string, hash: string, key: string): ProblemTable | undefined {
    const entry = this.entries[path.resolve(file)];
    return entry && entry.hash === hash && entry.key === key && validTable(entry.table) ? entry.table : undefined;
  }

  set(file: string, hash: string, key: string, table: ProblemTable): void {
    this.entries[path.resolve(file)] = { hash, key, table };
    this.changed = true;
  }

  /** Writes the cache back (atomically), without the entries of files that are gone; a failure costs only the cache. */
  save(): string | null {
    for (const file of Object.keys(this.entries)) {
      if (!fs.existsSync(file)) {
        delete this.entries[file];
        this.changed = true;
      }
    }
    if (!this.changed) return null;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const data: CacheFile = { format: CACHE_FORMAT, entries: this.entries };
      writeFileAtomic(this.file, Buffer.from(JSON.stringify(data)));
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }
}

/** The entries of a cache file; none when it is missing, unreadable, damaged or of another format. */
function readEntries(file: string): Record<string, CacheEntry> {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (data && data.format === CACHE_FORMAT && data.entries && typeof data.entries === 'object') return data.entries;
  } catch {
    // No cache yet, or one that cannot be used: start afresh.
  }
  return {};
}

/** A table as `problemTable` writes it (a hand-edited or truncated cache is ignored, never printed). */
function validTable(t: ProblemTable | undefined): boolean {
  if (!t || !Array.isArray(t.strings) || !Array.isArray(t.problems) || !Array.isArray(t.fixes)) return false;
  if (t.problems.length % PROBLEM_FIELDS !== 0) return false;
  // A Word document's positions, one span a problem (a text file has none).
  if (t.docx !== undefined && !(Array.isArray(t.docx) && t.docx.length === (t.problems.length / PROBLEM_FIELDS) * DOCX_FIELDS)) return false;
  for (let at = 0; at < t.problems.length; at += PROBLEM_FIELDS) {
    for (let k = 4; k < 8; k++) if (typeof t.strings[t.problems[at + k]] !== 'string') return false;
    const fix = t.problems[at + 8];
    if (fix !== -1 && !Array.isArray(t.fixes[fix])) return false;
  }
  return true;
}

/**
 * gongwen's version and the size and time of the script that runs: a rebuilt bundle (whose rules may have changed
 * while the version did not) never reads the entries of the one before.
 */
function buildIdentity(): string {
  const script = require.main?.filename ?? __filename;
  try {
    const st = fs.statSync(script);
    return `${VERSION}:${st.size}:${st.mtimeMs}`;
  } catch {
    return VERSION;
  }
}
