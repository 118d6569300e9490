// The child process that lints for the extension: word segmentation (nodejieba loads in ~1.4 s and its `cut`
// blocks) runs here, off the extension host's thread, and a native crash ends this process, not the host.
// Started once on first need by LintClient (src/extension/lintClient.ts), never per request.
import { fixAll, lint, type GongwenConfig, type Problem, type SourceFormat } from '../core';
import { loadSegmenter } from '../engines/segmenters';
import type { Segmenter } from '../core/text/segmenter';

export interface LintRequest {
  id: number;
  text: string;
  format: SourceFormat;
  config: GongwenConfig;
  filePath: string | undefined;
  /** Return the text after all safe fixes (fix-all) instead of the problems. */
  fixAll?: boolean;
}

export type LintResponse =
  { id: number; problems: Problem[]; ms: number } | { id: number; output: string; ms: number } | { id: number; error: string } | { log: string };

const send = (m: LintResponse) => process.send?.(m);

/** One engine per process, per setting and dictionary; loaded on the first paragraph that needs it. */
let engine: { key: string; segmenter: Segmenter | undefined } | undefined;
function segmenterFor(config: GongwenConfig): Segmenter | undefined {
  const key = `${config.segmenter}|${config.dictionary.join('\u0000')}`;
  if (!engine || engine.key !== key) engine = { key, segmenter: loadSegmenter(config.segmenter, config.dictionary, (log) => send({ log })) };
  return engine.segmenter;
}

process.on('message', (req: LintRequest) => {
  const started = performance.now();
  try {
    const options = { format: req.format, config: req.config, filePath: req.filePath, segmenter: () => segmenterFor(req.config) };
    if (req.fixAll) send({ id: req.id, output: fixAll(req.text, options).output, ms: performance.now() - started });
    else send({ id: req.id, problems: lint(req.text, options), ms: performance.now() - started });
  } catch (e) {
    send({ id: req.id, error: (e as Error).stack ?? String(e) });
  }
});
