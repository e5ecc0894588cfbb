/**
 * The story engine's state, in the form `exportState` hands out: plain arrays of records keyed the way
 * IndexedDB object stores would key them (postings by `term`, stories by `id`), with no Map, class or function,
 * so it survives JSON and structured clone. Numbers are kept exactly: the same state gives the same
 * assignments after a round trip.
 */

export const STATE_VERSION = 2;

export interface PostingRecord {
  /** A stemmed word, or two adjacent names joined by "_". */
  term: string;
  /** The stories whose centroid has the term, least recently joined first, at most `maxStoriesPerTerm`. */
  stories: string[];
}

/** How often a folded word was seen capitalised or in lower case inside a sentence-case headline. */
export interface WordCaseRecord {
  word: string;
  capitalised: number;
  lower: number;
}

export interface StoryRecord {
  id: string;
  /** Article ids, in the order they joined. */
  members: string[];
  /** Sum of the members' unit vectors (term → weight), at most `maxStoryTerms` of the heaviest terms. */
  centroid: [string, number][];
  /** Squared length of the centroid, kept up to date so scoring never walks it. */
  normSq: number;
  /** Earliest and latest member publication time (epoch ms), null while no member had one. */
  first: number | null;
  last: number | null;
  /** The member headline closest to the centroid, and its unit vector. */
  title: string;
  titleVector: [string, number][];
}

export interface EngineState {
  version: typeof STATE_VERSION;
  nextStoryNumber: number;
  postings: PostingRecord[];
  words: WordCaseRecord[];
  stories: StoryRecord[];
  /** Article id → story id. */
  articles: [string, string][];
  /** Article not seen yet → assigned articles that a publisher listed as related to it (or it to them). */
  pendingRelated: [string, string[]][];
}
