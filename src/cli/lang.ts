/** The language of CLI output: English with `--lang en` or an English locale (LC_ALL, then LANG), else Chinese. */
export type Lang = 'zh' | 'en';

export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'en' || flag === 'zh') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}

/** Picks the text of a bilingual pair. */
export const pick = (lang: Lang, zh: string, en: string): string => (lang === 'en' ? en : zh);
