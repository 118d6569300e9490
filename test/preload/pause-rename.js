'use strict';
// Test preload for the kill-during-write test (test/unit/cli-reliability.test.ts):
//
//   node --require test/preload/pause-rename.js dist/cli.js check --fix FILE
//
// Replaces fs.renameSync (and fs.rename, fs.promises.rename) so that the first call writes one line
//
//   PAUSED {"from":"<temp file>","to":"<destination>"}
//
// to stderr and then blocks the process for good, before renaming anything. The test reads the
// line, inspects both files, and kills the process with SIGKILL: a crash in the middle of the
// atomic write, reproduced deterministically. The product code has no test hooks.

// A --require preload is CommonJS by nature.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs');

function pause(from, to) {
  fs.writeSync(2, `PAUSED ${JSON.stringify({ from: String(from), to: String(to) })}\n`);
  // Blocks the main thread without spinning; nothing ever notifies this address.
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0);
}

fs.renameSync = function renameSync(from, to) {
  pause(from, to);
};
fs.rename = function rename(from, to) {
  pause(from, to);
};
fs.promises.rename = async function rename(from, to) {
  pause(from, to);
};
