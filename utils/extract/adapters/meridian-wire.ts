import { all, attr, one, textOf } from '../dom';
import { findDate } from '../dates';
import { cleanTitle, collapseWhitespace } from '../text';
import type { RelatedItem } from '../types';
import { samePage, toHttpUrl } from '../urls';
import type { SiteAdapter } from './types';

const THEME_HEADING = 'MORE ON THEME';

/**
 * The seed's site (our demo site, Meridian Wire, reproduces its template): a date line in
 * the reader's local `Date#toString` form and a "MORE ON THEME" list of RFC 1123-stamped
 * items. The theme list is the site's own editorial choice of related coverage; the
 * "Recommended" and "Partner content" blocks beside it are promotions, which the generic
 * path would also take. The site is recognised by its template, since the seed gives no
 * address.
 */
export const meridianWire: SiteAdapter = {
  id: 'meridian-wire',
  urls: [/^https?:\/\/[^/]+\/articles\/[^/?#]+$/i],
  detect(doc) {
    const heading = one(doc, 'section.more-on-theme > h2');
    return collapseWhitespace(textOf(heading)) === THEME_HEADING && !!one(doc, '.date-line');
  },
  // The template is only used for stories: a date line above the headline.
  isArticle: (doc) => !!one(doc, '.date-line + h1'),
  patch(doc, url, result, now) {
    const related: RelatedItem[] = [];
    for (const item of all(doc, 'section.more-on-theme li').slice(0, 50)) {
      const link = one(item, 'a[href]');
      const itemUrl = toHttpUrl(attr(link, 'href'), url);
      const title = cleanTitle(textOf(link));
      if (!itemUrl || !title || samePage(itemUrl, url) || related.some((r) => r.url === itemUrl)) continue;
      related.push({
        title,
        url: itemUrl,
        publishedAt: findDate(textOf(one(item, 'time')), { now }),
      });
    }
    return { ...result, related };
  },
};
