// The "Reliability" part of the CLI: bad files, encodings and line endings, and a crash in the middle
// of `check --fix`'s atomic write. Most cases run the built bin (dist/cli.js, made by `npm run build`)
// as a real process and assert its exact stderr lines and exit code.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { CliProblem } from '../../src/cli/format';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import iconv from 'iconv-lite';
import { decodeBuffer, encodeText, type Encoding } from '../../src/cli/io';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'dist', 'cli.js');
const PRELOAD = path.join(ROOT, 'test', 'preload', 'pause-rename.js');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

interface Run {
  code: number | null;
  out: string;
  err: string[];
}

/** Runs `node <bin> ...args` and returns its exit code, stdout and stderr lines. */
function cli(args: string[], opts: { bin?: string; uid?: number; gid?: number; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd,
    uid: opts.uid,
    gid: opts.gid,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr === '' ? [] : r.stderr.replace(/\n$/, '').split('\n') };
}

/** The English summary line the CLI prints after the problems. */
function summary(problems: number, errors: number, warnings: number, info: number, files: number): string {
  const s = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${s(problems, 'problem')} (${s(errors, 'error')}, ${s(warnings, 'warning')}, ${info} info) in ${s(files, 'file')}`;
}

type JsonProblem = CliProblem;

// Encoders written here, independently of src/cli/io.ts, to build the bytes a test expects.
const BOMS = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff], gb18030: [0x84, 0x31, 0x95, 0x33] };
function encodeExpected(text: string, encoding: Encoding, bom: boolean): Buffer {
  let body: Buffer;
  if (encoding === 'utf8') body = Buffer.from(text, 'utf8');
  else if (encoding === 'gb18030') body = iconv.encode(text, 'gb18030');
  else {
    const le = Buffer.from(text, 'utf16le');
    body = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      body[i] = encoding === 'utf16le' ? le[i] : le[i + 1];
      body[i + 1] = encoding === 'utf16le' ? le[i + 1] : le[i];
    }
  }
  return bom ? Buffer.concat([Buffer.from(BOMS[encoding]), body]) : body;
}

function mkTmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-reliability-'));
}

describe('CLI reliability', () => {
  describe('BOM-less UTF-16 detection (decodeBuffer)', () => {
    // 一 is U+4E00: in UTF-16 it puts a NUL in the low byte, at the other parity from ASCII's.
    const TEXT = '一、总体要求\r\n（一）加强组织领导\r\n全市XX个单位参与𠀀。\r\n';

    function assertUtf16(buf: Buffer, text: string, encoding: Encoding): void {
      const r = decodeBuffer(buf);
      assert.ok(r.ok, `expected text, got ${r.ok ? '' : r.messageEn}`);
      assert.deepEqual(r.file, { text, encoding, bom: false });
      assert.deepEqual(encodeText(r.file.text, r.file.encoding, r.file.bom), buf);
    }

    function assertBinary(buf: Buffer): void {
      const r = decodeBuffer(buf);
      assert.ok(!r.ok, `expected binary, decoded as ${r.ok ? r.file.encoding : ''}`);
      assert.equal(r.reason, 'binary');
      assert.equal(r.messageEn, 'binary file, skipped');
    }

    it('decodes BOM-less UTF-16LE Chinese text with CRLF exactly and round-trips it byte for byte', () => {
      assertUtf16(encodeExpected(TEXT, 'utf16le', false), TEXT, 'utf16le');
    });

    it('decodes BOM-less UTF-16BE Chinese text with CRLF exactly and round-trips it byte for byte', () => {
      assertUtf16(encodeExpected(TEXT, 'utf16be', false), TEXT, 'utf16be');
    });

    it('decodes BOM-less UTF-16 with mixed line endings and no ASCII but the line breaks', () => {
      const text = '一、总体要求\n（一）加强领导\r（二）完善机制\r\n';
      assertUtf16(encodeExpected(text, 'utf16le', false), text, 'utf16le');
      assertUtf16(encodeExpected(text, 'utf16be', false), text, 'utf16be');
    });

    it('decodes a one-line BOM-less UTF-16 file of ASCII letters', () => {
      assertUtf16(encodeExpected('Report draft', 'utf16le', false), 'Report draft', 'utf16le');
      assertUtf16(encodeExpected('Report draft', 'utf16be', false), 'Report draft', 'utf16be');
    });

    it('keeps a PNG header binary', () => {
      // Signature and IHDR chunk of a 1×1 RGBA image, padded to an even length so that only the content decides.
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' + '00', 'hex');
      assert.equal(png.length % 2, 0);
      assertBinary(png);
    });

    it('keeps a ZIP local file header binary', () => {
      const zip = Buffer.concat([Buffer.from('504b0304140000000800a1b2c3d4', 'hex'), Buffer.from('word/document.xml'), Buffer.from([0x00])]);
      assert.equal(zip.length % 2, 0);
      assertBinary(zip);
    });

    it('keeps random bytes with NULs at both parities binary', () => {
      let seed = 20240611;
      const bytes = Buffer.alloc(4096);
      for (let i = 0; i < bytes.length; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        bytes[i] = seed >>> 24;
      }
      for (const i of [10, 11, 500, 777, 2048, 3001]) bytes[i] = 0;
      assertBinary(bytes);
    });

    it('keeps an ASCII text with one stray NUL binary, whatever its parity', () => {
      const base = 'Line one of a plain file\nline two\n';
      for (const at of [10, 11]) {
        const buf = Buffer.from(base.slice(0, at) + '\u0000' + base.slice(at) + (base.length % 2 === 0 ? 'x' : ''), 'latin1');
        assert.equal(buf.length % 2, 0);
        assertBinary(buf);
      }
    });

    it('keeps UTF-16-looking bytes binary when they hold U+0000, a C0 control, a lone surrogate, or an odd byte', () => {
      assertBinary(encodeExpected('一、总体要求\r\n\u0000\r\n', 'utf16le', false));
      assertBinary(encodeExpected('一、总体要求\r\n\u0007\r\n', 'utf16le', false));
      assertBinary(Buffer.concat([encodeExpected('一、总体要求\r\n', 'utf16le', false), Buffer.from([0x00, 0xd8, 0x41, 0x00])]));
      assertBinary(Buffer.concat([encodeExpected('一、总体要求\r\n', 'utf16le', false), Buffer.from([0x41])]));
      // A U+0000 far past the first 8 KB counts too: the whole file must be text.
      assertBinary(encodeExpected(`${'一、总体要求\r\n'.repeat(2000)}\u0000`, 'utf16le', false));
    });
  });

  describe('bad files (dist/cli.js as a process)', () => {
    let tmp: string;
    const write = (name: string, data: string | Buffer): string => {
      const p = path.join(tmp, name);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, data);
      return p;
    };

    before(() => assert.ok(fs.existsSync(BIN), `${BIN} is missing: run npm run build first`));
    beforeEach(() => (tmp = mkTmp()));
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('stops quietly when the reader closes the pipe early (| head): exit code kept, nothing on stderr', async () => {
      // 20,000 unfilled XX: megabytes of JSON, far more than the pipe holds once the reader has gone.
      const f = write('many.txt', '推进XX工作，落实XX任务。\n'.repeat(10000));
      const child = spawn(process.execPath, [BIN, 'check', '--format', 'json', f]);
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const [code] = await once(child, 'close');
      assert.equal(err, '');
      assert.equal(code, 1);
    });

    it('checks an empty file quietly: exit 0, nothing on stderr', () => {
      const f = write('empty.txt', '');
      const r = cli(['check', '--lang', 'en', f]);
      assert.deepEqual(r, { code: 0, out: `${summary(0, 0, 0, 0, 1)}\n`, err: [] });
    });

    it('skips a binary file with one stderr line naming it; exit 2 when it is alone', () => {
      const bin = write('scan.txt', Buffer.from('89504e470d0a1a0a0000000d4948445200', 'hex'));
      assert.deepEqual(cli(['check', '--lang', 'en', bin]), { code: 2, out: `${summary(0, 0, 0, 0, 0)}\n`, err: [`${bin}: binary file, skipped`] });
      assert.deepEqual(cli(['check', '--lang', 'zh', bin]).err, [`${bin}：二进制文件，已跳过`]);
    });

    it("skips a binary file beside a readable one: exit 0 or 1 by the readable one's findings", () => {
      const bin = write('scan.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00]));
      const clean = write('clean.txt', '一、总体要求\n');
      const dirty = write('dirty.txt', 'XX市\n');
      const r0 = cli(['check', '--lang', 'en', bin, clean]);
      assert.deepEqual(r0, { code: 0, out: `${summary(0, 0, 0, 0, 1)}\n`, err: [`${bin}: binary file, skipped`] });
      const r1 = cli(['check', '--lang', 'en', '--format', 'json', bin, dirty]);
      assert.equal(r1.code, 1);
      assert.deepEqual(r1.err, [`${bin}: binary file, skipped`]);
      assert.deepEqual(
        JSON.parse(r1.out).map((p: JsonProblem) => [p.file, p.ruleId, p.line, p.column]),
        [[dirty, 'placeholder', 1, 1]],
      );
    });

    it('skips a binary file met in a folder with one line, and checks the rest', () => {
      write('d/a.txt', '一、总体要求\n');
      write('d/b.txt', Buffer.from([0x00, 0x01, 0x02, 0x03]));
      const d = path.join(tmp, 'd');
      assert.deepEqual(cli(['check', '--lang', 'en', d]), {
        code: 0,
        out: `${summary(0, 0, 0, 0, 1)}\n`,
        err: [`${path.join(d, 'b.txt')}: binary file, skipped`],
      });
    });

    it('checks a 10 MB one-line file: exact placeholder count and first/last columns, exit 1', () => {
      const unit = '我市持续推进重点项目建设，统筹发展和安全，扎实做好各项工作。';
      const half = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(unit));
      const text = `XX${unit.repeat(half)}XX${unit.repeat(half)}XX`;
      const f = write('big.txt', text);
      assert.ok(fs.statSync(f).size >= 10 * 1024 * 1024);
      assert.ok(!/[\r\n]/.test(text));
      const r = cli(['check', '--lang', 'en', '--format', 'json', f]);
      assert.equal(r.code, 1);
      assert.deepEqual(r.err, []);
      const list: JsonProblem[] = JSON.parse(r.out);
      const columns = list.filter((p) => p.ruleId === 'placeholder').map((p) => [p.line, p.column, p.endLine, p.endColumn]);
      const L = unit.length;
      assert.deepEqual(columns, [
        [1, 1, 1, 3],
        [1, 3 + half * L, 1, 5 + half * L],
        [1, 5 + 2 * half * L, 1, 7 + 2 * half * L],
      ]);
      assert.equal(list.filter((p) => p.severity === 'error').length, 3);
    });

    it('reports an unreadable file with one line naming it and EACCES; exit 2 when alone, else by findings', () => {
      // Root reads anything: run the CLI as nobody then. mkdtemp makes 0700 folders, so open this one,
      // and run a copy of the bundle from it (dist/cli.js is self-contained), so that nothing depends
      // on nobody being able to reach the checkout.
      fs.chmodSync(tmp, 0o755);
      const secret = write('secret.txt', 'XX市\n');
      const open = write('open.txt', 'XX市\n');
      fs.chmodSync(open, 0o644);
      fs.chmodSync(secret, 0o000);
      let bin = BIN;
      let as: { uid?: number; gid?: number } = {};
      if (isRoot) {
        bin = path.join(tmp, 'cli.js');
        fs.copyFileSync(BIN, bin);
        fs.chmodSync(bin, 0o644);
        as = { uid: NOBODY, gid: NOBODY };
      }
      const alone = cli(['check', '--lang', 'en', secret], { bin, cwd: tmp, ...as });
      assert.deepEqual(alone, { code: 2, out: `${summary(0, 0, 0, 0, 0)}\n`, err: [`${secret}: cannot read (EACCES)`] });
      assert.deepEqual(cli(['check', '--lang', 'zh', secret], { bin, cwd: tmp, ...as }).err, [`${secret}：无法读取（EACCES）`]);
      const beside = cli(['check', '--lang', 'en', secret, open], { bin, cwd: tmp, ...as });
      assert.equal(beside.code, 1);
      assert.deepEqual(beside.err, [`${secret}: cannot read (EACCES)`]);
      assert.match(beside.out, new RegExp(`${summary(1, 1, 0, 0, 1).replace(/[()]/g, '\\$&')}\n$`));
    });

    it('reports a missing path, still checks the others, and exits 2', () => {
      const missing = path.join(tmp, 'nope.txt');
      const ok = write('ok.txt', '一、总体要求\n');
      assert.deepEqual(cli(['check', '--lang', 'en', missing]), {
        code: 2,
        out: `${summary(0, 0, 0, 0, 0)}\n`,
        err: [`${missing}: no such file or directory`],
      });
      assert.deepEqual(cli(['check', '--lang', 'en', missing, ok]), {
        code: 2,
        out: `${summary(0, 0, 0, 0, 1)}\n`,
        err: [`${missing}: no such file or directory`],
      });
      assert.deepEqual(cli(['check', '--lang', 'zh', missing]).err, [`${missing}：文件或目录不存在`]);
    });

    it('warns once about a directory loop via symlink, checks the real files, and exits by the findings', () => {
      write('d/a.txt', '一、总体要求\nXX市\n');
      write('d/sub/b.txt', '一、总体要求\n');
      const d = path.join(tmp, 'd');
      fs.symlinkSync(d, path.join(d, 'sub', 'loop'));
      const loopLine = `${path.join(d, 'sub', 'loop')}: symlink loop, skipped`;
      const r = cli(['check', '--lang', 'en', '--format', 'json', d]);
      assert.equal(r.code, 1);
      assert.deepEqual(r.err, [loopLine]);
      assert.deepEqual(
        JSON.parse(r.out).map((p: JsonProblem) => [p.file, p.ruleId, p.line, p.column]),
        [[path.join(d, 'a.txt'), 'placeholder', 2, 1]],
      );
      write('d/a.txt', '一、总体要求\n');
      assert.deepEqual(cli(['check', '--lang', 'en', d]), { code: 0, out: `${summary(0, 0, 0, 0, 2)}\n`, err: [loopLine] });
    });

    it('warns about a symlink that loops on itself, and exits 2 when nothing else could be read', () => {
      const self = path.join(tmp, 'self.txt');
      fs.symlinkSync(self, self);
      assert.deepEqual(cli(['check', '--lang', 'en', self]), { code: 2, out: `${summary(0, 0, 0, 0, 0)}\n`, err: [`${self}: symlink loop, skipped`] });
      const ok = write('ok.txt', '一、总体要求\n');
      assert.deepEqual(cli(['check', '--lang', 'en', self, ok]), { code: 0, out: `${summary(0, 0, 0, 0, 1)}\n`, err: [`${self}: symlink loop, skipped`] });
    });

    it('names the file and the position of a .gongwenrc.json syntax error, checks with the defaults, exits 2', () => {
      const cfg = write('.gongwenrc.json', '{\n  "rules": {\n    "placeholder": "warning",\n  }\n}\n');
      const f = write('a.txt', 'XX市\n');
      const r = cli(['check', '--lang', 'en', f]);
      assert.equal(r.code, 2);
      assert.deepEqual(r.err, [
        `${cfg}: JSON syntax error (line 3, column 29): trailing comma: no "," may follow the last item`,
        `${cfg}: invalid config, files under it are checked with the defaults`,
      ]);
      // The defaults: the placeholder is still an error.
      assert.match(r.out, /^.*a\.txt:1:1 {2}error {2}.* {2}placeholder\n/);
    });

    it('names the file and the key path of an unknown or invalid .gongwenrc.json key, exits 2', () => {
      const cfg = write('sub/.gongwenrc.json', JSON.stringify({ rules: { placeholder: 'fatal' }, numbering: { style: 'gbt9704', bogus: 1 } }));
      const f = write('sub/a.txt', '一、总体要求\n');
      const r = cli(['check', '--lang', 'en', f]);
      assert.equal(r.code, 2);
      assert.deepEqual(r.err, [
        `${cfg}: "rules.placeholder" must be one of "off", "hint", "info", "warning" or "error", or [severity, { options }] (got "fatal")`,
        `${cfg}: "numbering.bogus" is not a known setting in "numbering" (allowed: style, mode)`,
        `${cfg}: invalid config, files under it are checked with the defaults`,
      ]);
      assert.equal(r.out, `${summary(0, 0, 0, 0, 1)}\n`);
      const zh = cli(['check', '--lang', 'zh', f]);
      assert.equal(zh.code, 2);
      assert.equal(zh.err.length, 3);
      assert.ok(zh.err[0].startsWith(`${cfg}: "rules.placeholder" `), zh.err[0]);
      assert.ok(zh.err[1].startsWith(`${cfg}: "numbering.bogus" `), zh.err[1]);
      assert.equal(zh.err[2], `${cfg}：配置无效，其下的文件按默认设置检查`);
    });
  });

  describe('encodings × line endings: check positions and check --fix bytes', () => {
    const ENCODINGS: Array<{ name: string; encoding: Encoding; bom: boolean }> = [
      { name: 'utf8', encoding: 'utf8', bom: false },
      { name: 'utf8-bom', encoding: 'utf8', bom: true },
      { name: 'gb18030', encoding: 'gb18030', bom: false },
      { name: 'utf16le-bom', encoding: 'utf16le', bom: true },
      { name: 'utf16be-bom', encoding: 'utf16be', bom: true },
      { name: 'utf16le', encoding: 'utf16le', bom: false },
      { name: 'utf16be', encoding: 'utf16be', bom: false },
    ];
    // Line 3 follows a lone CR in the mixed case, so its number depends on counting CR as a line end.
    const EOLS: Array<{ name: string; eols: string[] }> = [
      { name: 'LF', eols: ['\n', '\n', '\n', '\n'] },
      { name: 'CRLF', eols: ['\r\n', '\r\n', '\r\n', '\r\n'] },
      { name: 'mixed', eols: ['\r\n', '\r', '\n', '\r\n'] },
    ];
    const LINES = ['一、总体要求', '(一)加强组织领导', '全市𠀀XX个单位参与。', '(二)完善工作机制'];
    const FIXED = ['一、总体要求', '（一）加强组织领导', '全市𠀀XX个单位参与。', '（二）完善工作机制'];
    const join = (lines: string[], eols: string[]) => lines.map((l, i) => l + eols[i]).join('');

    let tmp: string;
    const cases: Array<{ name: string; file: string; encoding: Encoding; bom: boolean; original: Buffer; expected: Buffer }> = [];
    let unfixed: Run;
    let fixedRun: Run;

    const byFile = (run: Run, file: string) => (JSON.parse(run.out) as JsonProblem[]).filter((p) => p.file === file);

    // The placeholder: 全 市 𠀀 (two UTF-16 code units) then XX at column 5.
    const placeholder = { line: 3, column: 5, endLine: 3, endColumn: 7, ruleId: 'placeholder', severity: 'error' };

    before(() => {
      assert.ok(fs.existsSync(BIN), `${BIN} is missing: run npm run build first`);
      tmp = mkTmp();
      for (const e of ENCODINGS) {
        for (const l of EOLS) {
          const file = path.join(tmp, `${e.name}-${l.name}.txt`);
          const original = encodeExpected(join(LINES, l.eols), e.encoding, e.bom);
          fs.writeFileSync(file, original);
          cases.push({
            name: `${e.name} ${l.name}`,
            file,
            encoding: e.encoding,
            bom: e.bom,
            original,
            expected: encodeExpected(join(FIXED, l.eols), e.encoding, e.bom),
          });
        }
      }
      const files = cases.map((c) => c.file);
      unfixed = cli(['check', '--lang', 'en', '--format', 'json', ...files]);
      fixedRun = cli(['check', '--lang', 'en', '--format', 'json', '--fix', ...files]);
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('both runs exit 1 (the placeholder stays); --fix names each file it fixed, once', () => {
      assert.equal(unfixed.code, 1);
      assert.deepEqual(unfixed.err, []);
      assert.equal(fixedRun.code, 1);
      assert.deepEqual(
        fixedRun.err,
        cases.map((c) => `${c.file}: fixed 1 problem`),
      );
    });

    for (const e of ENCODINGS) {
      for (const l of EOLS) {
        const name = `${e.name} ${l.name}`;
        const get = () => cases.find((c) => c.name === name)!;

        it(`${name}: check reports the placeholder and the half-width markers at their exact positions`, () => {
          const c = get();
          const list = byFile(unfixed, c.file);
          assert.deepEqual(
            list.map(({ line, column, endLine, endColumn, ruleId, severity }) => ({ line, column, endLine, endColumn, ruleId, severity })),
            [{ line: 2, column: 1, endLine: 2, endColumn: 4, ruleId: 'numbering-style', severity: 'info' }, placeholder],
          );
          assert.deepEqual(list[0].fix, {
            safe: true,
            edits: [
              { line: 2, column: 1, endLine: 2, endColumn: 4, text: '（一）' },
              { line: 4, column: 1, endLine: 4, endColumn: 4, text: '（二）' },
            ],
          });
        });

        it(`${name}: check --fix writes back the same encoding, BOM and line endings`, () => {
          const c = get();
          const bytes = fs.readFileSync(c.file);
          assert.notDeepEqual(c.expected, c.original);
          assert.deepEqual(bytes, c.expected);
          const list = byFile(fixedRun, c.file);
          assert.deepEqual(
            list.map(({ line, column, endLine, endColumn, ruleId, severity }) => ({ line, column, endLine, endColumn, ruleId, severity })),
            [placeholder],
          );
          assert.deepEqual(
            fs.readdirSync(path.dirname(c.file)).filter((n) => n.startsWith('.')),
            [],
            'no temp file left',
          );
        });
      }
    }
  });

  describe("kill during check --fix's atomic write", () => {
    let tmp: string;
    beforeEach(() => (tmp = mkTmp()));
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    /** Resolves with the preload's PAUSED line; rejects if the process exits first or nothing comes within the deadline. */
    function waitForPause(child: ChildProcessWithoutNullStreams): Promise<{ from: string; to: string }> {
      return new Promise((resolve, reject) => {
        let stderr = '';
        const deadline = setTimeout(() => reject(new Error(`no PAUSED line within 15 s; stderr: ${stderr}`)), 15_000);
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          const m = /^PAUSED (\{.*\})\n/m.exec(stderr);
          if (m) {
            clearTimeout(deadline);
            resolve(JSON.parse(m[1]));
          }
        });
        child.on('exit', (code, signal) => {
          clearTimeout(deadline);
          reject(new Error(`the CLI exited (${code ?? signal}) before renaming; stderr: ${stderr}`));
        });
      });
    }

    const CASES: Array<{ name: string; encoding: Encoding; bom: boolean; eol: string }> = [
      { name: 'GB18030, CRLF', encoding: 'gb18030', bom: false, eol: '\r\n' },
      { name: 'UTF-16LE without BOM, LF', encoding: 'utf16le', bom: false, eol: '\n' },
      { name: 'UTF-8 with BOM, CR', encoding: 'utf8', bom: true, eol: '\r' },
    ];

    for (const k of CASES) {
      it(`${k.name}: a SIGKILL just before the rename leaves the original intact and the temp file as a skipped dot-file`, async () => {
        assert.ok(fs.existsSync(BIN), `${BIN} is missing: run npm run build first`);
        const lines = (ls: string[]) => ls.map((l) => l + k.eol).join('');
        const original = encodeExpected(lines(['一、总体要求', '(一)加强组织领导', '全市XX个单位参与。', '(二)完善工作机制']), k.encoding, k.bom);
        const fixed = encodeExpected(lines(['一、总体要求', '（一）加强组织领导', '全市XX个单位参与。', '（二）完善工作机制']), k.encoding, k.bom);
        const file = path.join(tmp, 'report.txt');
        fs.writeFileSync(file, original);
        fs.chmodSync(file, 0o640);

        const child = spawn(process.execPath, ['--require', PRELOAD, BIN, 'check', '--lang', 'en', '--fix', file], { stdio: ['pipe', 'pipe', 'pipe'] });
        try {
          const paused = await waitForPause(child);
          const dir = fs.realpathSync(tmp);
          assert.equal(paused.to, path.join(dir, 'report.txt'));
          assert.equal(path.dirname(paused.from), dir, 'the temp file is in the same folder');
          assert.match(path.basename(paused.from), /^\.report\.txt\.gongwen-\d+-[0-9a-f]+\.tmp$/, 'a dot-file');
          assert.deepEqual(fs.readFileSync(paused.from), fixed, 'the temp file holds the fixed bytes');
          assert.equal(fs.statSync(paused.from).mode & 0o777, 0o640, "with the original's mode");
          assert.deepEqual(fs.readFileSync(file), original, 'the original is untouched while the write is paused');

          const exited = once(child, 'exit');
          assert.ok(child.kill('SIGKILL'));
          const [code, signal] = await exited;
          assert.deepEqual([code, signal], [null, 'SIGKILL']);

          assert.deepEqual(fs.readFileSync(file), original, 'the original is intact after the crash');
          assert.deepEqual(fs.readdirSync(tmp).sort(), [path.basename(paused.from), 'report.txt']);
          assert.deepEqual(fs.readFileSync(paused.from), fixed);

          // A folder walk does not pick the leftover up: only the report is checked.
          const r = cli(['check', '--lang', 'en', '--format', 'json', tmp]);
          assert.equal(r.code, 1);
          assert.deepEqual(r.err, []);
          assert.deepEqual([...new Set((JSON.parse(r.out) as JsonProblem[]).map((p) => p.file))], [path.join(tmp, 'report.txt')]);
          assert.equal(cli(['check', '--lang', 'en', tmp]).out.split('\n').at(-2), summary(2, 1, 0, 1, 1));
        } finally {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }
      });
    }
  });
});
