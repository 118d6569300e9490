import type { LineIndex } from '../text/lines';
import { codePointLength } from '../text/lines';

/**
 * Page furniture: lines a web page or a PDF put around the report, copied in with it. They are no prose (no rule
 * judges them), never a title, and the export leaves them out.
 * - web: breadcrumbs (`您的位置：首页 > 政务公开`), metadata (`来源：` `发布时间：2026-02-10 09:02:33` `浏览次数：`),
 *   tool bars (`打印 全屏 收藏 【字号：加大 还原 减小】`, `分享到`, `×`), `责任编辑：`, `》》点击图片进入专题《《`, footers;
 * - PDF: page numbers (`— 3 —`, `- 3 -`, `第3页`), and running heads: a short line repeated on three or more
 *   pages of a text that has page numbers.
 */
export type FurnitureKind = 'web' | 'pdf';

export interface FurnitureLine {
  line: number;
  kind: FurnitureKind;
}

/** The longest line taken for furniture: a line of a report's body runs longer. */
const MAX_FURNITURE_CHARS = 80;

const BREADCRUMB = /^(?:您(?:现在)?的位置|当前(?:的)?位置|现在位置|所在位置|位置)\s*[:：]|^(?:首页|网站首页|主页)\s*[>＞»›/]/;
/** Labels only a web page's metadata uses; a report's body never starts a line with them. */
export const WEB_LABEL_WORDS: readonly string[] = (
  '信息来源 文章来源 来源 归档时间 发表时间 发布机构 发布单位 发布时间 发布日期 更新时间 更新日期 浏览次数 浏览量 点击数 点击量 ' +
  '阅读次数 阅读量 访问量 责任编辑 编辑 审核 校对 撰稿 供稿 作者 字体 字号 索引号 分类 文号 主题分类 成文日期 公开方式 生成日期'
).split(' ');
const WEB_LABEL = new RegExp(`^[【[（(]?(?:${WEB_LABEL_WORDS.join('|')})\\s*[:：]`);
/** A field of a page's metadata anywhere in a line: a web label at the line's start or after a space or bracket. */
const WEB_FIELD = new RegExp(`(?:^|[ \\t\\u3000【[（(|｜])[【[（(]?(?:${[...WEB_LABEL_WORDS, '时间', '日期'].join('|')})[ \\t]*[:：]`);
/** A line this short that holds a web label is the page's metadata (`作者: 佚名 来源: 作者原创 阅读 次 【小 中 大】`). */
const MAX_METADATA_LINE = 80;

/**
 * A short line holding a web page's label at the start of a field (`来源：XX市人民政府\u3000时间：2026-02-10`): the page's
 * metadata, whether or not the line was taken for furniture (the rules that keep its spaces and dates ask this).
 */
export function isWebMetadataLine(text: string, ls: number, le: number): boolean {
  return le - ls <= MAX_METADATA_LINE && WEB_FIELD.test(text.slice(ls, le));
}
/** `时间：2026-02-10`, `日期：2026-02-10 09:02`: a label with a CMS's zero-padded date (and time) is a page's metadata. */
const LABELLED_TIMESTAMP = /^时间\s*[:：]\s*\d{4}-\d{2}-\d{2}|^日期\s*[:：]\s*\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}/;
/** Words of a tool bar or share widget; a line made only of them (and brackets, separators) is furniture. */
const TOOL_WORDS = new Set(
  (
    '打印 打印本页 打印此页 全屏 收藏 收藏本页 加入收藏 关闭 关闭窗口 关闭本页 返回 返回顶部 回到顶部 分享 分享到 扫一扫 微信 微博 新浪微博 腾讯微博 QQ空间 QQ ' +
    '字号 加大 还原 减小 默认 大 中 小 × 下载 附件下载 上一篇 下一篇 上一条 下一条 相关链接 相关文章 相关阅读 相关报道 相关新闻 相关文档 相关附件 纠错 我要纠错 视力保护色 繁體 繁体 简体 ' +
    '无障碍 无障碍浏览 登录 注册 网站地图 English RSS 朗读 语音播报 听全文 保存 复制链接 手机版 二维码 微信扫一扫 阅读 评论 点赞 在看'
  ).split(' '),
);
const TOOL_SPLIT = /[\s【】[\]（）()|｜·•/:：、,，>＞«»]+/;
const WIDGET = /扫一扫|点击(?:图片|这里|此处)?进入专题|轻触这里|加载下一页|分享到微信|分享至朋友圈|打开微信|使用“?扫一扫|扫描二维码|分享到朋友圈|长按识别/;
const FOOTER = /版权所有|ICP备|公网安备|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|联系我们|建议使用.*浏览器|分辨率/;
/** What 范文 and document-sharing sites write around a text: blurbs, sign-in walls, tags, copyright and comment notices. */
const SITE_NOTE =
  /@所有人|VIP专免|侵权投诉|版权声明|用户评论|E-mail推荐|在手机(?:阅读|打开)|网友(?:为您|为大家)?(?:整理|分享|投稿)|小编|本站|范文网|千文网|仅供(?:参考|预览|学习|借鉴)|供(?:您|大家)(?:参考|借鉴)|二次传播|作者原创|我要投稿|欢迎(?:阅读|下载)|您需要先登录|^Tag\s*[:：]|精选参考范文|以下评论仅代表|与本站立场|文章共\d+字|来源于www\.|下载后的文档|下载之前|\d+(?:\.\d+)?\s*[KMG]B(?![A-Za-z])/;
/** A news agency's dateline on its own line (`新华社北京3月15日电`): the republishing page's, not the report's. */
const DATELINE =
  /(?:新华社|中新社|本报|新华网|人民网)[\p{Script=Han}]{0,6}(?:[0-9０-９]{4}年)?[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日电$/u;

/** A site's label before each text of a collection, alone on its line: `篇1:`, `第一篇:`. */
const COLLECTION_LABEL = /^(?:篇[0-9０-９]{1,2}|第[一二三四五六七八九十0-9]{1,3}篇)\s*[:：]?$/;
/** Site notes run longer than a tool bar: a blurb of a sentence or two. */
const MAX_SITE_NOTE_CHARS = 200;
const PAGE_NUMBER = /^(?:[—–\-－_]{1,3}\s*\d{1,4}\s*[—–\-－_]{1,3}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,3})$/;

/** A tool bar or an editor's note split over lines leaves its brackets alone on a line (`【字号：` … `】`, `（责任编辑：` … `）`); a lone `（` is a section marker broken over two lines. */
const LONE_BRACKETS = /^[【】[\]|｜）)]+$/;

function isToolBar(t: string): boolean {
  if (LONE_BRACKETS.test(t)) return true;
  const words = t.split(TOOL_SPLIT).filter(Boolean);
  return words.length > 0 && words.every((w) => TOOL_WORDS.has(w));
}

/** Whether one line (trimmed) is web furniture by its own text. */
export function isWebFurniture(t: string): boolean {
  if (t === '') return false;
  const n = codePointLength(t);
  if (n <= MAX_SITE_NOTE_CHARS && SITE_NOTE.test(t)) return true;
  if (n > MAX_FURNITURE_CHARS) return false;
  return BREADCRUMB.test(t) || WEB_LABEL.test(t) || isToolBar(t) || WIDGET.test(t) || FOOTER.test(t) || COLLECTION_LABEL.test(t) || DATELINE.test(t);
}

const PAGE_HEADER_LINES = 8;
/** Right below a page's title, before any 主送 line could open a notice's body. */
const TITLE_BLOCK_LINES = 3;
const BARE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const TIME_OF_DAY = /\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}/;
/** How near a `时间：2026-02-10` line must stand to other furniture to be a page's metadata, not a notice's 时间 field. */
const METADATA_NEIGHBOURHOOD = 2;

/** Whether one line (trimmed) is a PDF's page number. */
export function isPageNumber(t: string): boolean {
  return PAGE_NUMBER.test(t);
}

/** Running heads: short lines repeated three or more times in a text that has page numbers. */
function runningHeads(trimmed: string[], pageNumbers: number): Set<string> {
  const heads = new Set<string>();
  if (pageNumbers < 2) return heads;
  const counts = new Map<string, number>();
  for (const t of trimmed) if (t && codePointLength(t) <= 40 && !/[。；！？]$/.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, n] of counts) if (n >= 3 && !/^[（(]?[一二三四五六七八九十\d]/.test(t)) heads.add(t);
  return heads;
}

const CRUMB_SEPARATOR = /^[>＞»›/|｜]+$/;
const MAX_CRUMB_CHARS = 8;
const MAX_CRUMBS = 8;

/**
 * A breadcrumb split over lines (`您的位置:` / `首页` / `>` / `云南要闻`): below its first line, separators and short
 * channel names, up to the first longer line (the page's headline).
 */
function breadcrumbTrails(trimmed: string[], found: FurnitureLine[]): void {
  trimmed.forEach((t, line) => {
    // Only a trail split over lines: its first line stops at the label or the first crumb (`您的位置:`, `首页 >`).
    if (!BREADCRUMB.test(t) || codePointLength(t) > MAX_CRUMB_CHARS + 2) return;
    for (let next = line + 1; next < trimmed.length && next <= line + MAX_CRUMBS; next++) {
      const crumb = trimmed[next];
      if (crumb === '' || (!CRUMB_SEPARATOR.test(crumb) && (codePointLength(crumb) > MAX_CRUMB_CHARS || /[。，；：！？]/.test(crumb)))) return;
      found.push({ line: next, kind: 'web' });
    }
  });
}

const RELATED_BOX = /^(?:相关(?:报道|新闻|链接|阅读|文章|文档|附件)|延伸阅读|推荐阅读)\s*[:：>》]*$/;
const MAX_HEADLINE_CHARS = 60;

/**
 * A page's related-links box: below `相关报道：` or `相关链接>>`, the short headline lines to the end of the text
 * (a line that ends a sentence is body text again, and ends the box).
 */
function relatedLinks(trimmed: string[], found: FurnitureLine[]): void {
  const start = trimmed.findIndex((t) => RELATED_BOX.test(t));
  if (start < 0) return;
  for (let line = start + 1; line < trimmed.length; line++) {
    const t = trimmed[line];
    if (t === '') continue;
    if (codePointLength(t) > MAX_HEADLINE_CHARS || /[。！？]$/.test(t)) return;
    found.push({ line, kind: 'web' });
  }
}

const LABEL_ONLY = /[:：]$/;
const MAX_VALUE_CHARS = 24;

/** A metadata label alone on its line (`来源:`, `责任编辑：`) has its value on the next line (`四川日报`, `李莎莎`). */
function labelValues(trimmed: string[], found: FurnitureLine[]): void {
  const web = new Set(found.filter((f) => f.kind === 'web').map((f) => f.line));
  for (const line of web) {
    if (!LABEL_ONLY.test(trimmed[line]) || !WEB_LABEL.test(trimmed[line])) continue;
    const next = line + 1;
    if (next < trimmed.length && trimmed[next] !== '' && codePointLength(trimmed[next]) <= MAX_VALUE_CHARS && !/[。！？；]/.test(trimmed[next]))
      found.push({ line: next, kind: 'web' });
  }
}

/** Every furniture line of a text, in line order. */
export function findFurniture(lines: LineIndex): FurnitureLine[] {
  const trimmed: string[] = [];
  for (let line = 0; line < lines.lineCount; line++) trimmed.push(lines.lineText(line).trim());
  const found: FurnitureLine[] = [];
  let pageNumbers = 0;
  trimmed.forEach((t, line) => {
    if (isWebFurniture(t)) found.push({ line, kind: 'web' });
    else if (t && isPageNumber(t)) {
      pageNumbers++;
      found.push({ line, kind: 'pdf' });
    }
  });
  // A notice's `时间：2024-03-13` is content; beside `来源：` or a tool bar it is the page's metadata.
  const web = new Set(found.filter((f) => f.kind === 'web').map((f) => f.line));
  trimmed.forEach((t, line) => {
    // A page's posting date alone on a line of its header (`2024-08-10`): a 公文's date comes at its end, in words.
    if (BARE_TIMESTAMP.test(t) && ((line < PAGE_HEADER_LINES && web.size > 0) || line < TITLE_BLOCK_LINES)) {
      found.push({ line, kind: 'web' });
      return;
    }
    if (!LABELLED_TIMESTAMP.test(t)) return;
    // In the header of a page that shows furniture, a dated 时间 line is the page's, as it is with a time of day.
    if ((line < PAGE_HEADER_LINES && web.size > 0) || line < TITLE_BLOCK_LINES || TIME_OF_DAY.test(t)) {
      found.push({ line, kind: 'web' });
      return;
    }
    for (let d = 1; d <= METADATA_NEIGHBOURHOOD; d++) {
      if (web.has(line - d) || web.has(line + d)) {
        found.push({ line, kind: 'web' });
        return;
      }
    }
  });
  breadcrumbTrails(trimmed, found);
  relatedLinks(trimmed, found);
  const heads = runningHeads(trimmed, pageNumbers);
  trimmed.forEach((t, line) => {
    if (heads.has(t)) found.push({ line, kind: 'pdf' });
  });
  labelValues(trimmed, found);
  const byLine = new Map(found.map((f) => [f.line, f]));
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
