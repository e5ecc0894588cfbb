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
 * history (postings.ts). A centroid keeps its `maxStoryTerms` heaviest terms and its squared length, so
 * scoring a story is one lookup per article term and merging walks at most `maxStoryTerms` terms
 * (centroid.ts).
 */
import { addInto, type Centroid, cosineBetween, cosineToUnit, pruneLightest } from './centroid';
import { type FeatureWeights, headlineFeatures } from './features';
import { StoryPostings } from './postings';
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
  centroid: Centroid;
  /** Earliest and latest member publication time (epoch ms), null while no member had one. */
  first: number | null;
  last: number | null;
}

interface Scored {
  story: Story;
  score: number;
}

export class StoryEngine {
  readonly options: StoryEngineOptions;
  private nextStoryNumber = 1;
  private postings: StoryPostings;
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
    this.postings = new StoryPostings(this.options.maxStoriesPerTerm);
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
      postings: this.postings.entries().map(([term, stories]) => ({ term, stories })),
      words: [...this.wordCase].map(([word, c]) => ({ word, ...c })),
      stories: [...this.stories.values()].map((s) => ({
        id: s.id,
        members: [...s.members],
        centroid: [...s.centroid.weights],
        normSq: s.centroid.normSq,
        first: s.first,
        last: s.last,
      })),
      articles: [...this.articles],
      pendingRelated: [...this.pendingRelated].map(([id, links]) => [id, [...links]]),
    };
  }

  /** Replaces the whole state with one from `exportState` (of this engine or another). */
  importState(state: EngineState): void {
    if (state.version !== STATE_VERSION) throw new Error(`unsupported story state version ${state.version}`);
    this.nextStoryNumber = state.nextStoryNumber;
    this.postings = new StoryPostings(
      this.options.maxStoriesPerTerm,
      state.postings.map((p) => [p.term, p.stories]),
    );
    this.wordCase = new Map(state.words.map((w) => [w.word, { capitalised: w.capitalised, lower: w.lower }]));
    this.stories = new Map(
      state.stories.map((s) => [
        s.id,
        {
          id: s.id,
          members: [...s.members],
          centroid: { weights: new Map(s.centroid), normSq: s.normSq },
          first: s.first,
          last: s.last,
        },
      ]),
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
  private weightOf(term: string): number {
    return Math.log(1 + (this.stories.size + 1) / (this.postings.storiesUsing(term) + 1));
  }

  /** Unit vector, heaviest terms first (the order candidate search reads postings in). */
  private vectorOf(weights: Map<string, number>): Map<string, number> {
    const entries = [...weights].map(([term, w]): [string, number] => [term, w * this.weightOf(term)]);
    const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0));
    if (norm === 0) return new Map();
    entries.sort((a, b) => b[1] - a[1]);
    return new Map(entries.map(([term, w]) => [term, w / norm]));
  }

  private scoreCandidates(vector: Map<string, number>, at: number | null, related: Set<string>): Scored[] {
    const { maxCandidates, relatedBonus } = this.options;
    const { ids, read } = this.postings.candidates(vector.keys(), maxCandidates, related);
    const scored: Scored[] = [];
    for (const id of ids) {
      const story = this.stories.get(id);
      if (!story) continue;
      const bonus = related.has(id) ? relatedBonus : 0;
      scored.push({ story, score: this.similarity(vector, story, at) + bonus });
    }
    this.options.onMeasure?.({ postingsRead: read, candidatesScored: scored.length });
    return scored.sort((a, b) => b.score - a.score);
  }

  private similarity(vector: Map<string, number>, story: Story, at: number | null): number {
    const fade = timeWeight(at, story.first, story.last, this.options.timeScaleDays);
    // The time window: a cosine is at most 1, so a story this far away cannot be joined whatever the words.
    if (fade < this.options.threshold) return 0;
    return cosineToUnit(vector, story.centroid) * fade;
  }

  /** Cosine between two stories' centroids, faded by the gap between their spans. */
  private storySimilarity(a: Story, b: Story): number {
    const { timeScaleDays } = this.options;
    const fade = Math.min(
      timeWeight(a.first, b.first, b.last, timeScaleDays),
      timeWeight(a.last, b.first, b.last, timeScaleDays),
    );
    return cosineBetween(a.centroid, b.centroid) * fade;
  }

  private openStory(): Story {
    const id = `s${(this.nextStoryNumber++).toString(36)}`;
    const story: Story = {
      id,
      members: [],
      centroid: { weights: new Map(), normSq: 0 },
      first: null,
      last: null,
    };
    this.stories.set(id, story);
    return story;
  }

  private addMember(story: Story, articleId: string, vector: Map<string, number>, at: number | null): void {
    story.members.push(articleId);
    this.articles.set(articleId, story.id);
    widenSpan(story, at, at);
    addInto(story.centroid, vector);
    for (const term of vector.keys()) this.postings.touch(term, story.id);
    for (const term of pruneLightest(story.centroid, this.options.maxStoryTerms))
      this.postings.drop(term, story.id);
  }

  /** Merges the smaller story into the larger (on a tie, into `a`); returns [kept, gone]. */
  private merge(a: Story, b: Story): [Story, Story] {
    const [kept, gone] = b.members.length > a.members.length ? [b, a] : [a, b];
    addInto(kept.centroid, gone.centroid.weights);
    for (const term of gone.centroid.weights.keys()) this.postings.replace(term, gone.id, kept.id);
    for (const id of gone.members) {
      kept.members.push(id);
      this.articles.set(id, kept.id);
    }
    widenSpan(kept, gone.first, gone.last);
    this.stories.delete(gone.id);
    for (const term of pruneLightest(kept.centroid, this.options.maxStoryTerms))
      this.postings.drop(term, kept.id);
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

function widenSpan(story: Story, first: number | null, last: number | null): void {
  if (first !== null) story.first = story.first === null ? first : Math.min(story.first, first);
  if (last !== null) story.last = story.last === null ? last : Math.max(story.last, last);
}

export function createEngine(options: Partial<StoryEngineOptions> = {}): StoryEngine {
  return new StoryEngine(options);
}
