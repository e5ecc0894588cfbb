/**
 * The one owner of the IndexedDB schema. Every released schema version stays listed
 * here, with its upgrade, so a database written by any earlier release opens with
 * nothing lost (tests/unit/db-migrations.test.ts keeps fixtures of each).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { HeadlineVersion } from './views';
import { moveLinksInUpgrade } from './listed-links';
import { countStoryDaysInUpgrade, rebuildStoriesInUpgrade } from './rebuild-stories';

export const DB_NAME = 'backstory';

export interface ArticleRecord {
  /** Normalised URL: the primary key. */
  url: string;
  /** The URL as last seen, for links. */
  href: string;
  headline: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`, `YYYY-MM-DD` or null. */
  publishedAt: string | null;
  /** Sort key derived from publishedAt (ms since epoch), or -1 when unknown. */
  publishedMs: number;
  site: string;
  storyId: string;
  /** 1 when the reader opened the article; 0 when it was only listed as related coverage. */
  visited: 0 | 1;
  visitCount: number;
  firstSeen: number;
  lastVisited: number | null;
  /** v2: headlines the page carried before the current one, oldest first. */
  history?: HeadlineVersion[];
  /** v2: the reader's visit to this article's story before their latest visit here (for "new since"). */
  previousVisit?: number | null;
  /** v2: folded headline words, for search (a multi-entry index). */
  terms?: string[];
}

/** `[to, firstSeen, seenAt]`: the page lists `to` (normalised URL), first and last seen at those times. */
export type ListedLink = [to: string, firstSeen: number, seenAt: number];

/** v4: the related coverage a page lists (listed-links.ts); before v4, `links` rows. */
export interface ListRecord {
  /** The listing page's normalised URL. */
  url: string;
  links: ListedLink[];
}

/** v4: an article written since its headline's search terms were last indexed (search-index.ts). */
export interface SearchQueueRecord {
  url: string;
}

/** "Article `from` lists `to` as related coverage": a v1–v3 table row, and the export file's form. */
export interface LinkRecord {
  from: string;
  to: string;
  seenAt: number;
  /** v2: when the link was first seen (v1 records only have seenAt). */
  firstSeen?: number;
}

/** Another normalised URL (the tab's, when the page declares a different canonical) for an article. */
export interface AliasRecord {
  alias: string;
  url: string;
}

/** v2: a story as the story engine keeps it (see utils/stories/store.ts), plus the reader's last visit. */
export interface StoryRecord {
  id: string;
  size: number;
  centroid: [string, number][];
  normSq: number;
  first: number | null;
  last: number | null;
  title: string;
  titleVector: [string, number][];
  /** Absent (so not indexed) until the reader opens one of its articles. */
  lastVisited?: number;
  /** v3: dated articles per day, `[day number, count]` sorted (see story-days.ts). */
  days?: [number, number][];
}

export interface PostingRecord {
  term: string;
  stories: string[];
}

export interface WordRecord {
  word: string;
  capitalised: number;
  lower: number;
}

export interface PendingRecord {
  id: string;
  links: string[];
}

/** Two stories linked by publishers' related lists (`a` < `b`), and how many links join them. */
export interface ThemeRecord {
  a: string;
  b: string;
  weight: number;
}

export interface MetaRecord {
  key: string;
  value: number;
}

export type BackstoryDB = Dexie & {
  articles: EntityTable<ArticleRecord, 'url'>;
  lists: EntityTable<ListRecord, 'url'>;
  searchQueue: EntityTable<SearchQueueRecord, 'url'>;
  aliases: EntityTable<AliasRecord, 'alias'>;
  stories: EntityTable<StoryRecord, 'id'>;
  postings: EntityTable<PostingRecord, 'term'>;
  words: EntityTable<WordRecord, 'word'>;
  pending: EntityTable<PendingRecord, 'id'>;
  themes: Dexie.Table<ThemeRecord, [string, string]>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export const SCHEMA_VERSION = 4;

/** The tables that hold the reader's own history; every other table is derived from them. */
export const HISTORY_TABLES = ['articles', 'lists', 'aliases'] as const;
export const STORY_TABLES = ['stories', 'postings', 'words', 'pending', 'themes', 'meta'] as const;

export function openDatabase(
  name = DB_NAME,
  dependencies?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): BackstoryDB {
  const db = new Dexie(name, dependencies) as BackstoryDB;
  db.version(1).stores({
    articles: '&url, storyId, [storyId+publishedMs], visited',
    links: '&[from+to], to',
    aliases: '&alias, url',
  });
  // v2: stories come from the story engine; its state lives in the new tables, rebuilt from the v1 history.
  db.version(2)
    .stores({
      articles: '&url, storyId, [storyId+publishedMs], visited, firstSeen, *terms',
      stories: '&id, lastVisited',
      postings: '&term',
      words: '&word',
      pending: '&id',
      themes: '&[a+b], b',
      meta: '&key',
    })
    .upgrade((tx) => rebuildStoriesInUpgrade(tx));
  // v3: each story counts its dated articles per day (earlier counts without reading the story's keys); the
  // single storyId index (the compound one answers the same queries) and the unused visited index go.
  db.version(3)
    .stores({ articles: '&url, [storyId+publishedMs], firstSeen, *terms' })
    .upgrade((tx) => countStoryDaysInUpgrade(tx));
  // v4: one record per page for its related list (listed-links.ts) instead of one per link; theme links by
  // weight, so the timeline reads a story's strongest few instead of all of them; headlines wait in a queue
  // for their search terms, which are indexed after the report (search-index.ts).
  db.version(4)
    .stores({
      links: null,
      lists: '&url',
      themes: '&[a+b], [a+weight], [b+weight]',
      searchQueue: '&url',
    })
    .upgrade((tx) => moveLinksInUpgrade(tx));
  return db;
}
