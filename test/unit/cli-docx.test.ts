/**
 * `.docx` in the CLI: `check`, `outline` and `stats` read Word documents (automatic numbering included) and print
 * positions as paragraph and column; `check --annotate -o` writes a copy with one Word comment per problem, which
 * LibreOffice opens; input the Word reader refuses exits 2 with its reason. Runs the built bin (npm run build), as
 * a user runs it; the annotation part needs LibreOffice (skipped without it, except on CI, where it fails).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '../../src/core';
import { docxToText, readDocx } from '../../src/docx';
import { exportDocx } from '../../src/export';
import { buildDocx, FIXTURE_DIR, p, packageParts, zipParts } from '../../scripts/make-docx-fixtures';
import { odfAnnotations } from './odf-annotations';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'dist', 'cli.js');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const REAL = path.join(ROOT, 'test', 'real', 'texts');
const REPORT = path.join(FIXTURE_DIR, 'cli-report.docx');

/** The text Word displays for cli-report.docx: one paragraph a line, labels in, the line break a line of its own. */
const REPORT_TEXT = [
  '关于2024年工作的报告',
  '一、总体要求',
  'XX市坚持稳中求进。',
  '（一）指导思想',
  '（三）主要目标',
  '二、重点任务',
  '加快  建设现代化产业体系。',
  '1、专项工作',
  '各单位要抓好落实。',
  '由XX牵头。',
].join('\n');

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docx?: { paragraph: number; column: number; endParagraph: number; endColumn: number; inLabel: boolean };
  ruleId: string;
  severity: string;
  message: string;
  messageEn: string;
}

let tmp: string;

function gongwen(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmp, maxBuffer: 256 << 20 });
  return { code: r.status, out: r.stdout.replace(/\n$/, ''), err: r.stderr.replace(/\n$/, '') };
}

const copy = (from: string, name: string): string => {
  const to = path.join(tmp, name);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  return to;
};
const write = (name: string, data: string | Uint8Array): string => {
  const to = path.join(tmp, name);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, data);
  return to;
};
const json = (r: { out: string }): JsonProblem[] => JSON.parse(r.out);

/** An OLE compound file's header and one directory entry named `stream`, as Word 97–2003 files begin. */
function oleFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(new Uint8Array(Buffer.from(stream, 'utf16le')), 1024);
  return bytes;
}

/** A copy of a ZIP whose central directory declares `size` unpacked bytes for its entry `name` (a ZIP bomb's mark). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const needle = Buffer.from(name);
  for (let at = 0; at + 46 < out.length; at++) {
    const central = out[at] === 0x50 && out[at + 1] === 0x4b && out[at + 2] === 1 && out[at + 3] === 2;
    if (central && Buffer.from(out.subarray(at + 46, at + 46 + needle.length)).equals(needle)) {
      new DataView(out.buffer).setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no directory entry ${name}`);
}

describe('CLI on .docx (dist/cli.js)', function () {
  this.timeout(120_000);
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-docx-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('check', () => {
    it('prints each problem at 段N:列M, the label’s problems at the paragraph’s first column, and exits 1', () => {
      const f = copy(REPORT, 'draft.docx');
      const r = gongwen('check', '--lang', 'zh', 'draft.docx');
      assert.equal(r.code, 1, r.err);
      assert.equal(r.err, '');
      assert.deepEqual(r.out.split('\n'), [
        'draft.docx:段3:列1  error  未填写的占位符“XX”：提交前请填写实际内容（写作惯例）  placeholder',
        'draft.docx:段5:列1  warning  编号跳号：（一）之后应为（二），此处为（三）（GB/T 9704-2012 第7.3.3条）  numbering-sequence',
        'draft.docx:段7:列3  warning  中文之间有多余的空格，公文中应删除（写作惯例）  spacing',
        'draft.docx:段8:列1  warning  编号“1、”不规范，应为“1.”（GB/T 9704-2012 第7.3.3条）  numbering-style',
        'draft.docx:段8:列1  info  越级编号：1、直接位于二、之下，而本文其他部分在此使用“（一）”一级（GB/T 9704-2012 第7.3.3条）  numbering-hierarchy',
        // The second line of paragraph 9 (after a line break, which counts one column): 各单位要抓好落实。⏎由XX
        'draft.docx:段9:列12  error  未填写的占位符“XX”：提交前请填写实际内容（写作惯例）  placeholder',
        '共 6 个问题（2 个错误，3 个警告，1 个提示），检查了 1 个文件',
      ]);
      assert.ok(fs.existsSync(f));
    });

    it('speaks English positions with --lang en', () => {
      copy(REPORT, 'draft.docx');
      const lines = gongwen('check', '--lang', 'en', 'draft.docx').out.split('\n');
      assert.match(lines[0], /^draft\.docx:para3:col1 {2}error {2}Unfilled placeholder "XX".* {2}placeholder$/);
      assert.match(lines[5], /^draft\.docx:para9:col12 {2}error /);
    });

    it('adds docx {paragraph, column, endParagraph, endColumn, inLabel} (1-based, end exclusive) beside the extracted text’s line and column', () => {
      copy(REPORT, 'draft.docx');
      const list = json(gongwen('check', '--format', 'json', 'draft.docx'));
      assert.deepEqual(
        list.map((q) => [q.ruleId, q.line, q.column, q.endLine, q.endColumn, q.docx]),
        [
          ['placeholder', 3, 1, 3, 3, { paragraph: 3, column: 1, endParagraph: 3, endColumn: 3, inLabel: false }],
          ['numbering-sequence', 5, 1, 5, 4, { paragraph: 5, column: 1, endParagraph: 5, endColumn: 4, inLabel: false }],
          ['spacing', 7, 3, 7, 5, { paragraph: 7, column: 3, endParagraph: 7, endColumn: 5, inLabel: false }],
          // 1、 is Word's automatic label: none of its characters is the paragraph's, so its span is the start.
          ['numbering-style', 8, 1, 8, 3, { paragraph: 8, column: 1, endParagraph: 8, endColumn: 1, inLabel: true }],
          ['numbering-hierarchy', 8, 1, 8, 3, { paragraph: 8, column: 1, endParagraph: 8, endColumn: 1, inLabel: true }],
          ['placeholder', 10, 2, 10, 4, { paragraph: 9, column: 12, endParagraph: 9, endColumn: 14, inLabel: false }],
        ],
      );
      assert.deepEqual(Object.keys(list[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'docx', 'ruleId', 'severity', 'message', 'messageEn']);
    });

    it('gives the same problems as the same report in a .txt, at the mapped positions', () => {
      copy(REPORT, 'draft.docx');
      write('draft.txt', REPORT_TEXT);
      const fromDocx = json(gongwen('check', '--format', 'json', 'draft.docx'));
      const fromText = json(gongwen('check', '--format', 'json', 'draft.txt'));
      const strip = ({ line, column, endLine, endColumn, ruleId, severity, message, messageEn }: JsonProblem) => ({
        line,
        column,
        endLine,
        endColumn,
        ruleId,
        severity,
        message,
        messageEn,
      });
      assert.deepEqual(fromDocx.map(strip), fromText.map(strip));
      assert.ok(fromText.every((q) => q.docx === undefined));
    });

    it('gives corpus 004’s problems from its Word export as from its .txt, each at its characters’ paragraph and column', async () => {
      const source = fs.readFileSync(path.join(CORPUS, '004_503d8dbb8d0f1449.txt'), 'utf8');
      const bytes = await exportDocx(parse(source, 'text'), 0);
      write('004.docx', bytes);
      copy(path.join(CORPUS, '004_503d8dbb8d0f1449.txt'), '004.txt');
      const fromDocx = json(gongwen('check', '--format', 'json', '004.docx'));
      const fromText = json(gongwen('check', '--format', 'json', '004.txt'));
      assert.ok(fromText.length > 10, `${fromText.length} problems`);
      assert.deepEqual(
        fromDocx.map((q) => [q.ruleId, q.severity, q.message]),
        fromText.map((q) => [q.ruleId, q.severity, q.message]),
      );
      // The export leaves blank lines out and makes a run-in heading two paragraphs (a style separator between):
      // each problem's paragraph is (part of) its line, and its column that of the line.
      const paragraphs = readDocx(bytes).paragraphs;
      const sourceLines = source.split(/\r?\n/);
      let inRunInBody = 0;
      fromDocx.forEach((q, i) => {
        const paragraph = paragraphs[q.docx!.paragraph - 1];
        const line = sourceLines[fromText[i].line - 1];
        const inLine = line.indexOf(paragraph.label + paragraph.text);
        assert.ok(inLine >= 0, `problem ${i}: paragraph ${q.docx!.paragraph} is (part of) line ${fromText[i].line}`);
        assert.equal(inLine + paragraph.label.length + q.docx!.column, fromText[i].column, `problem ${i}: the same column`);
        if (inLine > 0) inRunInBody++;
      });
      assert.ok(inRunInBody > 0, 'some problems lie in the body of a run-in heading');
    });

    it('checks the .docx files of a folder beside its reports, leaving out Word’s owner files (~$…)', () => {
      copy(REPORT, 'reports/draft.docx');
      write('reports/~$draft.docx', Buffer.from([0x05, 0x00, 0x41, 0x00]));
      write('reports/plan.txt', '一、总体要求\nXX市\n');
      write('reports/notes.docm', 'not looked at in a folder');
      const r = gongwen('check', '--format', 'json', 'reports');
      assert.equal(r.code, 1);
      assert.equal(r.err, '');
      const files = [...new Set(json(r).map((q) => q.file))];
      assert.deepEqual(files, [path.join('reports', 'draft.docx'), path.join('reports', 'plan.txt')]);
    });

    it('prints the same output from --cache, keyed on the .docx bytes (a changed document is checked afresh)', () => {
      const f = copy(REPORT, 'draft.docx');
      const first = gongwen('check', '--lang', 'zh', '--cache', 'draft.docx');
      const cache = JSON.parse(fs.readFileSync(path.join(tmp, '.gongwencache'), 'utf8'));
      const entry = cache.entries[fs.realpathSync(f)] ?? cache.entries[path.resolve(f)];
      assert.equal(entry.table.docx.length, 6 * 5, 'the cache keeps each problem’s paragraph and column');
      assert.deepEqual(gongwen('check', '--lang', 'zh', '--cache', 'draft.docx'), first);
      assert.deepEqual(gongwen('check', '--lang', 'zh', '--cache', '--format', 'json', 'draft.docx'), gongwen('check', '--format', 'json', 'draft.docx'));
      // Another document of the same name: its own problem, not the cached ones.
      fs.writeFileSync(f, buildDocx({ body: p('一、总体要求') + p('加强XX建设。') }));
      const changed = gongwen('check', '--lang', 'zh', '--cache', 'draft.docx');
      assert.equal(changed.out.split('\n')[0], 'draft.docx:段2:列3  error  未填写的占位符“XX”：提交前请填写实际内容（写作惯例）  placeholder');
      assert.equal(changed.out.split('\n').length, 2);
    });

    it('does not --fix a .docx: says so, checks it, leaves its bytes, fixes the .txt beside it, exits 2', () => {
      const f = copy(REPORT, 'draft.docx');
      const txt = write('plan.txt', '一、总体要求\n加快  建设。\n');
      const before = fs.readFileSync(f);
      const r = gongwen('check', '--fix', '--lang', 'zh', 'draft.docx', 'plan.txt');
      assert.equal(r.code, 2);
      assert.match(r.err, /^draft\.docx：--fix 不能用于 Word 文档（修复是对提取出的文本的修改，无法写回 Word 的文字块），已检查，未修改；.*--annotate -o/m);
      assert.match(r.err, /^plan\.txt：已修复 1 处$/m);
      assert.match(r.out, /^draft\.docx:段3:列1 {2}error/m);
      assert.deepEqual(fs.readFileSync(f), before);
      assert.equal(fs.readFileSync(txt, 'utf8'), '一、总体要求\n加快建设。\n');
      const dry = gongwen('check', '--fix-dry-run', '--lang', 'en', 'draft.docx');
      assert.equal(dry.code, 2);
      assert.match(dry.err, /^draft\.docx: --fix-dry-run does not apply to Word documents/);
      assert.deepEqual(fs.readFileSync(f), before);
    });
  });

  describe('bad input', () => {
    const BAD: Array<[string, () => Uint8Array, RegExp, RegExp]> = [
      [
        'legacy.docx',
        () => oleFile('WordDocument'),
        /^legacy\.docx：这是旧版 Word 二进制文档（\.doc）/,
        /^legacy\.docx: This is a Word 97–2003 binary document \(\.doc\)/,
      ],
      ['old.doc', () => oleFile('WordDocument'), /^old\.doc：这是旧版 Word 二进制文档（\.doc）/, /^old\.doc: This is a Word 97–2003 binary document/],
      ['locked.docx', () => oleFile('EncryptedPackage'), /^locked\.docx：文档已加密（设有打开密码）/, /^locked\.docx: The document is encrypted/],
      [
        'macros.docm',
        () => buildDocx({ body: p('含宏文档'), mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml' }),
        /^macros\.docm：这是启用宏的 Word 文档（\.docm，内含 VBA 宏）：本工具从不运行宏/,
        /^macros\.docm: This is a macro-enabled Word document \(\.docm/,
      ],
      [
        'renamed-docm.docx',
        () => zipParts({ ...packageParts({ body: p('含宏文档') }), 'word/vbaProject.bin': new Uint8Array(64).fill(7) }),
        /^renamed-docm\.docx：这是启用宏的 Word 文档/,
        /^renamed-docm\.docx: This is a macro-enabled Word document/,
      ],
      [
        'random.docx',
        () => new Uint8Array(2048).map((_, i) => (i * 131 + 7) % 251),
        /^random\.docx：这不是 Word 文档（\.docx）：文件不是 ZIP 格式/,
        /^random\.docx: This is not a Word document/,
      ],
      [
        'truncated.docx',
        () => fs.readFileSync(REPORT).subarray(0, 400),
        /^truncated\.docx：文件已损坏，无法作为 \.docx 读取：找不到 ZIP 目录/,
        /^truncated\.docx: The file is damaged and cannot be read as a \.docx/,
      ],
      [
        'bomb.docx',
        () => declareSize(fs.readFileSync(REPORT), 'word/document.xml', 65 * 1024 * 1024),
        /^bomb\.docx：文档部件 word\/document\.xml 解压后为 65 MB，超过 64 MB 的上限（可能是 ZIP 炸弹）/,
        /^bomb\.docx: The part word\/document\.xml unpacks to 65 MB, over the limit of 64 MB/,
      ],
    ];

    for (const [name, make, zh, en] of BAD) {
      it(`${name}: its reason on stderr, exit 2, the other files still checked`, () => {
        write(name, make());
        write('plan.txt', '一、总体要求\nXX市\n');
        const r = gongwen('check', '--lang', 'zh', name, 'plan.txt');
        assert.equal(r.code, 2);
        const err = r.err.split('\n');
        assert.equal(err.length, 1, r.err);
        assert.match(err[0], zh);
        assert.match(r.out, /^plan\.txt:2:1 {2}error {2}未填写的占位符/m);
        assert.match(r.out, /检查了 1 个文件$/);
        assert.match(gongwen('check', '--lang', 'en', name).err, en);
      });
    }

    it('writes no annotated copy of a refused document', () => {
      write('legacy.docx', oleFile('WordDocument'));
      const r = gongwen('check', '--lang', 'zh', '--annotate', '-o', 'legacy.checked.docx', 'legacy.docx');
      assert.equal(r.code, 2);
      assert.match(r.err, /^legacy\.docx：这是旧版 Word 二进制文档/);
      assert.ok(!fs.existsSync(path.join(tmp, 'legacy.checked.docx')));
    });

    it('exits 2 on a refused document in outline and stats too', () => {
      write('legacy.docx', oleFile('WordDocument'));
      copy(REPORT, 'draft.docx');
      const outline = gongwen('outline', '--lang', 'zh', 'legacy.docx');
      assert.equal(outline.code, 2);
      assert.match(outline.err, /^legacy\.docx：这是旧版 Word 二进制文档/);
      const stats = gongwen('stats', '--format', 'json', 'legacy.docx', 'draft.docx');
      assert.equal(stats.code, 2);
      assert.deepEqual(
        JSON.parse(stats.out).map((s: { file: string }) => s.file),
        ['draft.docx'],
      );
    });
  });

  describe('outline, stats and export', () => {
    it('outlines a .docx with its paragraphs: [段N:列M] in text, docx {…} beside the lines in JSON', () => {
      copy(REPORT, 'draft.docx');
      const text = gongwen('outline', '--lang', 'zh', 'draft.docx');
      assert.equal(text.code, 0, text.err);
      const lines = text.out.split('\n');
      assert.match(lines[0], /^文档 1: 关于2024年工作的报告 {2}\[段1-9\] {2}2处占位符 · /);
      assert.match(lines[1], /^ {2}一、总体要求 {2}\[段2:列1\]/);
      assert.match(lines[2], /^ {4}（一）指导思想 {2}\[段4:列1\]/);
      const o = JSON.parse(gongwen('outline', '--format', 'json', 'draft.docx').out);
      assert.deepEqual(o.documents[0].docx, { paragraph: 1, endParagraph: 9 });
      const second = o.documents[0].sections[1];
      assert.equal(second.title, '重点任务');
      assert.equal(second.line, 6);
      // The section runs to the end of the document: paragraph 9, 各单位要抓好落实。⏎由XX牵头。 (16 columns).
      assert.deepEqual(second.docx, { paragraph: 6, column: 1, endParagraph: 9, endColumn: 17 });
    });

    it('counts a .docx like its text, its rows at paragraphs', () => {
      copy(REPORT, 'draft.docx');
      write('draft.txt', REPORT_TEXT);
      const fromDocx = JSON.parse(gongwen('stats', '--format', 'json', 'draft.docx').out);
      const fromText = JSON.parse(gongwen('stats', '--format', 'json', 'draft.txt').out);
      const counts = (d: { zishu: number; han: number; paragraphs: number; pages: number }) => [d.zishu, d.han, d.paragraphs, d.pages];
      assert.deepEqual(counts(fromDocx.documents[0]), counts(fromText.documents[0]));
      assert.deepEqual(fromDocx.documents[0].docx, { paragraph: 1 });
      assert.deepEqual(
        fromDocx.documents[0].sections.map((s: { line: number; docx: unknown }) => [s.line, s.docx]),
        [
          [2, { paragraph: 2 }],
          [6, { paragraph: 6 }],
        ],
      );
      const table = gongwen('stats', '--lang', 'zh', 'draft.docx').out.split('\n');
      assert.match(table[1], /^ +段 +字数 +汉字 +段落 +页数$/);
      assert.match(table[3], /^ {4}一、总体要求 +2 /);
    });

    it('does not export a .docx (its copy would be written over it)', () => {
      const f = copy(REPORT, 'draft.docx');
      const before = fs.readFileSync(f);
      const r = gongwen('export', '--lang', 'zh', 'draft.docx');
      assert.equal(r.code, 2);
      assert.match(r.err, /^draft\.docx：export 导出文本报告（\.txt \.md \.gw）；Word 文档请用 gongwen check --annotate -o/);
      assert.deepEqual(fs.readFileSync(f), before);
    });
  });

  describe('--annotate: usage', () => {
    it('needs -o, one .docx, no fixing, and a copy that is not the input', () => {
      const f = copy(REPORT, 'draft.docx');
      fs.symlinkSync('draft.docx', path.join(tmp, 'link.docx'));
      fs.linkSync(f, path.join(tmp, 'hard.docx'));
      write('plan.txt', '一、总体要求\n');
      fs.mkdirSync(path.join(tmp, 'out'));
      const before = fs.readFileSync(f);
      const cases: Array<[string[], RegExp]> = [
        [['--annotate', 'draft.docx'], /--annotate 需要 -o 指定副本的文件名/],
        [['--annotate', '-o', 'a.docx', 'plan.txt'], /--annotate 只用于一个 \.docx 文件/],
        [['--annotate', '-o', 'a.docx', 'draft.docx', 'draft.docx'], /--annotate 只用于一个 \.docx 文件/],
        [['--annotate', '--fix', '-o', 'a.docx', 'draft.docx'], /--annotate 不能与 --fix、--fix-dry-run 同用/],
        [['--annotate', '-o', 'draft.docx', 'draft.docx'], /-o draft\.docx 就是输入文件 draft\.docx：--annotate 从不改写原文件/],
        [['--annotate', '-o', './draft.docx', 'draft.docx'], /就是输入文件/],
        [['--annotate', '-o', 'link.docx', 'draft.docx'], /-o link\.docx 就是输入文件/],
        [['--annotate', '-o', 'hard.docx', 'draft.docx'], /-o hard\.docx 就是输入文件/],
        [['--annotate', '-o', 'out', 'draft.docx'], /-o out 是目录/],
        [['-o', 'a.docx', 'draft.docx'], /-o 只用于 export 和 check --annotate/],
      ];
      for (const [args, message] of cases) {
        const r = gongwen('check', '--lang', 'zh', ...args);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.err, message, args.join(' '));
        assert.equal(r.out, '', args.join(' '));
      }
      assert.match(gongwen('outline', '--annotate', 'draft.docx').err, /--annotate/);
      assert.deepEqual(fs.readFileSync(f), before);
      assert.ok(!fs.existsSync(path.join(tmp, 'a.docx')));
    });
  });
});

const byText = <T extends { text: string; anchored: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => (a.text + a.anchored < b.text + b.anchored ? -1 : a.text + a.anchored > b.text + b.anchored ? 1 : 0));

describe('CLI --annotate: the copy as LibreOffice opens it (dist/cli.js)', function () {
  this.timeout(240_000);
  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const SOFFICE = ['soffice', 'libreoffice'].find(has);
  const originals: Record<string, Buffer> = {};
  let results: Record<string, { code: number | null; out: string; err: string }>;
  let fodt: Record<string, string>;
  let corpus: JsonProblem[];

  before(async function () {
    if (!SOFFICE) {
      if (process.env.CI) throw new Error('the annotation test needs LibreOffice on CI: apt-get install libreoffice-writer-nogui');
      console.log('      (skipped: LibreOffice not installed; apt-get install libreoffice-writer-nogui)');
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-annotate-'));
    copy(REPORT, 'draft.docx');
    const source = fs.readFileSync(path.join(CORPUS, '004_503d8dbb8d0f1449.txt'), 'utf8');
    write('004.docx', await exportDocx(parse(source, 'text'), 0));
    for (const name of ['draft.docx', '004.docx']) originals[name] = fs.readFileSync(path.join(tmp, name));
    results = {
      draft: gongwen('check', '--annotate', '-o', 'draft.checked.docx', '--lang', 'zh', 'draft.docx'),
      draftEn: gongwen('check', '--annotate', '-o', 'draft.en.docx', '--lang', 'en', '--format', 'json', 'draft.docx'),
      corpus: gongwen('check', '--annotate', '-o', '004.checked.docx', '--lang', 'zh', '--format', 'json', '004.docx'),
    };
    corpus = JSON.parse(results.corpus.out);
    const outputs = ['draft.checked.docx', 'draft.en.docx', '004.checked.docx'].map((f) => path.join(tmp, f));
    const args = [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', path.join(tmp, 'fodt'), ...outputs];
    const r = spawnSync(SOFFICE, args, { encoding: 'utf8', timeout: 200_000 });
    assert.equal(r.status, 0, r.stderr);
    fodt = Object.fromEntries(['draft.checked', 'draft.en', '004.checked'].map((n) => [n, fs.readFileSync(path.join(tmp, 'fodt', `${n}.fodt`), 'utf8')]));
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('prints the check as usual, says where the copy went, exits as the check does', () => {
    assert.equal(results.draft.code, 1);
    assert.equal(results.draft.err, 'draft.checked.docx：已写入 draft.docx 的副本，含 6 条批注');
    assert.match(results.draft.out, /^draft\.docx:段3:列1 {2}error/);
    assert.equal(results.draftEn.err, 'draft.en.docx: wrote a copy of draft.docx with 6 comments');
    assert.equal(results.corpus.code, corpus.some((q) => q.severity === 'error') ? 1 : 0);
    assert.equal(results.corpus.err, `004.checked.docx：已写入 004.docx 的副本，含 ${corpus.length} 条批注`);
  });

  it('never writes the original', () => {
    for (const [name, bytes] of Object.entries(originals)) assert.deepEqual(fs.readFileSync(path.join(tmp, name)), bytes, name);
  });

  it('opens with one comment per problem, by 公文写作助手, in the run’s language, on the problem’s characters', () => {
    const zh = (q: string, rule: string) => `${q}\n${rule}`;
    const draft = JSON.parse(gongwen('check', '--format', 'json', 'draft.docx').out) as JsonProblem[];
    // Comments on one point (the two on paragraph 8's label) come in either order.
    assert.deepEqual(
      byText(odfAnnotations(fodt['draft.checked'])),
      byText([
        { creator: '公文写作助手', text: zh(draft[0].message, 'placeholder'), anchored: 'XX' },
        { creator: '公文写作助手', text: zh(draft[1].message, 'numbering-sequence'), anchored: '（三）' },
        { creator: '公文写作助手', text: zh(draft[2].message, 'spacing'), anchored: '  ' },
        // On Word's automatic label 1、: a comment at the paragraph's start.
        { creator: '公文写作助手', text: zh(draft[3].message, 'numbering-style'), anchored: '' },
        { creator: '公文写作助手', text: zh(draft[4].message, 'numbering-hierarchy'), anchored: '' },
        { creator: '公文写作助手', text: zh(draft[5].message, 'placeholder'), anchored: 'XX' },
      ]),
    );
    assert.deepEqual(
      odfAnnotations(fodt['draft.en'])
        .map((a) => a.text)
        .sort(),
      draft.map((q) => `${q.messageEn}\n${q.ruleId}`).sort(),
    );
  });

  it('comments a real report: one comment per problem of corpus 004, each anchored on the characters the problem names', () => {
    const annotations = odfAnnotations(fodt['004.checked']);
    assert.ok(corpus.length > 10);
    const doc = readDocx(originals['004.docx']);
    const lines = docxToText(doc).text.split('\n');
    let crossing = 0;
    const expected = corpus.map((q) => {
      const named = lines[q.line - 1].slice(q.column - 1, q.endLine === q.line ? q.endColumn - 1 : undefined);
      const span = q.docx!;
      // A comment is anchored in one paragraph: a range running on into the next (a run-in heading's title and its
      // body, two paragraphs in Word) is anchored to the end of the paragraph it starts in.
      if (span.endParagraph !== span.paragraph) crossing++;
      const anchored = span.inLabel ? '' : span.endParagraph === span.paragraph ? named : doc.paragraphs[span.paragraph - 1].text.slice(span.column - 1);
      if (!span.inLabel) assert.ok(named.startsWith(anchored), `${q.ruleId} at ${q.line}:${q.column}`);
      return { creator: '公文写作助手', text: `${q.message}\n${q.ruleId}`, anchored };
    });
    assert.ok(crossing > 0 && crossing < corpus.length / 2, `${crossing} problems run into a second paragraph`);
    assert.deepEqual(byText(annotations), byText(expected));
  });
});

describe('CLI on .docx with worker threads (dist/cli.js)', function () {
  this.timeout(120_000);
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints the same output, stderr and exit code on 1 and 3 threads, Word documents and refused ones included', () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-docx-workers-'));
    for (const name of fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'))) copy(path.join(REAL, name), path.join('reports', name));
    for (let i = 1; i <= 6; i++) copy(REPORT, path.join('reports', `draft-${i}.docx`));
    write(path.join('reports', 'legacy.docx'), oleFile('WordDocument'));
    const preload = write(
      'count-workers.js',
      `const wt = require('node:worker_threads'); const fs = require('node:fs');
if (wt.isMainThread) { const Base = wt.Worker; wt.Worker = class extends Base { constructor(...a) { super(...a); fs.appendFileSync(${JSON.stringify(path.join(tmp, 'workers.log'))}, 'w\\n'); } }; }`,
    );
    const run = (jobs: string) => {
      fs.rmSync(path.join(tmp, 'workers.log'), { force: true });
      const r = spawnSync(process.execPath, ['--require', preload, BIN, 'check', '--format', 'json', '--jobs', jobs, 'reports'], {
        encoding: 'utf8',
        cwd: tmp,
        maxBuffer: 256 << 20,
      });
      const log = path.join(tmp, 'workers.log');
      return {
        code: r.status,
        out: r.stdout,
        err: r.stderr,
        workers: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0,
      };
    };
    const serial = run('1');
    const parallel = run('3');
    assert.equal(serial.workers, 0);
    assert.equal(parallel.workers, 2);
    assert.equal(serial.code, 2);
    assert.match(serial.err, /^reports\/legacy\.docx：这是旧版 Word 二进制文档/);
    const list = JSON.parse(serial.out) as JsonProblem[];
    assert.equal(list.filter((q) => q.file === path.join('reports', 'draft-6.docx')).length, 6);
    assert.equal(list.filter((q) => q.docx).length, 36);
    assert.equal(parallel.code, serial.code);
    assert.equal(parallel.err, serial.err);
    assert.ok(parallel.out === serial.out, 'stdout differs between 1 and 3 threads');
  });
});
