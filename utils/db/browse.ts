/** The reader's history beyond one story: recent stories, headline search, counts. */
import type { ArticleRecord, BackstoryDB } from './database';
import { foldText, searchTerms } from './search-terms';
import { together } from './together';
import { newestOfStory, toEntry, toSummary } from './timeline';
import type { RecentStory, TimelineEntry } from './views';

const RECENT_ENTRIES = 3;
/** Index entries read per search at most, so a one-letter query over 100k headlines stays fast. */
const MAX_SEARCH_SCAN = 5_000;
/** Queued headlines read per search: the background indexes the queue within seconds of each report. */
const MAX_QUEUE_SCAN = 2_000;

export async function recentStories(db: BackstoryDB, limit: number): Promise<RecentStory[]> {
  return db.transaction('r', [db.stories, db.articles], async () => {
    const stories = await db.stories.orderBy('lastVisited').reverse().limit(limit).toArray();
    return Promise.all(
      stories.map(async (story) => ({
        story: toSummary(story),
        entries: (await newestOfStory(db, story.id, RECENT_ENTRIES)).map((a) => toEntry(a, null)),
      })),
    );
  });
}

/**
 * Headlines holding every query word as a word prefix ("zel sum" finds "Zelensky … summit"). The index is
 * read for the longest word only, the rest is checked on the records found; newest visits first.
 */
export async function searchHeadlines(
  db: BackstoryDB,
  query: string,
  limit: number,
): Promise<TimelineEntry[]> {
  const words = [...new Set(foldText(query).match(/[\p{L}\p{N}]+/gu) ?? [])];
  if (!words.length) return [];
  const [longest] = [...words].sort((a, b) => b.length - a.length) as [string];
  const matches = (terms: readonly string[]) => words.every((w) => terms.some((t) => t.startsWith(w)));
  const [indexed, queued] = await db.transaction('r', [db.articles, db.searchQueue], () =>
    together<ArticleRecord[]>([
      db.articles
        .where('terms')
        .startsWith(longest)
        .limit(MAX_SEARCH_SCAN)
        .distinct()
        .filter((a) => matches(a.terms ?? []))
        .toArray(),
      // Headlines not indexed yet (search-index.ts): a few, read whole.
      db.searchQueue
        .limit(MAX_QUEUE_SCAN)
        .primaryKeys()
        .then((urls) => db.articles.bulkGet(urls))
        .then((found) => found.filter((a): a is ArticleRecord => !!a && matches(searchTerms(a.headline)))),
    ]),
  );
  const found = [...new Map([...indexed!, ...queued!].map((a) => [a.url, a])).values()];
  found.sort(
    (a, b) =>
      (b.lastVisited ?? 0) - (a.lastVisited ?? 0) ||
      b.publishedMs - a.publishedMs ||
      b.firstSeen - a.firstSeen,
  );
  return found.slice(0, limit).map((a) => toEntry(a, null));
}

export async function countHistory(db: BackstoryDB): Promise<{ articles: number; stories: number }> {
  const [articles, stories] = await Promise.all([db.articles.count(), db.stories.count()]);
  return { articles, stories };
}
