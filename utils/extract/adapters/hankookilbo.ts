import { attr, one, textOf } from '../dom';
import { parseDate } from '../dates';
import { cleanTitle } from '../text';
import type { SiteAdapter } from './types';

/**
 * Hankook Ilbo states no machine-readable publication time; its article element carries
 * `data-deploy-dt="2026.01.29 18:40"`, Korean time (UTC+9, no daylight saving). Its titles
 * end in "-section ㅣ site", and the page's heading is an `h2.title`, not an `h1` (some
 * pages render it only by script).
 */
export const hankookIlbo: SiteAdapter = {
  id: 'hankookilbo',
  urls: [/^https?:\/\/(?:www\.|m\.)?hankookilbo\.com\/news\/article\//i],
  patch(doc, _url, result, now) {
    // Without the heading in the page, the title from metadata less its "-section" suffix.
    const heading =
      cleanTitle(textOf(one(doc, '.title-wrap .title'))) || result.headline?.replace(/-[가-힣]{1,6}$/, '');
    if (heading) result = { ...result, headline: heading };
    if (result.publishedAt && result.publishedAt.length > 10) return result;
    // As ISO 8601 ("2026-01-29 18:40+09:00"), which parseDate checks: anything else gives no date.
    const raw = attr(one(doc, '[data-deploy-dt]'), 'data-deploy-dt');
    const publishedAt = raw ? parseDate(`${raw.trim().replace(/\./g, '-')}+09:00`, { now }) : null;
    return publishedAt ? { ...result, publishedAt } : result;
  },
};
