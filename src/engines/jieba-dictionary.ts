/**
 * The slice of nodejieba's dictionary that a set of texts can use, so that a run which segments a few paragraphs loads
 * a few thousand words (~30 ms) instead of all 349,000 (~1.2 s).
 *
 * The slice segments exactly as the whole dictionary does. cppjieba (nodejieba's engine) builds each clause's word
 * graph from the dictionary words that occur in the clause, and weighs a word `log(freq / Σ freq)`; a character no
 * word covers gets the smallest weight of the dictionary, and a word added at run time (`insertWord`) its median
 * weight (`DictTrie::Init`, `SetStaticWordWeights`). So the slice holds every dictionary line whose word occurs in the
 * texts, in the dictionary's order, plus padding entries that leave the three totals as they were: one at the smallest
 * frequency, enough at the median frequency to keep the median, and one that makes up the sum. The padding word is
 * made of Unicode noncharacters, which no text holds (a paragraph that does is cut with the whole dictionary). The HMM
 * model for unknown words and the user dictionary are loaded whole, as before.
 *
 * Which words occur is found through an index of the dictionary: the FNV-1a hash of each word's UTF-8 bytes, and of
 * each of its prefixes, in one open-addressing table, probed with the substrings of the texts from each character on,
 * as long as they are a prefix of some word. A hash that collides only adds a word the texts do not hold, or reads a
 * substring one character further: neither changes anything. The index is built in one pass over the dictionary
 * (~20 ms) and kept in the cache folder, keyed by the dictionary's path, size and modification time.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { cacheDir, writeCacheFile } from './cache-dir';

/** The padding word: two noncharacters (U+FDD0 U+FDD1), valid UTF-8 that no report holds. */
export const PADDING_WORD = '\ufdd0\ufdd1';

export interface DictionaryIndex {
  /** Byte offset where each entry's line starts; one more at the end (past the last line's newline). */
  readonly lineStarts: Int32Array;
  readonly entryCount: number;
  /**
   * Pairs of (hash, value) by slot, a power of two of them: the value is the entry number + 1 of a word with that hash
   * (0 for none), plus PREFIX when the hash is also a word's proper prefix; a slot whose value is 0 is empty.
   */
  readonly slots: Int32Array;
  /** The longest word, in code points. */
  readonly maxWordLength: number;
  readonly freqSum: number;
  readonly minFreq: number;
  /** The frequency at index ⌊n/2⌋ of the entries sorted by frequency: what cppjieba takes as the median. */
  readonly medianFreq: number;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Why a dictionary cannot be sliced: its lines are not all `word freq tag` with a positive integer frequency. */
export class UnsupportedDictionary extends Error {}

/**
 * Indexes a dictionary in cppjieba's format. Throws `UnsupportedDictionary` for a line the slice could not reproduce
 * exactly (cppjieba would abort on some of them; the caller then loads the whole file as before).
 */
export function indexDictionary(bytes: Uint8Array): DictionaryIndex {
  // A word that is not UTF-8 would be read by cppjieba in a way the slice does not reproduce.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnsupportedDictionary('not UTF-8');
  }
  const starts: number[] = [];
  const hashes: number[] = [];
  const freqs: number[] = [];
  const prefixes = new Set<number>();
  let maxWordLength = 0;
  let freqSum = 0;
  for (let i = 0; i < bytes.length;) {
    starts.push(i);
    let h = FNV_OFFSET;
    let j = i;
    let codePoints = 0;
    for (; j < bytes.length && bytes[j] !== SPACE && bytes[j] !== NEWLINE; j++) {
      // A code point starts here: the word so far is a prefix.
      if (j > i && (bytes[j] & 0xc0) !== 0x80) prefixes.add(h);
      h = Math.imul(h ^ bytes[j], FNV_PRIME);
      if ((bytes[j] & 0xc0) !== 0x80) codePoints++;
    }
    if (j === i || bytes[j] !== SPACE) throw new UnsupportedDictionary(`line at byte ${i}: no "word freq tag"`);
    let freq = 0;
    let k = j + 1;
    for (; k < bytes.length && bytes[k] >= 0x30 && bytes[k] <= 0x39; k++) freq = freq * 10 + bytes[k] - 0x30;
    if (k === j + 1 || bytes[k] !== SPACE || freq === 0 || bytes[j + 1] === 0x30) throw new UnsupportedDictionary(`line at byte ${i}: frequency`);
    let end = k + 1;
    while (end < bytes.length && bytes[end] !== NEWLINE) {
      if (bytes[end] === SPACE) throw new UnsupportedDictionary(`line at byte ${i}: more than three columns`);
      end++;
    }
    if (end === k + 1) throw new UnsupportedDictionary(`line at byte ${i}: no tag`);
    hashes.push(h);
    freqs.push(freq);
    freqSum += freq;
    if (codePoints > maxWordLength) maxWordLength = codePoints;
    i = end + 1;
  }
  if (!freqs.length) throw new UnsupportedDictionary('empty dictionary');
  // Integer frequencies summed below 2^53 are exact in any order: the slice's sum equals the whole file's.
  if (!Number.isSafeInteger(freqSum)) throw new UnsupportedDictionary('frequencies too large to sum exactly');
  starts.push(bytes.length);
  const sorted = Float64Array.from(freqs).sort();
  return {
    lineStarts: Int32Array.from(starts),
    entryCount: hashes.length,
    slots: slotTable(hashes, prefixes),
    maxWordLength,
    freqSum,
    minFreq: sorted[0],
    medianFreq: sorted[sorted.length >> 1],
  };
}

/** The value bit of a slot whose hash is a proper prefix of some word. */
const PREFIX = 1 << 30;

/** Words and prefixes in one table, at most two thirds full (a word that is also a prefix takes one slot). */
function slotTable(hashes: readonly number[], prefixes: ReadonlySet<number>): Int32Array {
  let size = 1;
  while (size < (hashes.length + prefixes.size) * 1.5) size <<= 1;
  const slots = new Int32Array(2 * size);
  const mask = size - 1;
  hashes.forEach((h, e) => {
    let slot = slotOf(h, mask);
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = h;
    slots[2 * slot + 1] = e + 1;
  });
  for (const h of prefixes) {
    let slot = slotOf(h, mask);
    for (; slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) if (slots[2 * slot] === h) break;
    slots[2 * slot] = h;
    slots[2 * slot + 1] |= PREFIX;
  }
  return slots;
}

const slotOf = (hash: number, mask: number): number => (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;

/** The entries a run has needed so far (a byte per entry, and their numbers in the order they were met), and the characters. */
export class WordMarks {
  readonly marks: Uint8Array;
  readonly entries: number[] = [];
  readonly chars = new Set<number>();

  constructor(entryCount: number) {
    this.marks = new Uint8Array(entryCount);
  }
}

/**
 * Marks every entry whose word occurs in `text`, and every character of it; returns how many of either it newly marked.
 * Line breaks are read past, as if absent: a hard-wrapped paragraph is cut with its lines joined, so a word may run
 * across one (words of lines that are never joined come along too, which is harmless). A substring is extended only
 * while it is a prefix of some word.
 */
export function markWordsIn(index: DictionaryIndex, text: string, needed: WordMarks): number {
  const { slots, maxWordLength } = index;
  const { marks, entries, chars } = needed;
  const mask = (slots.length >> 1) - 1;
  let added = 0;
  for (let i = 0; i < text.length; i++) {
    const first = text.charCodeAt(i);
    if (first === 0x0a || first === 0x0d || (first >= 0xdc00 && first <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) continue;
    let h = FNV_OFFSET;
    const point = text.codePointAt(i)!;
    // A lone surrogate reaches nodejieba as U+FFFD.
    const code = point >= 0xd800 && point <= 0xdfff ? 0xfffd : point;
    if (!chars.has(code)) {
      chars.add(code);
      added++;
    }
    for (let j = i, length = 0; j < text.length && length < maxWordLength; j++) {
      let c = text.charCodeAt(j);
      if (c === 0x0a || c === 0x0d) continue;
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = isHighSurrogate(c) && j + 1 < text.length ? text.charCodeAt(j + 1) : 0;
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          j++;
        } else c = 0xfffd; // a lone surrogate reaches nodejieba as U+FFFD
      }
      h = feedCodePoint(h, c);
      length++;
      let prefix = false;
      for (let slot = slotOf(h, mask); slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
        if (slots[2 * slot] !== h) continue;
        const value = slots[2 * slot + 1];
        if (value & PREFIX) prefix = true;
        const entry = (value & ~PREFIX) - 1;
        if (entry >= 0 && marks[entry] === 0) {
          marks[entry] = 1;
          entries.push(entry);
          added++;
        }
      }
      if (!prefix) break;
    }
  }
  return added;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** FNV-1a of a code point's UTF-8 bytes. */
function feedCodePoint(h: number, c: number): number {
  if (c < 0x80) return Math.imul(h ^ c, FNV_PRIME);
  if (c < 0x800) {
    h = Math.imul(h ^ (0xc0 | (c >> 6)), FNV_PRIME);
    return Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
  }
  if (c < 0x10000) {
    h = Math.imul(h ^ (0xe0 | (c >> 12)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME);
    return Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
  }
  h = Math.imul(h ^ (0xf0 | (c >> 18)), FNV_PRIME);
  h = Math.imul(h ^ (0x80 | ((c >> 12) & 0x3f)), FNV_PRIME);
  h = Math.imul(h ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME);
  return Math.imul(h ^ (0x80 | (c & 0x3f)), FNV_PRIME);
}

/**
 * The dictionary file holding the marked entries (in the dictionary's order) and the padding that keeps the smallest,
 * the median and the total frequency of the whole dictionary. Only the entries' lines are read from `file`.
 */
export function sliceDictionary(file: string, index: DictionaryIndex, needed: WordMarks): Buffer {
  const { lineStarts } = index;
  const entries = needed.entries.slice().sort((a, b) => a - b);
  const lines = readLines(file, lineStarts, entries);
  let keptSum = 0;
  let size = 0;
  for (const line of lines) {
    keptSum += frequencyOf(line);
    size += line.length + 1;
  }
  // Sorted by frequency, the `kept + 3` median copies cover index ⌊size/2⌋ whatever the other `kept + 2` entries weigh.
  const medianCopies = entries.length + 3;
  const rest = index.freqSum - keptSum - index.minFreq - medianCopies * index.medianFreq;
  if (rest < index.minFreq) throw new UnsupportedDictionary('the slice would change the smallest frequency');
  const pad = (freq: number) => `${PADDING_WORD} ${freq} x\n`;
  const padding = Buffer.from(pad(index.minFreq) + pad(index.medianFreq).repeat(medianCopies) + pad(rest), 'utf8');
  const out = Buffer.allocUnsafe(size + padding.length);
  let at = 0;
  for (const line of lines) {
    out.set(line, at);
    at += line.length;
    out[at++] = NEWLINE;
  }
  padding.copy(out, at);
  return out;
}

/**
 * The HMM model with only the emission probabilities of these characters: cppjieba looks up a character's emission
 * only when the character is in the text it cuts, and finds nothing else in the table, so the slice gives the same
 * segmentation. Its first five data lines (start and transition probabilities) stay as they are; each of the four
 * emission lines keeps at least one entry (cppjieba refuses an empty one). Null for a model not in that shape.
 */
export function sliceHmm(model: string, chars: ReadonlySet<number>): string | null {
  const lines = model.split('\n');
  let data = 0;
  for (let l = 0; l < lines.length; l++) {
    const t = lines[l].trim();
    if (!t || t.startsWith('#')) continue;
    data++;
    if (data <= 5) continue;
    if (data > 9) return null;
    const entries = t.split(',');
    const kept = entries.filter((e) => {
      const code = e.codePointAt(0);
      return code !== undefined && chars.has(code);
    });
    lines[l] = (kept.length ? kept : entries.slice(0, 1)).join(',');
  }
  return data === 9 ? lines.join('\n') : null;
}

/** The lines of these entries (sorted), without their newlines; neighbours are read together. */
function readLines(file: string, lineStarts: Int32Array, entries: readonly number[]): Uint8Array[] {
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.fstatSync(fd).size !== lineStarts[lineStarts.length - 1]) throw new UnsupportedDictionary('the dictionary changed');
    const lines: Uint8Array[] = [];
    for (let k = 0; k < entries.length;) {
      // One read for a run of entries less than a page apart.
      let last = k;
      while (last + 1 < entries.length && lineStarts[entries[last + 1]] - lineStarts[entries[last] + 1] < 4096) last++;
      const from = lineStarts[entries[k]];
      const chunk = Buffer.allocUnsafe(lineStarts[entries[last] + 1] - from);
      for (let got = 0; got < chunk.length;) {
        const n = fs.readSync(fd, chunk, got, chunk.length - got, from + got);
        if (n === 0) throw new UnsupportedDictionary('the dictionary changed');
        got += n;
      }
      for (; k <= last; k++) {
        const e = entries[k];
        let end = lineStarts[e + 1] - from;
        if (end > lineStarts[e] - from && chunk[end - 1] === NEWLINE) end--;
        lines.push(chunk.subarray(lineStarts[e] - from, end));
      }
    }
    return lines;
  } finally {
    fs.closeSync(fd);
  }
}

function frequencyOf(line: Uint8Array): number {
  let i = 0;
  while (line[i] !== SPACE) i++;
  let freq = 0;
  for (i++; line[i] !== SPACE; i++) freq = freq * 10 + line[i] - 0x30;
  return freq;
}

const INDEX_MAGIC = 0x4a574700; // "\0GWJ"
const INDEX_FORMAT = 3;

/** The dictionary's index, from the cache folder when it is there and still matches the file. */
export function openDictionary(file: string): DictionaryIndex {
  const st = fs.statSync(file);
  const dir = cacheDir();
  const key = crypto
    .createHash('sha1')
    .update(`${INDEX_FORMAT}\0${path.resolve(file)}\0${st.size}\0${st.mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
  const cached = dir ? path.join(dir, `jieba-index-${key}.bin`) : null;
  const fromCache = cached ? readIndex(cached, st.size) : null;
  if (fromCache) return fromCache;
  const bytes = fs.readFileSync(file);
  if (bytes.length !== st.size) throw new UnsupportedDictionary('the dictionary changed while being read');
  const index = indexDictionary(bytes);
  const serialized = cached ? serializeIndex(index) : null;
  if (cached && serialized) writeCacheFile(cached, serialized, 'jieba-index-');
  return index;
}

/** Header: magic, format, entries, slots, longest word, smallest and median frequency, dictionary bytes, two unused ints
 * (so that the sum that follows is 8-byte aligned), then the sum as a float64. */
const HEADER_INTS = 10;

function serializeIndex(index: DictionaryIndex): Uint8Array | null {
  const n = index.entryCount;
  const header = [INDEX_MAGIC, INDEX_FORMAT, n, index.slots.length >> 1, index.maxWordLength, index.minFreq, index.medianFreq, index.lineStarts[n], 0, 0];
  if (!header.every((v) => Number.isInteger(v) && (v | 0) === v)) return null;
  const out = new Int32Array(HEADER_INTS + 2 + n + 1 + index.slots.length);
  out.set(header);
  new Float64Array(out.buffer, HEADER_INTS * 4, 1)[0] = index.freqSum;
  out.set(index.lineStarts, HEADER_INTS + 2);
  out.set(index.slots, HEADER_INTS + 2 + n + 1);
  return new Uint8Array(out.buffer);
}

/** The cached index, or null when it is missing, damaged or for another file. */
function readIndex(file: string, dictionaryBytes: number): DictionaryIndex | null {
  const ints = readInts(file);
  if (!ints || ints.length < HEADER_INTS + 2) return null;
  const [magic, format, n, slotCount, maxWordLength, minFreq, medianFreq, lastStart] = ints;
  if (magic !== INDEX_MAGIC || format !== INDEX_FORMAT || lastStart !== dictionaryBytes) return null;
  if (slotCount < 1 || slotCount & (slotCount - 1) || ints.length !== HEADER_INTS + 2 + n + 1 + 2 * slotCount) return null;
  const freqSum = new Float64Array(ints.buffer, HEADER_INTS * 4, 1)[0];
  const at = HEADER_INTS + 2;
  return {
    lineStarts: ints.subarray(at, at + n + 1),
    entryCount: n,
    slots: ints.subarray(at + n + 1),
    maxWordLength,
    freqSum,
    minFreq,
    medianFreq,
  };
}

/** A file's bytes as 32-bit integers, read straight into an aligned buffer; null when unreadable or not whole ints. */
function readInts(file: string): Int32Array | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size % 4 !== 0) return null;
    const ints = new Int32Array(size / 4);
    const bytes = new Uint8Array(ints.buffer);
    for (let at = 0; at < size;) {
      const n = fs.readSync(fd, bytes, at, size - at, at);
      if (n === 0) return null;
      at += n;
    }
    return ints;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
