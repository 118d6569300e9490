/** Building `ConfigError`s: JSON paths, their display as keys, and de-duplication. */
import type { ConfigError, Explained, PathSegment } from './types';
import { isPlainObject } from './wording';

/** Replaced by the quoted key in `toConfigError`, so messages can name their key. */
export const KEY = '\u0000KEY\u0000';

export function toConfigError(file: string, m: Explained): ConfigError {
  const key = formatKey(m.path);
  const fill = (s: string) => s.split(KEY).join(`"${key}"`);
  return { file, key, message: fill(m.zh), messageEn: fill(m.en) };
}

export function dedupe(errors: ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const id = `${e.key}\u0000${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The path of a JSON pointer (`/rules/a~1b/0`), with array indices as numbers. */
export function toSegments(data: unknown, pointer: string): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(seg);
      out.push(index);
      node = node[index];
    } else {
      out.push(seg);
      node = ownProperty(node, seg);
    }
  }
  return out;
}

export function valueAt(data: unknown, path: PathSegment[]): unknown {
  let node = data;
  for (const seg of path) {
    if (typeof seg === 'number') node = Array.isArray(node) ? node[seg] : undefined;
    else node = ownProperty(node, seg);
  }
  return node;
}

function ownProperty(node: unknown, name: string): unknown {
  return isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, name) ? node[name] : undefined;
}

/** `rules.placeholder`, `placeholders.patterns[1]`, `rules["odd.key"]`. */
export function formatKey(path: PathSegment[]): string {
  let key = '';
  for (const seg of path) {
    if (typeof seg === 'number') key += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) key += key === '' ? seg : `.${seg}`;
    else key += `[${JSON.stringify(seg)}]`;
  }
  return key;
}
