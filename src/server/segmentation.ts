import type { GongwenConfig, Segmenter } from '../core';
import { loadSegmenter } from '../engines/segmenters';

/**
 * The word segmenter of the server process: one engine per setting and dictionary, loaded on the first paragraph that
 * needs it (nodejieba's dictionary takes about a second), then kept. `log` gets its one line (which engine, and why
 * not a better one).
 */
export class Segmentation {
  private engine: { key: string; segmenter: Segmenter | undefined } | undefined;
  /** The last engine's log line, once one was loaded. */
  line: string | null = null;

  constructor(private readonly log: (line: string) => void) {}

  /** The lazy provider the lint options take (`LintOptions.segmenter`). */
  providerFor(config: GongwenConfig): () => Segmenter | undefined {
    return () => {
      const key = `${config.segmenter}\u0000${config.dictionary.join('\n')}`;
      if (this.engine?.key !== key) {
        const segmenter = loadSegmenter(config.segmenter, config.dictionary, (en) => {
          this.line = en;
          this.log(en);
        });
        this.engine = { key, segmenter };
      }
      return this.engine.segmenter;
    };
  }
}
