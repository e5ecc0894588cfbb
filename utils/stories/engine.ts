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
import { addInto, cosineBetween, cosineToUnit, pruneLightest } from './centroid';
import { type FeatureWeights, headlineFeatures } from './features';
import { MemoryStoryStore } from './memory-store';
import type { EngineState } from './state';
import type { Story, StoryStore } from './store';
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
  /** Stories this large or larger merge on their words alone, never on a related link's bonus. */
  relatedMergeMaxSize: number;
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
  relatedMergeMaxSize: 50,
  weights: { name: 1.25, namePair: 1, slug: 1 },
  timeScaleDays: 14,
  maxStoriesPerTerm: 32,
  maxCandidates: 32,
  maxStoryTerms: 300,
};

/** A word is a name once seen capitalised mid-clause at least twice and at least this often. */
const NAME_CASE_SHARE = 0.75;
const MAX_PENDING_LINKS = 16;
/**
 * A word's casing is settled after this many headlines: counting further would not change whether it is a
 * name, and would rewrite the word's record with every headline that uses it (common words are in most).
 */
const WORD_CASE_SAMPLES = 64;

interface Scored {
  story: Story;
  score: number;
}

export class StoryEngine<S extends StoryStore = StoryStore> {
  readonly options: StoryEngineOptions;

  constructor(
    readonly store: S,
    options: Partial<StoryEngineOptions> = {},
  ) {
    this.options = resolveOptions(options);
  }

  storyOf(articleId: string): string | undefined {
    return this.store.storyOfArticle(articleId);
  }

  get storyCount(): number {
    return this.store.storyCount();
  }

  /**
   * For stores that live outside memory: loads, in a few bulk reads, what assigning these articles and then
   * linking `relatedIds` will read most (their story ids, casing of their words, postings of their terms,
   * links waiting for them). Then call `prepareAssign` before each `assign`, and `prepareEvidence` before
   * `addRelatedEvidence`: each loads only what is still missing.
   */
  async prepare(articles: readonly ArticleInput[], relatedIds: readonly string[] = []): Promise<void> {
    const load = this.store.load;
    if (!load) return;
    const ids = [...articles.map((a) => a.id), ...relatedIds];
    await load.articles(ids);
    const fresh = articles.filter((a) => this.store.storyOfArticle(a.id) === undefined);
    await load.all([load.words(casingWords(fresh, this.options.weights)), load.pending(ids)]);
    const weights = fresh.map((a) => this.featuresOf(a).weights);
    await load.all([
      load.postings(weights.flatMap((w) => [...w.keys()])),
      load.articles(ids.flatMap((id) => this.store.pendingOf(id) ?? [])),
    ]);
    // The stories every assignment will score, and those of articles already placed, in one read: later
    // assignments may find a story or two more (prepareAssign loads them).
    const stories = new Set(ids.flatMap((id) => this.store.storyOfArticle(id) ?? []));
    fresh.forEach((a, i) => this.candidatesOf(a, weights[i]!).forEach((id) => stories.add(id)));
    await load.stories([...stories]);
  }

  /**
   * Loads what `assign(article)` will read and `prepare` did not: the stories its candidate search will
   * score, found exactly as `assign` will find them, so the work is bounded by `maxCandidates`, not by the
   * history.
   */
  async prepareAssign(article: ArticleInput): Promise<void> {
    const load = this.store.load;
    if (!load) return;
    await load.articles([article.id]);
    if (this.store.storyOfArticle(article.id) !== undefined) return;
    const words = new Set<string>();
    headlineFeatures(article.title, article.url, (w) => (words.add(w), false), this.options.weights);
    await load.words([...words]);
    const features = this.featuresOf(article);
    await load.postings([...features.weights.keys()]);
    await load.pending([article.id]);
    await load.articles(this.store.pendingOf(article.id) ?? []);
    await load.stories(this.candidatesOf(article, features.weights));
  }

  /** The stories `assign(article)` will score, found exactly as it finds them (`weights`: its features'). */
  private candidatesOf(article: ArticleInput, weights: Map<string, number>): string[] {
    const linked = this.store.pendingOf(article.id) ?? [];
    const related = new Set(linked.flatMap((id) => this.store.storyOfArticle(id) ?? []));
    const vector = this.vectorOf(weights);
    return [...this.store.postings.candidates(vector.keys(), this.options.maxCandidates, related).ids];
  }

  /** Loads what `addRelatedEvidence(articleId, relatedIds)` will read. */
  async prepareEvidence(articleId: string, relatedIds: readonly string[]): Promise<void> {
    const load = this.store.load;
    if (!load) return;
    const ids = [articleId, ...relatedIds];
    await load.articles(ids);
    await load.pending(ids);
    await load.stories(ids.flatMap((id) => this.store.storyOfArticle(id) ?? []));
  }

  private featuresOf(article: ArticleInput) {
    return headlineFeatures(article.title, article.url, this.isKnownName, this.options.weights);
  }

  /** Places a new article (an id seen before keeps its story). */
  assign(article: ArticleInput): Assignment {
    const known = this.store.storyOfArticle(article.id);
    if (known !== undefined) return { storyId: known };
    const at = toEpochMs(article.publishedAt);
    const features = this.featuresOf(article);
    const vector = this.vectorOf(features.weights);
    const scored = this.scoreCandidates(vector, at, this.takePendingStories(article.id));
    for (const [word, capitalised] of features.casing) {
      const seen = this.store.wordCase(word);
      if (!seen || seen.capitalised + seen.lower < WORD_CASE_SAMPLES) this.store.learnWord(word, capitalised);
    }

    const [best, ...others] = scored;
    if (!best || best.score < this.options.threshold) {
      const story = this.openStory();
      this.addMember(story, article, vector, at);
      return { storyId: story.id };
    }
    let story = best.story;
    this.addMember(story, article, vector, at);
    const merged: string[] = [];
    for (const other of others) {
      if (other.score < this.options.threshold) break;
      if (!this.store.getStory(other.story.id)) continue;
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
      const a = this.store.getStory(this.store.storyOfArticle(articleId) ?? '');
      const b = this.store.getStory(this.store.storyOfArticle(relatedId) ?? '');
      if (a && b) {
        if (a === b) continue;
        // A link is evidence about two small stories; two big ones are linked by their theme, not merged by it
        // (else a theme's stories chain into one broad story).
        const bonus =
          Math.max(a.size, b.size) < this.options.relatedMergeMaxSize ? this.options.relatedBonus : 0;
        if (this.storySimilarity(a, b) + bonus < this.options.threshold) continue;
        merged.push(this.merge(a, b)[1].id);
      } else {
        if (!a) this.addPending(articleId, relatedId);
        if (!b) this.addPending(relatedId, articleId);
      }
    }
    const storyId = this.store.storyOfArticle(articleId);
    if (storyId === undefined) return null;
    return merged.length ? { storyId, merged } : { storyId };
  }

  private readonly isKnownName = (folded: string): boolean => {
    const c = this.store.wordCase(folded);
    return !!c && c.capitalised >= 2 && c.capitalised >= NAME_CASE_SHARE * (c.capitalised + c.lower);
  };

  /** Inverse story frequency; postings are capped, so every term used by that many stories counts as common. */
  private weightOf(term: string): number {
    return Math.log(1 + (this.store.storyCount() + 1) / (this.store.postings.storiesUsing(term) + 1));
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
    const { ids, read } = this.store.postings.candidates(vector.keys(), maxCandidates, related);
    const scored: Scored[] = [];
    for (const id of ids) {
      const story = this.store.getStory(id);
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
    return {
      id: this.store.newStoryId(),
      size: 0,
      centroid: { weights: new Map(), normSq: 0 },
      first: null,
      last: null,
      title: '',
      titleVector: new Map(),
    };
  }

  private addMember(
    story: Story,
    article: ArticleInput,
    vector: Map<string, number>,
    at: number | null,
  ): void {
    story.size++;
    widenSpan(story, at, at);
    addInto(story.centroid, vector);
    for (const term of vector.keys()) this.store.postings.touch(term, story.id);
    for (const term of pruneLightest(story.centroid, this.options.maxStoryTerms))
      this.store.postings.drop(term, story.id);
    this.pickTitle(story, article.title, vector);
    this.store.putStory(story);
    this.store.addMember(story.id, article.id);
  }

  /** The story is named after the headline nearest its centroid, re-judged as members join. */
  private pickTitle(story: Story, title: string, vector: Map<string, number>): void {
    if (
      !story.title ||
      cosineToUnit(vector, story.centroid) > cosineToUnit(story.titleVector, story.centroid)
    ) {
      story.title = title;
      story.titleVector = vector;
    }
  }

  /** Merges the smaller story into the larger (on a tie, into `a`); returns [kept, gone]. */
  private merge(a: Story, b: Story): [Story, Story] {
    const [kept, gone] = b.size > a.size ? [b, a] : [a, b];
    addInto(kept.centroid, gone.centroid.weights);
    for (const term of gone.centroid.weights.keys()) this.store.postings.replace(term, gone.id, kept.id);
    kept.size += gone.size;
    widenSpan(kept, gone.first, gone.last);
    for (const term of pruneLightest(kept.centroid, this.options.maxStoryTerms))
      this.store.postings.drop(term, kept.id);
    if (cosineToUnit(gone.titleVector, kept.centroid) > cosineToUnit(kept.titleVector, kept.centroid)) {
      kept.title = gone.title;
      kept.titleVector = gone.titleVector;
    }
    this.store.putStory(kept);
    this.store.mergeInto(gone.id, kept.id);
    return [kept, gone];
  }

  private addPending(unseenId: string, linkedId: string): void {
    const links = [...(this.store.pendingOf(unseenId) ?? [])];
    if (links.includes(linkedId) || links.length >= MAX_PENDING_LINKS) return;
    links.push(linkedId);
    this.store.setPending(unseenId, links);
  }

  /** Stories of placed articles linked to this one by related lists; the links are used up on arrival. */
  private takePendingStories(articleId: string): Set<string> {
    const links = this.store.pendingOf(articleId);
    if (!links) return new Set();
    this.store.setPending(articleId, undefined);
    const stories = new Set<string>();
    for (const id of links) {
      const storyId = this.store.storyOfArticle(id);
      if (storyId !== undefined) stories.add(storyId);
    }
    return stories;
  }
}

function widenSpan(story: Story, first: number | null, last: number | null): void {
  if (first !== null) story.first = story.first === null ? first : Math.min(story.first, first);
  if (last !== null) story.last = story.last === null ? last : Math.max(story.last, last);
}

/** The words whose casing scoring these articles reads (a store may load them ahead, with its first reads). */
export function casingWords(
  articles: readonly Pick<ArticleInput, 'title' | 'url'>[],
  weights: FeatureWeights = DEFAULT_OPTIONS.weights,
): string[] {
  const words = new Set<string>();
  for (const a of articles) headlineFeatures(a.title, a.url, (w) => (words.add(w), false), weights);
  return [...words];
}

export function resolveOptions(options: Partial<StoryEngineOptions>): StoryEngineOptions {
  return { ...DEFAULT_OPTIONS, ...options, weights: { ...DEFAULT_OPTIONS.weights, ...options.weights } };
}

/** An engine over its own in-memory store (the CLI, tests). */
export class MemoryStoryEngine extends StoryEngine<MemoryStoryStore> {
  constructor(options: Partial<StoryEngineOptions> = {}) {
    const resolved = resolveOptions(options);
    super(new MemoryStoryStore(resolved.maxStoriesPerTerm), resolved);
  }

  membersOf(storyId: string): readonly string[] {
    return this.store.membersOf(storyId);
  }

  exportState(): EngineState {
    return this.store.exportState();
  }

  importState(state: EngineState): void {
    this.store.importState(state);
  }
}

export function createEngine(options: Partial<StoryEngineOptions> = {}): MemoryStoryEngine {
  return new MemoryStoryEngine(options);
}
