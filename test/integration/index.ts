// The integration suite's entry: VS Code (desktop via @vscode/test-electron, or code-server offline) calls run().
import Mocha from 'mocha';

export function run(): Promise<void> {
  // GONGWEN_TEST_GREP runs a subset while developing.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec', grep: process.env.GONGWEN_TEST_GREP });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // Required here, after mocha's globals exist; esbuild bundles them into this file.
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./diagnostics.test');
  require('./outline.test');
  require('./commands.test');
  require('./fixes.test');
  require('./completion.test');
  require('./large.test');
  require('./writing.test');
  require('./sections.test');
  require('./export.test');
  require('./language.test');
  require('./server.test');
  require('./docx.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
