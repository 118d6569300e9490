// The benchmark's floor: the least a line-based checker can do in a whole `node` process.
// It reads the file, runs one placeholder regex and one heading regex on every line,
// and prints the counts (so the work cannot be skipped). Used by scripts/bench.mjs.
import { readFileSync } from 'node:fs';
/* global process */

const PLACEHOLDER = /[Xx×]{2,}|【[^】]*】|[（(](?:此处|请填|填写|待补充|待填|待定|待完善)[^）)]*[）)]/g;
const HEADING = /^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、,，](?!\d)|[（(]\d+[）)]|[\u2460-\u2473])/;

let headings = 0;
let placeholders = 0;
for (const line of readFileSync(process.argv[2], 'utf8').split(/\r\n|\r|\n/)) {
  if (HEADING.test(line)) headings++;
  placeholders += line.match(PLACEHOLDER)?.length ?? 0;
}
process.stdout.write(JSON.stringify({ headings, placeholders }) + '\n');
