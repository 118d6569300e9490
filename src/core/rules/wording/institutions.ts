import { isProseRange, type DocumentModel } from '../../structure/model';
import { tokensOf, type Segmenter } from '../../text/segmenter';
import { isHan } from '../../text/chars';
import type { RuleProblem } from '../rule';
import { escapeRegExp } from './match';
import { occurrencesOf, type Institution } from './terms';

/** After a short name, a body under the institution: `市政府办公室` and `市发改委党组` are other bodies. */
const SUB_BODY_AFTER = /^(?:办公室|办公厅|办|党组|党委|机关|系统|直属|所属|下属|各部门|工作部门|派出)/;
/** After it, a post or a meeting: `国务院总理温家宝`, `市政府秘书长` name a person or a session, not the body's mention. */
const POST_AFTER = /^(?:[代副]?(?:总理|主任|部长|局长|厅长|书记|秘书长|主席|市长|省长|县长|区长)|常务会议|全体会议)/;
/** Just before it, a mark of other institutions of its kind: `各市发改委`, `全市发改委`, `省市发改委`, `区县卫健委`. */
const OTHER_BODIES_BEFORE = /[各全省市县区乡镇州盟旗]/;
/** Characters that end the word before a name whatever follows: read without a segmenter. */
const BOUNDARY_BEFORE = /[由向经报请送与和及或对在将把被从为同至让交给据按]/;
/** 主送机关 and 抄送 lines, where a 规范化简称 is right (GB/T 9704-2012 §7.3.2, §7.4.2); a BOM may open the file. */
const ADDRESS_LINE = /^[\uFEFF \t\u3000]*(?:(?:主送|抄送|报送|分送|抄报)[：:]|[^。；，,！？\r\n]{1,60}[：:][ \t\u3000]*$)/;
/** The short name being introduced: `（以下简称“发改委”）` names it after some full name, whatever its wording. */
const INTRODUCED_BEFORE = /简称[“"‘「『]?$/;
/** What a line holding only institution names (a 发文机关署名 or 发文机关标志) has besides them. */
const SIGNATURE_REST = /[\s\uFEFF\u3000、]|文件/g;
/** Longer lines are prose, not a line of names (joint signatures of a few bodies fit easily). */
const NAMES_LINE_MAX = 80;

/** One use of a short name: where it stands (with the place written before it, `杭州市发改委`) and as written. */
interface ShortUse {
  start: number;
  /** Where the configured short name itself begins (after the place). */
  shortStart: number;
  end: number;
  written: string;
}

/** `杭州` for `市发改委` of 杭州市发展和改革委员会: what of the full name may stand before the short name's first character. */
function placeBefore(full: string, short: string): string {
  const at = full.indexOf(short[0]);
  return at > 0 ? full.slice(0, at) : '';
}

interface Judge {
  model: DocumentModel;
  segmenter: () => Segmenter | undefined;
  fixed: Array<[number, number]>;
}

/** What one institution's uses are judged against, beside the model. */
interface InstitutionJudge extends Judge {
  inst: Institution;
  /** Where other institutions' longer names holding one of its short names stand (`国务院国有资产监督管理委员会`). */
  others: Array<[number, number]>;
  /** The 0-based title lines of the documents: a 标题 names its 发文机关 by full name or 规范化简称. */
  titleLines: ReadonlySet<number>;
  /** Every configured name, longest first, to recognise a line of names only. */
  names: RegExp | null;
  /** Per line, the offsets strictly inside a word of its segmentation: cut once however many uses it holds. */
  insideWord: Map<number, Uint8Array>;
}

/** How far a cited title's brackets are looked for around a use: a title is a line's phrase, not its paragraph. */
const TITLE_REACH = 200;

/** Whether text[start, end) lies inside a title cited on its line (`《国务院关于…的通知》`): quoted as issued. */
function inCitedTitle(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - TITLE_REACH), start);
  const open = before.lastIndexOf('《');
  if (open < 0 || /[》\r\n]/.test(before.slice(open + 1))) return false;
  const after = text.slice(end, end + TITLE_REACH);
  const close = after.indexOf('》');
  return close >= 0 && !/[《\r\n]/.test(after.slice(0, close));
}

/** A line of institution names only: a 发文机关署名 or 发文机关标志, where a 规范化简称 is right (条例 第九条). */
function isNamesLine(j: InstitutionJudge, line: string, use: ShortUse): boolean {
  if (line.length > NAMES_LINE_MAX) return false;
  const rest = line.split(use.written).join('');
  return (j.names ? rest.replace(j.names, '') : rest).replace(SIGNATURE_REST, '') === '';
}

/** Whether a word of the line's segmentation crosses the use's start or end (as `crossesWord`, the line cut once). */
function crossesWordAt(j: InstitutionJudge, start: number, end: number): boolean | undefined {
  const engine = j.segmenter();
  if (!engine) return undefined;
  const { lines } = j.model;
  const line = lines.lineAt(start);
  let inside = j.insideWord.get(line);
  if (!inside) {
    const paragraph = lines.lineText(line);
    inside = new Uint8Array(paragraph.length + 1);
    for (const t of tokensOf(engine.cut(paragraph), paragraph)) inside.fill(1, t.start + 1, t.end);
    j.insideWord.set(line, inside);
  }
  const lineStart = lines.starts[line];
  return inside[start - lineStart] === 1 || inside[end - lineStart] === 1;
}

/** Whether the use is read as something else than the institution named on its own: another name, a title, a line of names. */
function isOtherReading(j: InstitutionJudge, use: ShortUse): boolean {
  const { text, lines } = j.model;
  const line = lines.lineAt(use.start);
  const lineText = lines.lineText(line);
  if (j.titleLines.has(line) || ADDRESS_LINE.test(lineText) || isNamesLine(j, lineText, use)) return true;
  if (inCitedTitle(text, use.start, use.end) || INTRODUCED_BEFORE.test(text.slice(Math.max(0, use.start - 4), use.start))) return true;
  // `发改委（国家发展和改革委员会）`: the full name follows at once, in brackets.
  if (/[（(]/.test(text[use.end] ?? '') && text.startsWith(j.inst.full, use.end + 1)) return true;
  const within = (ranges: Array<[number, number]>, s: number, e: number) => ranges.some(([a, b]) => a <= s && e <= b && b - a > e - s);
  return j.fixed.some(([s, e]) => s < use.end && use.start < e) || within(j.others, use.shortStart, use.end);
}

/** Whether a use is this institution's name standing on its own, read strictly: any doubt, and it is not. */
function isOwnUse(j: InstitutionJudge, use: ShortUse): boolean {
  const { text } = j.model;
  if (!isProseRange(j.model, use.start, use.end) || isOtherReading(j, use)) return false;
  const after = text.slice(use.end, use.end + 4);
  if (SUB_BODY_AFTER.test(after) || POST_AFTER.test(after)) return false;
  const before = text[use.start - 1] ?? '';
  if (!isHan(before)) return true;
  if (OTHER_BODIES_BEFORE.test(before)) return false;
  if (BOUNDARY_BEFORE.test(before)) return true;
  // `天津市发改委` is another city's committee: a word of the segmentation runs into the name.
  return crossesWordAt(j, use.start, use.end) === false;
}

/** The uses of the institution's short names in text[from, to), outside its full name, in text order. */
function shortUses(text: string, inst: Institution, from: number, to: number): ShortUse[] {
  const span = text.slice(from, to);
  const fulls = occurrencesOf(span, [inst.full]);
  const out: ShortUse[] = [];
  for (const [s, e] of occurrencesOf(span, inst.short)) {
    if (fulls.some(([fs, fe]) => fs < e && s < fe)) continue;
    const short = span.slice(s, e);
    const place = placeBefore(inst.full, short);
    const start = from + (place && span.slice(0, s).endsWith(place) ? s - place.length : s);
    out.push({ start, shortStart: from + s, end: from + e, written: text.slice(start, from + e) });
  }
  return out;
}

/** Where the full name stands in the text: a PDF's line may break inside it (`国家发展和改革⏎委员会`). */
function fullStarts(text: string, inst: Institution): number[] {
  const pattern = new RegExp([...inst.full].map(escapeRegExp).join('(?:\\r?\\n)?'), 'g');
  return Array.from(text.matchAll(pattern), (m) => m.index);
}

/** The first of the (ascending) starts in [from, to), or `to`. */
function firstIn(starts: readonly number[], from: number, to: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo] < to ? starts[lo] : to;
}

/** Where other institutions' names that hold one of this one's short names, and are longer, stand in the text. */
function othersHolding(text: string, inst: Institution, all: readonly Institution[]): Array<[number, number]> {
  const holding = all
    .filter((o) => o !== inst && o.full !== inst.full)
    .flatMap((o) => [o.full, ...o.short])
    .filter((name) => inst.short.some((s) => name !== s && name.includes(s)));
  return holding.length ? occurrencesOf(text, holding) : [];
}

function firstMentionProblem(inst: Institution, use: ShortUse): RuleProblem {
  const introduced = `${inst.full}（以下简称“${use.written}”）`;
  return {
    start: use.start,
    end: use.end,
    message: `机关名称“${use.written}”在本文中首次出现，应使用全称“${inst.full}”，可写作“${inst.full}（以下简称‘${use.written}’）”（写作惯例）`,
    messageEn: `"${use.written}" is used before the institution's full name "${inst.full}" has appeared: its first mention takes the full name (drafting convention)`,
    fix: {
      safe: false,
      edits: [{ start: use.start, end: use.end, text: introduced }],
      title: '改为全称并注明简称',
      titleEn: 'Write the full name, introducing the short one',
    },
  };
}

/** Every configured name as one pattern, longest first (null when there is none). */
function namesPattern(institutions: readonly Institution[]): RegExp | null {
  const names = [...new Set(institutions.flatMap((i) => [i.full, ...i.short]))].sort((a, b) => b.length - a.length);
  return names.length ? new RegExp(names.map(escapeRegExp).join('|'), 'g') : null;
}

/**
 * A configured institution's short name used in a document before its full name has appeared there: the first
 * mention takes the full name (often with （以下简称“…”）). One problem per institution and document, at the first
 * such use; a name that differs from the configured ones is never guessed at.
 */
export function institutionProblems(model: DocumentModel, institutions: readonly Institution[], judge: Omit<Judge, 'model'>): RuleProblem[] {
  const { text } = model;
  const docs = model.documents.filter((d) => d.kind !== 'toc');
  const spans = docs.map((d) => [d.start, d.end] as const);
  const shared = {
    model,
    ...judge,
    titleLines: new Set(docs.map((d) => d.titleLine).filter((l) => l >= 0)),
    names: namesPattern(institutions),
    insideWord: new Map<number, Uint8Array>(),
  };
  const out: RuleProblem[] = [];
  for (const inst of institutions) {
    if (!inst.short.length) continue;
    const j: InstitutionJudge = { ...shared, inst, others: othersHolding(text, inst, institutions) };
    const fulls = fullStarts(text, inst);
    for (const [from, to] of spans.length ? spans : [[0, text.length] as const]) {
      const first = shortUses(text, inst, from, firstIn(fulls, from, to)).find((u) => isOwnUse(j, u));
      if (first) out.push(firstMentionProblem(inst, first));
    }
  }
  return out;
}
