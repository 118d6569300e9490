// Throwaway smoke suite for the VS Code test infrastructure (scripts/vscode/*.mjs): proves that a suite
// loads in the real extension host, that its output reaches the runner and that a failing assertion makes
// the run exit non-zero. Run it with
//   node scripts/test-vscode-offline.mjs --tests test/integration-smoke/index.js --no-extension [--no-vsix]
// and with GONGWEN_SMOKE_FAIL=1 in the environment (or a file named FAIL next to this one) for the failing
// variant. Plain CommonJS, no build step.
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require('node:path');
const fs = require('node:fs');
const assert = require('node:assert');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'smoke', mocha);
  const { describe, it } = globalThis;
  const vscode = require('vscode');

  describe('smoke: the extension host', () => {
    it('is VS Code 1.139', () => {
      assert.match(vscode.version, /^1\.139/);
    });
    it('has an app name', () => {
      assert.ok(vscode.env.appName, 'vscode.env.appName is empty');
      console.log(`    appName=${vscode.env.appName} uiKind=${vscode.env.uiKind} node=${process.version}`);
    });
    it('opened the test workspace', () => {
      const folders = (vscode.workspace.workspaceFolders || []).map((f) => f.uri.fsPath);
      assert.ok(folders.length > 0, 'no workspace folder open');
      console.log(`    workspace=${folders.join(', ')}`);
    });
    it('loads the extension under test from where the runner put it', () => {
      const mode = process.env.GONGWEN_TEST_EXTENSION; // set by scripts/vscode/run-offline.mjs
      const gongwen = vscode.extensions.getExtension('gongwen.gongwen');
      const standIn = vscode.extensions.getExtension('gongwen-test.standin');
      console.log(`    mode=${mode} gongwen=${gongwen ? gongwen.extensionPath : '-'} standin=${standIn ? 'yes' : 'no'}`);
      if (mode === 'vsix') {
        assert.ok(gongwen, 'the VSIX is not installed');
        assert.notStrictEqual(path.resolve(gongwen.extensionPath), path.resolve(__dirname, '..', '..'), 'runs the development folder, not the VSIX');
      } else if (!standIn) {
        assert.ok(gongwen, 'neither the development folder nor the stand-in extension is loaded');
        assert.strictEqual(path.resolve(gongwen.extensionPath), path.resolve(__dirname, '..', '..'));
      }
    });
    it('can ask the runner for a screenshot when it offers one', async function () {
      const url = process.env.GONGWEN_SCREENSHOT_URL;
      if (!url) this.skip();
      const res = await fetch(`${url}/smoke-workbench`, { method: 'POST' });
      assert.strictEqual(res.status, 200, await res.text());
    });
    if (process.env.GONGWEN_SMOKE_FAIL === '1' || fs.existsSync(path.join(__dirname, 'FAIL'))) {
      it('fails on purpose (GONGWEN_SMOKE_FAIL=1)', () => {
        assert.strictEqual(1 + 1, 3, 'deliberate failure');
      });
    }
  });

  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}

module.exports = { run };
