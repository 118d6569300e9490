import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { decodeBuffer, encodeText, readTextFile, writeFileAtomic, type DecodedFile } from '../../src/cli/io';
import { collectFiles, REPORT_EXTENSIONS } from '../../src/cli/files';

const isRoot = process.getuid?.() === 0;
const GB_TEXT = '一、工作情况\r\n（一）XX市';

function decodeOk(buf: Buffer): DecodedFile {
  const r = decodeBuffer(buf);
  assert.ok(r.ok, `expected text, got ${r.ok ? '' : r.messageEn}`);
  return r.file;
}

function assertRoundTrip(buf: Buffer): DecodedFile {
  const file = decodeOk(buf);
  assert.deepEqual(encodeText(file.text, file.encoding, file.bom), buf);
  return file;
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('cli/io decodeBuffer', () => {
  it('decodes an empty file as UTF-8 without BOM', () => {
    assert.deepEqual(decodeOk(Buffer.alloc(0)), { text: '', encoding: 'utf8', bom: false });
  });

  it('decodes UTF-8 without BOM', () => {
    assert.deepEqual(decodeOk(Buffer.from('一、总体情况\n', 'utf8')), { text: '一、总体情况\n', encoding: 'utf8', bom: false });
  });

  it('decodes UTF-8 with BOM and removes it from the text', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('标题\r\n', 'utf8')]);
    assert.deepEqual(decodeOk(buf), { text: '标题\r\n', encoding: 'utf8', bom: true });
  });

  it('decodes UTF-16LE with BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、标题\r\n', 'utf16le')]);
    assert.deepEqual(decodeOk(buf), { text: '一、标题\r\n', encoding: 'utf16le', bom: true });
  });

  it('decodes UTF-16BE with BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('一、标题\n')]);
    assert.deepEqual(decodeOk(buf), { text: '一、标题\n', encoding: 'utf16be', bom: true });
  });

  it('decodes GB18030 bytes to the exact string', () => {
    const buf = iconv.encode(GB_TEXT, 'gb18030');
    assert.deepEqual(decodeOk(buf), { text: GB_TEXT, encoding: 'gb18030', bom: false });
  });

  it('treats a NUL in the first bytes as binary', () => {
    const r = decodeBuffer(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'binary');
    assert.equal(r.message, '二进制文件，已跳过');
    assert.equal(r.messageEn, 'binary file, skipped');
  });

  it('does not treat UTF-16LE with BOM holding ASCII (full of NUL bytes) as binary', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello\r\n', 'utf16le')]);
    assert.ok(buf.includes(0));
    assert.deepEqual(decodeOk(buf), { text: 'Hello\r\n', encoding: 'utf16le', bom: true });
  });

  it('reports an odd-length UTF-16 file as binary rather than losing a byte', () => {
    const r = decodeBuffer(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    assert.equal(r.ok, false);
  });

  it('reports bytes that are neither UTF-8 nor GB18030 as binary rather than altering them', () => {
    const r = decodeBuffer(Buffer.from([0x41, 0x80, 0x42]));
    assert.equal(r.ok, false);
  });
});

describe('cli/io encodeText round-trip', () => {
  const cases: Array<[string, Buffer]> = [
    ['UTF-8 without BOM', Buffer.from('一、工作情况\n（一）进展\n', 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('一、工作情况\r\n', 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、工作情况\r\n😀\n', 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('一、工作情况\r\n😀\n')])],
    ['GB18030 with CJK and CRLF', iconv.encode(GB_TEXT, 'gb18030')],
    ['GB18030 with four-byte characters', iconv.encode('一、𠀀€\r\n', 'gb18030')],
    ['mixed line endings (UTF-8)', Buffer.from('a\r\nb\nc\rd\r\n\r\n', 'utf8')],
    ['mixed line endings (GB18030)', iconv.encode('甲\r\n乙\n丙\r丁', 'gb18030')],
    ['mixed line endings (UTF-16LE)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('甲\r\n乙\n丙\r', 'utf16le')])],
    ['BOM only', Buffer.from([0xef, 0xbb, 0xbf])],
  ];
  for (const [name, buf] of cases) {
    it(name, () => {
      assertRoundTrip(buf);
    });
  }

  it('keeps CRLF in the decoded GB18030 text', () => {
    assert.equal(assertRoundTrip(iconv.encode(GB_TEXT, 'gb18030')).text, GB_TEXT);
  });

  it('encodes without BOM when asked', () => {
    assert.deepEqual(encodeText('A', 'utf8', false), Buffer.from([0x41]));
    assert.deepEqual(encodeText('A', 'utf16le', false), Buffer.from([0x41, 0x00]));
    assert.deepEqual(encodeText('A', 'utf16be', true), Buffer.from([0xfe, 0xff, 0x00, 0x41]));
  });
});

describe('cli/io files on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-io-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('readTextFile decodes a file', () => {
    const p = path.join(dir, 'r.txt');
    fs.writeFileSync(p, iconv.encode(GB_TEXT, 'gb18030'));
    assert.deepEqual(readTextFile(p), { ok: true, file: { text: GB_TEXT, encoding: 'gb18030', bom: false } });
  });

  it('readTextFile reports a missing file as not-found', () => {
    const p = path.join(dir, 'nope.txt');
    const r = readTextFile(p);
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'not-found');
    assert.ok(r.message.includes(p) && r.messageEn.includes(p));
  });

  it('readTextFile reports a directory as is-directory', () => {
    const r = readTextFile(dir);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'is-directory');
    assert.ok(r.message.includes(dir) && r.messageEn.includes(dir));
  });

  it('readTextFile reports a binary file, naming it', () => {
    const p = path.join(dir, 'b.txt');
    fs.writeFileSync(p, Buffer.from([0x00, 0x01, 0x02]));
    const r = readTextFile(p);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'binary');
    assert.equal(r.message, `${p}：二进制文件，已跳过`);
    assert.equal(r.messageEn, `${p}: binary file, skipped`);
  });

  it('readTextFile reports a file without read permission as unreadable', function () {
    if (isRoot) this.skip(); // root can read anything
    const p = path.join(dir, 'secret.txt');
    fs.writeFileSync(p, 'x');
    fs.chmodSync(p, 0o000);
    try {
      const r = readTextFile(p);
      assert.ok(!r.ok);
      assert.equal(r.reason, 'unreadable');
      assert.ok(r.message.includes(p) && r.messageEn.includes(p));
      assert.ok(!r.message.includes('\n') && !r.messageEn.includes('\n'));
    } finally {
      fs.chmodSync(p, 0o644);
    }
  });

  it('writeFileAtomic replaces content, keeps the mode and leaves no temp file', () => {
    const p = path.join(dir, 'w.txt');
    fs.writeFileSync(p, 'old');
    fs.chmodSync(p, 0o640);
    const data = encodeText(GB_TEXT, 'gb18030', false);
    writeFileAtomic(p, data);
    assert.deepEqual(fs.readFileSync(p), data);
    assert.equal(fs.statSync(p).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['w.txt']);
  });

  it('writeFileAtomic creates a new file', () => {
    const p = path.join(dir, 'new.txt');
    writeFileAtomic(p, Buffer.from('hi'));
    assert.equal(fs.readFileSync(p, 'utf8'), 'hi');
    assert.deepEqual(fs.readdirSync(dir), ['new.txt']);
  });

  it('writeFileAtomic writes through a symlink, keeping the link', () => {
    const target = path.join(dir, 'target.txt');
    const link = path.join(dir, 'link.txt');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync(target, link);
    writeFileAtomic(link, Buffer.from('new'));
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(target, 'utf8'), 'new');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['link.txt', 'target.txt']);
  });

  it('writeFileAtomic leaves the original intact and removes the temp file when the rename fails', () => {
    const p = path.join(dir, 'keep.txt');
    fs.writeFileSync(p, 'original');
    const realRename = fs.renameSync;
    let tempSeen = '';
    fs.renameSync = (from: fs.PathLike) => {
      tempSeen = String(from);
      throw Object.assign(new Error('EXDEV: simulated rename failure'), { code: 'EXDEV' });
    };
    try {
      assert.throws(() => writeFileAtomic(p, Buffer.from('replacement')), /simulated rename failure/);
    } finally {
      fs.renameSync = realRename;
    }
    assert.equal(path.dirname(tempSeen), dir);
    assert.match(path.basename(tempSeen), /^\.keep\.txt\.gongwen-\d+-[0-9a-f]+\.tmp$/);
    assert.equal(fs.readFileSync(p, 'utf8'), 'original');
    assert.deepEqual(fs.readdirSync(dir), ['keep.txt']);
  });
});

describe('cli/files collectFiles', () => {
  let root: string;

  // root/
  //   tree/a.txt  tree/b.MD  tree/c.gw  tree/d.js
  //   tree/sub/e.md  tree/sub/f.txt  tree/sub/loop -> tree
  //   tree/sub/deeper/g.gw
  //   tree/node_modules/x.md   tree/.git/y.md   tree/.hidden/z.txt
  //   other.md  other.js
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-files-'));
    const tree = path.join(root, 'tree');
    const write = (rel: string, content = 'x'): void => {
      const p = path.join(root, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
    };
    for (const rel of [
      'tree/a.txt',
      'tree/b.MD',
      'tree/c.gw',
      'tree/d.js',
      'tree/sub/e.md',
      'tree/sub/f.txt',
      'tree/sub/deeper/g.gw',
      'tree/node_modules/x.md',
      'tree/.git/y.md',
      'tree/.hidden/z.txt',
      'other.md',
      'other.js',
    ])
      write(rel);
    fs.symlinkSync(tree, path.join(tree, 'sub', 'loop'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('exports the report extensions', () => {
    assert.deepEqual(REPORT_EXTENSIONS, ['.txt', '.md', '.gw']);
  });

  it('walks a directory: report files only, sorted, skipping node_modules and dot-folders, one loop warning', () => {
    const r = collectFiles(['tree'], root);
    assert.deepEqual(r.files, [
      path.join('tree', 'a.txt'),
      path.join('tree', 'b.MD'),
      path.join('tree', 'c.gw'),
      path.join('tree', 'sub', 'deeper', 'g.gw'),
      path.join('tree', 'sub', 'e.md'),
      path.join('tree', 'sub', 'f.txt'),
    ]);
    assert.deepEqual(r.missing, []);
    assert.equal(r.warnings.length, 1);
    assert.equal(r.warnings[0].path, path.join('tree', 'sub', 'loop'));
    assert.ok(r.warnings[0].message.includes('符号链接循环'));
    assert.ok(r.warnings[0].messageEn.includes('symlink loop'));
  });

  it('shows directory files as path.join(arg, relative)', () => {
    const r = collectFiles(['./tree/sub/deeper/'], root);
    assert.deepEqual(r.files, [path.join('tree', 'sub', 'deeper', 'g.gw')]);
    assert.deepEqual(r.warnings, []);
  });

  it('follows a symlink out of the walked folder, stopping where it comes back round', () => {
    // Walking tree/sub: loop -> tree is not an ancestor here, so tree's other files are reached
    // through it; tree/sub inside it is the walk's own root again, hence the loop warning.
    const r = collectFiles(['tree/sub'], root);
    assert.deepEqual(r.files, [
      path.join('tree', 'sub', 'deeper', 'g.gw'),
      path.join('tree', 'sub', 'e.md'),
      path.join('tree', 'sub', 'f.txt'),
      path.join('tree', 'sub', 'loop', 'a.txt'),
      path.join('tree', 'sub', 'loop', 'b.MD'),
      path.join('tree', 'sub', 'loop', 'c.gw'),
    ]);
    assert.deepEqual(
      r.warnings.map((w) => w.path),
      [path.join('tree', 'sub', 'loop', 'sub')],
    );
  });

  it('includes a named file whatever its extension, exactly as given, in argument order', () => {
    const r = collectFiles(['other.js', './tree/d.js', 'other.md'], root);
    assert.deepEqual(r.files, ['other.js', './tree/d.js', 'other.md']);
    assert.deepEqual(r.missing, []);
    assert.deepEqual(r.warnings, []);
  });

  it('removes duplicates by realpath', () => {
    fs.symlinkSync(path.join(root, 'other.md'), path.join(root, 'tree', 'sub', 'deeper', 'alias.md'));
    const r = collectFiles(['other.md', './other.md', path.join(root, 'other.md'), 'tree/sub/deeper/g.gw', 'tree/sub/deeper'], root);
    assert.deepEqual(r.files, ['other.md', 'tree/sub/deeper/g.gw']);
  });

  it('reports a missing path as missing', () => {
    const r = collectFiles(['nope.txt', 'other.md', 'nodir/'], root);
    assert.deepEqual(r.files, ['other.md']);
    assert.deepEqual(r.missing, ['nope.txt', 'nodir/']);
  });

  it('expands a glob to the matching files', () => {
    const r = collectFiles(['tree/**/*.md'], root);
    assert.deepEqual(r.files, [path.join('tree', 'sub', 'e.md')]);
    assert.deepEqual(r.missing, []);
  });

  it('expands a glob whose extension is upper case only when the pattern says so, and any extension it names', () => {
    assert.deepEqual(collectFiles(['tree/*.{MD,js}'], root).files, [path.join('tree', 'b.MD'), path.join('tree', 'd.js')]);
  });

  it('expands a glob without a static base from cwd', () => {
    assert.deepEqual(collectFiles(['*.md'], root).files, ['other.md']);
  });

  it('expands an absolute glob', () => {
    const r = collectFiles([`${root.split(path.sep).join('/')}/tree/sub/*.txt`], root);
    assert.deepEqual(
      r.files.map((f) => path.resolve(root, f)),
      [path.join(root, 'tree', 'sub', 'f.txt')],
    );
  });

  it('reports a glob with no match as missing', () => {
    const r = collectFiles(['tree/**/*.docx', 'nodir/*.md'], root);
    assert.deepEqual(r.files, []);
    assert.deepEqual(r.missing, ['tree/**/*.docx', 'nodir/*.md']);
  });

  it('takes an existing name with glob characters literally', () => {
    fs.writeFileSync(path.join(root, 'a[1].txt'), 'x');
    const r = collectFiles(['a[1].txt'], root);
    assert.deepEqual(r.files, ['a[1].txt']);
  });

  it('warns about an unreadable directory and continues', function () {
    if (isRoot) this.skip(); // root can read anything
    const locked = path.join(root, 'tree', 'sub', 'deeper');
    fs.chmodSync(locked, 0o000);
    try {
      const r = collectFiles(['tree', 'other.md'], root);
      assert.deepEqual(r.files, [
        path.join('tree', 'a.txt'),
        path.join('tree', 'b.MD'),
        path.join('tree', 'c.gw'),
        path.join('tree', 'sub', 'e.md'),
        path.join('tree', 'sub', 'f.txt'),
        'other.md',
      ]);
      assert.ok(r.warnings.some((w) => w.path === path.join('tree', 'sub', 'deeper') && w.messageEn.includes('cannot read directory')));
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });
});
