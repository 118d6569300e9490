/** Glob matching for `overrides[].files` and `ignore[].files`, with a cache of compiled matchers. */
import type Picomatch from 'picomatch';

// Only configs with `overrides` or `ignore.files` need a matcher: loaded on first use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const picomatch = ((glob: string, options: Picomatch.PicomatchOptions) => (require('picomatch') as typeof Picomatch)(glob, options)) as {
  (glob: string, options: Picomatch.PicomatchOptions): Picomatch.Matcher;
  makeRe(glob: string, options: Picomatch.PicomatchOptions): RegExp;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
picomatch.makeRe = (glob, options) => (require('picomatch') as typeof Picomatch).makeRe(glob, options);

const PICOMATCH_OPTIONS = { dot: true, windows: false } as const;
/** Compiled globs, by glob text: bounded, since a long-lived lint process meets every workspace's configuration. */
const matcherCache = new Map<string, (path: string) => boolean>();
const MAX_CACHED_MATCHERS = 512;

/** Strips leading "./"; a leading "/" anchors the glob to the configuration's folder. */
function normalizeGlob(glob: string): { glob: string; anchored: boolean } {
  let g = glob;
  let anchored = false;
  while (g.startsWith('./')) g = g.slice(2);
  if (g.startsWith('/')) {
    anchored = true;
    g = g.replace(/^\/+/, '');
  }
  return { glob: g, anchored };
}

function matcherFor(glob: string): (path: string) => boolean {
  let m = matcherCache.get(glob);
  if (!m) {
    const { glob: g, anchored } = normalizeGlob(glob);
    try {
      const isMatch = picomatch(g, PICOMATCH_OPTIONS);
      const byBasename = !anchored && !g.includes('/');
      m = (p) => isMatch(p) || (byBasename && isMatch(p.slice(p.lastIndexOf('/') + 1)));
    } catch {
      m = () => false;
    }
    if (matcherCache.size >= MAX_CACHED_MATCHERS) matcherCache.clear();
    matcherCache.set(glob, m);
  }
  return m;
}

function normalizePath(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p.replace(/^\/+/, '');
}

/** Why a glob cannot be compiled (picomatch's message), or undefined when it can. */
export function globSyntaxError(glob: string): string | undefined {
  try {
    picomatch.makeRe(normalizeGlob(glob).glob, PICOMATCH_OPTIONS);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : '';
  }
}

/**
 * Whether `relativePath` (relative to the configuration's folder) matches a glob or any of a list.
 * A glob without "/" also matches the file name in any folder, as in ESLint and markdownlint.
 */
export function matchesGlobs(files: string | readonly string[], relativePath: string): boolean {
  const path = normalizePath(relativePath);
  const globs = typeof files === 'string' ? [files] : files;
  return globs.some((g) => typeof g === 'string' && g !== '' && matcherFor(g)(path));
}
