/**
 * What is not a readable `.docx` gives a typed DocxError with a Chinese and an English message (the CLI exits 2 on
 * it): encrypted and binary Word files, damaged ZIPs and parts, other ZIPs, macro-enabled documents, ZIP bombs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { annotateDocx, DocxError, readDocx, type DocxErrorCode } from '../../src/docx';
import { buildDocx, FIXTURE_DIR, p, packageParts, zipParts } from '../../scripts/make-docx-fixtures';

const LEVELS = fs.readFileSync(path.join(FIXTURE_DIR, 'levels.docx'));

/** Asserts that reading throws a DocxError of `code` whose messages match. */
function refuses(bytes: Uint8Array, code: DocxErrorCode, zh: RegExp, en: RegExp, options = {}): DocxError {
  let caught: unknown;
  try {
    readDocx(bytes, options);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof DocxError, `a DocxError, not ${String(caught)}`);
  assert.equal(caught.code, code);
  assert.match(caught.message, zh);
  assert.match(caught.messageEn, en);
  return caught;
}

/** An OLE compound file's header and one directory entry named `stream` (UTF-16LE), as Word's files begin. */
function oleFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = new Uint8Array(Buffer.from(stream, 'utf16le'));
  bytes.set(name, 1024);
  return bytes;
}

/** The offset of the central directory entry of `name`. */
function centralEntry(zip: Uint8Array, name: string): number {
  const needle = Buffer.from(name);
  for (let at = 0; at + 46 < zip.length; at++) {
    if (
      zip[at] === 0x50 &&
      zip[at + 1] === 0x4b &&
      zip[at + 2] === 1 &&
      zip[at + 3] === 2 &&
      Buffer.from(zip.subarray(at + 46, at + 46 + needle.length)).equals(needle)
    )
      return at;
  }
  throw new Error(`no directory entry ${name}`);
}

/** A copy of the ZIP whose directory declares `size` unpacked bytes for `name`. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  new DataView(out.buffer).setUint32(centralEntry(out, name) + 24, size, true);
  return out;
}

describe('docx reader: bad input', () => {
  it('refuses an encrypted document (an OLE file holding an EncryptedPackage)', () => {
    refuses(oleFile('EncryptedPackage'), 'encrypted', /已加密.*取消密码/, /encrypted.*remove the password/);
  });

  it('refuses a binary .doc (an OLE file without an EncryptedPackage)', () => {
    refuses(oleFile('WordDocument'), 'legacy-doc', /旧版 Word 二进制文档（\.doc）.*另存为 \.docx/, /Word 97–2003 binary document \(\.doc\)/);
  });

  it('refuses a .doc as LibreOffice writes it, where LibreOffice is installed', function () {
    this.timeout(120_000);
    const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
    if (!soffice) this.skip();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-doc-'));
    try {
      const args = [
        `-env:UserInstallation=file://${tmp}/profile`,
        '--headless',
        '--convert-to',
        'doc:MS Word 97',
        '--outdir',
        tmp,
        path.join(FIXTURE_DIR, 'levels.docx'),
      ];
      assert.equal(spawnSync(soffice, args, { timeout: 100_000 }).status, 0);
      refuses(fs.readFileSync(path.join(tmp, 'levels.doc')), 'legacy-doc', /\.doc/, /\.doc/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('refuses a truncated file: its ZIP directory is gone', () => {
    refuses(LEVELS.subarray(0, Math.floor(LEVELS.length / 2)), 'corrupt', /已损坏.*找不到 ZIP 目录/, /damaged.*no ZIP directory/);
  });

  it('refuses a part whose compressed bytes were damaged (it does not inflate, or fails its CRC)', () => {
    const parts = packageParts({ body: p('正文'.repeat(200)) });
    const zip = zipParts(parts);
    const at = centralEntry(zip, 'word/document.xml');
    const local = new DataView(zip.buffer, zip.byteOffset).getUint32(at + 42, true);
    const data = local + 30 + 'word/document.xml'.length;
    const damaged = new Uint8Array(zip);
    for (let i = 10; i < 40; i++) damaged[data + i] ^= 0x5a;
    const e = refuses(damaged, 'corrupt', /已损坏/, /word\/document\.xml (does not inflate|fails its CRC check|unpacks to)/);
    assert.match(e.message, /word\/document\.xml/);
  });

  it('refuses a main document that is not well-formed XML', () => {
    const parts = packageParts({ body: p('正文') });
    parts['word/document.xml'] = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>';
    refuses(zipParts(parts), 'corrupt', /word\/document\.xml 的 XML 无法解析/, /word\/document\.xml is not well-formed XML/);
  });

  it('refuses a DTD (no entity is ever expanded)', () => {
    const parts = packageParts({ body: p('正文') });
    parts['word/document.xml'] = '<!DOCTYPE d [<!ENTITY a "aaaaaaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';
    refuses(zipParts(parts), 'corrupt', /含有 DTD/, /holds a DTD/);
  });

  it('refuses a ZIP without word/document.xml, a spreadsheet, a PDF and plain text as not Word documents', () => {
    refuses(zipSync({ 'readme.txt': strToU8('hello') }), 'not-docx', /不是 Word 文档.*\[Content_Types\]\.xml/, /not a Word document/);
    const noDocument = packageParts({ body: p('x') });
    delete noDocument['word/document.xml'];
    refuses(zipParts(noDocument), 'not-docx', /没有 word\/document\.xml/, /has no word\/document\.xml/);
    const spreadsheet = buildDocx({ body: p('x'), mainType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' });
    refuses(spreadsheet, 'not-docx', /主部件的类型是 .*spreadsheetml/, /main part is of type .*spreadsheetml/);
    refuses(strToU8('%PDF-1.7\n'), 'not-docx', /PDF/, /PDF/);
    refuses(strToU8('一、总体要求\n'), 'not-docx', /不是 ZIP 格式/, /not a ZIP package/);
  });

  describe('macro-enabled documents', () => {
    const docm = buildDocx({ body: p('含宏文档'), mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml' });
    // A VBA project whose compressed bytes are no DEFLATE stream: reading it would fail, so reading around it proves
    // it is never inflated.
    const unreadable = (() => {
      const zip = zipParts({ ...packageParts({ body: p('含宏文档') }), 'word/vbaProject.bin': new Uint8Array(4096).fill(7) });
      const at = centralEntry(zip, 'word/vbaProject.bin');
      const local = new DataView(zip.buffer, zip.byteOffset).getUint32(at + 42, true);
      const out = new Uint8Array(zip);
      out.fill(0xff, local + 30 + 'word/vbaProject.bin'.length, local + 30 + 'word/vbaProject.bin'.length + 8);
      return out;
    })();

    it('refuses a .docm, by its content type or by a vbaProject.bin, saying that macros never run', () => {
      refuses(docm, 'macro-enabled', /启用宏.*从不运行宏/, /macro-enabled.*never runs macros/);
      refuses(unreadable, 'macro-enabled', /启用宏/, /macro-enabled/);
    });

    it('reads its text when allowed, without ever inflating the VBA project', () => {
      const doc = readDocx(unreadable, { allowMacros: true });
      assert.deepEqual(
        doc.paragraphs.map((q) => q.text),
        ['含宏文档'],
      );
      assert.equal(doc.macroEnabled, true);
      assert.equal(readDocx(LEVELS).macroEnabled, false);
    });

    it('annotates a copy when allowed, the VBA project copied byte for byte, never interpreted', () => {
      const vba = new Uint8Array(300).map((_, i) => (i * 37) % 256);
      const bytes = zipParts({ ...packageParts({ body: p('含宏文档') }), 'word/vbaProject.bin': vba });
      assert.throws(
        () => annotateDocx(bytes, []),
        (e: unknown) => e instanceof DocxError && e.code === 'macro-enabled',
      );
      const copy = annotateDocx(bytes, [{ paragraph: 1, startColumn: 0, endColumn: 2, message: '批注' }], undefined, { allowMacros: true });
      const entries = zipEntries(copy);
      assert.deepEqual(entries.get('word/vbaProject.bin'), vba);
    });
  });

  describe('ZIP bombs', () => {
    it('refuses a part the directory declares larger than 64 MB, before inflating anything', () => {
      // Its data is no DEFLATE stream at all: refused on the declared size alone.
      const bomb = declareSize(LEVELS, 'word/document.xml', 65 * 1024 * 1024);
      refuses(
        bomb,
        'too-large',
        /word\/document\.xml 解压后为 65 MB，超过 64 MB 的上限（可能是 ZIP 炸弹）/,
        /word\/document\.xml unpacks to 65 MB, over the limit of 64 MB/,
      );
    });

    it('stops a part that inflates past the size its directory declares', () => {
      // 9 MB of text that deflates to a few KB, its directory claiming 1 KB: inflating stops at the first slice past it.
      const zip = buildDocx({ body: p('一'.repeat(3_000_000)) });
      assert.ok(zip.length < 100_000);
      const lying = declareSize(zip, 'word/document.xml', 1024);
      refuses(lying, 'too-large', /word\/document\.xml 解压后超出其目录声明的 1024 B/, /unpacks past the 1024 B its directory declares/);
    });

    it('refuses a package whose parts together exceed the total limit, each within its own', () => {
      const zip = zipParts({ ...packageParts({ body: p('正文') }), 'word/media/a.bin': new Uint8Array(60_000), 'word/media/b.bin': new Uint8Array(60_000) });
      refuses(zip, 'too-large', /文档解压后共 \d+ B，超过 100000 B 的上限/, /unpacks to \d+ B in all, over the limit of 100000 B/, {
        limits: { maxTotalBytes: 100_000 },
      });
      assert.equal(readDocx(zip).paragraphs.length, 1, 'within the default limits');
    });

    it('refuses a directory of more files than the limit', () => {
      refuses(LEVELS, 'too-large', /包含 6 个文件，超过 5 个的上限/, /holds 6 files, over the limit of 5/, { limits: { maxEntries: 5 } });
    });
  });
});

/** The entries of a ZIP, unpacked (fflate's reader, independent of the one under test). */
const zipEntries = (bytes: Uint8Array): Map<string, Uint8Array> => new Map(Object.entries(unzipSync(bytes)));
