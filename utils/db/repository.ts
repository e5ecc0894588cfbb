/**
 * Everything the extension reads from or writes to the database goes through here.
 * Only the background calls the writers.
 */
import { toEpochMs } from '../extract/dates';
import type { ArticleReport } from '../messaging/schemas';
import type { ArticleRecord, BackstoryDB } from './database';
import { normalizeUrl, siteOf } from './normalize-url';
import { type TimelineView, countEarlier, queryTimeline } from './timeline';

export interface RecordResult {
  url: string;
  storyId: string;
  earlierCount: number;
}

function publishedMs(publishedAt: string | null): number {
  if (!publishedAt) return -1;
  const ms = toEpochMs(publishedAt);
  return Number.isFinite(ms) ? ms : -1;
}

function newStoryId(): string {
  return crypto.randomUUID();
}

/**
 * Stores a visited article and the related coverage it lists, in one transaction, so a
 * report is either fully stored or not at all. Idempotent: the same report twice
 * changes only the visit count and times.
 */
export async function recordArticle(
  db: BackstoryDB,
  report: ArticleReport,
  now: number = Date.now(),
): Promise<RecordResult> {
  const pageKey = normalizeUrl(report.url);
  const key = report.canonicalUrl ? normalizeUrl(report.canonicalUrl) : pageKey;
  const href = report.canonicalUrl ?? report.url;
  const relatedByKey = new Map<string, ArticleReport['related'][number]>();
  for (const item of report.related) {
    const itemKey = normalizeUrl(item.url);
    if (itemKey !== key && itemKey !== pageKey && !relatedByKey.has(itemKey)) {
      relatedByKey.set(itemKey, item);
    }
  }

  return db.transaction('rw', db.articles, db.links, db.aliases, async () => {
    const keys = [key, ...relatedByKey.keys()];
    const existing = await db.articles.bulkGet(keys);
    const stories = new Set(existing.flatMap((a) => (a ? [a.storyId] : [])));
    const storyId = await mergeStories(db, [...stories]);

    const previous = existing[0];
    const article: ArticleRecord = {
      url: key,
      href,
      headline: report.headline,
      // A date the page states now beats one we only read off another page's list.
      publishedAt: report.publishedAt ?? previous?.publishedAt ?? null,
      publishedMs: publishedMs(report.publishedAt ?? previous?.publishedAt ?? null),
      site: siteOf(href),
      storyId,
      visited: 1,
      visitCount: (previous?.visitCount ?? 0) + 1,
      firstSeen: previous?.firstSeen ?? now,
      lastVisited: now,
    };
    const listed: ArticleRecord[] = [];
    let i = 1;
    for (const [itemKey, item] of relatedByKey) {
      const known = existing[i++];
      if (known?.visited) {
        // The reader's own visit recorded the page's own headline and date: keep them.
        if (known.storyId !== storyId) listed.push({ ...known, storyId });
        continue;
      }
      const publishedAt = item.publishedAt ?? known?.publishedAt ?? null;
      listed.push({
        url: itemKey,
        href: item.url,
        headline: item.title,
        publishedAt,
        publishedMs: publishedMs(publishedAt),
        site: siteOf(item.url),
        storyId,
        visited: 0,
        visitCount: 0,
        firstSeen: known?.firstSeen ?? now,
        lastVisited: null,
      });
    }
    await db.articles.bulkPut([article, ...listed]);
    await db.links.bulkPut([...relatedByKey.keys()].map((to) => ({ from: key, to, seenAt: now })));
    if (pageKey !== key) await db.aliases.put({ alias: pageKey, url: key });
    return { url: key, storyId, earlierCount: await countEarlier(db, article) };
  });
}

/** Folds several stories into one (the largest keeps its id, so UI ids stay stable). */
async function mergeStories(db: BackstoryDB, storyIds: string[]): Promise<string> {
  if (storyIds.length === 0) return newStoryId();
  if (storyIds.length === 1) return storyIds[0] as string;
  const sizes = await Promise.all(
    storyIds.map(async (id) => ({ id, size: await db.articles.where('storyId').equals(id).count() })),
  );
  sizes.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  const target = sizes[0]?.id as string;
  for (const { id } of sizes.slice(1)) {
    await db.articles.where('storyId').equals(id).modify({ storyId: target });
  }
  return target;
}

/** Finds the stored, visited article for a URL (directly or through its alias). */
export async function findVisitedArticle(db: BackstoryDB, url: string): Promise<ArticleRecord | null> {
  let key: string;
  try {
    key = normalizeUrl(url);
  } catch {
    return null;
  }
  const alias = await db.aliases.get(key);
  const article = await db.articles.get(alias?.url ?? key);
  return article?.visited ? article : null;
}

export async function getTimeline(db: BackstoryDB, url: string): Promise<TimelineView | null> {
  const article = await findVisitedArticle(db, url);
  return article ? queryTimeline(db, article) : null;
}
