/**
 * Export and import of the reader's history as one JSON file. Only the history is written (articles, the
 * related-coverage links, URL aliases); stories are derived from it and rebuilt after an import, so a file
 * from any release imports into any later one. Imported files are untrusted: every record is checked, and
 * a record that fails is skipped, not the file.
 */
import * as v from 'valibot';
import { MAX_TITLE_LENGTH } from '../extract/text';
import { MAX_URL_LENGTH } from '../extract/urls';
import type { AliasRecord, ArticleRecord, BackstoryDB, LinkRecord } from './database';
import { linksOf, mergeLinks } from './listed-links';
import { rebuildStories } from './rebuild-stories';
import { writeTables } from './repository';
import { searchTerms } from './search-terms';
import type { HeadlineVersion } from './views';

export const EXPORT_FORMAT = 'backstory-history';
export const EXPORT_VERSION = 1;

const Url = v.pipe(v.string(), v.maxLength(MAX_URL_LENGTH), v.regex(/^https?:\/\//i));
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TITLE_LENGTH));
const Ms = v.pipe(v.number(), v.finite());
const Version = v.object({ headline: Text, seenAt: Ms });

const ArticleSchema = v.object({
  url: Url,
  href: Url,
  headline: Text,
  publishedAt: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$/))),
  publishedMs: Ms,
  site: v.pipe(v.string(), v.maxLength(253)),
  visited: v.picklist([0, 1]),
  visitCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  firstSeen: Ms,
  lastVisited: v.nullable(Ms),
  history: v.optional(v.pipe(v.array(Version), v.maxLength(100)), []),
  previousVisit: v.optional(v.nullable(Ms), null),
});
const LinkSchema = v.object({ from: Url, to: Url, seenAt: Ms, firstSeen: v.optional(Ms) });
const AliasSchema = v.object({ alias: Url, url: Url });

const FileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  articles: v.array(v.unknown()),
  links: v.array(v.unknown()),
  aliases: v.array(v.unknown()),
});

type ExportedArticle = Omit<ArticleRecord, 'storyId' | 'terms'>;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: ExportedArticle[];
  links: LinkRecord[];
  aliases: AliasRecord[];
}

export async function exportHistory(db: BackstoryDB, now = Date.now()): Promise<ExportFile> {
  return db.transaction('r', db.articles, db.lists, db.aliases, async () => {
    const articles = (await db.articles.toArray()).map(({ storyId: _s, terms: _t, ...rest }) => rest);
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(now).toISOString(),
      articles,
      links: linksOf(await db.lists.toArray(), new Set(articles.map((a) => a.url))),
      aliases: await db.aliases.toArray(),
    };
  });
}

function valid<T extends v.GenericSchema>(schema: T, items: unknown[]): v.InferOutput<T>[] {
  return items.flatMap((item) => {
    const parsed = v.safeParse(schema, item);
    return parsed.success ? [parsed.output] : [];
  });
}

/** Two records of one article (the stored one and the imported one): nothing either knows is dropped. */
function mergeArticle(a: ArticleRecord, b: ArticleRecord): ArticleRecord {
  const [older, newer] = (a.lastVisited ?? a.firstSeen) <= (b.lastVisited ?? b.firstSeen) ? [a, b] : [b, a];
  const history = new Map<string, HeadlineVersion>();
  for (const h of [...(older.history ?? []), ...(newer.history ?? [])])
    history.set(`${h.seenAt}\n${h.headline}`, h);
  const visited = newer.visited || older.visited;
  const main = visited && !newer.visited ? older : newer;
  return {
    ...main,
    visited,
    visitCount: Math.max(a.visitCount, b.visitCount),
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastVisited:
      Math.max(a.lastVisited ?? -1, b.lastVisited ?? -1) >= 0
        ? Math.max(a.lastVisited ?? -1, b.lastVisited ?? -1)
        : null,
    history: [...history.values()].sort((x, y) => x.seenAt - y.seenAt),
  };
}

/** Adds a file's history to the stored one and rebuilds the stories; returns how many articles it held. */
export async function importHistory(db: BackstoryDB, json: string): Promise<{ articles: number }> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('This file is not a Backstory export (it is not JSON).');
  }
  const file = v.safeParse(FileSchema, raw);
  if (!file.success)
    throw new Error('This file is not a Backstory export of a version this release can read.');
  const articles: ArticleRecord[] = valid(ArticleSchema, file.output.articles).map((a) => ({
    ...a,
    storyId: '',
    terms: searchTerms(a.headline),
  }));
  const links = valid(LinkSchema, file.output.links);
  const aliases = valid(AliasSchema, file.output.aliases);

  await db.transaction('rw', writeTables(db), async () => {
    // The whole history in memory, merged there: the rebuild writes each article once.
    const merged = new Map((await db.articles.toArray()).map((a) => [a.url, a]));
    for (const a of articles) {
      const stored = merged.get(a.url);
      merged.set(a.url, stored ? mergeArticle(stored, a) : a);
    }
    const stored = new Set(merged.keys());
    const lists = new Map((await db.lists.toArray()).map((l) => [l.url, l]));
    await db.lists.bulkPut(mergeLinks(lists, links, stored));
    await db.aliases.bulkPut(aliases);
    await rebuildStories([...merged.values()], linksOf([...lists.values()], stored), (name) =>
      db.table(name),
    );
  });
  return { articles: articles.length };
}
