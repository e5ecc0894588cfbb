import type { ArticleRecord, BackstoryDB } from './database';

export interface TimelineEntry {
  url: string;
  href: string;
  headline: string;
  publishedAt: string | null;
  site: string;
  visited: boolean;
}

export interface TimelineView {
  current: TimelineEntry;
  /** Earlier coverage of the same story, newest first. */
  earlier: TimelineEntry[];
}

function toEntry(a: ArticleRecord): TimelineEntry {
  return {
    url: a.url,
    href: a.href,
    headline: a.headline,
    publishedAt: a.publishedAt,
    site: a.site,
    visited: a.visited === 1,
  };
}

/**
 * The story's articles published before this one, through the [storyId+publishedMs] index,
 * so the cost follows the story's size, not the history's. Undated articles are left out;
 * an undated article counts everything dated as earlier.
 */
function earlierInStory(db: BackstoryDB, article: ArticleRecord) {
  const upper = article.publishedMs >= 0 ? article.publishedMs : Number.MAX_SAFE_INTEGER;
  return db.articles
    .where('[storyId+publishedMs]')
    .between([article.storyId, 0], [article.storyId, upper], true, false);
}

/** Earlier coverage of an article's story, newest first. */
export async function queryTimeline(db: BackstoryDB, article: ArticleRecord): Promise<TimelineView> {
  const earlier = await earlierInStory(db, article).reverse().toArray();
  return {
    current: toEntry(article),
    earlier: earlier.filter((a) => a.url !== article.url).map(toEntry),
  };
}

export function countEarlier(db: BackstoryDB, article: ArticleRecord): Promise<number> {
  return earlierInStory(db, article).count();
}
