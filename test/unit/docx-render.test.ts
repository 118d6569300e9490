/**
 * The reader's numbering labels against LibreOffice's rendering of the same files: each fixture of
 * scripts/make-docx-fixtures.ts is converted to text by `soffice --headless --convert-to txt:Text`, and every
 * paragraph's label and text must equal LibreOffice's line. LibreOffice also writes each fixture back as a .docx
 * of its own making (its numbering.xml, its styles), which the reader must read to the same lines: files made by
 * another Word-compatible writer.
 *
 * Needs `soffice` (Debian: libreoffice-writer-nogui or libreoffice-writer). Without it the suite is skipped, except
 * on CI (`CI` set), where it fails: CI installs it.
 *
 * How LibreOffice's text export writes a numbered paragraph: indented by level, the label, one space (whatever the
 * level's w:suff), the text; every bullet as •. Where LibreOffice 7.4 numbers differently from Word, the reader
 * keeps Word's numbering and the difference is listed in KNOWN_DIFFERENCES, both sides pinned: if LibreOffice
 * changes, this test says so.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocx, type DocxParagraph } from '../../src/docx';
import { FIXTURE_DIR, RENDERED } from '../../scripts/make-docx-fixtures';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const SOFFICE = ['soffice', 'libreoffice'].find(has);
const PACKAGES = 'libreoffice-writer-nogui (or libreoffice-writer)';

/**
 * Paragraphs LibreOffice 7.4 renders differently from Word, by fixture and paragraph index: [the reader's line
 * (Word's numbering), LibreOffice's line].
 * - `w:lvlRestart` is ignored by LibreOffice 7.4: every level restarts under its parent.
 * - `w:isLgl` is ignored by LibreOffice 7.4: the chapter stays 一 in 一.1.
 * - A level skipped or used before its parents counts as used in LibreOffice (it makes a phantom parent), so the
 *   parent's next number is one higher; Word counts only the paragraphs there are, and shows an unused level as 0.
 */
const KNOWN_DIFFERENCES: Record<string, Record<number, [string, string]>> = {
  'restart-level.docx': { 6: ['2. 提振大宗消费。', '1. 提振大宗消费。'], 7: ['（2） 汽车消费', '（1） 汽车消费'] },
  'legal.docx': {
    2: ['1.1 目的', '一.1 目的'],
    3: ['1.2 依据', '一.2 依据'],
    4: ['1.2.1 适用范围', '一.2.1 适用范围'],
    6: ['2.1 部门职责', '二.1 部门职责'],
  },
  'skipped-levels.docx': {
    2: ['一、 总体要求', '二、 总体要求'],
    3: ['0.1. 越级的三级标题', '一.1. 越级的三级标题'],
    4: ['（一） 二级标题', '（二） 二级标题'],
    5: ['一.1. 三级标题', '二.1. 三级标题'],
  },
};

/**
 * The same for the files LibreOffice writes back: it writes what it rendered (no w:lvlRestart, no w:isLgl), so
 * only the skipped levels still differ.
 */
const KNOWN_DIFFERENCES_WRITTEN_BACK: Record<string, Record<number, [string, string]>> = {
  'skipped-levels.docx': KNOWN_DIFFERENCES['skipped-levels.docx'],
};

/** A paragraph as LibreOffice's text export writes it (indentation aside). */
const asRendered = (q: DocxParagraph): string => {
  if (!q.label) return q.text;
  return `${q.numbering?.format === 'bullet' ? '•' : q.label} ${q.text}`;
};

/** Each paragraph as the reader has it against LibreOffice's line, Word's numbering where the two are known to differ. */
function compare(name: string, paragraphs: DocxParagraph[], lines: string[], known: Record<number, [string, string]> = {}): void {
  for (const q of paragraphs) {
    const [word, libreoffice] = known[q.index] ?? [asRendered(q), asRendered(q)];
    assert.equal(asRendered(q), word, `${name} paragraph ${q.index}: the reader`);
    assert.equal(lines[q.index - 1], libreoffice, `${name} paragraph ${q.index}: LibreOffice`);
  }
  assert.ok(
    lines.slice(paragraphs.length).every((l) => l === ''),
    `${name}: no line left over`,
  );
  assert.ok(
    paragraphs.some((q) => q.label),
    `${name} has numbered paragraphs`,
  );
}

const renderedLines = (file: string): string[] =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim());

describe('docx reader: numbering labels as LibreOffice renders them', function () {
  this.timeout(180_000);
  let tmp: string;

  const soffice = (args: string[]) => {
    // A profile of its own: no clash with a running LibreOffice or another test, nothing left in $HOME.
    const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${tmp}/profile`, '--headless', ...args], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(r.status, 0, `soffice ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
  };

  before(function () {
    if (!SOFFICE) {
      if (process.env.CI) throw new Error(`the rendering test needs LibreOffice on CI: apt-get install ${PACKAGES}`);
      console.log(`      (skipped: LibreOffice not installed; apt-get install ${PACKAGES})`);
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-docx-render-'));
    const inputs = RENDERED.map((f) => path.join(FIXTURE_DIR, f));
    fs.mkdirSync(path.join(tmp, 'lo'));
    soffice(['--convert-to', 'txt:Text', '--outdir', tmp, ...inputs]);
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(tmp, 'lo'), ...inputs]);
    soffice(['--convert-to', 'txt:Text', '--outdir', path.join(tmp, 'lo'), ...RENDERED.map((f) => path.join(tmp, 'lo', f))]);
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const name of RENDERED) {
    it(`${name}: every label and text as LibreOffice renders it, Word's numbering where the two differ`, () => {
      const doc = readDocx(fs.readFileSync(path.join(FIXTURE_DIR, name)));
      compare(name, doc.paragraphs, renderedLines(path.join(tmp, name.replace(/\.docx$/, '.txt'))), KNOWN_DIFFERENCES[name]);
    });

    it(`${name} as LibreOffice writes it back (its own numbering.xml): read as LibreOffice renders that file`, () => {
      const doc = readDocx(fs.readFileSync(path.join(tmp, 'lo', name)));
      compare(name, doc.paragraphs, renderedLines(path.join(tmp, 'lo', name.replace(/\.docx$/, '.txt'))), KNOWN_DIFFERENCES_WRITTEN_BACK[name]);
    });
  }
});
