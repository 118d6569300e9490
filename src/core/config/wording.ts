/** Wording shared by the configuration messages: value descriptions, lists, "did you mean". */
import type { Wording } from './types';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON Schema type, as the value the user should write. */
export function typeName(type: string): Wording {
  switch (type) {
    case 'string':
      return { zh: '用双引号括起来的文字', en: 'text in double quotes' };
    case 'integer':
      return { zh: '整数', en: 'a whole number' };
    case 'number':
      return { zh: '数字', en: 'a number' };
    case 'boolean':
      return { zh: ' true 或 false', en: 'true or false' };
    case 'object':
      return { zh: '对象 { … }', en: 'an object { … }' };
    case 'array':
      return { zh: '数组 [ … ]', en: 'a list [ … ]' };
    default:
      return { zh: type, en: type };
  }
}

/** What a value is, for "must be …, not …". */
export function describeValue(v: unknown): Wording {
  if (v === null) return { zh: ' null', en: 'null' };
  if (Array.isArray(v)) return { zh: '数组 [ … ]', en: 'a list [ … ]' };
  switch (typeof v) {
    case 'string':
      return { zh: `文字 ${quote(v)}`, en: `the text ${quote(v)}` };
    case 'number':
      return { zh: `数字 ${v}`, en: `the number ${v}` };
    case 'boolean':
      return { zh: ` ${v}`, en: String(v) };
    case 'object':
      return { zh: '对象 { … }', en: 'an object { … }' };
    default:
      return { zh: '空值', en: 'nothing' };
  }
}

/** A short display of a value; containers are not expanded (they may be huge or deeply nested). */
export function quote(v: unknown): string {
  if (Array.isArray(v)) return '[ … ]';
  if (typeof v === 'object' && v !== null) return '{ … }';
  const s =
    typeof v === 'bigint' || typeof v === 'symbol' ? v.toString() : typeof v === 'function' ? 'function' : v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export function joinZh(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')} 或 ${items[items.length - 1]}`;
}

export function joinEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The closest candidate within a small edit distance, for "did you mean". */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    if (c.length > 64) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
