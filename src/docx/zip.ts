/**
 * The ZIP container of a `.docx`, read defensively: the central directory is parsed here (so every size is known
 * before anything is inflated), fflate inflates, in slices, counting what comes out. A part whose declared size is
 * over the limit is refused unread; one that inflates past its declared size is stopped there; the CRC is checked.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';
import { DocxError, corrupt, encrypted, inflatesPastDeclared, packageTooLarge, partTooLarge, tooManyEntries } from './errors';

/** Upper bounds on what a package may unpack to. */
export interface ZipLimits {
  /** Any one part, unpacked (64 MB by default). */
  maxPartBytes: number;
  /** All parts together, as the directory declares them (256 MB by default). */
  maxTotalBytes: number;
  /** Files in the directory (10,000 by default). */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024, maxEntries: 10_000 };

/** One file of the archive as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

export interface ZipArchive {
  /** The entries in directory order. */
  readonly entries: readonly ZipEntry[];
  /** The entry of a part name (ZIP names are matched without regard to case, as OPC part names are). */
  entry(name: string): ZipEntry | undefined;
  /** The unpacked bytes of a part, or undefined where there is none. */
  read(name: string): Uint8Array | undefined;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes handed to the inflater at a time: DEFLATE expands at most ~1032 times, so one slice stays small. */
const SLICE = 16 * 1024;

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
/** A little-endian 64-bit size; above 2^53 it is too large for any limit anyway. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

const damaged = (en: string, zh: string) => corrupt(zh, en);

function findEndOfDirectory(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (u32(b, at) === EOCD) return at;
  }
  throw damaged('no ZIP directory found', '找不到 ZIP 目录');
}

interface Directory {
  count: number;
  offset: number;
  size: number;
}

function readDirectory(b: Uint8Array): Directory {
  const end = findEndOfDirectory(b);
  let count = u16(b, end + 10);
  let size = u32(b, end + 12);
  let offset = u32(b, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(b, locator) !== ZIP64_LOCATOR) throw damaged('a ZIP64 directory without its locator', 'ZIP64 目录缺少定位记录');
    const record = u64(b, locator + 8);
    if (record + 56 > b.length || u32(b, record) !== ZIP64_EOCD) throw damaged('the ZIP64 directory record is missing', 'ZIP64 目录记录缺失');
    count = u64(b, record + 32);
    size = u64(b, record + 40);
    offset = u64(b, record + 48);
  }
  if (offset + size > b.length) throw damaged('the ZIP directory lies outside the file (truncated?)', 'ZIP 目录超出文件范围（文件可能不完整）');
  return { count, offset, size };
}

/** ZIP64 sizes and offset from the extended-information extra field, for the fields the header marks 0xFFFFFFFF. */
function zip64Fields(b: Uint8Array, extra: number, extraEnd: number, e: ZipEntry): void {
  for (let at = extra; at + 4 <= extraEnd; at += 4 + u16(b, at + 2)) {
    if (u16(b, at) !== 1) continue;
    let field = at + 4;
    const next = (): number => {
      const v = u64(b, field);
      field += 8;
      return v;
    };
    if (e.size === 0xffffffff) e.size = next();
    if (e.compressedSize === 0xffffffff) e.compressedSize = next();
    if (e.localHeader === 0xffffffff) e.localHeader = next();
    return;
  }
}

const decodeName = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

function readEntries(b: Uint8Array, dir: Directory, limits: ZipLimits): ZipEntry[] {
  if (dir.count > limits.maxEntries) throw tooManyEntries(dir.count, limits.maxEntries);
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw damaged('a damaged ZIP directory entry', 'ZIP 目录项已损坏');
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const entry: ZipEntry = {
      name: decodeName(b.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(b, at + 8),
      method: u16(b, at + 10),
      crc: u32(b, at + 16),
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      localHeader: u32(b, at + 42),
    };
    zip64Fields(b, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes from the directory, before anything is inflated: each part and the whole package within the limits. */
function checkDeclaredSizes(entries: ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.maxPartBytes) throw partTooLarge(e.name, e.size, limits.maxPartBytes);
    total += e.size;
  }
  if (total > limits.maxTotalBytes) throw packageTooLarge(total, limits.maxTotalBytes);
}

let crcTable: Int32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function compressedData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const at = e.localHeader;
  if (at + 30 > b.length || u32(b, at) !== LOCAL) throw damaged(`the local header of ${e.name} is missing`, `${e.name} 的本地文件头缺失`);
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  if (start + e.compressedSize > b.length) throw damaged(`${e.name} is cut short (truncated file?)`, `${e.name} 的数据不完整（文件可能被截断）`);
  return b.subarray(start, start + e.compressedSize);
}

/**
 * Inflates in slices, stopping as soon as the output passes the `declared` size (which the limits have already
 * admitted): a part that lies about its size never grows past what was allowed for it.
 */
function inflateBounded(data: Uint8Array, name: string, declared: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflater = new Inflate((chunk) => {
    length += chunk.length;
    if (length > declared) throw inflatesPastDeclared(name, declared);
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += SLICE) inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    if (!data.length) inflater.push(data, true);
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw damaged(`${name} does not inflate (${e instanceof Error ? e.message : String(e)})`, `${name} 无法解压`);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function unpack(b: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw encrypted();
  const data = compressedData(b, e);
  let out: Uint8Array;
  if (e.method === STORED) out = data;
  else if (e.method === DEFLATED) out = inflateBounded(data, e.name, e.size);
  else throw damaged(`${e.name} uses compression method ${e.method}, which Word never writes`, `${e.name} 使用了 Word 不会使用的压缩方法 ${e.method}`);
  if (out.length !== e.size)
    throw damaged(`${e.name} unpacks to ${out.length} bytes, not the ${e.size} its directory says`, `${e.name} 解压后的大小与目录不符`);
  if (crc32(out) !== e.crc) throw damaged(`${e.name} fails its CRC check`, `${e.name} 校验和（CRC）不符`);
  return out;
}

/** Opens a ZIP archive: the directory is read and checked against `limits`; parts are unpacked on demand. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipArchive {
  const entries = readEntries(bytes, readDirectory(bytes), limits);
  checkDeclaredSizes(entries, limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (byName.has(key)) throw damaged(`${e.name} appears twice`, `${e.name} 重复出现`);
    byName.set(key, e);
  }
  return {
    entries,
    entry: (name) => byName.get(name.toLowerCase()),
    read(name) {
      const e = byName.get(name.toLowerCase());
      return e ? unpack(bytes, e) : undefined;
    },
  };
}

/** A ZIP of the given files, in order, deflated; `mtime` stamps every entry. */
export function writeZip(files: ReadonlyArray<{ name: string; data: Uint8Array }>, mtime: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const f of files) zippable[f.name] = [f.data, { level: 6, mtime }];
  return zipSync(zippable);
}
