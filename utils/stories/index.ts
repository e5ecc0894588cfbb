/**
 * Story grouping: which articles tell the same story. Incremental — each article is placed when it arrives
 * and never moved again, except that stories merge when an article (or a publisher's related list) shows
 * that two of them are one. Pure TypeScript with no Node or browser API: the background service worker and
 * `npm run cluster` run the same code.
 *
 *   const engine = createEngine();                     // options: see StoryEngineOptions / DEFAULT_OPTIONS
 *   engine.assign({ id, title, url?, site?, publishedAt? })
 *     → { storyId, merged? }     merged: ids of stories folded into storyId by this call (gone from now on)
 *   engine.addRelatedEvidence(articleId, relatedIds)
 *     → { storyId, merged? } | null (null while articleId itself has not been assigned)
 *   engine.storyOf(articleId) → storyId | undefined       (current story, after any later merge)
 *   engine.membersOf(storyId) → article ids, in joining order
 *   engine.exportState() → EngineState (plain arrays and objects: JSON / structured-clone / IndexedDB safe)
 *   engine.importState(state)                         same state ⇒ the same assignments afterwards
 *
 * Story ids ("s1", "s2", …) are stable: a story keeps its id for life, and in a merge the larger story's id
 * survives. Signals (see features.ts and engine.ts): headline words stemmed with a light stemmer of the
 * headline's language (en, de, fr, es, it, pt, nl) after stop words; names and acronyms weighted above
 * common words, and pairs of adjacent names as keys of their own; the URL slug's extra words; the distance
 * in time between an article and a story's span when `publishedAt` is known; related-coverage links.
 * Cost per assignment is bounded by the option caps, not by the history (see engine.ts).
 */
export {
  type ArticleInput,
  type Assignment,
  type AssignMeasure,
  casingWords,
  createEngine,
  DEFAULT_OPTIONS,
  MemoryStoryEngine,
  resolveOptions,
  StoryEngine,
  type StoryEngineOptions,
} from './engine';
export type { EngineState, PostingRecord, StoryRecord, WordCaseRecord } from './state';
export { MemoryStoryStore } from './memory-store';
export { StoryPostings } from './postings';
export type { Story, StoryLoader, StoryStore, WordCase } from './store';
