/**
 * Headline search terms are indexed after the report that stored the headline, not in its transaction: the
 * `*terms` multi-entry index adds an entry per headline word, and at 100,000 articles writing those entries
 * was most of a report's write (an experiment without the index: 27 → 24 ms per report, a database of 187
 * → 108 MB). A report queues what it wrote; the background indexes the queue moments later, and search
 * (browse.ts) also reads the few articles still queued, so it never misses one.
 */
import type { ArticleRecord, BackstoryDB } from './database';
import { searchTerms } from './search-terms';

/** Articles indexed per transaction, so a long queue (after an import of an old release) does not block. */
const BATCH = 500;

/** Indexes the queued articles' search terms; returns how many were indexed. */
export async function indexSearchTerms(db: BackstoryDB): Promise<number> {
  let indexed = 0;
  for (;;) {
    const done = await db.transaction('rw', [db.articles, db.searchQueue], async () => {
      const urls = await db.searchQueue.limit(BATCH).primaryKeys();
      const articles = (await db.articles.bulkGet(urls)).filter((a): a is ArticleRecord => !!a);
      await db.articles.bulkPut(articles.map((a) => ({ ...a, terms: searchTerms(a.headline) })));
      await db.searchQueue.bulkDelete(urls);
      return urls.length;
    });
    indexed += done;
    if (done < BATCH) return indexed;
  }
}
