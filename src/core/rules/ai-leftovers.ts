import type { Rule, RuleProblem } from './rule';
import { CONVENTION, NO_OPTIONS } from './rule';
import { isProseRange, type DocumentModel } from '../structure/model';
import { boldPairs } from '../structure/placeholders';
import type { TextEdit } from '../types';
import { HAN } from '../text/chars';

/** `### 二、主要工作`: a markdown heading's hashes at the start of a line (or of its indent), the text's own indent kept. */
const HEADING = /^([ \t\u3000]*)(#{1,6}[ \t]+)(?=[ \t\u3000]*\S)/gm;
/** `✅ 完成…`, `1️⃣ …`: an emoji opening a line as a bullet (not ©, ®, ™, which are pictographs too). */
const EMOJI_BULLET = /^([ \t\u3000]*)((?![©®™‼⁉])\p{Extended_Pictographic}\uFE0F?|[0-9#*]\uFE0F?\u20E3)([ \t\u3000]*)/gmu;
/** `"全面推进"`: ASCII double quotes around Chinese words. */
const STRAIGHT_QUOTES = /"([^"\n]{1,60})"/g;

interface Leftover {
  start: number;
  end: number;
  edits: TextEdit[];
  what: string;
  whatEn: string;
  title: string;
  titleEn: string;
}

/** Edits that replace the `width`-character delimiters at both ends of text[start, end), leaving what they enclose. */
const replaceDelimiters = (start: number, end: number, width: number, open: string, close: string): TextEdit[] => [
  { start, end: start + width, text: open },
  { start: end - width, end, text: close },
];

function bold(model: DocumentModel): Leftover[] {
  return boldPairs(model).map(({ start, end, inner }) => ({
    start,
    end,
    edits: replaceDelimiters(start, end, 2, '', ''),
    what: `markdown 粗体标记“**${inner}**”`,
    whatEn: `markdown bold "**${inner}**"`,
    title: '删除“**”',
    titleEn: 'Remove the **',
  }));
}

function headings(text: string): Leftover[] {
  return [...text.matchAll(HEADING)].map((m) => {
    const start = m.index + m[1].length;
    const end = start + m[2].length;
    return {
      start,
      end,
      edits: [{ start, end, text: '' }],
      what: `markdown 标题标记“${m[2].trim()}”`,
      whatEn: `markdown heading marks "${m[2].trim()}"`,
      title: '删除“#”',
      titleEn: 'Remove the #',
    };
  });
}

function emojiBullets(text: string): Leftover[] {
  return [...text.matchAll(EMOJI_BULLET)].map((m) => {
    const start = m.index + m[1].length;
    const end = start + m[2].length + m[3].length;
    return {
      start,
      end: start + m[2].length,
      edits: [{ start, end, text: '' }],
      what: `表情符号“${m[2]}”作项目符号`,
      whatEn: `an emoji "${m[2]}" as a bullet`,
      title: '删除表情符号',
      titleEn: 'Remove the emoji',
    };
  });
}

function straightQuotes(text: string): Leftover[] {
  return [...text.matchAll(STRAIGHT_QUOTES)]
    .filter((m) => HAN.test(m[1]))
    .map((m) => {
      const start = m.index;
      const end = start + m[0].length;
      return {
        start,
        end,
        edits: replaceDelimiters(start, end, 1, '“', '”'),
        what: `直引号“${m[0]}”（应用中文引号“”）`,
        whatEn: `straight quotes ${m[0]} (Chinese text takes “”)`,
        title: '改为中文引号“”',
        titleEn: 'Change to “”',
      };
    });
}

/**
 * What a draft written with an AI tool leaves in a plain-text or `.gw` report: markdown bold (`**加强组织领导**：`),
 * heading hashes (`###`), emoji bullets (`✅`) and straight quotes. Not in markdown files, where they are syntax.
 */
export const aiLeftovers: Rule = {
  id: 'ai-leftovers',
  defaultSeverity: 'warning',
  category: 'pasted',
  description: '纯文本报告中残留的 markdown 粗体“**”、标题“###”、表情符号项目符号和直引号（多见于用 AI 工具起草的稿子）',
  descriptionEn: 'Markdown bold **, heading ###, emoji bullets and straight quotes left in a plain-text report (AI-drafted text)',
  fix: { zh: '删除标记，直引号改为中文引号，安全', en: 'remove the marks, curl the quotes: safe' },
  basis: CONVENTION,
  options: NO_OPTIONS,
  // Line by line where lines end at `\n`: a lone `\r` would let a pattern's `[^\n]` run on into the next line.
  scope: ({ model }) => (model.text.includes('\r') ? 'document' : 'line'),
  check({ model }) {
    if (model.format === 'markdown') return [];
    const { text } = model;
    const found = [...bold(model), ...headings(text), ...emojiBullets(text), ...straightQuotes(text)];
    return found
      .filter((f) => isProseRange(model, f.start, f.end))
      .sort((a, b) => a.start - b.start)
      .map((f): RuleProblem => ({
        start: f.start,
        end: f.end,
        message: `${f.what}：纯文本报告中不应出现（${CONVENTION.zh}）`,
        messageEn: `${f.whatEn} left in a plain-text report (${CONVENTION.en})`,
        fix: { safe: true, edits: f.edits, title: f.title, titleEn: f.titleEn },
      }));
  },
};
