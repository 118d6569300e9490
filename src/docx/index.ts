/**
 * Word documents (`.docx`) in the core's terms: pure functions over bytes (no editor, no file system). `readDocx`
 * reads the body as Word displays it, automatic numbering labels included; `docxToText` gives the text the core's
 * `parse()`/`lint()` read like a `.txt`, with the map back to paragraphs and columns; `annotateDocx` writes a copy
 * with problems as Word comments (批注). docs/word.md describes what is supported.
 */
export { readDocx, type DocxText, type DocxParagraph } from './read';
export { docxToText, type DocxTextMap, type DocxPosition, type DocxRange, type DocxLine } from './text';
export { annotateDocx, DEFAULT_AUTHOR, type DocxProblem, type AnnotateOptions } from './annotate';
export { DocxError, type DocxErrorCode } from './errors';
export type { OpenOptions } from './package';
export { DEFAULT_LIMITS, type ZipLimits } from './zip';
export { formatNumber } from './formats';
