import { isProseRange, type DocumentModel } from '../../structure/model';
import type { Segmenter } from '../../text/segmenter';
import { isHan } from '../../text/chars';
import type { RuleProblem } from '../rule';
import { crossesWord } from './match';
import { occurrencesOf, type Institution } from './terms';

/** After a short name, a body under the institution: `市政府办公室` and `市发改委党组` are other bodies. */
const SUB_BODY_AFTER = /^(?:办公室|办公厅|办|党组|党委|机关|系统|直属|所属|下属|各部门|工作部门|派出)/;
/** Just before it, a mark of other institutions of its kind: `各市发改委`, `全市发改委`, `省市发改委`, `区县卫健委`. */
const OTHER_BODIES_BEFORE = /[各全省市县区乡镇州盟旗]/;
/** Characters that end the word before a name whatever follows: read without a segmenter. */
const BOUNDARY_BEFORE = /[由向经报请送与和及或对在将把被从为同至让交给据按]/;
/** 主送机关 and 抄送 lines, where a 规范化简称 is right (GB/T 9704-2012 §7.3.2, §7.4.2). */
const ADDRESS_LINE = /^[ \t\u3000]*(?:(?:主送|抄送|报送|分送|抄报)[：:]|[^。；，,！？\r\n]{1,60}[：:][ \t\u3000]*$)/;

/** One use of a short name: where it stands (with the place written before it, `杭州市发改委`) and as written. */
interface ShortUse {
  start: number;
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

/** Whether a use is this institution's name standing on its own, read strictly: any doubt, and it is not. */
function isOwnUse(j: Judge, use: ShortUse): boolean {
  const { text, lines } = j.model;
  if (!isProseRange(j.model, use.start, use.end)) return false;
  if (ADDRESS_LINE.test(lines.lineText(lines.lineAt(use.start)))) return false;
  if (j.fixed.some(([s, e]) => s < use.end && use.start < e)) return false;
  if (SUB_BODY_AFTER.test(text.slice(use.end, use.end + 4))) return false;
  const before = text[use.start - 1] ?? '';
  if (!isHan(before)) return true;
  if (OTHER_BODIES_BEFORE.test(before)) return false;
  if (BOUNDARY_BEFORE.test(before)) return true;
  // `天津市发改委` is another city's committee: a word of the segmentation runs into the name.
  return crossesWord(j.model, j.segmenter(), use.start, use.end) === false;
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
    out.push({ start, end: from + e, written: text.slice(start, from + e) });
  }
  return out;
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

/**
 * A configured institution's short name used in a document before its full name has appeared there: the first
 * mention takes the full name (often with （以下简称“…”）). One problem per institution and document, at the first
 * such use; a name that differs from the configured ones is never guessed at.
 */
export function institutionProblems(model: DocumentModel, institutions: readonly Institution[], judge: Omit<Judge, 'model'>): RuleProblem[] {
  const { text } = model;
  const j: Judge = { model, ...judge };
  const spans = model.documents.filter((d) => d.kind !== 'toc').map((d) => [d.start, d.end] as const);
  const out: RuleProblem[] = [];
  for (const inst of institutions) {
    if (!inst.short.length) continue;
    for (const [from, to] of spans.length ? spans : [[0, text.length] as const]) {
      const fullAt = text.indexOf(inst.full, from);
      const firstFull = fullAt >= 0 && fullAt < to ? fullAt : to;
      const first = shortUses(text, inst, from, firstFull).find((u) => isOwnUse(j, u));
      if (first) out.push(firstMentionProblem(inst, first));
    }
  }
  return out;
}
