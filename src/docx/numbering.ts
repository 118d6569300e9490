/**
 * Automatic numbering (ECMA-376 §17.9): the definitions of `word/numbering.xml`, and the counters that give each
 * numbered paragraph the label Word displays.
 *
 * The counting, as Word does it (test/unit/docx-render.test.ts compares it with LibreOffice's rendering and lists
 * where LibreOffice 7.4 differs: it ignores `w:lvlRestart` and `w:isLgl`, and counts skipped levels):
 * - counters belong to an abstract definition (`w:abstractNum`), shared by every `w:num` that points to it, so a
 *   list continues across its instances;
 * - a `w:startOverride` sets its level's counter the first time its `w:num` numbers a paragraph at that level;
 * - a level restarts (back to `w:start`) when a higher level numbers a paragraph, unless `w:lvlRestart` says
 *   otherwise (0: never; n: only after level n or a higher one);
 * - `%n` in `w:lvlText` shows level n's counter in level n's format (decimal for all when the level is `w:isLgl`);
 *   a level not used since its last restart shows its start value less one, as Word does (LibreOffice makes such
 *   a level count as used, and shows its start value).
 */
import { formatNumber } from './formats';
import type { Styles } from './styles';
import { W, attr, child, childVal, children, intVal, onOff, type XmlElement } from './xml';

/** One level of a list definition (`w:lvl`). */
export interface LevelDefinition {
  start: number;
  format: string;
  /** `w:lvlText`: the label with `%1`…`%9` standing for the levels' counters. */
  text: string;
  /** `w:lvlRestart`; undefined where absent. */
  restart: number | undefined;
  legal: boolean;
  /** What follows the label: a tab (the default), a space, or nothing. */
  suffix: '\t' | ' ' | '';
  /** `w:pStyle`: the paragraph style linked to this level. */
  style: string | undefined;
}

interface AbstractNumbering {
  id: string;
  levels: Array<LevelDefinition | undefined>;
  /** `w:numStyleLink`: the definition is the one of this numbering style. */
  styleLink: string | undefined;
}

interface LevelOverride {
  start: number | undefined;
  level: LevelDefinition | undefined;
}

interface NumberingInstance {
  abstractId: string;
  overrides: Map<number, LevelOverride>;
}

/** The label of one numbered paragraph. */
export interface NumberLabel {
  label: string;
  suffix: '\t' | ' ' | '';
  numId: string;
  level: number;
  format: string;
}

const LEVELS = 9;
const SUFFIXES: Record<string, '\t' | ' ' | ''> = { tab: '\t', space: ' ', nothing: '' };

/**
 * Private-use characters of the Symbol and Wingdings fonts that bullets are written in, as the characters they
 * draw (LibreOffice shows the same ones).
 */
const SYMBOL_BULLETS: Record<string, string> = {
  '\uf0b7': '•',
  '\uf0a7': '▪',
  '\uf0d8': '➢',
  '\uf076': '❖',
  '\uf06c': '●',
  '\uf06e': '■',
  '\uf0fc': '✓',
};

function readLevel(lvl: XmlElement): LevelDefinition {
  const lvlText = child(lvl, W, 'lvlText');
  return {
    start: intVal(childVal(lvl, 'start')) ?? 0,
    format: childVal(lvl, 'numFmt') ?? 'decimal',
    text: onOff(child(lvlText, W, 'null')) ? '' : (attr(lvlText, 'val') ?? ''),
    restart: intVal(childVal(lvl, 'lvlRestart')),
    legal: onOff(child(lvl, W, 'isLgl')) ?? false,
    suffix: SUFFIXES[childVal(lvl, 'suff') ?? 'tab'] ?? '\t',
    style: childVal(lvl, 'pStyle'),
  };
}

function levelsOf(el: XmlElement): Array<LevelDefinition | undefined> {
  const levels: Array<LevelDefinition | undefined> = new Array<LevelDefinition | undefined>(LEVELS).fill(undefined);
  for (const lvl of children(el, W, 'lvl')) {
    const i = intVal(attr(lvl, 'ilvl'));
    if (i !== undefined && i >= 0 && i < LEVELS) levels[i] = readLevel(lvl);
  }
  return levels;
}

function readInstance(num: XmlElement): NumberingInstance | undefined {
  const abstractId = childVal(num, 'abstractNumId');
  if (abstractId === undefined) return undefined;
  const overrides = new Map<number, LevelOverride>();
  for (const o of children(num, W, 'lvlOverride')) {
    const i = intVal(attr(o, 'ilvl'));
    if (i === undefined || i < 0 || i >= LEVELS) continue;
    const lvl = child(o, W, 'lvl');
    overrides.set(i, { start: intVal(childVal(o, 'startOverride')), level: lvl ? readLevel(lvl) : undefined });
  }
  return { abstractId, overrides };
}

/** The definitions of `word/numbering.xml`. */
export class NumberingDefinitions {
  private readonly abstracts = new Map<string, AbstractNumbering>();
  private readonly instances = new Map<string, NumberingInstance>();

  constructor(
    root: XmlElement | undefined,
    private readonly styles: Styles,
  ) {
    for (const a of children(root, W, 'abstractNum')) {
      const id = attr(a, 'abstractNumId');
      if (id !== undefined) this.abstracts.set(id, { id, levels: levelsOf(a), styleLink: childVal(a, 'numStyleLink') });
    }
    for (const n of children(root, W, 'num')) {
      const id = attr(n, 'numId');
      const instance = readInstance(n);
      if (id !== undefined && instance) this.instances.set(id, instance);
    }
  }

  instance(numId: string): NumberingInstance | undefined {
    return this.instances.get(numId);
  }

  /** The abstract definition of an instance, through `w:numStyleLink` to the one that holds the levels. */
  abstractOf(instance: NumberingInstance): AbstractNumbering | undefined {
    let a = this.abstracts.get(instance.abstractId);
    for (let hops = 0; a?.styleLink !== undefined && hops < 4; hops++) {
      const linkedNum = this.styles.numberingStyleNum(a.styleLink);
      const linked = linkedNum === undefined ? undefined : this.instances.get(linkedNum);
      const target = linked && this.abstracts.get(linked.abstractId);
      if (!target || target === a) break;
      a = target;
    }
    return a;
  }

  /** The level a style is linked to (`w:pStyle` in a `w:lvl`) in the definition behind `numId`. */
  levelOfStyle(numId: string, styleIds: string[]): number | undefined {
    const instance = this.instances.get(numId);
    const a = instance && this.abstractOf(instance);
    if (!a) return undefined;
    for (const id of styleIds) {
      const i = a.levels.findIndex((l) => l?.style === id);
      if (i >= 0) return i;
    }
    return undefined;
  }
}

/** Whether a paragraph at `used` restarts level `level` (`restart` being that level's `w:lvlRestart`). */
function restartsAt(level: number, used: number, restart: number | undefined): boolean {
  if (restart === undefined || restart > level) return used < level;
  if (restart === 0) return false;
  return used < restart;
}

/** The counters of a document, advanced paragraph by paragraph in document order. */
export class NumberingCounters {
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly overridesUsed = new Set<string>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** Counts a paragraph numbered by `numId` at `level` and returns its label; undefined where nothing is shown. */
  next(numId: string, level: number): NumberLabel | undefined {
    const instance = this.definitions.instance(numId);
    const abstract = instance && this.definitions.abstractOf(instance);
    if (!instance || !abstract) return undefined;
    const def = (l: number): LevelDefinition | undefined => instance.overrides.get(l)?.level ?? abstract.levels[l];
    const own = def(level);
    if (!own) return undefined;
    const counters = this.counters.get(abstract.id) ?? new Array<number | undefined>(LEVELS).fill(undefined);
    this.counters.set(abstract.id, counters);
    const override = instance.overrides.get(level)?.start;
    const key = `${numId}:${level}`;
    if (override !== undefined && !this.overridesUsed.has(key)) {
      this.overridesUsed.add(key);
      counters[level] = override;
    } else counters[level] = counters[level] === undefined ? own.start : counters[level] + 1;
    for (let m = level + 1; m < LEVELS; m++) if (restartsAt(m, level, def(m)?.restart)) counters[m] = undefined;
    return { label: this.render(own, counters, def), suffix: own.suffix, numId, level, format: own.format };
  }

  private render(own: LevelDefinition, counters: Array<number | undefined>, def: (l: number) => LevelDefinition | undefined): string {
    if (own.format === 'bullet') return [...own.text].map((c) => SYMBOL_BULLETS[c] ?? c).join('');
    return own.text.replace(/%([1-9])/g, (_, n: string) => {
      const l = Number(n) - 1;
      const d = def(l);
      const value = counters[l] ?? (d?.start ?? 1) - 1;
      return formatNumber(value, own.legal ? 'decimal' : (d?.format ?? 'decimal'));
    });
  }
}
