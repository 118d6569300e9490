// `npm run package`: builds the VSIX with @vscode/vsce, offline.
// The repository's README links to files beside it (docs/rules/…, images/…). The VS Code extension page cannot
// follow those, and vsce refuses them without a repository URL to rewrite them against. Until the package
// names a repository, the VSIX gets a copy of the README whose relative links keep only their text and whose
// relative images are left out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const args = ['package', '--no-dependencies', '--out', `gongwen-${pkg.version}.vsix`, ...process.argv.slice(2)];
if (!pkg.repository) {
  const relative = (url) => !/^[a-z][a-z0-9+.-]*:|^#/i.test(url);
  const readme = readFileSync('README.md', 'utf8')
    .replace(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)\n?/g, (m, url) => (relative(url) ? '' : m))
    .replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (m, text, url) => (relative(url) ? text : m));
  mkdirSync('out/vsix', { recursive: true });
  writeFileSync('out/vsix/README.md', readme);
  args.push('--allow-missing-repository', '--readme-path', 'out/vsix/README.md');
}
const r = spawnSync('npx', ['vsce', ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
