// Renders page 1 of the Word export of corpus report 004 for the README: images/export-page1.png.
//
//   npm run build && node scripts/render-export-sample.mjs
//
// Needs LibreOffice (Debian: libreoffice-writer-nogui or libreoffice-writer) and poppler-utils (pdftoppm).
// Runs the built CLI (`gongwen export`), converts the .docx to PDF with LibreOffice headless in a throwaway
// profile, and rasterises page 1 at 80 dpi. Prints the page count and the conversion time.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'test/fixtures/corpus/004_503d8dbb8d0f1449.txt');
const target = path.join(root, 'images/export-page1.png');

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = ['soffice', 'libreoffice'].find(has);
if (!soffice || !has('pdftoppm') || !has('pdfinfo')) {
  console.error('needs LibreOffice (soffice) and poppler-utils (pdftoppm, pdfinfo): apt-get install libreoffice-writer-nogui poppler-utils');
  process.exit(2);
}
if (!existsSync(path.join(root, 'dist/cli.js'))) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongwen-render-'));
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
};
try {
  const input = path.join(tmp, '004.txt');
  copyFileSync(source, input);
  run(process.execPath, [path.join(root, 'dist/cli.js'), 'export', input]);
  const started = Date.now();
  run(soffice, [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, path.join(tmp, '004.docx')]);
  const seconds = (Date.now() - started) / 1000;
  const pages = /Pages:\s+(\d+)/.exec(run('pdfinfo', [path.join(tmp, '004.pdf')]))[1];
  run('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(tmp, '004.pdf'), path.join(tmp, 'page1')]);
  copyFileSync(path.join(tmp, 'page1.png'), target);
  const version = run(soffice, ['--version']).trim();
  console.log(`${path.relative(root, target)}: page 1 of ${pages}, converted in ${seconds.toFixed(1)} s by ${version}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
