/**
 * How many of a story's dated articles were published on each day (UTC), kept in the story record. The
 * "N earlier reports" a report answers with then costs a sum over the story's days plus a look at the
 * article's own day, instead of reading every earlier index entry: IndexedDB checks each entry it reads
 * against its record, so reading a long story's keys grows with the size of the whole database.
 */
import type { ArticleRecord } from './database';

const DAY = 86_400_000;

/** Day number → dated articles published that day. */
export type StoryDays = Map<number, number>;

export function dayOf(publishedMs: number): number {
  return Math.floor(publishedMs / DAY);
}

export function dayStartMs(day: number): number {
  return day * DAY;
}

/** Counts an article in (delta 1) or out of (delta -1) its day; undated articles have no day. */
export function countDay(days: StoryDays, publishedMs: number, delta: 1 | -1): void {
  if (publishedMs < 0) return;
  const day = dayOf(publishedMs);
  const n = (days.get(day) ?? 0) + delta;
  if (n > 0) days.set(day, n);
  else days.delete(day);
}

export function mergeDays(into: StoryDays, from: StoryDays): void {
  for (const [day, n] of from) into.set(day, (into.get(day) ?? 0) + n);
}

/** Dated articles published on days before `day`. */
export function countBeforeDay(days: StoryDays, day: number): number {
  let n = 0;
  for (const [d, count] of days) if (d < day) n += count;
  return n;
}

/** The earliest day with a dated article before `day`, if any. */
export function firstDayBefore(days: StoryDays, day: number): number | null {
  let first: number | null = null;
  for (const d of days.keys()) if (d < day && (first === null || d < first)) first = d;
  return first;
}

/** Sorted pairs, the form stored in the story record. */
export function daysToRecord(days: StoryDays): [number, number][] {
  return [...days].sort((a, b) => a[0] - b[0]);
}

export function daysFromRecord(record: readonly [number, number][] | undefined): StoryDays | undefined {
  return record ? new Map(record) : undefined;
}

/** Every story's days, counted from its articles (rebuilds and the schema upgrade). */
export function daysByStory(articles: Iterable<Pick<ArticleRecord, 'storyId' | 'publishedMs'>>) {
  const byStory = new Map<string, StoryDays>();
  for (const a of articles) {
    if (!a.storyId) continue;
    let days = byStory.get(a.storyId);
    if (!days) byStory.set(a.storyId, (days = new Map()));
    countDay(days, a.publishedMs, 1);
  }
  return byStory;
}
