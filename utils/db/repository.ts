/**
 * Everything the extension writes to the database goes through here (reads: timeline.ts, browse.ts).
 * Only the background calls these.
 */
import { toEpochMs } from '../extract/dates';
import type { ArticleReport } from '../messaging/schemas';
import { type ArticleInput, casingWords, DEFAULT_OPTIONS, StoryEngine } from '../stories';
import type { ArticleRecord, BackstoryDB, ListRecord } from './database';
import { relist } from './listed-links';
import { normalizeUrl, siteOf } from './normalize-url';
import { DexieStoryStore } from './story-store';
import { themeKey } from './story-records';
import { earlierOf } from './timeline';
import { together } from './together';

/** Older headlines kept per article: news sites rewrite a headline a few times, not hundreds. */
const MAX_HEADLINE_VERSIONS = 20;
/**
 * A page reported again this soon after the reader was last shown it is the same visit: the content
 * script's retry after the background stopped between committing a report and replying to it, or a
 * reload. It is stored again (the same result) but not counted again.
 */
export const SAME_VISIT_MS = 10_000;

export interface RecordResult {
  url: string;
  storyId: string;
  earlierCount: number;
  earliestMs: number | null;
  /** The reader's visit to this story before this one. */
  previousVisit: number | null;
  /** One per distinct related item, in report order. */
  related: { url: string; read: boolean; isNew: boolean }[];
}

function publishedMs(publishedAt: string | null): number {
  if (!publishedAt) return -1;
  const ms = toEpochMs(publishedAt);
  return Number.isFinite(ms) ? ms : -1;
}

/** Every table a report changes, for one atomic transaction. */
export function writeTables(db: BackstoryDB) {
  return [
    db.articles,
    db.searchQueue,
    db.lists,
    db.aliases,
    db.stories,
    db.postings,
    db.words,
    db.pending,
    db.themes,
    db.meta,
  ];
}

/**
 * Stores a visited article and the related coverage it lists, assigns each to its story and links the
 * stories into themes, in one transaction: a report is either fully stored or not at all. Idempotent: the
 * same report twice changes only the visit count and times, and within SAME_VISIT_MS not the count.
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
  const relatedKeys = [...relatedByKey.keys()];
  const relatedInputs: ArticleInput[] = relatedKeys.map((id) => {
    const item = relatedByKey.get(id)!;
    return { id, title: item.title, url: item.url, publishedAt: item.publishedAt };
  });

  return db.transaction('rw', writeTables(db), async () => {
    const [existing, list, store] = (await together<unknown>([
      db.articles.bulkGet([key, ...relatedKeys]),
      relatedKeys.length ? db.lists.get(key) : undefined,
      // With the word casings and pending links the engine reads first: one round trip fewer.
      DexieStoryStore.open(db, DEFAULT_OPTIONS.maxStoriesPerTerm, {
        words: casingWords([{ title: report.headline, url: href }, ...relatedInputs]),
        pending: [key, ...relatedKeys],
      }),
    ])) as [(ArticleRecord | undefined)[], ListRecord | undefined, DexieStoryStore];
    store.knowArticles(existing, [key, ...relatedKeys]);
    const previous = existing[0];
    const listedBefore = new Set(list?.links.map(([to]) => to));
    const pagePublished = report.publishedAt ?? previous?.publishedAt ?? null;

    const engine = new StoryEngine(store);
    const inputs: ArticleInput[] = [
      { id: key, title: report.headline, url: href, publishedAt: pagePublished },
      ...relatedInputs,
    ];
    await engine.prepare(inputs, relatedKeys);
    for (const input of inputs) {
      await engine.prepareAssign(input);
      engine.assign(input);
    }
    await engine.prepareEvidence(key, relatedKeys);
    engine.addRelatedEvidence(key, relatedKeys);
    const storyOf = (id: string) => store.storyOfArticle(id) ?? '';
    const storyId = storyOf(key);
    const lastVisit = previous?.visited ? previous.lastVisited : null;
    const sameVisit = lastVisit !== null && Math.abs(now - lastVisit) < SAME_VISIT_MS;
    // The same visit keeps its time and what was new to it (the story's last visit is by now its own).
    const visitedAt = sameVisit ? lastVisit : now;
    const previousVisit = sameVisit
      ? (previous?.previousVisit ?? null)
      : (store.lastVisitOf(storyId) ?? null);
    store.markVisited(storyId, visitedAt);

    const article: ArticleRecord = {
      url: key,
      href,
      headline: report.headline,
      // A date the page states now beats one we only read off another page's list.
      publishedAt: pagePublished,
      publishedMs: publishedMs(pagePublished),
      site: siteOf(href),
      storyId,
      visited: 1,
      visitCount: (previous?.visitCount ?? 0) + (sameVisit ? 0 : 1),
      firstSeen: previous?.firstSeen ?? now,
      lastVisited: visitedAt,
      history: headlineHistory(previous, report.headline),
      previousVisit,
    };
    const listed: ArticleRecord[] = relatedKeys.map((itemKey, i) => {
      const known = existing[i + 1];
      // The reader's own visit recorded the page's own headline and date: keep them.
      if (known?.visited) return { ...known, storyId: storyOf(itemKey) };
      const item = relatedByKey.get(itemKey)!;
      const publishedAt = item.publishedAt ?? known?.publishedAt ?? null;
      return {
        url: itemKey,
        href: item.url,
        headline: item.title,
        publishedAt,
        publishedMs: publishedMs(publishedAt),
        site: siteOf(item.url),
        storyId: storyOf(itemKey),
        visited: 0,
        visitCount: 0,
        firstSeen: known?.firstSeen ?? now,
        lastVisited: null,
        history: known?.history ?? [],
        previousVisit: null,
      };
    });
    const written = [article, ...listed];
    written.forEach((record, i) => {
      const before = existing[i];
      store.countArticle(record.storyId, before?.storyId ? before.publishedMs : null, record.publishedMs);
    });
    // A listed article stored as this report has it needs no write (merges re-key it in moveMerged): related
    // lists mostly repeat coverage already stored, and each write updates every index of the record.
    const changed = written.filter((record, i) => {
      const before = existing[i];
      return (
        i === 0 ||
        !before ||
        (!before.visited &&
          (before.href !== record.href ||
            before.headline !== record.headline ||
            before.publishedAt !== record.publishedAt))
      );
    });
    // Independent writes, issued together: one wait instead of one per table. The earlier count reads the
    // story's index after them (requests run in order), in the same round trip unless stories merged: their
    // articles move first.
    const merged = store.mergedStories.length > 0;
    const [, , , , , , counted] = await together<unknown>([
      store.flushRecords(),
      db.articles.bulkPut(changed),
      // Their search terms are indexed after the report (search-index.ts): a multi-entry index entry per
      // headline word was most of a report's write at 100,000 articles.
      db.searchQueue.bulkPut(changed.map(({ url }) => ({ url }))),
      relatedKeys.length ? db.lists.put({ url: key, links: relist(list?.links, relatedKeys, now) }) : 0,
      addThemeLinks(
        db,
        relatedKeys.filter((to) => !listedBefore.has(to)).map((to) => [storyId, storyOf(to)]),
      ),
      pageKey !== key ? db.aliases.put({ alias: pageKey, url: key }) : 0,
      merged ? null : earlierOf(db, article, store.daysOf(storyId)),
    ]);
    if (merged) await store.moveMerged();
    const earlier =
      (counted as Awaited<ReturnType<typeof earlierOf>> | null) ??
      (await earlierOf(db, article, store.daysOf(storyId)));

    const related = relatedKeys.map((url, i) => ({
      url: relatedByKey.get(url)!.url,
      read: listed[i]!.visited === 1,
      isNew: previousVisit !== null && listed[i]!.firstSeen > previousVisit,
    }));
    return {
      url: key,
      storyId,
      earlierCount: earlier.count,
      earliestMs: earlier.earliestMs,
      previousVisit,
      related,
    };
  });
}

/** A visit that finds a new headline keeps the old one (news sites rewrite headlines; readers want to know). */
function headlineHistory(previous: ArticleRecord | undefined, headline: string) {
  const history = previous?.history ?? [];
  // A title read off another page's list is that page's wording, not a version of this page's headline.
  if (!previous?.visited || previous.headline === headline) return history;
  return [
    ...history,
    { headline: previous.headline, seenAt: previous.lastVisited ?? previous.firstSeen },
  ].slice(-MAX_HEADLINE_VERSIONS);
}

/** One more publisher link between each pair of different stories (one read and one write, always Dexie's). */
function addThemeLinks(db: BackstoryDB, pairs: [string, string][]): PromiseLike<unknown> {
  const weights = new Map<string, { key: [string, string]; add: number }>();
  for (const [x, y] of pairs) {
    const key = themeKey(x, y);
    if (!key[0] || key[0] === key[1]) continue;
    const id = key.join('\n');
    weights.set(id, { key, add: (weights.get(id)?.add ?? 0) + 1 });
  }
  const wanted = [...weights.values()];
  return db.themes
    .bulkGet(wanted.map((w) => w.key))
    .then((stored) =>
      db.themes.bulkPut(
        wanted.map(({ key: [a, b], add }, i) => ({ a, b, weight: (stored[i]?.weight ?? 0) + add })),
      ),
    );
}

/** Forgets everything: the reader's history and every story derived from it. */
export async function clearAll(db: BackstoryDB): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    await Promise.all(writeTables(db).map((t) => t.clear()));
  });
}
