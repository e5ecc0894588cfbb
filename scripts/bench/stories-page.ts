/**
 * Runs inside the `stories` benchmark page, bundled into an IIFE (`globalThis.backstoryStoriesBench`): the
 * extension's own database code (utils/db, the same modules the background imports) over the page's real
 * IndexedDB. The driver (stories.ts) calls these functions by name, one step at a time, so it can report
 * progress and time out.
 */
import type { Table } from 'dexie';
import { countHistory } from '../../utils/db/browse';
import { type ArticleRecord, type BackstoryDB, openDatabase } from '../../utils/db/database';
import { normalizeUrl, siteOf } from '../../utils/db/normalize-url';
import { clearAll, recordArticle } from '../../utils/db/repository';
import { indexSearchTerms } from '../../utils/db/search-index';
import { getTimeline } from '../../utils/db/timeline';
import { rebuildStories } from '../../utils/db/rebuild-stories';
import { toEpochMs } from '../../utils/extract/dates';
import type { AliasRecord, LinkRecord } from '../../utils/db/database';
import { linksOf, mergeLinks } from '../../utils/db/listed-links';
import { type HistoryItem, type SyntheticHistory, syntheticHistory } from './story-history';

/** Per `table.operation`: requests, keys or records they carried, and ms until each settled. */
export type RequestProfile = Record<string, { calls: number; items: number; ms: number }>;

let history: SyntheticHistory | null = null;
let profile: RequestProfile | null = null;
let db: BackstoryDB | null = null;
let cursor = 0;
const SEED_CHUNK = 5_000;

function openDb(): BackstoryDB {
  if (!db) throw new Error('call open() first');
  return db;
}

export function generate(count: number, extra: number) {
  const started = performance.now();
  history = syntheticHistory(count, extra);
  cursor = 0;
  const related = history.visits.reduce((sum, v) => sum + v.report.related.length, 0);
  return {
    visits: history.visits.length,
    arrivals: history.arrivals.length,
    stories: history.storyCount,
    themes: history.themeCount,
    related,
    ms: performance.now() - started,
  };
}

/** A fresh database under `name` (any earlier one is deleted first when `fresh`). */
export async function open(name: string, fresh: boolean, profiled = false): Promise<void> {
  if (fresh) await openDatabase(name).delete();
  db = openDatabase(name);
  if (profiled) countRequests(db);
  await db.open();
}

/**
 * Counts every request the store makes (a Dexie DBCore middleware): in Chromium each one is a round trip
 * to the browser process, so their number, not their size, is usually what a slow write is made of.
 */
function countRequests(database: BackstoryDB): void {
  const note = (key: string, items: number, started: number) => {
    if (!profile) return;
    const entry = (profile[key] ??= { calls: 0, items: 0, ms: 0 });
    entry.calls++;
    entry.items += items;
    entry.ms += performance.now() - started;
  };
  database.use({
    stack: 'dbcore',
    name: 'bench-profile',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        const timed =
          <A extends unknown[], R>(
            op: string,
            size: (args: A, result: R) => number,
            run: (...args: A) => Promise<R>,
          ) =>
          (...args: A): Promise<R> => {
            const started = performance.now();
            // A chained step, not an async function: a native await here can let IndexedDB commit the
            // transaction between requests issued together (see utils/db/together.ts).
            return run(...args).then((result) => {
              note(`${tableName}.${op}`, size(args, result), started);
              return result;
            });
          };
        return {
          ...table,
          get: timed('get', () => 1, table.get.bind(table)),
          getMany: timed('getMany', ([req]) => req.keys.length, table.getMany.bind(table)),
          mutate: timed(
            'mutate',
            ([req]) => ('values' in req ? req.values.length : 'keys' in req ? req.keys.length : 1),
            table.mutate.bind(table),
          ),
          query: timed('query', (_, res) => res.result.length, table.query.bind(table)),
          count: timed('count', () => 1, table.count.bind(table)),
          openCursor: timed('openCursor', () => 1, table.openCursor.bind(table)),
        };
      },
    }),
  });
}

/** The next `n` history reports through recordArticle, one transaction each, as the background stores them. */
export async function ingest(n: number) {
  const { visits } = history!;
  const database = openDb();
  const end = Math.min(visits.length, cursor + n);
  const started = performance.now();
  const count = end - cursor;
  for (; cursor < end; cursor++) {
    const { report, at } = visits[cursor]!;
    await recordArticle(database, report, at);
  }
  // As the background does moments after the reports (search-index.ts).
  await indexSearchTerms(database);
  return { done: cursor, total: visits.length, count, ms: performance.now() - started };
}

/**
 * The whole history as an import into an empty database stores it: the records recordArticle would have
 * stored for every report, and the stories rebuilt from them by the import's own rebuildStories. Written
 * in transactions of SEED_CHUNK records rather than importHistory's single one, which at 100k articles
 * takes Chromium over ten minutes; for histories too long to ingest one report at a time.
 */
export async function seedAll() {
  const { visits } = history!;
  const database = openDb();
  const started = performance.now();
  const articles = new Map<string, ArticleRecord>();
  const links = new Map<string, LinkRecord>();
  const aliases = new Map<string, AliasRecord>();
  const publishedMs = (at: string | null) => (at ? (toEpochMs(at) ?? -1) : -1);
  const record = (url: string, href: string, headline: string, at: string | null): ArticleRecord => ({
    url,
    href,
    headline,
    publishedAt: at,
    publishedMs: publishedMs(at),
    site: siteOf(href),
    storyId: '',
    visited: 0,
    visitCount: 0,
    firstSeen: 0,
    lastVisited: null,
    history: [],
    previousVisit: null,
  });
  for (const { report, at } of visits) {
    const pageKey = normalizeUrl(report.url);
    const key = report.canonicalUrl ? normalizeUrl(report.canonicalUrl) : pageKey;
    const href = report.canonicalUrl ?? report.url;
    const known = articles.get(key);
    articles.set(key, {
      ...record(key, href, report.headline, report.publishedAt ?? known?.publishedAt ?? null),
      visited: 1,
      visitCount: (known?.visitCount ?? 0) + 1,
      firstSeen: known?.firstSeen ?? at,
      lastVisited: at,
    });
    if (pageKey !== key) aliases.set(pageKey, { alias: pageKey, url: key });
    for (const item of report.related) {
      const to = normalizeUrl(item.url);
      if (to === key || to === pageKey) continue;
      const link = links.get(`${key} ${to}`);
      links.set(`${key} ${to}`, { from: key, to, seenAt: at, firstSeen: link?.firstSeen ?? at });
      if (!articles.has(to))
        articles.set(to, { ...record(to, item.url, item.title, item.publishedAt), firstSeen: at });
    }
  }
  const stored = [...articles.values()];
  const urls = new Set(articles.keys());
  const lists = mergeLinks(new Map(), [...links.values()], urls);
  const rebuilt: Record<string, unknown[]> = {};
  const capture = async (name: string, rows: readonly unknown[]) => {
    const into = (rebuilt[name] ??= []);
    for (const row of rows) into.push(row);
  };
  await rebuildStories(
    stored,
    linksOf(lists, urls),
    (name) =>
      ({
        clear: async () => undefined,
        bulkPut: (rows: unknown[]) => capture(name, rows),
        bulkAdd: (rows: unknown[]) => capture(name, rows),
      }) as unknown as Table<unknown, unknown>,
  );
  const rebuiltMs = performance.now() - started;
  await clearAll(database);
  const tables: [string, unknown[]][] = [
    ...Object.entries(rebuilt),
    ['lists', lists],
    ['aliases', [...aliases.values()]],
  ];
  for (const [name, rows] of tables) {
    const table = database.table(name);
    for (let i = 0; i < rows.length; i += SEED_CHUNK) {
      await database.transaction('rw', table, () => table.bulkPut(rows.slice(i, i + SEED_CHUNK)));
    }
  }
  cursor = visits.length;
  return { articles: articles.size, rebuiltMs, ms: performance.now() - started };
}

/** What the measuring page needs: the new arrivals, and a spread of history articles to ask timelines for. */
export function probes(timelineQueries: number): { arrivals: HistoryItem[]; urls: string[] } {
  const { visits, arrivals } = history!;
  const step = visits.length / timelineQueries;
  const urls = Array.from(
    { length: Math.min(timelineQueries, visits.length) },
    (_, i) => visits[Math.floor(i * step)]!.report.url,
  );
  return { arrivals, urls };
}

/** Drops the generated history, so the page's heap holds only what the extension would. */
export function forget(): void {
  history = null;
}

export async function counts() {
  return countHistory(openDb());
}

export interface Measured {
  timelineMs: number[];
  timelineEntries: number[];
  missing: number;
  assignMs: number[];
  /** Indexing each arrival's headlines for search, as the background does after the report. */
  indexMs: number[];
  /** Requests per timeline query and per recorded arrival, when the database was opened with profiling. */
  timelineRequests: RequestProfile | null;
  assignRequests: RequestProfile | null;
  isolated: boolean;
}

/**
 * Timeline queries for history articles, then the arrivals one recordArticle each (which assigns them to
 * stories), each timed alone. The first `warm` of each are run untimed: a freshly woken worker pays for
 * compiling the code once, which is not what grows with the history.
 */
export async function measure(urls: string[], arrivals: HistoryItem[], warm: number): Promise<Measured> {
  const database = openDb();
  const timelineMs: number[] = [];
  const timelineEntries: number[] = [];
  let missing = 0;
  const timelineRequests: RequestProfile = {};
  for (const [i, url] of urls.entries()) {
    if (i === warm) profile = timelineRequests;
    const started = performance.now();
    const view = await getTimeline(database, url);
    const elapsed = performance.now() - started;
    if (i < warm) continue;
    timelineMs.push(elapsed);
    if (!view) missing++;
    else timelineEntries.push(view.earlier.length + view.later.length);
  }
  profile = null;
  const assignMs: number[] = [];
  const indexMs: number[] = [];
  const requests: RequestProfile = {};
  for (const [i, { report, at }] of arrivals.entries()) {
    if (i === warm) profile = requests;
    const started = performance.now();
    await recordArticle(database, report, at);
    const elapsed = performance.now() - started;
    profile = null;
    const indexStarted = performance.now();
    await indexSearchTerms(database);
    if (i >= warm) {
      assignMs.push(elapsed);
      indexMs.push(performance.now() - indexStarted);
      profile = requests;
    }
  }
  profile = null;
  const perCall = (entries: RequestProfile, n: number): RequestProfile | null => {
    for (const entry of Object.values(entries)) {
      entry.calls /= n;
      entry.items /= n;
      entry.ms /= n;
    }
    return Object.keys(entries).length ? entries : null;
  };
  return {
    timelineMs,
    timelineEntries,
    missing,
    assignMs,
    indexMs,
    timelineRequests: perCall(timelineRequests, Math.max(1, urls.length - warm)),
    assignRequests: perCall(requests, Math.max(1, arrivals.length - warm)),
    isolated: globalThis.crossOriginIsolated === true,
  };
}
