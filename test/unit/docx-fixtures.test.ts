/**
 * The committed `.docx` fixtures are what scripts/make-docx-fixtures.ts makes (`npx tsx scripts/make-docx-fixtures.ts`
 * rewrites them): compared part by part, so that neither can drift from the other.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { FIXTURE_DIR, FIXTURES, RENDERED, packageParts } from '../../scripts/make-docx-fixtures';

const asBytes = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

describe('docx fixtures', () => {
  for (const [name, parts] of Object.entries(FIXTURES)) {
    it(`${name} is what the script makes`, () => {
      const committed = unzipSync(fs.readFileSync(path.join(FIXTURE_DIR, name)));
      const made = packageParts(parts);
      assert.deepEqual(Object.keys(committed), Object.keys(made));
      for (const [part, data] of Object.entries(made)) assert.deepEqual(committed[part], asBytes(data), `${name}: ${part}`);
    });
  }

  it('has no fixture the script does not make, and renders only fixtures it makes', () => {
    assert.deepEqual(
      fs
        .readdirSync(FIXTURE_DIR)
        .filter((f) => f.endsWith('.docx'))
        .sort(),
      Object.keys(FIXTURES).sort(),
    );
    for (const name of RENDERED) assert.ok(name in FIXTURES, name);
  });
});
