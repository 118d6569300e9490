// Reading, decoding, encoding and atomic writing of report files (CLI side; the core does no I/O).
//
// Conventions:
// - A BOM is detected and removed from the text; `bom` records it so writing puts it back.
// - NUL bytes in the first 8 KB without a UTF-16 BOM mean "binary", unless the whole file reads as
//   BOM-less UTF-16 text (what Notepad's "Unicode" without a BOM and some exporters write; editors
//   detect it the same way). The test, in `sniffUtf16`: even length; the endianness that puts more
//   of the first 8 KB's NUL bytes in the high byte of a code unit is tried first (ASCII and line
//   breaks are U+00xx; a few CJK characters such as 一 U+4E00 put a NUL in the other byte, so the
//   parity need not be pure), then the other; a decoding is accepted only if it has no lone
//   surrogate, no U+0000, no C0 control other than \t \n \r \f, no U+FFFE/U+FFFF, and looks like
//   text: it has a line break, or (one line) at least 4 letters with a quarter of its code units
//   ASCII/Latin-1. The wrong endianness turns line breaks into U+0A00/U+0D00 and so never passes;
//   real binaries (zip, png, ...) fail on U+0000 or C0 controls; an ASCII file with a stray NUL
//   has no line break and almost no U+00xx code unit either way.
// - Otherwise strict UTF-8, else GB18030 (GBK and GB2312 are subsets).
// - Line endings are never touched here.
// - Every DecodedFile that decodeBuffer returns round-trips: encodeText(text, encoding, bom) gives back
//   the original bytes exactly. Input that would not (invalid UTF-16, bytes that are neither UTF-8 nor
//   GB18030) is reported as binary rather than silently altered.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import buffer from 'node:buffer';
import type * as Iconv from 'iconv-lite';

// GB18030's tables are large: loaded only when a file is not UTF-8 or UTF-16.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const iconvLite = (): typeof Iconv => require('iconv-lite') as typeof Iconv;

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

export interface DecodedFile {
  /** The text, without the BOM. Line endings exactly as in the file. */
  text: string;
  encoding: Encoding;
  /** Whether the file started with a byte-order mark. */
  bom: boolean;
}

export type ReadResult =
  { ok: true; file: DecodedFile } | { ok: false; reason: 'binary' | 'unreadable' | 'not-found' | 'is-directory'; message: string; messageEn: string };

export type DecodeResult = { ok: true; file: DecodedFile } | { ok: false; reason: 'binary'; message: string; messageEn: string };

/** How many leading bytes are searched for NUL to tell binary files from text. */
export const BINARY_SNIFF_BYTES = 8192;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);
/** U+FEFF in GB18030 (four-byte form 84 31 95 33). */
const GB18030_BOM = Buffer.from([0x84, 0x31, 0x95, 0x33]);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}

function binary(message: string, messageEn: string): DecodeResult {
  return { ok: false, reason: 'binary', message, messageEn };
}

const BINARY_ZH = '二进制文件，已跳过';
const BINARY_EN = 'binary file, skipped';

/** Decodes UTF-16 code units (the bytes after the BOM); undefined if they are not well-formed text. */
function decodeUtf16(body: Buffer, bigEndian: boolean): string | undefined {
  if (body.length % 2 !== 0) return undefined;
  const le = bigEndian ? Buffer.from(body).swap16() : body;
  const text = le.toString('utf16le');
  if (LONE_SURROGATE.test(text)) return undefined;
  // NUL characters are the UTF-16 counterpart of NUL bytes: not a text report.
  if (text.slice(0, BINARY_SNIFF_BYTES / 2).includes('\u0000')) return undefined;
  return text;
}

/** How many letters a one-line BOM-less UTF-16 file needs to count as text. */
const MIN_LETTERS = 4;

/** Whether BOM-less UTF-16 decoded text is plausibly a text file (see the comment at the top). */
function looksLikeText(text: string): boolean {
  if (LONE_SURROGATE.test(text)) return false;
  let lineBreak = false;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      // U+0000 and C0 controls other than \t \n \f \r never occur in a text file.
      if (c === 0x0a || c === 0x0d) lineBreak = true;
      else if (c !== 0x09 && c !== 0x0c) return false;
    } else if (c <= 0xff) {
      latin++;
    } else if (c === 0xfffe || c === 0xffff) {
      return false; // noncharacters: a byte-swapped BOM, or not text
    }
  }
  if (lineBreak) return true;
  if (latin * 4 < text.length) return false;
  const letter = /\p{L}/gu;
  for (let letters = 0; letter.exec(text);) if (++letters >= MIN_LETTERS) return true;
  return false;
}

/**
 * BOM-less UTF-16 detection for a buffer with NUL bytes in its first 8 KB (see the comment at the
 * top). Returns the text and its endianness, or undefined when the bytes are not UTF-16 text.
 * Whatever it returns round-trips: encodeText(text, encoding, false) gives back `buf`.
 */
function sniffUtf16(buf: Buffer): { text: string; encoding: 'utf16le' | 'utf16be' } | undefined {
  if (buf.length % 2 !== 0) return undefined;
  const sniff = Math.min(buf.length, BINARY_SNIFF_BYTES);
  let odd = 0; // NULs that are a little-endian code unit's high byte (U+00xx read as LE)
  let even = 0; // ... and a big-endian one's
  for (let i = 0; i < sniff; i++) {
    if (buf[i] !== 0) continue;
    if (i % 2 === 1) odd++;
    else even++;
  }
  const order: Array<'utf16le' | 'utf16be'> = odd >= even ? ['utf16le', 'utf16be'] : ['utf16be', 'utf16le'];
  for (const encoding of order) {
    const text = (encoding === 'utf16be' ? Buffer.from(buf).swap16() : buf).toString('utf16le');
    if (looksLikeText(text)) return { text, encoding };
  }
  return undefined;
}

/** Node's native UTF-8 check (18.14+), several times faster than a fatal TextDecoder on a large file. */
const isUtf8: ((input: Uint8Array) => boolean) | undefined = (buffer as { isUtf8?: (input: Uint8Array) => boolean }).isUtf8;

function decodeUtf8Strict(body: Buffer): string | undefined {
  if (isUtf8) return isUtf8(body) ? body.toString('utf8') : undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return undefined;
  }
}

/** Detects the encoding of a file's bytes and decodes them. */
export function decodeBuffer(buf: Buffer): DecodeResult {
  if (buf.length === 0) return { ok: true, file: { text: '', encoding: 'utf8', bom: false } };

  const utf16: Array<[Buffer, boolean, Encoding]> = [
    [UTF16LE_BOM, false, 'utf16le'],
    [UTF16BE_BOM, true, 'utf16be'],
  ];
  for (const [bom, bigEndian, encoding] of utf16) {
    if (!startsWith(buf, bom)) continue;
    const text = decodeUtf16(buf.subarray(bom.length), bigEndian);
    if (text === undefined) {
      return binary(
        '文件以 UTF-16 字节序标记开头但内容不是有效的 UTF-16 文本，已跳过',
        'file starts with a UTF-16 byte-order mark but is not valid UTF-16 text, skipped',
      );
    }
    return { ok: true, file: { text, encoding, bom: true } };
  }

  if (buf.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    const utf16 = sniffUtf16(buf);
    return utf16 ? { ok: true, file: { ...utf16, bom: false } } : binary(BINARY_ZH, BINARY_EN);
  }

  if (startsWith(buf, UTF8_BOM)) {
    const text = decodeUtf8Strict(buf.subarray(UTF8_BOM.length));
    if (text === undefined) {
      return binary('文件以 UTF-8 字节序标记开头但内容不是有效的 UTF-8，已跳过', 'file starts with a UTF-8 byte-order mark but is not valid UTF-8, skipped');
    }
    return { ok: true, file: { text, encoding: 'utf8', bom: true } };
  }

  const utf8 = decodeUtf8Strict(buf);
  if (utf8 !== undefined) return { ok: true, file: { text: utf8, encoding: 'utf8', bom: false } };

  const hasGbBom = startsWith(buf, GB18030_BOM);
  const body = hasGbBom ? buf.subarray(GB18030_BOM.length) : buf;
  const iconv = iconvLite();
  const text = iconv.decode(body, 'gb18030', { stripBOM: false });
  // Invalid sequences decode to U+FFFD; writing that back would change the file. Refuse instead.
  if (!iconv.encode(text, 'gb18030').equals(body)) {
    return binary('文件既不是有效的 UTF-8 也不是有效的 GB18030/GBK 文本，已跳过', 'file is neither valid UTF-8 nor valid GB18030/GBK text, skipped');
  }
  return { ok: true, file: { text, encoding: 'gb18030', bom: hasGbBom } };
}

/** Encodes text for writing; the inverse of decodeBuffer. Line endings are written as they are. */
export function encodeText(text: string, encoding: Encoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([UTF8_BOM, body]) : body;
    }
    case 'utf16le': {
      const body = Buffer.from(text, 'utf16le');
      return bom ? Buffer.concat([UTF16LE_BOM, body]) : body;
    }
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le').swap16();
      return bom ? Buffer.concat([UTF16BE_BOM, body]) : body;
    }
    case 'gb18030': {
      const body = iconvLite().encode(text, 'gb18030');
      return bom ? Buffer.concat([GB18030_BOM, body]) : body;
    }
  }
}

function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

/** Reads and decodes a file. Never throws: failures come back as a reason with a bilingual one-line message. */
export function readTextFile(filePath: string): ReadResult {
  const read = readFileBytes(filePath);
  return read.ok ? decodeFile(filePath, read.bytes) : read;
}

/** A file's bytes, or why they cannot be read (as `readTextFile` says it). */
export function readFileBytes(filePath: string): { ok: true; bytes: Buffer } | Extract<ReadResult, { ok: false }> {
  try {
    return { ok: true, bytes: fs.readFileSync(filePath) };
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, reason: 'not-found', message: `${filePath}：文件不存在`, messageEn: `${filePath}: no such file` };
    }
    if (code === 'EISDIR') {
      return { ok: false, reason: 'is-directory', message: `${filePath}：是目录，不是文件`, messageEn: `${filePath}: is a directory, not a file` };
    }
    return {
      ok: false,
      reason: 'unreadable',
      message: `${filePath}：无法读取（${code}）`,
      messageEn: `${filePath}: cannot read (${code})`,
    };
  }
}

/** Decodes a file's bytes (`decodeBuffer`), a failure's message naming the file. */
export function decodeFile(filePath: string, bytes: Buffer): ReadResult {
  const decoded = decodeBuffer(bytes);
  if (decoded.ok) return decoded;
  return { ...decoded, message: `${filePath}：${decoded.message}`, messageEn: `${filePath}: ${decoded.messageEn}` };
}

/**
 * Replaces a file's contents atomically: writes a temp file in the same folder, fsyncs it, gives it
 * the original's mode (and owner, where permitted), then renames it over the original. A symlink is
 * written through (its target is replaced, the link stays). On failure the temp file is removed and
 * the error rethrown; the original is untouched.
 */
export function writeFileAtomic(filePath: string, data: Buffer): void {
  let target = filePath;
  try {
    target = fs.realpathSync(filePath);
  } catch {
    // New file (or dangling link): write at the given path.
  }
  let original: fs.Stats | undefined;
  try {
    original = fs.statSync(target);
  } catch {
    original = undefined;
  }

  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.gongwen-${process.pid}-${crypto.randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', original ? original.mode & 0o7777 : 0o666);
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    if (original) {
      if (typeof process.getuid === 'function' && (original.uid !== process.getuid() || original.gid !== process.getgid?.())) {
        try {
          fs.fchownSync(fd, original.uid, original.gid);
        } catch {
          // Only privileged users can give a file away; keep our ownership then.
        }
      }
      // openSync's mode is filtered by the umask; set the original's mode exactly (after chown, which may clear set-id bits).
      fs.fchmodSync(fd, original.mode & 0o7777);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the original error matters more
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // the temp file may never have been created
    }
    throw err;
  }
}
