/** A page's related list as one record (schema v4): kept, merged, capped and read back as links. */
import type { ListRecord, ListedLink } from '../../utils/db/database';
import { MAX_LISTED, linksOf, mergeLinks, relist } from '../../utils/db/listed-links';

describe('listed links', () => {
  it('keeps when a link was first seen and moves when it was last seen', () => {
    const first = relist(undefined, ['b', 'c'], 10);
    expect(first).toEqual([
      ['b', 10, 10],
      ['c', 10, 10],
    ]);
    expect(relist(first, ['c', 'd'], 20)).toEqual([
      ['b', 10, 10],
      ['c', 10, 20],
      ['d', 20, 20],
    ]);
  });

  it('drops the least recently seen links beyond the cap', () => {
    const old = Array.from({ length: MAX_LISTED }, (_, i): ListedLink => [`old${i}`, i, i]);
    const list = relist(old, ['new'], 1_000);
    expect(list).toHaveLength(MAX_LISTED);
    expect(list.map((l) => l[0])).toContain('new');
    expect(list.map((l) => l[0])).not.toContain('old0');
    expect(list.map((l) => l[0])).toContain('old1');
  });

  it('merges links into their pages’ lists and drops those from pages not stored', () => {
    const lists = new Map<string, ListRecord>([['a', { url: 'a', links: [['b', 5, 5]] }]]);
    const changed = mergeLinks(
      lists,
      [
        { from: 'a', to: 'b', seenAt: 9, firstSeen: 3 },
        { from: 'a', to: 'c', seenAt: 7 },
        { from: 'gone', to: 'a', seenAt: 1 },
        { from: 'b', to: 'b', seenAt: 1 },
      ],
      new Set(['a', 'b', 'c']),
    );
    const a = {
      url: 'a',
      links: [
        ['b', 3, 9],
        ['c', 7, 7],
      ],
    };
    expect(changed).toEqual([a]);
    expect([...lists.values()]).toEqual([a]);
  });

  it('reads back only links between stored articles', () => {
    const lists: ListRecord[] = [
      {
        url: 'a',
        links: [
          ['b', 1, 2],
          ['pruned', 1, 1],
        ],
      },
      { url: 'b', links: [['a', 3, 3]] },
      { url: 'pruned', links: [['a', 4, 4]] },
    ];
    expect(linksOf(lists, new Set(['a', 'b']))).toEqual([
      { from: 'a', to: 'b', firstSeen: 1, seenAt: 2 },
      { from: 'b', to: 'a', firstSeen: 3, seenAt: 3 },
    ]);
  });
});
