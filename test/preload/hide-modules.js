'use strict';
// Test preload: simulates native modules that are not installed (a platform without their binary).
//
//   GONGWEN_TEST_HIDE=nodejieba,@node-rs/jieba node --require test/preload/hide-modules.js dist/cli.js check FILE
//
// Every require of a listed module (or a file inside it) fails with MODULE_NOT_FOUND, exactly as when npm skipped an
// optional dependency that could not build. The product code has no test hooks.

// A --require preload is CommonJS by nature.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module');

const hidden = (process.env.GONGWEN_TEST_HIDE || '').split(',').filter(Boolean);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (hidden.some((m) => request === m || request.startsWith(m + '/'))) {
    const err = new Error(`Cannot find module '${request}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return resolve.call(this, request, ...rest);
};
