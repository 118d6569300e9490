import type { WordingEntry } from './sources';

const xinhua = (wrong: string, right: string, reason: string, except?: readonly string[]): WordingEntry => ({
  wrong,
  right,
  source: 'xinhua',
  reason,
  ...(except ? { except } : {}),
});

/**
 * The items of 新华社《新华社新闻信息报道中的禁用词和慎用词》 that matter in a 公文, paraphrased: terms for places and
 * authorities that misstate the country's position, names for people that demean them, and 村长 for the head of a
 * villagers' committee. (`中台` is left out: 数据中台 and 业务中台 are words of every digital-government report.)
 */
export const BANNED_TERMS: readonly WordingEntry[] = [
  xinhua('北朝鲜', '朝鲜', '朝鲜民主主义人民共和国可简称“朝鲜”，不称“北朝鲜”'),
  xinhua('中港', '内地与香港', '香港是中国的一部分，不与“中”并列，应称“内地与香港”'),
  xinhua('中澳两地', '内地与澳门', '澳门是中国的一部分，不与“中”并列，应称“内地与澳门”'),
  xinhua('台湾政府', '台湾当局', '不称台湾地区的政权为“政府”，称“台湾当局”'),
  xinhua('台湾总统', '台湾地区领导人', '不称台湾地区领导人为“总统”'),
  xinhua('外蒙古', '蒙古国', '“外蒙古”是旧称，应称“蒙古国”'),
  xinhua('外蒙', '蒙古国', '“外蒙”是旧称，应称“蒙古国”'),
  xinhua('村长', '村委会主任', '村民委员会的负责人是“村委会主任”，不称“村长”', [
    '村长制',
    // 城中村 + 长租公寓, 长效: the segmenter cuts 城中|村长|租.
    '城中村长',
    '村长租',
  ]),
  xinhua('残废人', '残疾人', '对有身体伤疾的人士不用“残废人”等蔑称'),
  xinhua('弱智', '智力障碍', '不用“弱智”等蔑称，应称“智力障碍者”'),
  xinhua('瞎子', '盲人', '不用“瞎子”等蔑称，应称“盲人”'),
  xinhua('聋子', '聋人', '不用“聋子”等蔑称，应称“聋人”'),
  xinhua('老板', '领导', '不称党政机关领导干部为“老板”'),
];

/** Terms only banned next to these words: `老板` for an official (`书记是老板`), not a shop's owner. */
export const NEEDS_CONTEXT: Readonly<Record<string, RegExp>> = {
  老板: /(?:书记|县长|市长|省长|区长|镇长|乡长|局长|处长|厅长|部长|科长|主任|领导|干部)[是为就称作当成]{0,3}(?:我们的|我的|大家的)?$/,
};
