/**
 * The story engine over IndexedDB (one transaction per report, loading only what each assignment reads)
 * must group exactly as the in-memory engine does; and the store around it must keep every report.
 */
import Dexie from 'dexie';
import { HistoryStorage } from '../../utils/background/storage';
import { browseTestData } from './story-feed';
import { countHistory, recentStories, searchHeadlines } from '../../utils/db/browse';
import { type BackstoryDB, openDatabase } from '../../utils/db/database';
import { recordArticle } from '../../utils/db/repository';
import { indexSearchTerms } from '../../utils/db/search-index';
import { pruneToLimit } from '../../utils/db/retention';
import { DexieStoryStore } from '../../utils/db/story-store';
import { strongestThemeLinksOf, themeLinksOf } from '../../utils/db/story-records';
import { daysByStory, daysToRecord } from '../../utils/db/story-days';
import { earlierOf, getTimeline } from '../../utils/db/timeline';
import { exportHistory, importHistory } from '../../utils/db/transfer';
import type { ArticleReport } from '../../utils/messaging/schemas';
import { createEngine, DEFAULT_OPTIONS, StoryEngine } from '../../utils/stories';

let db: BackstoryDB;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`story-store-${n++}`);
  await db.open();
});
afterEach(() => db.delete());

const feed = browseTestData(250);

/** Groups as a partition: sets of member ids, independent of story ids. */
function partition(assign: [string, string][]): string[] {
  const groups = new Map<string, string[]>();
  for (const [id, story] of assign) groups.set(story, [...(groups.get(story) ?? []), id]);
  return [...groups.values()].map((g) => g.sort().join(' ')).sort();
}

describe('story engine over IndexedDB', () => {
  it('groups a feed exactly as the in-memory engine, reading only what it needs', async () => {
    const memory = createEngine();
    for (const item of feed) {
      memory.assign(item);
      if (item.related.length) memory.addRelatedEvidence(item.id, item.related);
    }
    for (const item of feed) {
      await db.transaction('rw', db.tables, async () => {
        const store = await DexieStoryStore.open(db, DEFAULT_OPTIONS.maxStoriesPerTerm);
        const engine = new StoryEngine(store);
        await engine.prepareAssign(item);
        engine.assign(item);
        await engine.prepareEvidence(item.id, item.related);
        if (item.related.length) engine.addRelatedEvidence(item.id, item.related);
        await store.flush();
        // The articles table is the engine's article → story map; the repository writes it.
        await db.articles.put({
          url: item.id,
          href: item.id,
          headline: item.title,
          publishedAt: null,
          publishedMs: -1,
          site: 'x',
          storyId: store.storyOfArticle(item.id)!,
          visited: 1,
          visitCount: 1,
          firstSeen: 0,
          lastVisited: 0,
        });
      });
    }
    const stored = await db.articles.toArray();
    expect(partition(stored.map((a) => [a.url, a.storyId]))).toEqual(
      partition(feed.map((item) => [item.id, memory.storyOf(item.id)!])),
    );
    expect(await db.stories.count()).toBe(memory.storyCount);
    expect((await db.meta.get('storyCount'))?.value).toBe(memory.storyCount);
    const sizes = (await db.stories.toArray()).reduce((sum, s) => sum + s.size, 0);
    expect(sizes).toBe(feed.length);
  });
});

function report(
  path: string,
  headline: string,
  publishedAt: string,
  related: [string, string][] = [],
): ArticleReport {
  return {
    url: `https://news.example/${path}`,
    canonicalUrl: null,
    headline,
    publishedAt,
    related: related.map(([p, title]) => ({ url: `https://news.example/${p}`, title, publishedAt: null })),
  };
}

describe('the store', () => {
  it('loses and duplicates nothing when fifty tabs report at once', async () => {
    const reports = Array.from({ length: 50 }, (_, i) =>
      report(
        `story-${i}`,
        `Storm Ophira day ${i}: Porto harbour flooded`,
        `2025-08-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
        [
          [`story-${(i + 1) % 50}`, `Storm Ophira day ${(i + 1) % 50}`],
          [`shared`, 'Storm Ophira: what we know'],
        ],
      ),
    );
    await Promise.all(reports.map((r, i) => recordArticle(db, r, 1000 + i)));
    const articles = await db.articles.toArray();
    expect(articles).toHaveLength(51);
    expect(articles.filter((a) => a.visited).map((a) => a.visitCount)).toEqual(Array(50).fill(1));
    expect((await exportHistory(db)).links).toHaveLength(100);
    const stories = await db.stories.toArray();
    expect(stories.reduce((sum, s) => sum + s.size, 0)).toBe(51);
    const ids = new Set(stories.map((s) => s.id));
    expect(articles.every((a) => ids.has(a.storyId))).toBe(true);
    expect((await db.meta.get('storyCount'))?.value).toBe(stories.length);
  });

  it('keeps every headline a page has carried, with when it was seen', async () => {
    await recordArticle(db, report('a', 'Storm heads for Porto', '2025-08-13T10:00:00Z'), 1000);
    await recordArticle(db, report('a', 'Storm Ophira floods Porto harbour', '2025-08-13T10:00:00Z'), 2000);
    await recordArticle(db, report('a', 'Storm Ophira floods Porto harbour', '2025-08-13T10:00:00Z'), 3000);
    const timeline = await getTimeline(db, 'https://news.example/a');
    expect(timeline?.current.headline).toBe('Storm Ophira floods Porto harbour');
    expect(timeline?.current.headlineHistory).toEqual([{ headline: 'Storm heads for Porto', seenAt: 1000 }]);
  });

  it('marks coverage stored since the reader’s previous visit to the story as new', async () => {
    await recordArticle(
      db,
      report('a', 'Storm Ophira floods Porto harbour', '2025-08-13T10:00:00Z', [
        ['b', 'Storm Ophira nears Porto'],
      ]),
      1000,
    );
    const second = await recordArticle(
      db,
      report('c', 'Storm Ophira: Porto harbour clean-up begins', '2025-08-15T10:00:00Z', [
        ['b', 'Storm Ophira nears Porto'],
        ['d', 'Storm Ophira: Porto harbour damage counted'],
      ]),
      5000,
    );
    expect(second.previousVisit).toBe(1000);
    expect(second.related).toEqual([
      { url: 'https://news.example/b', read: false, isNew: false },
      { url: 'https://news.example/d', read: false, isNew: true },
    ]);
    const timeline = await getTimeline(db, 'https://news.example/c');
    const isNew = Object.fromEntries(
      [...timeline!.earlier, ...timeline!.later].map((e) => [e.url.split('/').pop(), e.isNew]),
    );
    expect(isNew).toMatchObject({ a: false });
  });

  it('finds headlines by word prefixes, ignoring case and accents', async () => {
    await recordArticle(
      db,
      report('a', 'Zelenský meets European leaders in Berlin', '2025-08-13T10:00:00Z'),
      1000,
    );
    await recordArticle(db, report('b', 'Storm Ophira floods Porto harbour', '2025-08-13T10:00:00Z'), 2000);
    const search = async (query: string) => (await searchHeadlines(db, query, 10)).map((e) => e.url);
    // Queued for indexing, and found already; then indexed, and found through the index.
    expect(await db.searchQueue.count()).toBe(2);
    expect(await search('zelensky berl')).toEqual(['https://news.example/a']);
    expect(await indexSearchTerms(db)).toBe(2);
    expect(await db.searchQueue.count()).toBe(0);
    expect((await db.articles.get('https://news.example/b'))?.terms).toEqual(
      expect.arrayContaining(['storm', 'ophira', 'porto']),
    );
    expect(await search('zelensky berl')).toEqual(['https://news.example/a']);
    expect(await search('OPHI')).toEqual(['https://news.example/b']);
    expect(await search('zelensky storm')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    // A headline rewritten since: found by its new words only, before and after indexing.
    await recordArticle(db, report('b', 'Porto harbour reopens after storm', '2025-08-13T10:00:00Z'), 3000);
    expect(await search('ophira')).toEqual([]);
    expect(await search('reopens')).toEqual(['https://news.example/b']);
    await indexSearchTerms(db);
    expect(await search('ophira')).toEqual([]);
    expect(await search('reopens')).toEqual(['https://news.example/b']);
    expect((await recentStories(db, 10)).map((r) => r.story.title)).toEqual([
      'Storm Ophira floods Porto harbour',
      'Zelenský meets European leaders in Berlin',
    ]);
  });

  it('prunes the oldest history down to the retention limit and keeps the rest consistent', async () => {
    for (let i = 0; i < 30; i++) {
      await recordArticle(
        db,
        report(`a${i}`, `Storm Ophira day ${i} in Porto`, '2025-08-13T10:00:00Z', [
          [`l${i}`, `Ophira listed ${i}`],
        ]),
        1000 + i,
      );
    }
    expect(await pruneToLimit(db, 20)).toBe(40);
    const left = await db.articles.toArray();
    expect(left).toHaveLength(20);
    expect(Math.min(...left.map((a) => a.firstSeen))).toBe(1020);
    const urls = new Set(left.map((a) => a.url));
    expect((await exportHistory(db)).links.every((l) => urls.has(l.from) && urls.has(l.to))).toBe(true);
    const stories = await db.stories.toArray();
    expect(stories.reduce((sum, s) => sum + s.size, 0)).toBe(20);
    expect((await db.meta.get('storyCount'))?.value).toBe(stories.length);
  });
});

describe('the timeline of a long story', () => {
  it('answers with its first page and says there is more; with `all`, with the rest', async () => {
    for (let i = 0; i < 45; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await recordArticle(
        db,
        report(
          `e${i}`,
          `Storm Ophira floods Porto harbour, update ${i}`,
          `2025-08-${day}T${String(i % 24).padStart(2, '0')}:00:00Z`,
        ),
        1000 + i,
      );
    }
    const newest = (await db.articles.orderBy('firstSeen').last())!;
    const story = (await db.stories.get(newest.storyId))!;
    expect(story.size).toBe(45);
    const latest = (await db.articles.toArray()).sort((a, b) => b.publishedMs - a.publishedMs)[0]!;
    const first = (await getTimeline(db, latest.url))!;
    expect([first.earlier.length, first.later.length, first.more]).toEqual([30, 0, true]);
    const all = (await getTimeline(db, latest.url, true))!;
    expect([all.earlier.length, all.more]).toEqual([44, false]);
    expect(all.earlier.slice(0, 30)).toEqual(first.earlier);
  });
});

describe('earlier counts', () => {
  /** Every story's stored per-day counts against its articles, and each answer against the keys. */
  async function expectDaysConsistent(): Promise<void> {
    const counted = daysByStory(await db.articles.toArray());
    for (const story of await db.stories.toArray())
      expect([story.id, story.days]).toEqual([story.id, daysToRecord(counted.get(story.id) ?? new Map())]);
  }

  it('answers from per-day counts exactly as from the story’s keys, through merges, new dates and pruning', async () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Several articles a day on few days, some undated, so days are shared and split both ways.
    const when = () =>
      rnd() < 0.15
        ? null
        : new Date(Date.UTC(2025, 7, 1 + Math.floor(rnd() * 6), rnd() * 24)).toISOString().slice(0, 19) + 'Z';
    const url = (id: string) => `https://news.example/${id}`;
    const items = feed.slice(0, 120);
    for (const [i, item] of items.entries()) {
      // Now and then a page seen before comes back with another date: its day moves.
      const again = i % 9 === 8 ? items[Math.floor(rnd() * i)]! : item;
      const result = await recordArticle(
        db,
        {
          url: url(again.id),
          canonicalUrl: null,
          headline: again.title,
          publishedAt: when(),
          related: again.related.map((id) => ({ url: url(id), title: `${id} listed`, publishedAt: when() })),
        },
        1000 + i,
      );
      const stored = (await db.articles.get(url(again.id)))!;
      expect([i, result.earlierCount, result.earliestMs]).toEqual([
        i,
        ...Object.values(await earlierOf(db, stored)),
      ]);
    }
    // Merges happened, and stories span several days.
    expect(await db.stories.count()).toBeLessThan(10);
    expect(Math.max(...(await db.stories.toArray()).map((s) => s.days!.length))).toBeGreaterThan(4);
    await expectDaysConsistent();
    await pruneToLimit(db, 60);
    await expectDaysConsistent();
  });
});

describe('postings', () => {
  it('are written back only when a report changed them', async () => {
    const headline = 'Storm Ophira floods Porto harbour';
    await recordArticle(db, report('2025/08/13/storm-ophira-porto', headline, '2025-08-13T10:00:00Z'));
    const before = await db.postings.toArray();
    const written: unknown[] = [];
    const bulkPut = db.postings.bulkPut.bind(db.postings);
    vi.spyOn(db.postings, 'bulkPut').mockImplementation((records, ...rest) => {
      written.push(...(records as unknown[]));
      return bulkPut(records, ...(rest as []));
    });
    // Same words, same story: the story is already the most recent one in each of its terms' lists.
    const again = report('2025/08/13/storm-ophira-porto', headline, '2025-08-13T11:00:00Z');
    await recordArticle(db, { ...again, url: 'https://other.example/2025/08/13/storm-ophira-porto' });
    expect(written).toEqual([]);
    expect(await db.postings.toArray()).toEqual(before);
    expect(new Set((await db.articles.toArray()).map((a) => a.storyId)).size).toBe(1);
  });
});

describe('theme links', () => {
  it('reads a story’s strongest few, from either side of the pair', async () => {
    await db.themes.bulkPut([
      ...[1, 5, 2, 7].map((weight, i) => ({ a: 's5', b: `s${6 + i}`, weight })),
      ...[3, 9, 4, 6].map((weight, i) => ({ a: `s${1 + i}`, b: 's5', weight })),
      { a: 's1', b: 's2', weight: 100 },
    ]);
    const top = await strongestThemeLinksOf(db, 's5', 5);
    expect(top.map((t) => t.weight)).toEqual([9, 7, 6, 5, 4]);
    expect(await themeLinksOf(db, 's5')).toHaveLength(8);
  });

  it('moves a merged story’s links to the story it joined, adding up weights', async () => {
    await db.themes.bulkPut([
      { a: 's1', b: 's2', weight: 2 },
      { a: 's1', b: 's3', weight: 1 },
      { a: 's2', b: 's3', weight: 4 },
      { a: 's0', b: 's1', weight: 3 },
    ]);
    await db.transaction('rw', db.tables, async () => {
      const store = await DexieStoryStore.open(db, DEFAULT_OPTIONS.maxStoriesPerTerm);
      store.mergeInto('s1', 's2');
      await store.flush();
    });
    expect(await db.themes.toArray()).toEqual([
      { a: 's0', b: 's2', weight: 3 },
      { a: 's2', b: 's3', weight: 5 },
    ]);
  });
});

describe('export and import', () => {
  it('round-trips the history with nothing lost', async () => {
    await recordArticle(
      db,
      report('a', 'Storm heads for Porto', '2025-08-13T10:00:00Z', [['b', 'Storm Ophira nears Porto']]),
      1000,
    );
    await recordArticle(db, report('a', 'Storm Ophira floods Porto harbour', '2025-08-13T10:00:00Z'), 2000);
    await recordArticle(
      db,
      {
        ...report('c', 'Earthquake shakes Lisbon', '2025-08-14T10:00:00Z'),
        canonicalUrl: 'https://news.example/c-canonical',
      },
      3000,
    );
    const before = await exportHistory(db, 0);
    const other = openDatabase(`import-target-${n++}`);
    try {
      expect(await importHistory(other, JSON.stringify(before))).toEqual({ articles: 3 });
      expect(await exportHistory(other, 0)).toEqual(before);
      // Importing the same file again changes nothing.
      await importHistory(other, JSON.stringify(before));
      expect(await exportHistory(other, 0)).toEqual(before);
      expect((await countHistory(other)).stories).toBe((await countHistory(db)).stories);
      expect((await getTimeline(other, 'https://news.example/a'))?.current.headlineHistory).toHaveLength(1);
    } finally {
      await other.delete();
    }
  });

  it('skips bad records, refuses files that are not exports, and never touches prototypes', async () => {
    await expect(importHistory(db, 'not json')).rejects.toThrow(/not a Backstory export/);
    await expect(importHistory(db, '{"format":"other"}')).rejects.toThrow(/not a Backstory export/);
    const good = (await exportHistory(db)).articles;
    expect(good).toEqual([]);
    const file = `{"format":"backstory-history","version":1,"exportedAt":"x","__proto__":{"polluted":1},
      "articles":[{"url":"javascript:alert(1)","href":"javascript:alert(1)","headline":"x","publishedAt":null,"publishedMs":-1,"site":"x","visited":1,"visitCount":1,"firstSeen":1,"lastVisited":1},
        {"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}},"url":"https://ok.example/a","href":"https://ok.example/a","headline":"Fine","publishedAt":null,"publishedMs":-1,"site":"ok.example","visited":1,"visitCount":1,"firstSeen":1,"lastVisited":1}],
      "links":[{"from":1}],"aliases":[]}`;
    expect(await importHistory(db, file)).toEqual({ articles: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stored = await db.articles.get('https://ok.example/a');
    expect(stored).toMatchObject({ headline: 'Fine' });
    expect(Object.keys(stored!)).not.toContain('constructor');
  });
});

describe('when IndexedDB fails', () => {
  it('works from memory for the session when the database cannot be opened', async () => {
    const storage = await HistoryStorage.open(() => {
      throw new Dexie.MissingAPIError('IndexedDB API missing');
    });
    expect(storage.status).toMatchObject({ mode: 'memory', reason: 'unavailable' });
    await storage.write((mem) =>
      recordArticle(mem, report('a', 'Storm Ophira floods Porto', '2025-08-13T10:00:00Z')),
    );
    expect(await getTimeline(storage.db, 'https://news.example/a')).not.toBeNull();
  });

  it('moves the history into memory and goes on when the disk is full', async () => {
    const storage = await HistoryStorage.open(() => db);
    await storage.write((d) =>
      recordArticle(d, report('a', 'Storm Ophira floods Porto harbour', '2025-08-13T10:00:00Z'), 1000),
    );
    let first = true;
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    await storage.write(async (d) => {
      if (first) {
        first = false;
        throw new Dexie.AbortError('Transaction aborted', quota);
      }
      return recordArticle(
        d,
        report('b', 'Storm Ophira: Porto harbour clean-up', '2025-08-14T10:00:00Z'),
        2000,
      );
    });
    expect(storage.status).toMatchObject({ mode: 'memory', reason: 'quota' });
    expect(storage.db).not.toBe(db);
    const timeline = await getTimeline(storage.db, 'https://news.example/b');
    expect(timeline?.earlier.map((e) => e.url)).toEqual(['https://news.example/a']);
  });
});
