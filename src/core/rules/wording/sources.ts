/** Where the entries of the wording lists come from: each entry names one of these. */
export const SOURCES = {
  xiandai: { zh: '《现代汉语词典》（第7版）', en: 'Xiandai Hanyu Cidian, 7th edition' },
  gf1001: { zh: 'GF 1001-2001《第一批异形词整理表》', en: 'GF 1001-2001, First List of Variant Word Forms' },
  xinhua: { zh: '新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年修订）', en: "Xinhua's list of banned and cautioned words (2016 revision)" },
  gbt15834: { zh: 'GB/T 15834-2011 第4.13条', en: 'GB/T 15834-2011 §4.13' },
  gbt15835: { zh: 'GB/T 15835-2011', en: 'GB/T 15835-2011' },
  regulations: { zh: '《党政机关公文处理工作条例》及公文写作惯例', en: 'Regulations on Party and government documents and drafting practice' },
} as const;

export type SourceId = keyof typeof SOURCES;

/**
 * One entry of a wording list: the wrong form, its correction, where the correction comes from and why.
 * `except` lists longer strings that contain the wrong form and are right (`不能自已` for `自已`).
 */
export interface WordingEntry {
  wrong: string;
  right: string;
  source: SourceId;
  reason: string;
  /** The replacement is right wherever the wrong form occurs: `--fix` may apply it. */
  safe?: boolean;
  except?: readonly string[];
}
