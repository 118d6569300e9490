import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const C004 = path.join(CORPUS, '004_503d8dbb8d0f1449.txt');

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let tmp: string;
const write = (name: string, data: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
};

describe('CLI', () => {
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('check', () => {
    it('prints problems like a compiler, a summary, and exits 1 on errors', () => {
      const f = write('a.txt', '一、总体要求\nXX市开展工作。\n（一）甲\n（三）乙\n');
      const r = run('check', '--lang', 'zh', f);
      assert.equal(r.code, 1);
      const lines = r.out.split('\n');
      assert.equal(lines[0], `${f}:2:1  error  未填写的占位符“XX”：提交前请填写实际内容（写作惯例）  placeholder`);
      assert.match(
        lines[1],
        new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:1  warning  编号跳号：（一）之后应为（二），此处为（三）.*  numbering-sequence$`),
      );
      assert.equal(lines[2], '共 2 个问题（1 个错误，1 个警告，0 个提示），检查了 1 个文件');
    });

    it('speaks English with --lang en or an English locale', () => {
      const f = write('a.txt', 'XX市');
      assert.match(run('check', '--lang', 'en', f).out, /Unfilled placeholder "XX".*\n1 problem \(1 error, 0 warnings, 0 info\) in 1 file/);
      const saved = process.env.LC_ALL;
      process.env.LC_ALL = 'en_US.UTF-8';
      try {
        assert.match(run('check', f).out, /Unfilled placeholder/);
      } finally {
        if (saved === undefined) delete process.env.LC_ALL;
        else process.env.LC_ALL = saved;
      }
    });

    it('prints one sorted JSON array with 1-based UTF-16 positions and fixes', () => {
      const b = write('b.txt', '一、甲\r\n（一）a\r\n（三）b\r\n');
      const a = write('a.txt', '𠀀XX');
      const r = run('check', '--format', 'json', b, a);
      const list = JSON.parse(r.out);
      assert.deepEqual(
        list.map((p: { file: string }) => path.basename(p.file)),
        ['a.txt', 'b.txt'],
      );
      // The astral 𠀀 is two UTF-16 code units, as VS Code counts.
      assert.deepEqual(list[0], {
        file: a,
        line: 1,
        column: 3,
        endLine: 1,
        endColumn: 5,
        ruleId: 'placeholder',
        severity: 'error',
        message: list[0].message,
        messageEn: list[0].messageEn,
      });
      assert.deepEqual(list[1].fix, { safe: true, edits: [{ line: 3, column: 2, endLine: 3, endColumn: 3, text: '二' }] });
      assert.equal(list[1].line, 3);
      assert.equal(list[1].endColumn, 4);
    });

    it('exits 0 on warnings only, and 1 past --max-warnings', () => {
      const f = write('a.txt', '（一）a\n（三）b\n');
      assert.equal(run('check', f).code, 0);
      assert.equal(run('check', '--max-warnings', '1', f).code, 0);
      assert.equal(run('check', '--max-warnings', '0', f).code, 1);
    });

    it('reports a missing path on stderr, still checks the others, and exits 2', () => {
      const f = write('a.txt', '一、甲\n');
      const r = run('check', path.join(tmp, 'nope.txt'), f);
      assert.equal(r.code, 2);
      assert.match(r.err, /nope\.txt：文件或目录不存在/);
      assert.match(r.out, /检查了 1 个文件/);
    });

    it('checks an empty file quietly', () => {
      const f = write('empty.txt', '');
      const r = run('check', f);
      assert.equal(r.code, 0);
      assert.equal(r.err, '');
    });

    it('skips a binary file with one line, and exits 2 when nothing could be read', () => {
      const bin = write('x.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
      const r = run('check', bin);
      assert.equal(r.code, 2);
      assert.equal(r.err.split('\n').length, 1);
      assert.match(r.err, /二进制文件/);
      const ok = write('ok.txt', '一、甲\n');
      assert.equal(run('check', bin, ok).code, 0);
    });

    it('walks folders for .txt, .md and .gw, skipping node_modules and dot-folders', () => {
      write('d/a.txt', 'XX');
      write('d/b.md', 'XX');
      write('d/c.gw', 'XX');
      write('d/d.js', 'XX');
      write('d/node_modules/e.txt', 'XX');
      write('d/.git/f.txt', 'XX');
      const list = JSON.parse(run('check', '--format', 'json', path.join(tmp, 'd')).out);
      assert.deepEqual(
        list.map((p: { file: string }) => path.relative(tmp, p.file)),
        ['d/a.txt', 'd/b.md', 'd/c.gw'],
      );
    });

    it('names the file and the key of a broken .gongwenrc.json, checks with the defaults, and exits 2', () => {
      write('.gongwenrc.json', '{ "numbering": { "style": "gb" } }');
      const f = write('a.txt', 'XX');
      const r = run('check', f);
      assert.equal(r.code, 2);
      assert.match(r.err, /\.gongwenrc\.json.*numbering\.style/);
      assert.match(r.out, /placeholder/);
    });

    it('takes severities, overrides and ignore entries from the nearest .gongwenrc.json', () => {
      write(
        '.gongwenrc.json',
        JSON.stringify({
          rules: { placeholder: 'warning' },
          overrides: [{ files: 'sub/**', rules: { placeholder: 'off' } }],
          ignore: [{ rule: 'numbering-sequence', text: '（三）乙' }],
        }),
      );
      const f = write('a.txt', 'XX\n（一）甲\n（三）乙');
      const g = write('sub/b.txt', 'XX');
      const list = JSON.parse(run('check', '--format', 'json', f, g).out);
      assert.deepEqual(
        list.map((p: { ruleId: string; severity: string }) => `${p.ruleId}/${p.severity}`),
        ['placeholder/warning'],
      );
      const explicit = write('other.json', '{"rules": {"placeholder": "off"}}');
      assert.deepEqual(
        JSON.parse(run('check', '--format', 'json', '--config', explicit, f).out).map((p: { ruleId: string }) => p.ruleId),
        ['numbering-sequence'],
      );
    });

    it("--fix writes safe fixes back in the file's own encoding, BOM and line endings, changing only markers", () => {
      const original = '一、总体要求\r\n(一)加强领导\r\n(二)完善机制\r\n(四)强化保障\r\nXX市\r\n';
      const f = write('gbk.txt', iconv.encode(original, 'gb18030'));
      const r = run('check', '--fix', f);
      const after = iconv.decode(fs.readFileSync(f), 'gb18030');
      assert.equal(after, '一、总体要求\r\n（一）加强领导\r\n（二）完善机制\r\n（三）强化保障\r\nXX市\r\n');
      assert.equal(r.code, 1); // the placeholder remains: it has no fix
      assert.match(r.err, /已修复/);
      const bom = write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('1、甲\n2、乙\n')]));
      run('check', '--fix', bom);
      assert.deepEqual(fs.readFileSync(bom), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('1.甲\n2.乙\n')]));
    });

    it('--fix leaves unsafe fixes alone', () => {
      const f = write('a.txt', '1.甲\n3.乙\n2.丙\n');
      run('check', '--fix', f);
      assert.equal(fs.readFileSync(f, 'utf8'), '1.甲\n3.乙\n2.丙\n');
    });

    it('--fix-dry-run prints a unified diff and writes nothing', () => {
      const f = write('a.txt', '1、甲\n2、乙\n');
      const r = run('check', '--fix-dry-run', f);
      assert.match(r.out, /^-1、甲$/m);
      assert.match(r.out, /^\+1\.甲$/m);
      assert.equal(fs.readFileSync(f, 'utf8'), '1、甲\n2、乙\n');
    });

    it("--fix-dry-run shows the line endings --fix would write, the last line's too", () => {
      const f = write('a.txt', '1、甲\r\n2、乙\r\n');
      const r = run('check', '--fix-dry-run', f);
      assert.match(r.out, /^\+1\.甲\r$/m);
      assert.match(r.out, /^\+2\.乙\r$/m);
      assert.ok(r.out.endsWith('\r'), JSON.stringify(r.out.slice(-12)));
    });

    it('rejects bad usage with exit 2', () => {
      assert.equal(run('check').code, 2);
      assert.equal(run('check', '--format', 'xml', 'a').code, 2);
      assert.equal(run('check', '--max-warnings', '-1', 'a').code, 2);
      assert.equal(run('frobnicate').code, 2);
      assert.match(run('check', '--bogus', 'a').err, /--help/);
      assert.equal(run('--help').code, 0);
    });
  });

  describe('outline', () => {
    it("prints the conventions' JSON shape", () => {
      const r = run('outline', '--format', 'json', C004);
      assert.equal(r.code, 0);
      const o = JSON.parse(r.out);
      assert.equal(o.file, C004);
      assert.equal(o.documents.length, 1);
      const [d] = o.documents;
      assert.deepEqual(
        [d.kind, d.title, d.line, d.endLine, d.numberingMode],
        ['document', '2024年西安市新城区卫生健康工作计划', 1, 59, { level3: 'continuous', level4: 'none' }],
      );
      const first = d.sections[0];
      assert.deepEqual(
        { ...first, children: first.children.length },
        {
          level: 1,
          depth: 1,
          marker: '一、',
          number: 1,
          title: '建强公共卫生体系',
          line: 3,
          column: 1,
          endLine: 7,
          endColumn: first.endColumn,
          placeholders: 0,
          chars: first.chars,
          children: 2,
        },
      );
      assert.deepEqual(Object.keys(first.children[0]), [
        'level',
        'depth',
        'marker',
        'number',
        'title',
        'line',
        'column',
        'endLine',
        'endColumn',
        'placeholders',
        'chars',
        'children',
      ]);
    });

    it('prints an indented tree with counts', () => {
      const r = run('outline', '--lang', 'zh', C004);
      const lines = r.out.split('\n');
      assert.match(lines[0], /^文档 1: 2024年西安市新城区卫生健康工作计划 {2}\[1-59\] {2}0处占位符 · [\d,]+字$/);
      assert.match(lines[1], /^ {2}一、建强公共卫生体系 {2}\[3:1\] {2}0处占位符 · [\d,]+字$/);
      assert.match(lines[2], /^ {4}1\.提升重大疫情应对能力 {2}\[5:1\]/);
    });
  });
});

describe('the built bin (dist/cli.js) as a process', () => {
  it('checks the corpus, prints JSON on stdout and exits 1', () => {
    const bin = path.join(__dirname, '..', '..', 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json', C004, path.join(CORPUS, '002_3cbf79e9d602b8eb.txt')], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const list = JSON.parse(r.stdout);
    assert.equal(list.filter((p: { ruleId: string }) => p.ruleId === 'placeholder').length, 28);
    assert.equal(
      spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).stdout.trim(),
      JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version,
    );
  });
});
