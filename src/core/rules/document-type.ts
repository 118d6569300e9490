import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import type { DocumentModel, ReportDocument } from '../structure/model';
import { attachmentList, bodyEndLine } from '../structure/attachments';
import { INDENT, SENTENCE_END, TRAILING_SPACE, globalCopy } from '../structure/patterns';

/** The first line break of a text. */
const LINE_BREAK = /\r\n|\r|\n/;

/** A paragraph that ends like prose: a sentence mark, maybe with closing quotes or brackets after it. */
const ENDS_WITH_SENTENCE_STOP = /[。！？!?][”’」』）)》]*[ \t\u3000]*$/;

/** Lines after the body that are not its closing paragraph: contact lines, 版记 (抄送, 印发). */
const CLOSING_NOTE_LINE = /^[ \t\u3000]*[（(]?[ \t\u3000]*(?:联[ \t\u3000]*系[ \t\u3000]*人|联系电话|联系方式|抄送|抄报|主送|分送|报送|印发)/;

/** The closing formula of a 通知. */
const NOTICE_CLOSING = /特此通知[。.！!]?[ \t\u3000]*$/;

/** The bare formula 特此请示 (no request in it). */
const BARE_REQUEST_FORMULA = /^[ \t\u3000]*特此请示[。.]?[ \t\u3000]*$/;

/** The closing a 请示 needs: 妥否，请批示 / 当否，请批复 / 以上请示，请予审批 / 恳请市政府予以批准 … */
const REQUEST_CLOSING = /(?<![申提报邀聘])(?:恳请|敬请|请|望)[^。；！？!?\n\r]{0,15}?(?:批示|批复|审批|批准|核准|审定|审核|指示|示复|同意|阅示)|妥否|当否/;

/** A request for approval or a reply in so many words: what a 报告 must not carry (not 申请批准, 报请批准, 请示经……批准). */
const APPROVAL_REQUEST = /(?:恳请|敬请)[^。；！？!?\n\r]{0,10}?(?:批示|批复|审批|批准)|(?<![申提报邀聘恳敬])请(?:予以|予)?(?:批示|批复|审批|批准)/;

/** A 通知 that issues, forwards or publishes a document: it closes with the document, not with 特此通知. */
const ISSUING_NOTICE_TITLE = /关于(?:印发|转发|批转|颁发|发布|公布)/;

/** The mixed kind 请示报告 at a title's end: no such 文种. */
const MIXED_KIND_TITLE = /请示报告(?=[ \t\u3000]*$)/;

/** A 公文 title naming its kind (文种): `××关于××的请示`. Group 1: the kind. */
const DOCUMENT_KIND_TITLE = /关于.+?(请示|报告|通知)[ \t\u3000]*$/;

/** 《党政机关公文处理工作条例》, as gbt9704.md cites it (no article number: none is relied on). */
const REGULATIONS = {
  zh: '《党政机关公文处理工作条例》（中办发〔2012〕14号）',
  en: 'Regulations on the Handling of Official Documents of Party and Government Organs, 中办发〔2012〕14号',
};

type Kind = '请示' | '报告' | '通知';

/** What the 文种 in the title asks of the text: a 请示 asks for a reply, a 报告 asks for none, a 通知 closes with 特此通知. */
export const documentType: Rule = {
  id: 'document-type',
  defaultSeverity: 'warning',
  category: 'format',
  description: '文种与正文相符：请示以请求批复结尾，报告不夹带请示事项，通知以“特此通知。”结尾',
  descriptionEn: 'The text fits the kind its title names: a 请示 ends asking for a reply, a 报告 asks for no approval, a 通知 ends with 特此通知',
  fix: { zh: '通知：另起一行添加“特此通知。”，仅快速修复', en: 'add `特此通知。` on a new line, quick fix only' },
  basis: {
    zh: '《党政机关公文处理工作条例》；写作惯例',
    en: 'Regulations on the Handling of Official Documents of Party and Government Organs; drafting convention',
  },
  severityNote: { zh: '；通知结尾为 `info`', en: '; `info` for a notice’s closing' },
  options: NO_OPTIONS,
  check({ model }) {
    const problems: RuleProblem[] = [];
    for (const doc of model.documents) {
      if (doc.kind === 'toc' || doc.titleLine < 0) continue;
      const titleText = model.lines.lineText(doc.titleLine);
      const mixed = MIXED_KIND_TITLE.exec(titleText);
      if (mixed) {
        const start = model.lines.starts[doc.titleLine] + mixed.index;
        problems.push({
          start,
          end: start + mixed[0].length,
          message: `“请示报告”不是法定文种：请求指示、批准用“请示”，汇报工作用“报告”（${REGULATIONS.zh}）`,
          messageEn: `"请示报告" is no kind of document: a request for approval is a 请示, an account of work a 报告 (${REGULATIONS.en})`,
        });
        continue;
      }
      const kind = DOCUMENT_KIND_TITLE.exec(doc.title)?.[1] as Kind | undefined;
      if (!kind) continue;
      if (kind === '请示') checkRequest(model, doc, problems);
      else if (kind === '报告') checkReport(model, doc, problems);
      else if (!ISSUING_NOTICE_TITLE.test(doc.title)) checkNotice(model, doc, problems);
    }
    return problems;
  },
};

interface Closing {
  line: number;
  /** The last sentence of the closing paragraph (trimmed). */
  start: number;
  end: number;
  text: string;
}

/** The body's closing paragraph: the last prose line before the 附件说明 and the 落款 that ends like a sentence or holds a closing formula. */
function closingOf(model: DocumentModel, doc: ReportDocument, below: number = Infinity): Closing | null {
  const { lines } = model;
  const last = Math.min(bodyEndLine(model, doc, attachmentList(model, doc)), below - 1);
  for (let line = last; line > doc.titleLine && line >= doc.startLine; line--) {
    if (!model.isProseLine(line)) continue;
    const text = lines.lineText(line);
    if (text.trim() === '' || CLOSING_NOTE_LINE.test(text)) continue;
    if (!ENDS_WITH_SENTENCE_STOP.test(text) && !REQUEST_CLOSING.test(text) && !NOTICE_CLOSING.test(text)) continue;
    const [s, e] = lastSentence(text);
    return { line, start: lines.starts[line] + s, end: lines.starts[line] + e, text };
  }
  return null;
}

/** [start, end) of a line's last sentence, without surrounding spaces. */
function lastSentence(text: string): [number, number] {
  const end = text.replace(TRAILING_SPACE, '').length;
  let start = INDENT.exec(text)![0].length;
  for (const m of text.matchAll(globalCopy(SENTENCE_END))) {
    const after = m.index + m[0].length;
    if (after < end) start = after;
  }
  while (start < end && (text[start] === ' ' || text[start] === '\t' || text[start] === '\u3000')) start++;
  return [start, end];
}

function checkRequest(model: DocumentModel, doc: ReportDocument, problems: RuleProblem[]): void {
  const closing = closingOf(model, doc);
  if (!closing) return;
  if (REQUEST_CLOSING.test(closing.text)) return;
  // `特此请示。` alone after the paragraph that asks.
  if (BARE_REQUEST_FORMULA.test(closing.text)) {
    const before = closingOf(model, doc, closing.line);
    if (before && REQUEST_CLOSING.test(before.text)) return;
  }
  problems.push({
    start: closing.start,
    end: closing.end,
    message: `请示应以请求批复的结束语收尾，如“妥否，请批示。”“以上请示，请予审批。”（${REGULATIONS.zh}）`,
    messageEn: `A 请示 (request) ends by asking for a reply, e.g. "妥否，请批示。" or "以上请示，请予审批。" (${REGULATIONS.en})`,
  });
}

function checkReport(model: DocumentModel, doc: ReportDocument, problems: RuleProblem[]): void {
  const { lines } = model;
  const last = bodyEndLine(model, doc, attachmentList(model, doc));
  for (let line = doc.titleLine + 1; line <= last; line++) {
    if (!model.isProseLine(line)) continue;
    const text = lines.lineText(line);
    for (const m of text.matchAll(globalCopy(APPROVAL_REQUEST))) {
      const start = lines.starts[line] + m.index;
      const end = start + m[0].length;
      if (model.isExcluded(start, end)) continue;
      problems.push({
        start,
        end,
        message: `报告不得夹带请示事项：“${m[0]}”是请求批准的用语，需要批准的事项应另行请示；报告可以“特此报告。”结尾（${REGULATIONS.zh}）`,
        messageEn: `A 报告 (report) must not ask for approval: "${m[0]}" does, so the matter belongs in a 请示; a report may close with "特此报告。" (${REGULATIONS.en})`,
      });
    }
  }
}

function checkNotice(model: DocumentModel, doc: ReportDocument, problems: RuleProblem[]): void {
  if (attachmentList(model, doc)) return;
  const closing = closingOf(model, doc);
  if (!closing || NOTICE_CLOSING.test(closing.text)) return;
  const { lines, text } = model;
  const next = closing.line + 1 < lines.lineCount ? lines.starts[closing.line + 1] : -1;
  const eol = next >= 0 ? text.slice(lines.ends[closing.line], next) : (LINE_BREAK.exec(text)?.[0] ?? '\n');
  // In markdown a single line break continues the paragraph: leave a blank line.
  const breakBefore = model.format === 'markdown' ? eol + eol : eol;
  const indent = INDENT.exec(closing.text)![0];
  problems.push({
    start: closing.start,
    end: closing.end,
    message: `通知正文之后一般以“特此通知。”结束（${CONVENTION.zh}）`,
    messageEn: `A 通知 (notice) usually closes with "特此通知。" after its body (${CONVENTION.en})`,
    severityCap: 'info',
    fix: {
      safe: false,
      edits: [{ start: closing.end, end: closing.end, text: `${breakBefore}${indent}特此通知。` }],
      title: '另起一行添加“特此通知。”',
      titleEn: 'Add "特此通知。" on a new line',
    },
  });
}
