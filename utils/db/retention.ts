/** The optional retention limit: keeps the newest history and forgets the oldest articles beyond it. */
import type { ArticleRecord, BackstoryDB, StoryRecord } from './database';
import { countDay, daysFromRecord, daysToRecord } from './story-days';
import { writeTables } from './repository';
import { themeLinksOf } from './story-records';

/** Prunes in steps, so a limit lowered by a lot does not hold one huge transaction. */
const BATCH = 2_000;

export async function pruneToLimit(db: BackstoryDB, limit: number): Promise<number> {
  let removed = 0;
  for (;;) {
    const excess = (await db.articles.count()) - limit;
    if (excess <= 0) return removed;
    removed += await pruneOldest(db, Math.min(excess, BATCH));
  }
}

async function pruneOldest(db: BackstoryDB, n: number): Promise<number> {
  return db.transaction('rw', writeTables(db), async () => {
    const oldest = await db.articles.orderBy('firstSeen').limit(n).toArray();
    const urls = oldest.map((a) => a.url);
    // A pruned page's related list goes with it; other pages' links to it are skipped where links are read
    // (listed-links.ts), as finding them would need an index of every link by target.
    await db.articles.bulkDelete(urls);
    await db.lists.bulkDelete(urls);
    await db.aliases.where('url').anyOf(urls).delete();

    const shrink = new Map<string, ArticleRecord[]>();
    for (const a of oldest) shrink.set(a.storyId, [...(shrink.get(a.storyId) ?? []), a]);
    const stories = await db.stories.bulkGet([...shrink.keys()]);
    const emptied: string[] = [];
    const kept: StoryRecord[] = [];
    for (const story of stories) {
      if (!story) continue;
      const gone = shrink.get(story.id) ?? [];
      story.size -= gone.length;
      const days = daysFromRecord(story.days);
      if (days) {
        for (const a of gone) countDay(days, a.publishedMs, -1);
        story.days = daysToRecord(days);
      }
      if (story.size <= 0) emptied.push(story.id);
      else kept.push(story);
    }
    await db.stories.bulkPut(kept);
    // Postings may still name an emptied story: the engine skips stories it cannot find.
    await db.stories.bulkDelete(emptied);
    for (const id of emptied) {
      await db.themes.bulkDelete((await themeLinksOf(db, id)).map((t): [string, string] => [t.a, t.b]));
    }
    const count = await db.meta.get('storyCount');
    if (count) await db.meta.put({ key: 'storyCount', value: Math.max(0, count.value - emptied.length) });
    return urls.length;
  });
}
