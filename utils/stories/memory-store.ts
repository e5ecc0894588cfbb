/** The story engine's state held entirely in memory: `npm run cluster`, tests, and state export/import. */
import { StoryPostings } from './postings';
import { type EngineState, STATE_VERSION } from './state';
import type { Story, StoryStore, WordCase } from './store';

export class MemoryStoryStore implements StoryStore {
  postings: StoryPostings;
  private nextStoryNumber = 1;
  private stories = new Map<string, Story>();
  private members = new Map<string, string[]>();
  private articles = new Map<string, string>();
  private words = new Map<string, WordCase>();
  private pending = new Map<string, string[]>();

  constructor(private readonly maxStoriesPerTerm: number) {
    this.postings = new StoryPostings(maxStoriesPerTerm);
  }

  storyCount(): number {
    return this.stories.size;
  }

  newStoryId(): string {
    return `s${(this.nextStoryNumber++).toString(36)}`;
  }

  getStory(id: string): Story | undefined {
    return this.stories.get(id);
  }

  putStory(story: Story): void {
    this.stories.set(story.id, story);
  }

  storyOfArticle(articleId: string): string | undefined {
    return this.articles.get(articleId);
  }

  membersOf(storyId: string): readonly string[] {
    return this.members.get(storyId) ?? [];
  }

  addMember(storyId: string, articleId: string): void {
    this.articles.set(articleId, storyId);
    const list = this.members.get(storyId);
    if (list) list.push(articleId);
    else this.members.set(storyId, [articleId]);
  }

  mergeInto(goneId: string, keptId: string): void {
    for (const id of this.members.get(goneId) ?? []) this.addMember(keptId, id);
    this.members.delete(goneId);
    this.stories.delete(goneId);
  }

  wordCase(word: string): WordCase | undefined {
    return this.words.get(word);
  }

  learnWord(word: string, capitalised: boolean): void {
    let c = this.words.get(word);
    if (!c) this.words.set(word, (c = { capitalised: 0, lower: 0 }));
    if (capitalised) c.capitalised++;
    else c.lower++;
  }

  pendingOf(articleId: string): readonly string[] | undefined {
    return this.pending.get(articleId);
  }

  setPending(articleId: string, linked: string[] | undefined): void {
    if (linked?.length) this.pending.set(articleId, linked);
    else this.pending.delete(articleId);
  }

  exportState(): EngineState {
    return {
      version: STATE_VERSION,
      nextStoryNumber: this.nextStoryNumber,
      postings: this.postings.entries().map(([term, stories]) => ({ term, stories })),
      words: [...this.words].map(([word, c]) => ({ word, ...c })),
      stories: [...this.stories.values()].map((s) => ({
        id: s.id,
        members: [...this.membersOf(s.id)],
        centroid: [...s.centroid.weights],
        normSq: s.centroid.normSq,
        first: s.first,
        last: s.last,
        title: s.title,
        titleVector: [...s.titleVector],
      })),
      articles: [...this.articles],
      pendingRelated: [...this.pending].map(([id, links]) => [id, [...links]]),
    };
  }

  /** Replaces the whole state with one from `exportState` (of this store or another). */
  importState(state: EngineState): void {
    if (state.version !== STATE_VERSION) throw new Error(`unsupported story state version ${state.version}`);
    this.nextStoryNumber = state.nextStoryNumber;
    this.postings = new StoryPostings(
      this.maxStoriesPerTerm,
      state.postings.map((p) => [p.term, p.stories]),
    );
    this.words = new Map(state.words.map((w) => [w.word, { capitalised: w.capitalised, lower: w.lower }]));
    this.stories = new Map(
      state.stories.map((s) => [
        s.id,
        {
          id: s.id,
          size: s.members.length,
          centroid: { weights: new Map(s.centroid), normSq: s.normSq },
          first: s.first,
          last: s.last,
          title: s.title,
          titleVector: new Map(s.titleVector),
        },
      ]),
    );
    this.members = new Map(state.stories.map((s) => [s.id, [...s.members]]));
    this.articles = new Map(state.articles);
    this.pending = new Map(state.pendingRelated.map(([id, links]) => [id, [...links]]));
  }
}
