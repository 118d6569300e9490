/**
 * The export rendered for real: LibreOffice (headless) converts the .docx of corpus report 004 to PDF, and poppler's
 * pdfinfo / pdftotext read the result back.
 *
 * Needs `soffice` (Debian: libreoffice-writer-nogui or libreoffice-writer) and poppler-utils. Without them the
 * suite is skipped, except on CI (`CI` set), where it fails: CI installs them.
 *
 * The Chinese fonts the export names (仿宋_GB2312, 黑体, 楷体, 方正小标宋简体) are not free and not installed:
 * LibreOffice substitutes what it has, so this checks geometry, text and numbering, not the fonts' look (the unit
 * tests check the font names in the XML).
 *
 * What LibreOffice does differently from Word, measured here rather than assumed:
 * - The character grid: Word adds the grid's −0.2 pt to each character's advance, 28 characters a line. LibreOffice
 *   7.4 snaps characters to grid cells instead and gives a 16 pt character that does not fit a 15.8 pt cell two of
 *   them: 14 a line. The expected page count is therefore worked out at the line width the renderer actually set.
 * - The style separator of run-in headings (`w:specVanish`): LibreOffice 7.4 ignores it and starts the body on a
 *   line of its own; the expectation follows what the rendering shows.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '../../src/core';
import { exportDocx, recogniseParts } from '../../src/export';
import { textWidth, type DocumentParts } from '../../src/core/structure/parts';
import * as L from '../../src/export/layout';

const C004 = path.join(__dirname, '..', 'fixtures', 'corpus', '004_503d8dbb8d0f1449.txt');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const SOFFICE = ['soffice', 'libreoffice'].find(has);
const TOOLS = SOFFICE !== undefined && has('pdftotext') && has('pdfinfo');
const PACKAGES = 'libreoffice-writer-nogui (or libreoffice-writer) and poppler-utils';

const sh = (cmd: string, args: string[], timeout = 60_000): string => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
};

/** Full-width characters count 1, others (Latin, digits, ASCII punctuation) ½; spaces nothing. */
const lineWidth = (s: string) => textWidth(s.replace(/\s+/g, ''));

/** The most frequent (rounded) width among the long lines of the body: the characters a line the renderer set. */
function charactersPerLine(layout: string): number {
  const counts = new Map<number, number>();
  for (const line of layout.split('\n')) {
    const w = Math.round(lineWidth(line));
    if (w >= 10) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/**
 * Pages at 22 lines a page and `n` characters a line: the title and the blank line under it, then each paragraph
 * from two characters in (GB/T 9704 §5.2, §7.3.3); a run-in heading's body on its own lines where `joined` is false.
 */
function expectedPages(parts: DocumentParts, n: number, joined: boolean): number {
  let lines = parts.title ? 2 : 0;
  for (const b of parts.body) {
    if (b.kind === 'paragraph') lines += Math.ceil((2 + textWidth(b.text)) / n);
    else if (b.kind === 'heading') {
      if (!b.body) lines += Math.ceil((2 + textWidth(b.text)) / n);
      else if (joined) lines += Math.ceil((2 + textWidth(b.text) + textWidth(b.body)) / n);
      else lines += Math.ceil((2 + textWidth(b.text)) / n) + Math.ceil(textWidth(b.body) / n);
    }
  }
  return Math.ceil(lines / L.LINES_PER_PAGE);
}

describe('export: rendered by LibreOffice (PDF)', function () {
  this.timeout(180_000);
  let tmp: string;
  let pdf: string;
  let seconds: number;

  before(async function () {
    if (!TOOLS) {
      if (process.env.CI) throw new Error(`the rendering test needs LibreOffice and poppler-utils on CI: apt-get install ${PACKAGES}`);
      console.log(`      (skipped: LibreOffice or poppler-utils not installed; apt-get install ${PACKAGES})`);
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-render-'));
    const model = parse(fs.readFileSync(C004, 'utf8'), 'text');
    const docx = path.join(tmp, '004.docx');
    fs.writeFileSync(docx, await exportDocx(model, 0));
    const started = Date.now();
    // A profile of its own: no clash with a running LibreOffice or another test, nothing left in $HOME.
    sh(SOFFICE, [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], 150_000);
    seconds = (Date.now() - started) / 1000;
    pdf = path.join(tmp, '004.pdf');
    assert.ok(fs.existsSync(pdf), 'LibreOffice wrote the PDF');
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps the text, the headings and the numbering', () => {
    // Layout mode keeps each line's characters together (LibreOffice spreads them over the grid cells), then lines join.
    const text = sh('pdftotext', ['-layout', pdf, '-']).replace(/\s+/g, '');
    for (const s of [
      '2024年西安市新城区卫生健康工作计划',
      '一、建强公共卫生体系',
      '七、强化卫生健康事业支撑保障',
      '1.提升重大疫情应对能力。',
      '21.统筹做好其他工作',
      '全面加强基层医疗机构精细化管理。',
    ]) {
      assert.ok(text.includes(s), `the PDF holds “${s}”`);
    }
  });

  it('is A4, 22 lines a page, and as many pages as 22 lines a page take at the line width it set (±1)', () => {
    const info = sh('pdfinfo', [pdf]);
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const layout = sh('pdftotext', ['-layout', pdf, '-']);
    const n = charactersPerLine(layout);
    const joined = layout.split('\n').some((l) => /1\.提升重大疫情应对能力。.+/.test(l.replace(/\s+/g, '')));
    // Body lines per page, the page number's line left out: full pages hold 22.
    const perPage = layout
      .split('\f')
      .filter((p) => p.trim())
      .map((p) => p.split('\n').filter((l) => l.trim() && !/^[—–-]\s*\d+\s*[—–-]$/.test(l.trim())).length);
    assert.equal(Math.max(...perPage), L.LINES_PER_PAGE, `lines per page: ${perPage.join(' ')}`);
    const parts = recogniseParts(parse(fs.readFileSync(C004, 'utf8'), 'text'), 0);
    const expected = expectedPages(parts, n, joined);
    console.log(
      `      ${pages} pages in ${seconds.toFixed(1)} s; ${n} characters a line, run-in headings ${joined ? 'joined' : 'on lines of their own'}; ` +
        `expected ${expected} (Word, 28 a line, joined: ${expectedPages(parts, 28, true)})`,
    );
    assert.ok(Math.abs(pages - expected) <= 1, `${pages} pages, expected ${expected} ± 1`);
    assert.ok(n === 28 || n === 14 || n === 27, `${n} characters a line: 28 (Word's grid), 14 (LibreOffice 7.4's cells) or 27 (no grid)`);
  });

  it('numbers every page — N — below the text block: odd pages right, even pages left, one character in', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [pdf]))![1]);
    const numbers = [
      ...sh('pdftotext', ['-layout', pdf, '-'])
        .replace(/[ \t]+/g, '')
        .matchAll(/^[—–-](\d+)[—–-]$/gm),
    ].map((m) => Number(m[1]));
    assert.deepEqual(
      numbers,
      Array.from({ length: pages }, (_, i) => i + 1),
    );
    // Word boxes of pages 1 and 2, in points.
    const bbox = sh('pdftotext', ['-bbox', '-f', '1', '-l', '2', pdf, '-']);
    const boxes = bbox
      .split('<page ')
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          text: m[5],
        })),
      );
    const blockLeft = L.MARGIN_LEFT / 20;
    const blockRight = (L.PAGE_WIDTH - L.MARGIN_RIGHT) / 20;
    const blockBottom = (L.PAGE_HEIGHT - L.MARGIN_BOTTOM) / 20;
    const one = 16; // one character of the body, in points
    for (const [i, words] of boxes.entries()) {
      const number = words.filter((w) => w.y0 > blockBottom);
      assert.ok(number.length >= 2, `page ${i + 1}: the page number lies below the text block`);
      assert.ok(number.some((w) => w.text === String(i + 1)));
      const left = Math.min(...number.map((w) => w.x0));
      const right = Math.max(...number.map((w) => w.x1));
      if (i % 2 === 0) assert.ok(Math.abs(right - (blockRight - one)) < 3, `odd page: ends one character from the right (${right} pt)`);
      else assert.ok(Math.abs(left - (blockLeft + one)) < 3, `even page: starts one character from the left (${left} pt)`);
      // §7.5: the dash line 7 mm (19.8 pt) below the block; the glyph box starts a little above its ink.
      assert.ok(Math.min(...number.map((w) => w.y0)) - blockBottom > 10, 'well below the block');
    }
  });
});
