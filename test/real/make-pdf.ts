// Makes the `pdf` kind of the real-text set from real texts through a real PDF pipeline:
//   1. read test/real/texts/<source>.txt and drop its page furniture (src/core/structure/furniture.ts: a PDF of a report
//      carries no web tool bars, 来源： or 时间： lines);
//   2. lay it out as a 公文 page (GB/T 9704-2012): A4, margins 37/35 mm top/bottom, 28/26 mm left/right, body 16pt
//      in a CJK serif, 22 lines a page, paragraphs indented 2em, the title centred at 22pt, page numbers `— 3 —`
//      centred in the bottom margin at 14pt (§7.5);
//   3. print it to PDF with headless Chromium (playwright-core);
//   4. extract it with `pdftotext -enc UTF-8` (poppler-utils) and write the text, form feeds replaced by newlines
//      and nothing else changed, to test/real/texts/pdf-NN.txt.
//
//   npx tsx test/real/make-pdf.ts official-01 official-02 …     sources numbered pdf-01, pdf-02, … in order
//   npx tsx test/real/make-pdf.ts pdf-07=web-31                 one source to one id
//   --pdf-dir DIR   where the PDFs are kept (default: $TMPDIR/gongwen-pdf)
//
// The layout marks nothing by guessing at the content except: the title (the source's truth `titles`, the line that
// equals one of them) centred at 22pt; right after a title, the lines of its block before the first paragraph (a
// `——…会议上` subtitle, the speaker's line) centred at 16pt; and a closing signature and date (`…人民政府` /
// `2019年12月18日`, the text's last two lines) set right with four characters' space, as §7.3.5.1 has them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findFurniture } from '../../src/core/structure/furniture';
import { LineIndex, codePointLength } from '../../src/core/text/lines';

const HERE = __dirname;
const TEXTS = path.join(HERE, 'texts');
const TRUTH = path.join(HERE, 'truth');

/** Page geometry, GB/T 9704-2012 §5.2.1: 版心 156 × 225 mm, 22 lines of 3号 (16pt) type. */
const MARGIN = { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' };
const LINES_PER_PAGE = 22;
const BODY_HEIGHT_MM = 297 - 37 - 35;
/** Slightly under 225/22 mm, so that rounding to device pixels never pushes the 22nd line onto the next page. */
const LINE_PITCH_MM = Math.floor((BODY_HEIGHT_MM / LINES_PER_PAGE) * 100) / 100 - 0.02;

const FOOTER = '<div style="font-size:14pt;width:100%;text-align:center;font-family:serif">— <span class="pageNumber"></span> —</div>';

type Role = 'title' | 'centre' | 'para' | 'sign';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function parseArgs(argv: string[]): { jobs: { id: string; source: string }[]; pdfDir: string } {
  const jobs: { id: string; source: string }[] = [];
  let pdfDir = path.join(os.tmpdir(), 'gongwen-pdf');
  let next = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pdf-dir') {
      pdfDir = path.resolve(argv[++i]);
      continue;
    }
    const m = /^(pdf-(\d+))=(.+)$/.exec(a);
    if (m) {
      jobs.push({ id: m[1], source: m[3] });
      next = Number(m[2]) + 1;
    } else {
      jobs.push({ id: `pdf-${String(next).padStart(2, '0')}`, source: a });
      next++;
    }
  }
  if (jobs.length === 0) {
    process.stderr.write('usage: npx tsx test/real/make-pdf.ts [--pdf-dir DIR] <source|pdf-NN=source>…\n');
    process.exit(2);
  }
  return { jobs, pdfDir };
}

/** The source's lines without furniture and blank lines, each with its role on the page. */
function layout(source: string): { text: string; role: Role }[] {
  const raw = readFileSync(path.join(TEXTS, `${source}.txt`), 'utf8').replace(/^\uFEFF/, '');
  const index = new LineIndex(raw);
  const furniture = new Set(findFurniture(index).map((f) => f.line));
  const truthFile = path.join(TRUTH, `${source}.json`);
  const titles = new Set<string>(existsSync(truthFile) ? (JSON.parse(readFileSync(truthFile, 'utf8')).titles ?? []) : []);
  const kept: string[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    if (furniture.has(line)) continue;
    const t = index.lineText(line).trim();
    if (t) kept.push(t);
  }
  const out: { text: string; role: Role }[] = kept.map((text) => ({ text, role: titles.has(text) ? 'title' : 'para' }));
  // The block under a title: subtitle and speaker lines, short and unpunctuated, up to the first paragraph.
  out.forEach((l, i) => {
    if (l.role !== 'title') return;
    for (let j = i + 1; j < out.length; j++) {
      const t = out[j].text;
      if (out[j].role !== 'para' || codePointLength(t) > 40 || /[。；！？：:]$/.test(t)) break;
      if (!/^——/.test(t) && /[，。；]/.test(t)) break;
      out[j].role = 'centre';
    }
  });
  // A closing signature and date.
  const n = out.length;
  if (n >= 2 && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(out[n - 1].text)) {
    out[n - 1].role = 'sign';
    if (codePointLength(out[n - 2].text) <= 20 && !/[，。；：！？]/.test(out[n - 2].text)) out[n - 2].role = 'sign';
  }
  return out;
}

function html(lines: { text: string; role: Role }[]): string {
  const body = lines.map(({ text, role }) => (role === 'title' ? `<h1>${escape(text)}</h1>` : `<p class="${role}">${escape(text)}</p>`)).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
  html, body { margin: 0; padding: 0; }
  body { font-family: 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: ${LINE_PITCH_MM}mm; text-align: justify; }
  p { margin: 0; text-indent: 2em; }
  p.centre { text-indent: 0; text-align: center; }
  p.sign { text-indent: 0; text-align: right; padding-right: 4em; }
  h1 { margin: 0 0 ${LINE_PITCH_MM}mm; font-size: 22pt; font-weight: normal; text-align: center; line-height: ${LINE_PITCH_MM}mm; }
</style></head><body>
${body}
</body></html>`;
}

async function main(): Promise<void> {
  const { jobs, pdfDir } = parseArgs(process.argv.slice(2));
  mkdirSync(pdfDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    for (const { id, source } of jobs) {
      await page.setContent(html(layout(source)), { waitUntil: 'load' });
      const pdf = path.join(pdfDir, `${id}.pdf`);
      await page.pdf({
        path: pdf,
        format: 'A4',
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
        margin: MARGIN,
      });
      const txt = path.join(pdfDir, `${id}.txt`);
      execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, txt]);
      const text = readFileSync(txt, 'utf8').replace(/\f/g, '\n');
      writeFileSync(path.join(TEXTS, `${id}.txt`), text);
      const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)?.[1];
      process.stdout.write(`${id} ← ${source}: ${pages} pages, ${text.split('\n').length} lines (${pdf})\n`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
