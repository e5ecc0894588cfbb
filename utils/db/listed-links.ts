/**
 * Since schema v4 a page's related-coverage list is one record of the `lists` table, keyed by the page's URL,
 * instead of one `links` record per link: a report reads and writes one record for its list (in the same
 * round trips as its other reads and writes), and the database no longer keeps every link's two URLs a
 * second time as its key and a third time in an index (at 100,000 articles the links were most of the
 * database, and every access pays for the database's size). The article records stay lean: the timeline and
 * search read many of them. The export file still carries links (`LinkRecord`), so files of every release
 * stay interchangeable.
 */
import type { Transaction } from 'dexie';
import type { LinkRecord, ListRecord, ListedLink } from './database';

/** Links kept per page: a page re-reported over months may change its list; the least recently seen go. */
export const MAX_LISTED = 200;

/** The page's list after a report that lists `tos` at `now`: earlier links keep when they were first seen. */
export function relist(
  previous: readonly ListedLink[] | undefined,
  tos: readonly string[],
  now: number,
): ListedLink[] {
  const byTo = new Map<string, ListedLink>((previous ?? []).map((l) => [l[0], l]));
  for (const to of tos) byTo.set(to, [to, byTo.get(to)?.[1] ?? now, now]);
  return capListed([...byTo.values()]);
}

function capListed(links: ListedLink[]): ListedLink[] {
  if (links.length <= MAX_LISTED) return links;
  return [...links].sort((a, b) => b[2] - a[2]).slice(0, MAX_LISTED);
}

/**
 * The history's links, as the export file and the story rebuild take them: only links between stored
 * articles (a page pruned by the retention limit takes its list along, but other pages may still list it).
 */
export function linksOf(lists: readonly ListRecord[], stored: ReadonlySet<string>): LinkRecord[] {
  return lists.flatMap((list) =>
    stored.has(list.url)
      ? list.links
          .filter(([to]) => stored.has(to))
          .map(([to, firstSeen, seenAt]): LinkRecord => ({ from: list.url, to, seenAt, firstSeen }))
      : [],
  );
}

/**
 * Adds links (from an import file or a v3 links table) to their pages' lists, merged with what each list
 * holds; returns the lists that changed. A link from a page that is not stored has nowhere to show and
 * no story to join: it is dropped.
 */
export function mergeLinks(
  lists: Map<string, ListRecord>,
  links: readonly LinkRecord[],
  stored: ReadonlySet<string>,
): ListRecord[] {
  const changed = new Map<string, Map<string, ListedLink>>();
  for (const l of links) {
    if (!stored.has(l.from) || l.to === l.from) continue;
    let list = changed.get(l.from);
    if (!list) {
      list = new Map((lists.get(l.from)?.links ?? []).map((x) => [x[0], x]));
      changed.set(l.from, list);
    }
    const known = list.get(l.to);
    const firstSeen = l.firstSeen ?? l.seenAt;
    list.set(
      l.to,
      known
        ? [l.to, Math.min(known[1], firstSeen), Math.max(known[2], l.seenAt)]
        : [l.to, firstSeen, l.seenAt],
    );
  }
  return [...changed].map(([url, list]) => {
    const record = { url, links: capListed([...list.values()]) };
    lists.set(url, record);
    return record;
  });
}

/** v4: the links table's rows become their pages' lists (the table itself is then deleted by Dexie). */
export async function moveLinksInUpgrade(tx: Transaction): Promise<void> {
  const links = (await tx.table('links').toArray()) as LinkRecord[];
  const stored = new Set((await tx.table('articles').toCollection().primaryKeys()) as string[]);
  await tx.table('lists').bulkPut(mergeLinks(new Map(), links, stored));
}
