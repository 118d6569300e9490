// Reads the real-text evaluation set: texts, their sources, hand-made truth and judged verdicts (format: ../README.md).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The kinds of text the set holds (the prefix of each id). */
export const KINDS = ['official', 'web', 'template', 'pdf', 'flat'] as const;
export type Kind = (typeof KINDS)[number];

export interface TruthPlaceholder {
  line: number;
  text: string;
}

/** A real heading: `text` is how it starts in the line (marker and title, or the title of an unnumbered heading). */
export interface TruthHeading {
  line: number;
  text: string;
  level: number;
  /** `line`: starts its line; `inline`: inside a paragraph (line breaks lost); `toc`: an entry of a table of contents. */
  where: 'line' | 'inline' | 'toc';
}

export interface TruthNumbering {
  line: number;
  /** The marker (or the characters) a reviewer would mark. */
  text: string;
  kind: string;
  reason: string;
}

export interface Truth {
  /** Titles of the documents of the file, in order. */
  titles: string[];
  placeholders: TruthPlaceholder[];
  headings: TruthHeading[];
  numbering: TruthNumbering[];
}

export interface Verdict {
  file: string;
  rule: string;
  line: number;
  /** The characters the problem covers (its first line's part when it spans lines). */
  text: string;
  /** 1-based column, where several problems share a line and a text. */
  column?: number;
  verdict: 'true' | 'false';
  reason: string;
}

export interface Source {
  id: string;
  kind: string;
  title: string;
  address: string;
  note: string;
}

export interface RealText {
  id: string;
  kind: Kind;
  text: string;
  truth: Truth | undefined;
  source: Source | undefined;
}

export interface RealSet {
  texts: RealText[];
  /** Verdicts by rule id. */
  verdicts: Map<string, Verdict[]>;
}

/** The kind of a text from its id (`web-03` → `web`). */
export function kindOf(id: string): Kind {
  const prefix = id.replace(/-\d+$/, '');
  if (!(KINDS as readonly string[]).includes(prefix)) throw new Error(`test/real: ${id} has no known kind prefix (${KINDS.join(', ')})`);
  return prefix as Kind;
}

/** Reads the whole set from `dir` (test/real). */
export function loadRealSet(dir: string): RealSet {
  const sources = loadSources(path.join(dir, 'sources'));
  const textDir = path.join(dir, 'texts');
  const ids = existsSync(textDir)
    ? readdirSync(textDir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => f.slice(0, -4))
        .sort()
    : [];
  const texts = ids.map((id): RealText => ({
    id,
    kind: kindOf(id),
    text: readFileSync(path.join(textDir, `${id}.txt`), 'utf8').replace(/^\uFEFF/, ''),
    truth: loadTruth(path.join(dir, 'truth', `${id}.json`)),
    source: sources.get(id),
  }));
  return { texts, verdicts: loadVerdicts(path.join(dir, 'verdicts')) };
}

function loadTruth(file: string): Truth | undefined {
  if (!existsSync(file)) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Truth>;
  return { titles: raw.titles ?? [], placeholders: raw.placeholders ?? [], headings: raw.headings ?? [], numbering: raw.numbering ?? [] };
}

function loadVerdicts(dir: string): Map<string, Verdict[]> {
  const byRule = new Map<string, Verdict[]>();
  if (!existsSync(dir)) return byRule;
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(path.join(dir, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let v: Verdict;
      try {
        v = JSON.parse(line) as Verdict;
      } catch (e) {
        throw new Error(`test/real/verdicts/${f}:${i + 1}: ${(e as Error).message}`);
      }
      const list = byRule.get(v.rule) ?? [];
      list.push(v);
      byRule.set(v.rule, list);
    });
  }
  return byRule;
}

function loadSources(dir: string): Map<string, Source> {
  const byId = new Map<string, Source>();
  if (!existsSync(dir)) return byId;
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.tsv'))
    .sort()) {
    const [, ...rows] = readFileSync(path.join(dir, f), 'utf8').split('\n');
    for (const row of rows) {
      if (!row.trim()) continue;
      const [id, kind, title, address, note] = row.split('\t');
      byId.set(id.trim(), { id: id.trim(), kind: kind ?? '', title: title ?? '', address: address ?? '', note: note ?? '' });
    }
  }
  return byId;
}

/** Characters and texts per kind. */
export function realTextKinds(set: RealSet): Array<{ kind: Kind; texts: number; chars: number }> {
  return KINDS.map((kind) => {
    const of = set.texts.filter((t) => t.kind === kind);
    return { kind, texts: of.length, chars: of.reduce((n, t) => n + [...t.text].length, 0) };
  });
}
