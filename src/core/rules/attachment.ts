import type { Rule, RuleProblem } from './rule';
import { NO_OPTIONS } from './rule';
import type { DocumentModel, ReportDocument } from '../structure/model';
import { attachmentList, attachmentRefs, bodyEndLine, type AttachmentItem, type AttachmentList, type AttachmentRef } from '../structure/attachments';

/** Punctuation after an attachment's name (§7.3.4: none), up to the line's end. */
const ATTACHMENT_TRAILING_PUNCT = /[。；;，,、：:．.！!？?]+(?=[ \t\u3000]*$)/;

/** GB/T 9704-2012 §7.3.4: 附件说明. */
const CLAUSE = { zh: 'GB/T 9704-2012 第7.3.4条', en: 'GB/T 9704-2012 §7.3.4' };

/** The 附件说明 (`附件：1.××××`) and the body's references to attachments by number. */
export const attachment: Rule = {
  id: 'attachment',
  defaultSeverity: 'warning',
  category: 'format',
  description: '附件说明：名称后不加标点，多个附件按 1. 2. 顺序编号，正文提到的附件都在附件说明中',
  descriptionEn: 'Attachment note: no punctuation after a name, several attachments numbered 1. 2. in order, every attachment the body names is listed',
  fix: {
    zh: '删标点、改序号写法，安全；重新编号，一处错号时安全',
    en: 'remove the stop, fix the marker (`2、`→`2.`): safe; renumber: safe for one stray number',
  },
  basis: { zh: 'GB/T 9704-2012 第7.3.4条', en: 'GB/T 9704-2012 §7.3.4' },
  severityNote: { zh: '；正文未提及某个附件为 `info`', en: '; `info` for a listed attachment the body never names' },
  options: NO_OPTIONS,
  check({ model }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      if (doc.kind === 'toc') continue;
      const list = attachmentList(model, doc);
      if (list) checkList(model, list, problems);
      checkRefs(model, doc, list, problems);
    }
    return problems;
  },
};

function checkList(model: DocumentModel, list: AttachmentList, problems: RuleProblem[]): void {
  const { items } = list;
  for (const item of items) trailingPunctuation(model, item, problems);
  if (items.length === 1 && items[0].number !== null) {
    const it = items[0];
    problems.push({
      start: it.markerStart,
      end: it.markerEnd,
      message: `只有一个附件时不编序号，直接写“附件：名称”（${CLAUSE.zh}）`,
      messageEn: `A single attachment takes no number: write "附件：name" (${CLAUSE.en})`,
      fix: {
        safe: false,
        edits: [{ start: it.markerStart, end: it.markerEnd, text: '' }],
        title: `删除序号“${model.text.slice(it.markerStart, it.markerEnd)}”`,
        titleEn: 'Remove the number',
      },
    });
    return;
  }
  if (items.length < 2) return;
  const wrong = items.filter((it, i) => it.number !== i + 1);
  items.forEach((it, i) => {
    const want = i + 1;
    if (it.number === null) {
      problems.push({
        start: it.nameStart,
        end: it.nameEnd,
        message: `有多个附件时应标注顺序号，此处应为“${want}.”（${CLAUSE.zh}）`,
        messageEn: `Several attachments are numbered: "${want}." belongs here (${CLAUSE.en})`,
        fix: {
          safe: wrong.length === 1,
          edits: [{ start: it.nameStart, end: it.nameStart, text: `${want}.` }],
          title: `添加序号“${want}.”`,
          titleEn: `Add the number "${want}."`,
        },
      });
      return;
    }
    const written = model.text.slice(it.markerStart, it.markerEnd);
    const goodSeparator = it.separator === '.' || it.separator === '．';
    const target = `${want}${goodSeparator ? it.separator : '.'}`;
    if (it.number !== want) {
      problems.push({
        start: it.markerStart,
        end: it.markerEnd,
        message: `附件序号应依次为 1. 2. 3.……，此处应为“${target}”（${CLAUSE.zh}）`,
        messageEn: `Attachments are numbered 1. 2. 3. in order: "${target}" belongs here (${CLAUSE.en})`,
        fix: {
          safe: wrong.length === 1,
          edits: [{ start: it.markerStart, end: it.markerEnd, text: target }],
          title: `改为“${target}”`,
          titleEn: `Change to "${target}"`,
        },
      });
    } else if (!goodSeparator) {
      problems.push({
        start: it.markerStart,
        end: it.markerEnd,
        message: `附件序号用阿拉伯数字加下脚点“${target}”，不用“${written}”（${CLAUSE.zh}）`,
        messageEn: `An attachment's number is an Arabic numeral and a full stop, "${target}", not "${written}" (${CLAUSE.en})`,
        fix: {
          safe: true,
          edits: [{ start: it.markerEnd - it.separator.length, end: it.markerEnd, text: '.' }],
          title: `改为“${target}”`,
          titleEn: `Change to "${target}"`,
        },
      });
    }
  });
}

function trailingPunctuation(model: DocumentModel, item: AttachmentItem, problems: RuleProblem[]): void {
  const name = model.text.slice(item.nameStart, item.nameEnd);
  const m = ATTACHMENT_TRAILING_PUNCT.exec(name);
  if (!m || m.index === 0) return;
  const start = item.nameStart + m.index;
  const end = start + m[0].length;
  problems.push({
    start,
    end,
    message: `附件名称后不加标点符号“${m[0]}”（${CLAUSE.zh}）`,
    messageEn: `No punctuation after an attachment's name: remove "${m[0]}" (${CLAUSE.en})`,
    fix: { safe: true, edits: [{ start, end, text: '' }], title: `删除“${m[0]}”`, titleEn: `Remove "${m[0]}"` },
  });
}

/**
 * The references to attachments past the list's `count`, one entry per written number: a range's end (`附件1至5`
 * with three attachments) stands for 4 and 5 at once, so it is one problem, not two on the same characters.
 */
function missingByPlace(refs: AttachmentRef[], count: number): Array<{ start: number; end: number; numbers: number[] }> {
  const out: Array<{ start: number; end: number; numbers: number[] }> = [];
  for (const r of refs) {
    if (r.number >= 1 && r.number <= count) continue;
    const last = out[out.length - 1];
    if (last && last.start === r.start && last.end === r.end) last.numbers.push(r.number);
    else out.push({ start: r.start, end: r.end, numbers: [r.number] });
  }
  return out;
}

function checkRefs(model: DocumentModel, doc: ReportDocument, list: AttachmentList | null, problems: RuleProblem[]): void {
  const refs = attachmentRefs(model, doc, bodyEndLine(model, doc, list));
  if (!refs.length) return;
  // An attachment is known by its place in the list (its number, once numbered right, which checkList sees to).
  const count = list ? list.items.length : 0;
  for (const { start, end, numbers } of missingByPlace(refs, count)) {
    const named = model.text.slice(start, end);
    const zh = numbers.join('、');
    const en = numbers.length > 1 ? `attachments ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}` : `attachment ${numbers[0]}`;
    problems.push(
      list
        ? {
            start,
            end,
            message: `正文提到附件${zh}，附件说明中没有第${zh}个附件（${CLAUSE.zh}）`,
            messageEn: `The body names ${en} ("${named}"), which the attachment note does not list (${CLAUSE.en})`,
          }
        : {
            start,
            end,
            message: `正文提到附件${zh}，但正文之后没有附件说明（“附件：1.××××”）（${CLAUSE.zh}）`,
            messageEn: `The body names ${en} ("${named}"), but there is no attachment note ("附件：1.××××") after the body (${CLAUSE.en})`,
          },
    );
  }
  // The reverse: with several attachments, one the body never names while it names others by number.
  if (!list || list.items.length < 2) return;
  const referenced = new Set(refs.map((r) => r.number));
  list.items.forEach((it, i) => {
    const n = i + 1;
    if (referenced.has(n) || it.number === null) return;
    problems.push({
      start: it.markerStart,
      end: it.markerEnd,
      message: `附件说明列出了附件${n}，正文却未提及（正文提到了其他附件的序号）（${CLAUSE.zh}）`,
      messageEn: `The attachment note lists attachment ${n}, which the body never names although it names the others by number (${CLAUSE.en})`,
      severityCap: 'info',
    });
  });
}
