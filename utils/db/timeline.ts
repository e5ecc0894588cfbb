/** The reader's view of one story: its coverage around the current article, and the stories of its theme. */
import type { AliasRecord, ArticleRecord, BackstoryDB, StoryRecord } from './database';
import { normalizeUrl } from './normalize-url';
import { type StoryDays, countBeforeDay, dayOf, dayStartMs, firstDayBefore } from './story-days';
import { strongestThemeLinksOf } from './story-records';
import { together } from './together';
import type { StorySummary, ThemeThread, TimelineEntry, TimelineView } from './views';

/** Entries kept on each side of the current article; the summary still counts them all. */
const MAX_EARLIER = 100;
const MAX_LATER = 30;
/** The first answer: a few screenfuls, so a long story opens as fast as a short one; the rest on request. */
const FIRST_EARLIER = 30;
const FIRST_LATER = 10;
/** Counts stop here: "1000 earlier reports" says all a reader needs, and counting all of a huge story does not pay. */
export const MAX_COUNT = 1000;
const MAX_THEMES = 5;
const THEME_ENTRIES = 3;

export function toEntry(a: ArticleRecord, previousVisit: number | null): TimelineEntry {
  return {
    url: a.url,
    href: a.href,
    headline: a.headline,
    publishedAt: a.publishedAt,
    site: a.site,
    visited: a.visited === 1,
    firstSeen: a.firstSeen,
    lastVisited: a.lastVisited,
    headlineHistory: a.history ?? [],
    isNew: previousVisit !== null && a.firstSeen > previousVisit,
  };
}

export function toSummary(s: StoryRecord): StorySummary {
  return {
    id: s.id,
    title: s.title,
    count: s.size,
    firstMs: s.first,
    lastMs: s.last,
    lastVisited: s.lastVisited ?? null,
  };
}

/**
 * The story's dated articles published before this one, through the [storyId+publishedMs] index, so the
 * cost follows the story's size, not the history's. An undated article counts everything dated as earlier.
 * `fromMs`: only those published from then on.
 */
function earlierInStory(db: BackstoryDB, article: ArticleRecord, fromMs = 0) {
  const upper = article.publishedMs >= 0 ? article.publishedMs : Number.MAX_SAFE_INTEGER;
  return db.articles
    .where('[storyId+publishedMs]')
    .between([article.storyId, fromMs], [article.storyId, upper], true, false);
}

/** Published after the article, and undated ones (their place in time is unknown). */
function laterInStory(db: BackstoryDB, article: ArticleRecord) {
  const range = db.articles.where('[storyId+publishedMs]');
  return article.publishedMs >= 0
    ? range.between([article.storyId, article.publishedMs], [article.storyId, Infinity], true, true)
    : range.equals([article.storyId, -1]);
}

/**
 * Earlier reports, counted up to MAX_COUNT, and the first one's publication time. With the story's per-day
 * counts (story-days.ts) only the article's own day is read; without them, the story's earlier keys (bounded:
 * IndexedDB's count() walks the whole range, and every key read is checked against its record).
 */
export function earlierOf(
  db: BackstoryDB,
  article: ArticleRecord,
  days?: StoryDays,
): PromiseLike<{ count: number; earliestMs: number | null }> {
  // Chained, not async: the reads are issued on the call, so a caller can issue them with its writes.
  if (!days) {
    return earlierKeys(db, article, 0, MAX_COUNT).then((keys) => ({
      count: keys.length,
      earliestMs: keys[0]?.[1] ?? null,
    }));
  }
  const dated = article.publishedMs >= 0;
  const day = dated ? dayOf(article.publishedMs) : Infinity;
  const before = countBeforeDay(days, day);
  const firstDay = firstDayBefore(days, day);
  return together<[string, number][]>([
    dated && before < MAX_COUNT ? earlierKeys(db, article, dayStartMs(day), MAX_COUNT - before) : [],
    firstDay === null ? [] : earlierKeys(db, article, dayStartMs(firstDay), 1),
  ]).then(([sameDay = [], first = []]) => ({
    count: Math.min(MAX_COUNT, before + sameDay.length),
    earliestMs: (first[0] ?? sameDay[0])?.[1] ?? null,
  }));
}

/** `[storyId, publishedMs]` keys of the story's earlier articles published from `fromMs` on, oldest first. */
function earlierKeys(db: BackstoryDB, article: ArticleRecord, fromMs: number, limit: number) {
  return earlierInStory(db, article, fromMs).limit(limit).keys() as unknown as Promise<[string, number][]>;
}

/** A story's newest articles (undated last), newest first. */
export async function newestOfStory(
  db: BackstoryDB,
  storyId: string,
  limit: number,
): Promise<ArticleRecord[]> {
  return db.articles
    .where('[storyId+publishedMs]')
    .between([storyId, -Infinity], [storyId, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}

async function themesOf(
  db: BackstoryDB,
  storyId: string,
  previousVisit: number | null,
): Promise<ThemeThread[]> {
  const links = await strongestThemeLinksOf(db, storyId, MAX_THEMES);
  const others = links.map((t) => (t.a === storyId ? t.b : t.a));
  // The stories and their newest entries in one round trip.
  const [stories = [], ...entries] = (await together<unknown>([
    db.stories.bulkGet(others),
    ...others.map((id) => newestOfStory(db, id, THEME_ENTRIES)),
  ])) as [(StoryRecord | undefined)[], ...ArticleRecord[][]];
  return stories.flatMap((story, i) =>
    story
      ? [{ story: toSummary(story), entries: (entries[i] ?? []).map((a) => toEntry(a, previousVisit)) }]
      : [],
  );
}

export async function queryTimeline(
  db: BackstoryDB,
  article: ArticleRecord,
  all = false,
): Promise<TimelineView> {
  const previousVisit = article.previousVisit ?? null;
  const [earlierMax, laterMax] = all ? [MAX_EARLIER, MAX_LATER] : [FIRST_EARLIER, FIRST_LATER];
  // One more than shown on each side: whether there is more to ask for.
  const [story, earlier, later, themes] = await Promise.all([
    db.stories.get(article.storyId),
    earlierInStory(db, article)
      .reverse()
      .limit(earlierMax + 1)
      .toArray(),
    laterInStory(db, article)
      .reverse()
      .limit(laterMax + 2)
      .toArray(),
    themesOf(db, article.storyId, previousVisit),
  ]);
  const entry = (a: ArticleRecord) => toEntry(a, previousVisit);
  const earlierOthers = earlier.filter((a) => a.url !== article.url);
  const laterOthers = later.filter((a) => a.url !== article.url);
  const earlierShown = earlierOthers.slice(0, earlierMax);
  const laterShown = laterOthers.slice(0, laterMax);
  return {
    story: story
      ? toSummary(story)
      : {
          id: article.storyId,
          title: article.headline,
          count: 1,
          firstMs: null,
          lastMs: null,
          lastVisited: null,
        },
    current: entry(article),
    earlier: earlierShown.map(entry),
    later: laterShown.map(entry),
    previousVisit,
    themes,
    more: !all && (earlierOthers.length > earlierMax || laterOthers.length > laterMax),
  };
}

/** Finds the stored, visited article for a URL (directly or through its alias). */
export async function findVisitedArticle(db: BackstoryDB, url: string): Promise<ArticleRecord | null> {
  let key: string;
  try {
    key = normalizeUrl(url);
  } catch {
    return null;
  }
  // Both at once: most URLs are the article's own, and an alias costs one read more only when there is one.
  const [alias, direct] = (await together<unknown>([db.aliases.get(key), db.articles.get(key)])) as [
    AliasRecord | undefined,
    ArticleRecord | undefined,
  ];
  const article = alias ? await db.articles.get(alias.url) : direct;
  return article?.visited ? article : null;
}

export async function getTimeline(db: BackstoryDB, url: string, all = false): Promise<TimelineView | null> {
  return db.transaction('r', [db.articles, db.aliases, db.stories, db.themes], async () => {
    const article = await findVisitedArticle(db, url);
    return article ? queryTimeline(db, article, all) : null;
  });
}
export type { TimelineEntry, TimelineView } from './views';
