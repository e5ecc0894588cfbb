import { type BackstoryDB, openDatabase } from '../../utils/db/database';
import { linksOf } from '../../utils/db/listed-links';
import { normalizeUrl } from '../../utils/db/normalize-url';
import { SAME_VISIT_MS, recordArticle } from '../../utils/db/repository';
import { findVisitedArticle, getTimeline } from '../../utils/db/timeline';
import type { ArticleReport } from '../../utils/messaging/schemas';

let db: BackstoryDB;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`repo-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const A = 'https://news.example/world/a';
/** The last path word, so every headline of these tests tells the same story in its own words. */
const slug = (url: string) => new URL(url).pathname.split('/').pop() ?? '';
/** Related-coverage links stored, as the export file lists them. */
async function linkCount(db: BackstoryDB): Promise<number> {
  const stored = new Set(await db.articles.toCollection().primaryKeys());
  return linksOf(await db.lists.toArray(), stored).length;
}

function report(
  url: string,
  publishedAt: string | null,
  related: [string, string | null][] = [],
): ArticleReport {
  return {
    url,
    canonicalUrl: null,
    headline: `Storm Ophira floods Porto harbour ${slug(url)}`,
    publishedAt,
    related: related.map(([u, t]) => ({
      title: `Storm Ophira: Porto harbour ${slug(u)}`,
      url: u,
      publishedAt: t,
    })),
  };
}

describe('normalizeUrl', () => {
  it('folds case, fragments, default ports, tracking parameters and trailing slashes', () => {
    expect(normalizeUrl('HTTPS://News.Example:443/World/a/?utm_source=x&b=2&a=1&fbclid=z#top')).toBe(
      'https://news.example/World/a?a=1&b=2',
    );
  });
});

describe('recordArticle', () => {
  it('stores the visited article and the related items it lists, marked as not visited', async () => {
    const result = await recordArticle(
      db,
      report(A, '2025-08-13T10:00:00Z', [
        ['https://news.example/world/b', '2025-08-12T10:00:00Z'],
        ['https://other.example/c', '2025-08-11T10:00:00Z'],
      ]),
      1000,
    );
    expect(result.earlierCount).toBe(2);
    const all = await db.articles.orderBy('url').toArray();
    expect(all.map((a) => [a.url, a.visited, a.site])).toEqual([
      ['https://news.example/world/a', 1, 'news.example'],
      ['https://news.example/world/b', 0, 'news.example'],
      ['https://other.example/c', 0, 'other.example'],
    ]);
    expect(new Set(all.map((a) => a.storyId)).size).toBe(1);
    expect(await linkCount(db)).toBe(2);
  });

  it('deduplicates by normalised URL and is idempotent apart from the visit count', async () => {
    const r = report(A, '2025-08-13T10:00:00Z', [['https://news.example/world/b?utm_medium=rss', null]]);
    const later = 1000 + 60 * 60_000;
    await recordArticle(db, r, 1000);
    await recordArticle(db, { ...r, url: `${A}#comments` }, later);
    expect(await db.articles.count()).toBe(2);
    expect(await linkCount(db)).toBe(1);
    const a = await db.articles.get(A);
    expect(a).toMatchObject({ visitCount: 2, firstSeen: 1000, lastVisited: later });
  });

  it('counts a report sent again within seconds (a retry after the background stopped) as the same visit', async () => {
    const b = 'https://news.example/world/b';
    const visit = 10 * 60_000;
    await recordArticle(db, report(b, '2025-08-12T09:00:00Z'), 1000);
    const r = report(A, '2025-08-13T10:00:00Z', [
      [b, null],
      ['https://news.example/world/c', null],
    ]);
    const first = await recordArticle(db, r, visit);
    // The first write was committed but its reply lost: the content script sends the report again.
    const retry = await recordArticle(db, r, visit + 700);
    expect(retry).toEqual(first);
    expect(first.previousVisit).toBe(1000);
    expect(await db.articles.get(A)).toMatchObject({
      visitCount: 1,
      lastVisited: visit,
      previousVisit: 1000,
    });
    // A report after that window, counted from the visit's first, is a visit again.
    await recordArticle(db, r, visit + SAME_VISIT_MS);
    expect(await db.articles.get(A)).toMatchObject({ visitCount: 2, previousVisit: visit });
  });

  it('keeps the headline and date a visited page stated when another page lists it', async () => {
    const b = 'https://news.example/world/b';
    await recordArticle(db, { ...report(b, '2025-08-12T09:00:00Z'), headline: 'B as its own page says' });
    await recordArticle(db, report(A, '2025-08-13T10:00:00Z', [[b, '2025-08-12T10:00:00Z']]));
    expect(await db.articles.get(b)).toMatchObject({
      headline: 'B as its own page says',
      publishedAt: '2025-08-12T09:00:00Z',
      visited: 1,
    });
  });

  it('upgrades a listed-only item when the reader visits it', async () => {
    const b = 'https://news.example/world/b';
    await recordArticle(db, report(A, '2025-08-13T10:00:00Z', [[b, '2025-08-12T10:00:00Z']]));
    await recordArticle(db, report(b, '2025-08-12T10:00:00Z'));
    expect(await db.articles.get(b)).toMatchObject({
      visited: 1,
      visitCount: 1,
      headline: `Storm Ophira floods Porto harbour b`,
    });
  });

  it('links the stories of the items a page lists into a theme, once per link', async () => {
    const quake = 'https://news.example/quake';
    await recordArticle(db, {
      ...report(quake, '2025-08-10T00:00:00Z'),
      headline: 'Earthquake shakes Lisbon suburbs overnight',
    });
    const r = report(A, '2025-08-11T00:00:00Z', [[quake, null]]);
    await recordArticle(db, r);
    await recordArticle(db, r);
    const [a, q] = await db.articles.bulkGet([A, quake]);
    expect(a!.storyId).not.toBe(q!.storyId);
    const themes = await db.themes.toArray();
    expect(themes).toEqual([
      { a: [a!.storyId, q!.storyId].sort()[0], b: [a!.storyId, q!.storyId].sort()[1], weight: 1 },
    ]);
  });

  it('stores under the canonical URL and finds the article from the tab URL too', async () => {
    const tabUrl = 'https://m.news.example/world/a?utm_source=app';
    await recordArticle(db, { ...report(tabUrl, null), canonicalUrl: A });
    expect((await findVisitedArticle(db, tabUrl))?.url).toBe(A);
    expect((await findVisitedArticle(db, A))?.url).toBe(A);
  });

  it('never lists the article itself among its related coverage', async () => {
    await recordArticle(db, report(A, null, [[`${A}?utm_source=x`, null]]));
    expect(await db.articles.count()).toBe(1);
  });
});

describe('getTimeline', () => {
  it('returns earlier coverage of the story newest first, later and undated coverage apart', async () => {
    const items: [string, string | null][] = [
      ['https://news.example/old', '2025-08-01T00:00:00Z'],
      ['https://news.example/newer', '2025-08-12T00:00:00Z'],
      ['https://news.example/later', '2025-08-20T00:00:00Z'],
      ['https://news.example/undated', null],
    ];
    await recordArticle(db, report(A, '2025-08-13T10:00:00Z', items));
    const timeline = await getTimeline(db, A);
    expect(timeline?.current.url).toBe(A);
    expect(timeline?.earlier.map((e) => e.url)).toEqual([
      'https://news.example/newer',
      'https://news.example/old',
    ]);
    expect(timeline?.later.map((e) => e.url)).toEqual(['https://news.example/later']);
    expect(timeline?.story).toMatchObject({
      count: 5,
      firstMs: Date.UTC(2025, 7, 1),
      lastMs: Date.UTC(2025, 7, 20),
    });
  });

  it('is null for pages that were only listed, or never seen', async () => {
    await recordArticle(db, report(A, null, [['https://news.example/b', null]]));
    expect(await getTimeline(db, 'https://news.example/b')).toBeNull();
    expect(await getTimeline(db, 'https://unknown.example/')).toBeNull();
    expect(await getTimeline(db, 'not a url')).toBeNull();
  });
});
