// `gongwen check --annotate -o OUT draft.docx`: a copy of the Word document with each problem as a comment (批注)
// anchored on its characters. The input is never written: the copy goes to OUT, atomically, and OUT may not be the
// input under any name (a link, another spelling of the path).

import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core';
import type * as Docx from '../docx';
import { writeFileAtomic } from './io';
import { pick, type Lang } from './lang';
import type { Output } from './report';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const docxLazy = (): typeof Docx => require('../docx') as typeof Docx;

/** The comment of a problem: its message in the run's language, then its rule id (what `ignore` and `rules` name). */
export function commentText(p: Problem, lang: Lang): string {
  return `${pick(lang, p.message, p.messageEn)}\n${p.ruleId}`;
}

/** Writes the annotated copy of `bytes` to `out` and says so on stderr; false (with the reason said) when it cannot. */
export function annotateCopy(
  input: string,
  bytes: Uint8Array,
  map: Docx.DocxTextMap,
  problems: readonly Problem[],
  out: string,
  lang: Lang,
  io: Output,
): boolean {
  const docx = docxLazy();
  const comments = problems.map((p) => ({ ...map.paragraphRange(p.start, p.end), message: commentText(p, lang) }));
  try {
    writeFileAtomic(out, Buffer.from(docx.annotateDocx(bytes, comments)));
  } catch (e) {
    const why = e instanceof docx.DocxError ? pick(lang, e.message, e.messageEn) : (e as Error).message;
    io.err(pick(lang, `${out}：无法写入带批注的副本（${why}）`, `${out}: could not write the annotated copy (${why})`));
    return false;
  }
  const n = comments.length;
  io.err(pick(lang, `${out}：已写入 ${input} 的副本，含 ${n} 条批注`, `${out}: wrote a copy of ${input} with ${n} comment${n === 1 ? '' : 's'}`));
  return true;
}

/**
 * Why `--annotate` cannot write `out` for `input`, or null: the copy would replace the input (the same path, a link
 * to it, a hard link), or `out` is a folder.
 */
export function annotateTargetProblem(input: string, out: string, lang: Lang): string | null {
  const target = statOrNull(out);
  if (target?.isDirectory()) return pick(lang, `-o ${out} 是目录，请给出输出文件名`, `-o ${out} is a folder: name the output file`);
  const source = statOrNull(input);
  const same = path.resolve(input) === path.resolve(out) || (source && target && source.dev === target.dev && source.ino === target.ino);
  if (same)
    return pick(
      lang,
      `-o ${out} 就是输入文件 ${input}：--annotate 从不改写原文件，请另给输出文件名`,
      `-o ${out} is the input ${input}: --annotate never writes over the original, name another output file`,
    );
  return null;
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}
