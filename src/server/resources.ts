import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A folder shipped beside the bundle (`docs/rules`, `l10n`): the server runs from `dist/server.js` in the VSIX and from
 * `dist/cli.js` in an npm install, both one level below the package root; undefined where the package left it out.
 */
function shippedFolder(...parts: string[]): string | undefined {
  for (let dir = __dirname, i = 0; i < 3; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, ...parts);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

let rulesDocs: string | null | undefined;
/** Each rule's page URL, once: every diagnostic carries one, and a 1 MB report has thousands. */
const ruleDocUrls = new Map<string, string | undefined>();

/** The `file:` URL of a rule's documentation page, for a diagnostic's `codeDescription`; undefined when not shipped. */
export function ruleDocUrl(ruleId: string): string | undefined {
  if (rulesDocs === undefined) rulesDocs = shippedFolder('docs', 'rules') ?? null;
  if (!rulesDocs) return undefined;
  if (!ruleDocUrls.has(ruleId)) ruleDocUrls.set(ruleId, pathToFileURL(path.join(rulesDocs, `${ruleId}.md`)).href);
  return ruleDocUrls.get(ruleId);
}

/** The translations of the extension's user-interface strings for a locale (`l10n/bundle.l10n.<locale>.json`), if any. */
export function l10nBundle(locale: string): Record<string, string> | undefined {
  const dir = shippedFolder('l10n');
  if (!dir) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, `bundle.l10n.${locale}.json`), 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
}
