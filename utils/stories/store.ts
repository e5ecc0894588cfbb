/**
 * Where the story engine keeps its state. The engine itself is synchronous; a store that lives in IndexedDB
 * (utils/db/story-store.ts) loads what an assignment will read before it runs (`load`), keeps what it
 * changed, and writes it back afterwards, so one assignment touches a bounded number of records however long
 * the history. The in-memory store (memory-store.ts) has everything loaded already.
 */
import type { Centroid } from './centroid';
import type { StoryPostings } from './postings';

export interface Story {
  id: string;
  /** Articles in the story. */
  size: number;
  centroid: Centroid;
  /** Earliest and latest member publication time (epoch ms), null while no member had one. */
  first: number | null;
  last: number | null;
  /** The member headline closest to the centroid, and that member's unit vector. */
  title: string;
  titleVector: Map<string, number>;
}

export interface WordCase {
  capitalised: number;
  lower: number;
}

/** Async loading of what the next synchronous steps will read; absent on stores that hold everything. */
export interface StoryLoader {
  articles(ids: readonly string[]): Promise<void>;
  words(words: readonly string[]): Promise<void>;
  postings(terms: readonly string[]): Promise<void>;
  pending(ids: readonly string[]): Promise<void>;
  stories(ids: readonly string[]): Promise<void>;
  /** Waits for loads started together (one round trip for independent reads, not one each). */
  all(loads: readonly Promise<void>[]): Promise<void>;
}

export interface StoryStore {
  readonly postings: StoryPostings;
  readonly load?: StoryLoader;
  storyCount(): number;
  /** A story id never used before. */
  newStoryId(): string;
  getStory(id: string): Story | undefined;
  /** Records a new or changed story (the engine changes stories in place, then calls this). */
  putStory(story: Story): void;
  storyOfArticle(articleId: string): string | undefined;
  addMember(storyId: string, articleId: string): void;
  /** Moves every member of `goneId` to `keptId` and forgets `goneId`. */
  mergeInto(goneId: string, keptId: string): void;
  wordCase(word: string): WordCase | undefined;
  learnWord(word: string, capitalised: boolean): void;
  /** Assigned articles a publisher linked to this not-yet-assigned one. */
  pendingOf(articleId: string): readonly string[] | undefined;
  setPending(articleId: string, linked: string[] | undefined): void;
}
