/**
 * Incremental story grouping; the API is described in index.ts.
 *
 * An article is a unit vector over the keys of `headlineFeatures`, each weighted by its inverse STORY
 * frequency: how many stories already use the key, not how many articles. A story's own name ("Titanfall",
 * "Snowden") fills hundreds of articles within days, which makes it look common to document frequency just
 * when it matters most, while it stays confined to one or two stories. A story is the sum of its members'
 * vectors (its centroid), and everything is decided by one cosine threshold: the article joins the most
 * similar story (cosine faded by the time between the article and the story's span) when that reaches
 * `threshold`, else it opens a story; and when a second story also reaches it and the two centroids do too,
 * the article bridges them and they merge, the larger keeping its id.
 *
 * Cost: candidate stories come from an inverted index (term → the last `maxStoriesPerTerm` stories that
 * used it), read from the article's most distinctive term down until `maxCandidates` stories are found, so
 * an assignment reads a bounded number of postings and scores a bounded number of stories however long the
 * history. A centroid keeps its `maxStoryTerms` heaviest terms and its squared length, so scoring a story is
 * one lookup per article term and merging walks at most `maxStoryTerms` terms.
 */
import { type FeatureWeights, headlineFeatures } from './features';
import { type EngineState, STATE_VERSION } from './state';
import { timeWeight, toEpochMs } from './time';

export interface ArticleInput {
  id: string;
  title: string;
  url?: string | null;
  /** Accepted for callers' convenience; the host says nothing about the story. */
  site?: string | null;
  /** ISO-8601 (no offset = UTC) or epoch milliseconds. */
  publishedAt?: string | number | null;
}

export interface Assignment {
  storyId: string;
  /** Stories merged into `storyId` by this call; their ids no longer exist. */
  merged?: string[];
}

/** Work done by one assignment (`onMeasure`), to check that it does not grow with the history. */
export interface AssignMeasure {
  postingsRead: number;
  candidatesScored: number;
}

export interface StoryEngineOptions {
  /** Least cosine for an article to join a story, or to bridge two stories whose centroids reach it too. */
  threshold: number;
  /** Added to a story's similarity when a publisher listed one of its articles as related. */
  relatedBonus: number;
  weights: FeatureWeights;
  /** Distance in days from a story's span at which its similarity counts half. */
  timeScaleDays: number;
  maxStoriesPerTerm: number;
  maxCandidates: number;
  maxStoryTerms: number;
  onMeasure?: (measure: AssignMeasure) => void;
}

export const DEFAULT_OPTIONS: Readonly<StoryEngineOptions> = {
  threshold: 0.2,
  relatedBonus: 0.15,
  weights: { name: 1.25, namePair: 1, slug: 1 },
  timeScaleDays: 14,
  maxStoriesPerTerm: 32,
  maxCandidates: 32,
  maxStoryTerms: 300,
};

/** A word is a name once seen capitalised mid-clause at least twice and at least this often. */
const NAME_CASE_SHARE = 0.75;
const MAX_PENDING_LINKS = 16;

interface Story {
  id: string;
  members: string[];
  centroid: Map<string, number>;
  normSq: number;
  first: number | null;
  last: number | null;
  touched: number;
}

interface Scored {
  story: Story;
  score: number;
}

export class StoryEngine {
  readonly options: StoryEngineOptions;
  private nextStoryNumber = 1;
  private seq = 0;
  /** Term → ids of the stories using it, least recently touched first. */
  private postings = new Map<string, string[]>();
  private wordCase = new Map<string, { capitalised: number; lower: number }>();
  private stories = new Map<string, Story>();
  private articles = new Map<string, string>();
  private pendingRelated = new Map<string, string[]>();

  constructor(options: Partial<StoryEngineOptions> = {}) {
    this.options = {
      ...DEFAULT_OPTIONS,
      ...options,
      weights: { ...DEFAULT_OPTIONS.weights, ...options.weights },
    };
  }

  storyOf(articleId: string): string | undefined {
    return this.articles.get(articleId);
  }

  membersOf(storyId: string): readonly string[] {
    return this.stories.get(storyId)?.members ?? [];
  }

  get storyCount(): number {
    return this.stories.size;
  }

  /** Places a new article (an id seen before keeps its story). */
  assign(article: ArticleInput): Assignment {
    const known = this.articles.get(article.id);
    if (known !== undefined) return { storyId: known };
    const at = toEpochMs(article.publishedAt);
    const features = headlineFeatures(article.title, article.url, this.isKnownName, this.options.weights);
    const vector = this.vectorOf(features.weights);
    const scored = this.scoreCandidates(vector, at, this.takePendingStories(article.id));
    this.learnCasing(features.casing);
    this.seq++;

    const [best, ...others] = scored;
    if (!best || best.score < this.options.threshold) {
      const story = this.openStory();
      this.addMember(story, article.id, vector, at);
      return { storyId: story.id };
    }
    let story = best.story;
    this.addMember(story, article.id, vector, at);
    const merged: string[] = [];
    for (const other of others) {
      if (other.score < this.options.threshold) break;
      if (!this.stories.has(other.story.id)) continue;
      if (this.storySimilarity(story, other.story) < this.options.threshold) continue;
      const [kept, gone] = this.merge(story, other.story);
      merged.push(gone.id);
      story = kept;
    }
    return merged.length ? { storyId: story.id, merged } : { storyId: story.id };
  }

  /**
   * A publisher listed `relatedIds` as coverage related to `articleId`. Two placed articles in different
   * stories merge them when the stories' similarity plus `relatedBonus` reaches the threshold; a link to an
   * article not seen yet waits for it and makes the linked story a candidate with that bonus.
   */
  addRelatedEvidence(articleId: string, relatedIds: readonly string[]): Assignment | null {
    const merged: string[] = [];
    for (const relatedId of relatedIds) {
      if (relatedId === articleId) continue;
      const a = this.stories.get(this.articles.get(articleId) ?? '');
      const b = this.stories.get(this.articles.get(relatedId) ?? '');
      if (a && b) {
        if (a === b) continue;
        if (this.storySimilarity(a, b) + this.options.relatedBonus < this.options.threshold) continue;
        merged.push(this.merge(a, b)[1].id);
      } else {
        if (!a) this.addPending(articleId, relatedId);
        if (!b) this.addPending(relatedId, articleId);
      }
    }
    const storyId = this.articles.get(articleId);
    if (storyId === undefined) return null;
    return merged.length ? { storyId, merged } : { storyId };
  }

  exportState(): EngineState {
    return {
      version: STATE_VERSION,
      nextStoryNumber: this.nextStoryNumber,
      seq: this.seq,
      postings: [...this.postings].map(([term, stories]) => ({ term, stories: [...stories] })),
      words: [...this.wordCase].map(([word, c]) => ({ word, ...c })),
      stories: [...this.stories.values()].map((s) => ({
        id: s.id,
        members: [...s.members],
        centroid: [...s.centroid],
        normSq: s.normSq,
        first: s.first,
        last: s.last,
        touched: s.touched,
      })),
      articles: [...this.articles],
      pendingRelated: [...this.pendingRelated].map(([id, links]) => [id, [...links]]),
    };
  }

  /** Replaces the whole state with one from `exportState` (of this engine or another). */
  importState(state: EngineState): void {
    if (state.version !== STATE_VERSION) throw new Error(`unsupported story state version ${state.version}`);
    this.nextStoryNumber = state.nextStoryNumber;
    this.seq = state.seq;
    this.postings = new Map(state.postings.map((p) => [p.term, [...p.stories]]));
    this.wordCase = new Map(state.words.map((w) => [w.word, { capitalised: w.capitalised, lower: w.lower }]));
    this.stories = new Map(
      state.stories.map((s) => [s.id, { ...s, members: [...s.members], centroid: new Map(s.centroid) }]),
    );
    this.articles = new Map(state.articles);
    this.pendingRelated = new Map(state.pendingRelated.map(([id, links]) => [id, [...links]]));
  }

  private readonly isKnownName = (folded: string): boolean => {
    const c = this.wordCase.get(folded);
    return !!c && c.capitalised >= 2 && c.capitalised >= NAME_CASE_SHARE * (c.capitalised + c.lower);
  };

  private learnCasing(casing: Map<string, boolean>): void {
    for (const [word, capitalised] of casing) {
      let c = this.wordCase.get(word);
      if (!c) this.wordCase.set(word, (c = { capitalised: 0, lower: 0 }));
      if (capitalised) c.capitalised++;
      else c.lower++;
    }
  }

  /** Inverse story frequency; postings are capped, so every term used by that many stories counts as common. */
  private weightOf(key: string): number {
    const storiesUsing = this.postings.get(key)?.length ?? 0;
    return Math.log(1 + (this.stories.size + 1) / (storiesUsing + 1));
  }

  /** Unit vector, heaviest keys first (the order candidate search reads postings in). */
  private vectorOf(weights: Map<string, number>): Map<string, number> {
    const entries = [...weights].map(([key, w]): [string, number] => [key, w * this.weightOf(key)]);
    const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0));
    if (norm === 0) return new Map();
    entries.sort((a, b) => b[1] - a[1]);
    return new Map(entries.map(([key, w]) => [key, w / norm]));
  }

  private scoreCandidates(vector: Map<string, number>, at: number | null, related: Set<string>): Scored[] {
    const { maxCandidates, relatedBonus } = this.options;
    const candidates = new Set<string>(related);
    let postingsRead = 0;
    for (const key of vector.keys()) {
      if (candidates.size >= maxCandidates) break;
      const stories = this.postings.get(key) ?? [];
      // Most recently touched first: when a common term fills the quota, live stories are the ones to compare.
      for (let i = stories.length - 1; i >= 0 && candidates.size < maxCandidates; i--) {
        postingsRead++;
        candidates.add(stories[i]!);
      }
    }
    const scored: Scored[] = [];
    for (const id of candidates) {
      const story = this.stories.get(id);
      if (!story) continue;
      const bonus = related.has(id) ? relatedBonus : 0;
      scored.push({ story, score: this.similarity(vector, story, at) + bonus });
    }
    this.options.onMeasure?.({ postingsRead, candidatesScored: scored.length });
    return scored.sort((a, b) => b.score - a.score);
  }

  private similarity(vector: Map<string, number>, story: Story, at: number | null): number {
    if (story.normSq <= 0) return 0;
    let dot = 0;
    for (const [key, w] of vector) dot += w * (story.centroid.get(key) ?? 0);
    const fade = timeWeight(at, story.first, story.last, this.options.timeScaleDays);
    return (dot / Math.sqrt(story.normSq)) * fade;
  }

  /** Cosine between two centroids, walking the smaller one, faded by the gap between their spans. */
  private storySimilarity(a: Story, b: Story): number {
    const [small, large] = a.centroid.size <= b.centroid.size ? [a, b] : [b, a];
    if (small.normSq <= 0 || large.normSq <= 0) return 0;
    let dot = 0;
    for (const [key, w] of small.centroid) dot += w * (large.centroid.get(key) ?? 0);
    const { timeScaleDays } = this.options;
    const fade = Math.min(
      timeWeight(small.first, large.first, large.last, timeScaleDays),
      timeWeight(small.last, large.first, large.last, timeScaleDays),
    );
    return (dot / Math.sqrt(small.normSq * large.normSq)) * fade;
  }

  private openStory(): Story {
    const story: Story = {
      id: `s${(this.nextStoryNumber++).toString(36)}`,
      members: [],
      centroid: new Map(),
      normSq: 0,
      first: null,
      last: null,
      touched: this.seq,
    };
    this.stories.set(story.id, story);
    return story;
  }

  private addMember(story: Story, articleId: string, vector: Map<string, number>, at: number | null): void {
    story.members.push(articleId);
    this.articles.set(articleId, story.id);
    story.touched = this.seq;
    if (at !== null) {
      story.first = story.first === null ? at : Math.min(story.first, at);
      story.last = story.last === null ? at : Math.max(story.last, at);
    }
    for (const [key, w] of vector) {
      const old = story.centroid.get(key) ?? 0;
      story.centroid.set(key, old + w);
      story.normSq += 2 * old * w + w * w;
      this.touchPosting(key, story.id);
    }
    this.pruneCentroid(story);
  }

  /** Moves the story to the recent end of the term's postings, dropping the least recent beyond the cap. */
  private touchPosting(key: string, storyId: string): void {
    let stories = this.postings.get(key);
    if (!stories) this.postings.set(key, (stories = []));
    if (stories[stories.length - 1] === storyId) return;
    const at = stories.indexOf(storyId);
    if (at >= 0) stories.splice(at, 1);
    stories.push(storyId);
    if (stories.length > this.options.maxStoriesPerTerm) stories.shift();
  }

  private dropPosting(key: string, storyId: string): void {
    const stories = this.postings.get(key);
    const at = stories ? stories.indexOf(storyId) : -1;
    if (at < 0) return;
    stories!.splice(at, 1);
    if (stories!.length === 0) this.postings.delete(key);
  }

  /** Keeps the heaviest terms: the light ones are one-off words of single members, noise for matching. */
  private pruneCentroid(story: Story): void {
    const { maxStoryTerms } = this.options;
    if (story.centroid.size <= maxStoryTerms) return;
    const lightest = [...story.centroid].sort((a, b) => a[1] - b[1]);
    // Down to 80% so that pruning (a sort) happens once per many additions, not on every one.
    for (const [key, w] of lightest.slice(0, story.centroid.size - Math.floor(maxStoryTerms * 0.8))) {
      story.centroid.delete(key);
      story.normSq -= w * w;
      this.dropPosting(key, story.id);
    }
  }

  /** Merges the smaller story into the larger (on a tie, into `a`); returns [kept, gone]. */
  private merge(a: Story, b: Story): [Story, Story] {
    const [kept, gone] = b.members.length > a.members.length ? [b, a] : [a, b];
    for (const [key, w] of gone.centroid) {
      const old = kept.centroid.get(key) ?? 0;
      kept.centroid.set(key, old + w);
      kept.normSq += 2 * old * w + w * w;
      const stories = this.postings.get(key);
      const at = stories ? stories.indexOf(gone.id) : -1;
      if (at < 0) continue;
      // The kept story takes the gone one's place (and recency) unless it is listed already.
      if (stories!.includes(kept.id)) stories!.splice(at, 1);
      else stories![at] = kept.id;
    }
    for (const id of gone.members) {
      kept.members.push(id);
      this.articles.set(id, kept.id);
    }
    if (gone.first !== null) kept.first = kept.first === null ? gone.first : Math.min(kept.first, gone.first);
    if (gone.last !== null) kept.last = kept.last === null ? gone.last : Math.max(kept.last, gone.last);
    kept.touched = Math.max(kept.touched, gone.touched);
    this.stories.delete(gone.id);
    this.pruneCentroid(kept);
    return [kept, gone];
  }

  private addPending(unseenId: string, linkedId: string): void {
    let links = this.pendingRelated.get(unseenId);
    if (!links) this.pendingRelated.set(unseenId, (links = []));
    if (!links.includes(linkedId) && links.length < MAX_PENDING_LINKS) links.push(linkedId);
  }

  /** Stories of placed articles linked to this one by related lists; the links are used up on arrival. */
  private takePendingStories(articleId: string): Set<string> {
    const links = this.pendingRelated.get(articleId);
    if (!links) return new Set();
    this.pendingRelated.delete(articleId);
    const stories = new Set<string>();
    for (const id of links) {
      const storyId = this.articles.get(id);
      if (storyId !== undefined) stories.add(storyId);
    }
    return stories;
  }
}

export function createEngine(options: Partial<StoryEngineOptions> = {}): StoryEngine {
  return new StoryEngine(options);
}
