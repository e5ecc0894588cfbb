/**
 * The one owner of the IndexedDB schema. Every released schema version stays listed
 * here, with its upgrade, so a database written by any earlier release opens with
 * nothing lost (tests/unit/db-migrations.test.ts keeps fixtures of each).
 */
import Dexie, { type EntityTable } from 'dexie';

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
}

/** "Article `from` lists `to` as related coverage." */
export interface LinkRecord {
  from: string;
  to: string;
  seenAt: number;
}

/** Another normalised URL (the tab's, when the page declares a different canonical) for an article. */
export interface AliasRecord {
  alias: string;
  url: string;
}

export type BackstoryDB = Dexie & {
  articles: EntityTable<ArticleRecord, 'url'>;
  links: Dexie.Table<LinkRecord, [string, string]>;
  aliases: EntityTable<AliasRecord, 'alias'>;
};

export const SCHEMA_VERSION = 1;

export function openDatabase(name = DB_NAME): BackstoryDB {
  const db = new Dexie(name) as BackstoryDB;
  db.version(1).stores({
    articles: '&url, storyId, [storyId+publishedMs], visited',
    links: '&[from+to], to',
    aliases: '&alias, url',
  });
  return db;
}
