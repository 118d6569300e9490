import { l10nBundle } from './resources';

/** `vscode.l10n.t` for the server: a message in the client's display language, `{0}` … filled in. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/**
 * The bundle for an LSP `locale` (`zh-cn`, `zh-CN`, `zh_CN.UTF-8`, `en`): the one the extension ships for that
 * language (simplified Chinese for any `zh` but the traditional regions), else the English messages as written.
 */
export function translator(locale: string | undefined): Translate {
  const tag = (locale ?? 'en').toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  const simplifiedChinese = tag.startsWith('zh') && !/^zh-(tw|hk|mo|hant)/.test(tag);
  const bundle = (simplifiedChinese ? l10nBundle('zh-cn') : undefined) ?? (tag === 'en' ? undefined : l10nBundle(tag));
  return (message, ...args) =>
    (bundle?.[message] ?? message).replace(/\{(\d+)\}/g, (m: string, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}
