import { readdirSync } from 'node:fs';
import { extractPage } from '../../utils/extract';
import { BROWSING_ORDER, FRONT_PAGE, SEED_ARTICLE, SEED_HEADLINE, SEED_TIMELINE } from '../demo-site';
import { SITE_ROOT } from '../site-server';
import { SITE_ORIGIN, loadSitePage } from './helpers';

const NOW = Date.UTC(2026, 0, 1);

/** Published times of the demo articles (the date lines are in EEST, UTC+3). */
const EXPECTED: Record<string, { headline: string; publishedAt: string; related: number }> = {
  [SEED_ARTICLE]: { headline: SEED_HEADLINE, publishedAt: '2025-08-13T22:29:50Z', related: 20 },
  [BROWSING_ORDER[3]]: {
    headline: 'Putin Strengthens Ties with Kim Jong Un Ahead of Trump Meeting',
    publishedAt: '2025-08-13T07:42:01Z',
    related: 12,
  },
  [BROWSING_ORDER[2]]: {
    headline: 'Trump and Putin Set for Historic Meeting in Alaska on August 15',
    publishedAt: '2025-08-13T05:58:52Z',
    related: 12,
  },
  [BROWSING_ORDER[1]]: {
    headline: "North Korean Workers Endure 'Slavery' as Russia Seeks Labor to Support War Efforts",
    publishedAt: '2025-08-13T04:17:38Z',
    related: 12,
  },
  [BROWSING_ORDER[0]]: {
    headline: 'North Korean Workers Facing Slavery in Russia Amid Labor Shortages',
    publishedAt: '2025-08-12T16:17:19Z',
    related: 12,
  },
};

describe('extraction of every demo page', () => {
  it('covers every article file of the site', () => {
    const files = readdirSync(SITE_ROOT + 'articles').map((f) => `/articles/${f}`);
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (path, expected) => {
    const { doc, url } = loadSitePage(path);
    const page = extractPage(doc, url, { now: NOW });
    expect(page.isArticle).toBe(true);
    expect(page.headline).toBe(expected.headline);
    expect(page.publishedAt).toBe(expected.publishedAt);
    expect(page.related).toHaveLength(expected.related);
    for (const item of page.related) {
      expect(item.url.startsWith(SITE_ORIGIN + '/articles/')).toBe(true);
      expect(item.title).not.toMatch(/[#*]/);
      // Each page lists only coverage older than itself.
      expect(item.publishedAt! < expected.publishedAt).toBe(true);
    }
  });

  it('reads the seed’s MORE ON THEME list exactly: clean titles, RFC 1123 times, page order', () => {
    const { doc, url } = loadSitePage(SEED_ARTICLE);
    const { related } = extractPage(doc, url, { now: NOW });
    expect(related.map((r) => r.title)).toEqual([...SEED_TIMELINE]);
    expect(related[0]).toEqual({
      title: 'European Leaders Express Cautious Optimism After Trump Call Before Putin Summit',
      url: `${SITE_ORIGIN}/articles/european-leaders-express-cautious-optimism-after-trump-call-before-putin-summit.html`,
      publishedAt: '2025-08-13T18:41:09Z',
    });
    expect(related.at(-1)?.publishedAt).toBe('2025-08-09T21:16:15Z');
  });

  it.each([FRONT_PAGE, '/404.html'])('%s is not an article', (path) => {
    const { doc, url } = loadSitePage(path);
    expect(extractPage(doc, url, { now: NOW })).toEqual({
      isArticle: false,
      canonicalUrl: null,
      headline: null,
      publishedAt: null,
      related: [],
    });
  });
});
