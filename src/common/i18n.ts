/** Bilingual user-facing text. Chinese is the default; `Accept-Language: en` selects English. */
export type Locale = 'zh' | 'en';
export interface Msg {
  zh: string;
  en: string;
}
export const msg = (zh: string, en: string): Msg => ({ zh, en });

export function localize(text: Msg, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** Picks the locale from an Accept-Language header: English only when it is preferred over Chinese. */
export function localeFrom(header: string | undefined | null): Locale {
  if (!header) return 'zh';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    // q=0 means "not acceptable".
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('zh')) return 'zh';
  }
  return 'zh';
}
