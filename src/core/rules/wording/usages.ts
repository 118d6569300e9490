import type { Severity } from '../../types';
import type { SourceId } from './sources';

/**
 * A usage pair with its guard: `pattern` matches exactly the wrong characters, its lookarounds are the context that
 * makes them wrong (`截止` before a date, `的` between `认真` and `做好`).
 */
export interface UsagePattern {
  wrong: string;
  right: string;
  pattern: RegExp;
  source: SourceId;
  reason: string;
  safe: boolean;
  /** A preference rather than an error: never louder than this. */
  severityCap?: Severity;
}

/** What follows `截止` when it is meant as 截至: a point in time. */
const TIME_AFTER =
  '(?:[0-9０-９]{4}年|[0-9０-９]{1,2}月|[〇○零一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,2}月|目前|当前|现在|今年|去年|上年|本年|本月|上月|年底|年末|月底|月末|发稿|报告期)';

/** Adverbs that only ever modify a verb, and verb-complement forms that are never nouns: between them 的 is 地. */
const ADVERBS = '(?:认真|积极|切实|扎实|全面|深入|大力|不断|持续|稳步|主动|努力|坚决|扎扎实实|认认真真)';
const VERB_COMPLEMENTS = '(?:做好|抓好|做到|抓实|抓紧|抓细|落实好|推进好|完成好|贯彻好)';

/** Verbs `必须` governs; `必需` (needed) never stands before them. */
const MUST_VERBS = '(?:坚持|加强|做好|抓好|落实|建立|严格|确保|高度|始终|进一步|认真|切实|按照|依法|依照)';

export const USAGES: readonly UsagePattern[] = [
  {
    wrong: '截止',
    right: '截至',
    pattern: new RegExp(`截止(?=${TIME_AFTER})`, 'g'),
    source: 'xiandai',
    reason: '“截止”是到期停止，后面不带时间；表示“到某时为止”用“截至”',
    safe: false,
  },
  {
    wrong: '其它',
    right: '其他',
    pattern: /其它/g,
    source: 'regulations',
    reason: '公文统一用“其他”（《党政机关公文处理工作条例》即用“其他”），“其他”可指人也可指事物',
    safe: true,
    severityCap: 'info',
  },
  {
    wrong: '的',
    right: '地',
    pattern: new RegExp(`(?<=${ADVERBS})的(?=${VERB_COMPLEMENTS})`, 'g'),
    source: 'xiandai',
    reason: '修饰动词的状语后用“地”',
    safe: true,
  },
  {
    wrong: '必须',
    right: '必需',
    pattern: /必须(?=品)/g,
    source: 'xiandai',
    reason: '“必需品”是必不可少的物品，“必需”是形容词',
    safe: true,
  },
  {
    wrong: '必需',
    right: '必须',
    pattern: new RegExp(`必需(?=${MUST_VERBS})`, 'g'),
    source: 'xiandai',
    reason: '表示“一定要（做）”的副词是“必须”，“必需”是“必不可少的”',
    safe: true,
  },
];
