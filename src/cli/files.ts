// Turns command-line path arguments (files, directories, globs) into a list of files to check.

import fs from 'node:fs';
import path from 'node:path';
import type Picomatch from 'picomatch';

// Only quoted globs on the command line need a matcher: loaded on first use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const picomatchLazy = (): typeof Picomatch => require('picomatch') as typeof Picomatch;

export interface CollectResult {
  /** In the order given; a directory's files sorted; no duplicates (by realpath). */
  files: string[];
  /** Command-line arguments that match nothing (no such file, glob with no match). */
  missing: string[];
  /** Things skipped on the way (symlink loop, unreadable directory, ...). */
  warnings: Array<{ path: string; message: string; messageEn: string }>;
}

/** Extensions of report files picked up when walking a directory (compared case-insensitively). */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.gw'];

/** What the CLI's commands pick up in a folder: the reports, and Word documents (`.docx`). */
export const CLI_EXTENSIONS = [...REPORT_EXTENSIONS, '.docx'];

const GLOB_CHARS = /[*?[\]{}]/;

type Warning = CollectResult['warnings'][number];

function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

/** Word's owner file (`~$draft.docx`), left beside a document while it is open: a few bytes of lock, not a document. */
const WORD_LOCK_FILE = /^~\$/;

function isReportFile(name: string, extensions: readonly string[]): boolean {
  return extensions.includes(path.extname(name).toLowerCase()) && !WORD_LOCK_FILE.test(path.basename(name));
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function loopWarning(p: string): Warning {
  return { path: p, message: `${p}：符号链接循环，已跳过`, messageEn: `${p}: symlink loop, skipped` };
}

/**
 * Walks a directory depth-first, entries sorted by name, skipping `node_modules` and dot-folders
 * (below the root), following symlinks but not loops. Calls `onFile` with the path relative to the
 * root (native separators) and the absolute path.
 */
function walk(
  rootAbs: string,
  rootShown: string,
  warnings: Warning[],
  onFile: (rel: string, abs: string) => void,
  extensions: readonly string[] = REPORT_EXTENSIONS,
): void {
  const visited = new Set<string>();
  const stack: string[] = [];

  const visit = (dirAbs: string, rel: string): void => {
    const shown = rel === '' ? rootShown : path.join(rootShown, rel);
    const real = realpathOr(dirAbs);
    if (stack.includes(real)) {
      warnings.push(loopWarning(shown));
      return;
    }
    // Reached again by another route (e.g. two links to one folder): its files are already listed.
    if (visited.has(real)) return;
    visited.add(real);

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dirAbs, { withFileTypes: true });
    } catch (err) {
      const code = errorCode(err);
      warnings.push({
        path: shown,
        message: `${shown}：无法读取目录（${code}），已跳过`,
        messageEn: `${shown}: cannot read directory (${code}), skipped`,
      });
      return;
    }
    entries.sort((a, b) => byName(a.name, b.name));

    stack.push(real);
    for (const entry of entries) {
      const childAbs = path.join(dirAbs, entry.name);
      const childRel = rel === '' ? entry.name : path.join(rel, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(childAbs);
          isDir = st.isDirectory();
          isFile = !isDir;
        } catch (err) {
          const childShown = path.join(rootShown, childRel);
          if (errorCode(err) === 'ELOOP') {
            warnings.push(loopWarning(childShown));
          } else if (isReportFile(entry.name, extensions)) {
            warnings.push({
              path: childShown,
              message: `${childShown}：符号链接指向的文件不存在，已跳过`,
              messageEn: `${childShown}: broken symlink, skipped`,
            });
          }
          continue;
        }
      }
      if (isDir) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        visit(childAbs, childRel);
      } else if (isFile) {
        onFile(childRel, childAbs);
      }
    }
    stack.pop();
  };

  visit(rootAbs, '');
}

/**
 * Expands command-line arguments into files.
 * - A file is included whatever its extension, shown exactly as given.
 * - A directory is walked for files of `extensions` (by default `.txt`/`.md`/`.gw`; the CLI adds `.docx`), Word's
 *   owner files (`~$…`) left out, shown as `path.join(arg, relative)`.
 * - An argument with glob characters that does not exist literally is matched with picomatch against
 *   a walk from its static base (files of any extension; the pattern says which).
 */
export function collectFiles(args: string[], cwd: string = process.cwd(), extensions: readonly string[] = REPORT_EXTENSIONS): CollectResult {
  const result: CollectResult = { files: [], missing: [], warnings: [] };
  const seen = new Set<string>();

  const add = (shown: string, abs: string): void => {
    const real = realpathOr(abs);
    if (seen.has(real)) return;
    seen.add(real);
    result.files.push(shown);
  };

  for (const arg of args) {
    if (arg === '') {
      result.missing.push(arg);
      continue;
    }
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    let code = '';
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      code = errorCode(err);
    }

    if (stat?.isDirectory()) {
      walk(
        abs,
        arg,
        result.warnings,
        (rel, fileAbs) => {
          if (isReportFile(rel, extensions)) add(path.join(arg, rel), fileAbs);
        },
        extensions,
      );
    } else if (stat) {
      add(arg, abs);
    } else if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (GLOB_CHARS.test(arg)) {
        if (!expandGlob(arg, cwd, result, add)) result.missing.push(arg);
      } else {
        result.missing.push(arg);
      }
    } else if (code === 'ELOOP') {
      result.warnings.push(loopWarning(arg));
    } else {
      result.warnings.push({ path: arg, message: `${arg}：无法访问（${code}），已跳过`, messageEn: `${arg}: cannot access (${code}), skipped` });
    }
  }
  return result;
}

/** Adds the files a glob matches; returns whether anything matched. */
function expandGlob(arg: string, cwd: string, result: CollectResult, add: (shown: string, abs: string) => void): boolean {
  const glob = path.sep === '\\' ? arg.replace(/\\/g, '/') : arg;
  const picomatch = picomatchLazy();
  const base = picomatch.scan(glob).base;
  const baseAbs = path.resolve(cwd, base === '' ? '.' : base);
  try {
    if (!fs.statSync(baseAbs).isDirectory()) return false;
  } catch {
    return false;
  }
  const isMatch = picomatch(glob);
  let matched = false;
  walk(baseAbs, base === '' ? '.' : base, result.warnings, (rel) => {
    const relPosix = rel.split(path.sep).join('/');
    const candidate = base === '' || base.endsWith('/') ? base + relPosix : `${base}/${relPosix}`;
    if (!isMatch(candidate)) return;
    matched = true;
    add(path.join(base, rel), path.resolve(baseAbs, rel));
  });
  return matched;
}
