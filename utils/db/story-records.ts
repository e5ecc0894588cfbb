/** The story engine's in-memory story and the record it is stored as. */
import type { Story } from '../stories';
import type { BackstoryDB, StoryRecord, ThemeRecord } from './database';
import { type StoryDays, daysToRecord } from './story-days';
import { together } from './together';

export function storyFromRecord(r: StoryRecord): Story {
  return {
    id: r.id,
    size: r.size,
    centroid: { weights: new Map(r.centroid), normSq: r.normSq },
    first: r.first,
    last: r.last,
    title: r.title,
    titleVector: new Map(r.titleVector),
  };
}

export function storyToRecord(
  s: Story,
  lastVisited: number | undefined,
  days: StoryDays | undefined,
): StoryRecord {
  const record: StoryRecord = {
    id: s.id,
    size: s.size,
    centroid: [...s.centroid.weights],
    normSq: s.centroid.normSq,
    first: s.first,
    last: s.last,
    title: s.title,
    titleVector: [...s.titleVector],
  };
  if (lastVisited !== undefined) record.lastVisited = lastVisited;
  if (days) record.days = daysToRecord(days);
  return record;
}

/** Stories are unordered pairs in the themes table: the smaller id first. */
export function themeKey(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** Every theme link of a story, whichever side of the pair it is on. */
export async function themeLinksOf(db: BackstoryDB, storyId: string): Promise<ThemeRecord[]> {
  const [asA = [], asB = []] = await together([
    db.themes.where('[a+b]').between([storyId, ''], [storyId, '\uffff']).toArray(),
    db.themes.where('[b+weight]').between([storyId, -Infinity], [storyId, Infinity]).toArray(),
  ]);
  return [...asA, ...asB];
}

/**
 * The story's `n` strongest theme links, heaviest first, through the [a+weight] and [b+weight] indexes: a long
 * story is linked to hundreds of others, and the reader is shown a few.
 */
export async function strongestThemeLinksOf(
  db: BackstoryDB,
  storyId: string,
  n: number,
): Promise<ThemeRecord[]> {
  const side = (index: string) =>
    db.themes.where(index).between([storyId, -Infinity], [storyId, Infinity]).reverse().limit(n).toArray();
  const [asA = [], asB = []] = await together([side('[a+weight]'), side('[b+weight]')]);
  return [...asA, ...asB].sort((x, y) => y.weight - x.weight).slice(0, n);
}
