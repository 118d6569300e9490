import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import type { DocumentModel } from '../structure/model';
import type { GongwenConfig } from '../config/settings';
import { findPlaceholders } from '../structure/placeholders';
import { placeholderScope } from './placeholder';
import { nextMatch } from '../structure/patterns';

/** What a look-alike character is, for the message. */
type Kind = 'kangxi' | 'radical' | 'compat' | 'digit' | 'letter' | 'invisible';

const KIND_NAMES: Record<Kind, [string, string]> = {
  kangxi: ['康熙部首', 'Kangxi radicals'],
  radical: ['部首补充区字符', 'CJK radicals supplement'],
  compat: ['兼容区汉字', 'CJK compatibility ideographs'],
  digit: ['全角数字', 'full-width digits'],
  letter: ['全角字母', 'full-width letters'],
  invisible: ['不可见字符', 'invisible characters'],
};

/** Full-width digits are a numbers matter (GB/T 15835-2011 writes Arabic numerals half-width); the rest is practice. */
const GBT_15835 = { zh: 'GB/T 15835-2011', en: 'GB/T 15835-2011' };

/**
 * U+2E80–U+2EF3 (CJK Radicals Supplement) → the Equivalent_Unified_Ideograph of the Unicode Character Database
 * (EquivalentUnifiedIdeograph.txt), one character per code point from U+2E80; a space where there is none, or where
 * the equivalent lies outside the BMP (a rare Extension B form that 公文 fonts cannot show: no ordinary ideograph).
 * NFKC maps only ⺟ and ⻳ of this block; PDF text carries many more (⻓ for 长, ⻔ for 门, ⺠ for 民).
 */
const RADICALS_SUPPLEMENT =
  ' 厂乛乚乙亻冂 刀刂卜㔾小小兀尣尢 巳幺彑彐忄心扌攵 旡日月歺母民氵氺灬爫爫丬牛犭王 目示礻 糹纟罓罒㓁冗 羊  耂肀聿肉 艹艹艹虎衤覀西见角 讠贝 车辶辶辶邑钅長镸长门 阝雨青韦页风飞食 飠饣 马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟';

/** Invisible characters by name; other C0/C1 controls are named by code point. */
const INVISIBLE_NAMES: Record<number, [string, string]> = {
  0x200b: ['零宽空格', 'ZERO WIDTH SPACE'],
  0x200c: ['零宽不连字', 'ZERO WIDTH NON-JOINER'],
  0x200d: ['零宽连字', 'ZERO WIDTH JOINER'],
  0x2060: ['字连接符', 'WORD JOINER'],
  0xfeff: ['零宽不换行空格', 'ZERO WIDTH NO-BREAK SPACE'],
  0x00ad: ['软连字符', 'SOFT HYPHEN'],
  0x000b: ['垂直制表符', 'LINE TABULATION'],
  0x000c: ['换页符', 'FORM FEED'],
  0x0085: ['下一行符', 'NEXT LINE'],
};

/** Controls that stand for a line or page break: deleted inside a line they would join two lines' words. */
const isBreakControl = (cp: number): boolean => cp === 0x0b || cp === 0x0c || cp === 0x85;

/** C0 and C1 controls other than tab, LF and CR (which are text), and DEL. */
const isControl = (cp: number): boolean => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);
const isInvisible = (cp: number): boolean => (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad || isControl(cp);
const isFullWidthDigit = (cp: number): boolean => cp >= 0xff10 && cp <= 0xff19;
const isFullWidthLetter = (cp: number): boolean => (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);

/**
 * Every code point the rule looks at, by explicit ranges (never NFKC over the text: it would also turn the correct
 * ideographic space U+3000 and `，` into ASCII): radicals, compatibility ideographs, invisible characters, full-width
 * digits and letters, and `．` (judged between full-width digits only).
 */
const CANDIDATES =
  // eslint-disable-next-line no-control-regex -- control characters are what the rule looks for
  /[\u2E80-\u2EF3\u2F00-\u2FD5\uF900-\uFAFF\u{2F800}-\u{2FA1F}\u200B-\u200D\u2060\uFEFF\u00AD\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E]+/u;

/** The standard form of one candidate, or null where it has none (an unassigned code point, a real ideograph). */
function standardOf(cp: number): { kind: Kind; text: string } | null {
  const ch = String.fromCodePoint(cp);
  if (cp >= 0x2f00 && cp <= 0x2fd5) return { kind: 'kangxi', text: ch.normalize('NFKC') };
  if (cp >= 0x2e80 && cp <= 0x2ef3) {
    const t = RADICALS_SUPPLEMENT[cp - 0x2e80];
    return t && t !== ' ' ? { kind: 'radical', text: t } : null;
  }
  if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) {
    // Twelve code points of the block (﨎, 﨏, 﨑…) are unified ideographs and unassigned ones stay: NFC leaves both.
    const t = ch.normalize('NFC');
    return t !== ch ? { kind: 'compat', text: t } : null;
  }
  if (isFullWidthDigit(cp)) return { kind: 'digit', text: String.fromCharCode(cp - 0xfee0) };
  if (isFullWidthLetter(cp)) return { kind: 'letter', text: String.fromCharCode(cp - 0xfee0) };
  if (isInvisible(cp)) return { kind: 'invisible', text: '' };
  return null;
}

/** ZWJ and ZWNJ do a job beside emoji (👨‍👩‍👧), combining marks and letters of other scripts (Indic, Persian). */
const JOINED = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{M}]|(?![\p{sc=Han}\p{sc=Latin}])\p{L}/u;

/** One character of a candidate run, judged in its context. */
interface Judged {
  start: number;
  end: number;
  cp: number;
  kind: Kind;
  text: string;
}

/** Offsets where the rule leaves full-width digits and letters to other rules: section markers and placeholders. */
class Owned {
  private markers?: Set<number>;
  private placeholders?: Array<[number, number]>;
  constructor(
    private readonly model: DocumentModel,
    private readonly config: GongwenConfig,
  ) {}

  /** `（１）`, `１．`: the marker is numbering-style's (its level-wide fix, or the document's own style). */
  inMarker(i: number): boolean {
    this.markers ??= new Set(this.model.headings.flatMap((h) => range(h.markerStart, h.markerEnd)));
    return this.markers.has(i);
  }

  /** `ＸＸ市`, `２０ＸＸ年`: a blank to fill in, which the placeholder rule reports. */
  inPlaceholder(i: number): boolean {
    const spans = (this.placeholders ??= findPlaceholders(this.model, this.config)
      .map((p): [number, number] => [p.start, p.end])
      .sort((a, b) => a[0] - b[0]));
    // The last placeholder starting at or before i (placeholders are maximal: they do not overlap).
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid][0] <= i) lo = mid;
      else hi = mid - 1;
    }
    return spans.length > 0 && spans[lo][0] <= i && i < spans[lo][1];
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** The characters of one candidate run that the rule reports, each with its standard form. */
function judgeRun(text: string, start: number, end: number, owned: Owned): Judged[] {
  const judged: Judged[] = [];
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const found = cp === 0xff0e ? decimalPoint(text, i) : standardOf(cp);
    if (found && keeps(text, i, size, cp, found.kind, owned)) judged.push({ start: i, end: i + size, cp, kind: found.kind, text: found.text });
    i += size;
  }
  return judged;
}

/** `１．５`: a full-width stop between full-width digits is their decimal point; elsewhere `．` is punctuation. */
function decimalPoint(text: string, i: number): { kind: Kind; text: string } | null {
  return isFullWidthDigit(text.charCodeAt(i - 1)) && isFullWidthDigit(text.charCodeAt(i + 1)) ? { kind: 'digit', text: '.' } : null;
}

/** False where the character is right in its place, or another rule owns it. */
function keeps(text: string, i: number, size: number, cp: number, kind: Kind, owned: Owned): boolean {
  if (cp === 0xfeff && i === 0) return false; // a byte-order mark the caller left: no part of the text
  if (cp === 0x200c || cp === 0x200d) {
    const before = i > 0 ? String.fromCodePoint(text.codePointAt(i - 1 - (isLowSurrogate(text.charCodeAt(i - 1)) ? 1 : 0))!) : '';
    const after = i + size < text.length ? String.fromCodePoint(text.codePointAt(i + size)!) : '';
    if (JOINED.test(before) || JOINED.test(after)) return false;
  }
  if (kind === 'digit' || kind === 'letter') return !owned.inMarker(i) && !owned.inPlaceholder(i);
  return true;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Splits judged characters into maximal adjacent runs: one problem each. */
function adjacentRuns(judged: Judged[]): Judged[][] {
  const runs: Judged[][] = [];
  for (const j of judged) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].end === j.start) last.push(j);
    else runs.push([j]);
  }
  return runs;
}

/** The problem for one run of look-alike characters. */
function problemFor(run: Judged[], safe: boolean): RuleProblem {
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const standard = run.map((j) => j.text).join('');
  const kinds = [...new Set(run.map((j) => j.kind))];
  const basis = kinds.includes('digit') ? GBT_15835 : CONVENTION;
  const [zh, en] = messages(run, kinds, standard, basis);
  const title: [string, string] = standard ? [`改为“${standard}”`, `Replace with “${standard}”`] : ['删除不可见字符', 'Delete the invisible characters'];
  return { start, end, message: zh, messageEn: en, fix: { safe, edits: [{ start, end, text: standard }], title: title[0], titleEn: title[1] } };
}

function messages(run: Judged[], kinds: Kind[], standard: string, basis: { zh: string; en: string }): [string, string] {
  if (kinds.length === 1 && kinds[0] === 'invisible') {
    const names = [...new Set(run.map((j) => j.cp))].map(invisibleName);
    return [
      `此处有不可见的${names.map((n) => n[0]).join('、')}，应删除（${basis.zh}）`,
      `Invisible ${names.map((n) => n[1]).join(', ')} here: delete it (${basis.en})`,
    ];
  }
  const shown = run.map((j) => (j.kind === 'invisible' ? `[${hex(j.cp)}]` : String.fromCodePoint(j.cp))).join('');
  if (kinds.every((k) => k === 'digit' || k === 'letter')) {
    const zhKind = kinds.length === 2 ? '全角数字和字母' : KIND_NAMES[kinds[0]][0];
    const enKind = kinds.length === 2 ? 'full-width digits and letters' : KIND_NAMES[kinds[0]][1];
    return [`“${shown}”为${zhKind}，应为半角“${standard}”（${basis.zh}）`, `“${shown}” is written in ${enKind}; use half-width “${standard}” (${basis.en})`];
  }
  // A compatibility ideograph looks exactly like its standard form: its code point tells them apart.
  const points = (k: Kind) => (k === 'compat' ? ` ${[...new Set(run.filter((j) => j.kind === k).map((j) => hex(j.cp)))].join(' ')}` : '');
  const zhKinds = kinds.map((k) => KIND_NAMES[k][0] + points(k)).join('、');
  const enKinds = kinds.map((k) => KIND_NAMES[k][1] + points(k)).join(', ');
  return [
    `“${shown}”含${zhKinds}等形近字符，应为“${standard}”（${basis.zh}）`,
    `“${shown}” contains look-alike characters (${enKinds}); the standard characters are “${standard}” (${basis.en})`,
  ];
}

function invisibleName(cp: number): [string, string] {
  const [zh, en] = INVISIBLE_NAMES[cp] ?? ['控制字符', 'control character'];
  return [`${zh}（${hex(cp)}）`, `${en} (${hex(cp)})`];
}

/**
 * Characters that look like the standard ones but are other code points (Kangxi radicals for ideographs, full-width
 * digits), and invisible ones (zero-width spaces, soft hyphens, controls): text copied from PDFs and web pages carries
 * them, and they break search, Word's 字数统计 and the other rules. One problem per maximal run within a line; the
 * fix writes the standard characters.
 */
export const lookalikeChar: Rule = {
  id: 'lookalike-char',
  defaultSeverity: 'warning',
  category: 'typography',
  description: '形近字符和不可见字符：康熙部首、兼容区汉字、全角数字和字母、零宽空格等（多见于从 PDF、网页复制的文字）',
  descriptionEn:
    'Look-alike and invisible characters: Kangxi radicals, compatibility ideographs, full-width digits and letters, zero-width spaces (text copied from PDFs and web pages)',
  fix: {
    zh: '换成标准字符或删除，安全；行中间的换页符等仅快速修复',
    en: 'standard characters or delete: safe; a page-break control inside a line: quick fix only',
  },
  basis: { zh: '全角数字：GB/T 15835-2011；其余：写作惯例', en: 'full-width digits: GB/T 15835-2011; the rest: drafting convention' },
  options: NO_OPTIONS,
  scope: placeholderScope,
  check({ model, config }) {
    const { text, lines } = model;
    const owned = new Owned(model, config);
    const problems: RuleProblem[] = [];
    let line = 0;
    for (let m = nextMatch(CANDIDATES, text, 0); m; m = nextMatch(CANDIDATES, text, m.index + m[0].length)) {
      const start = m.index;
      line = lines.lineAtFrom(start, line);
      if (!model.isProseLine(line)) continue;
      for (const run of adjacentRuns(judgeRun(text, start, start + m[0].length, owned))) {
        const s = run[0].start;
        const e = run[run.length - 1].end;
        if (model.isExcluded(s, e)) continue;
        // A page or line break control inside a line stands between two lines' words: deleting it is a guess.
        const inside = s > lines.starts[line] && e < lines.ends[line];
        problems.push(problemFor(run, !(inside && run.some((j) => isBreakControl(j.cp)))));
      }
    }
    return problems;
  },
};
