/**
 * The story engine's state in IndexedDB, for one transaction: `load` reads only the records the next
 * assignments will need (see StoryEngine.prepare), the engine works on them in memory, and `flush` writes
 * back what changed. Postings of terms that were never loaded (a pruned centroid term, a merged story's
 * terms) are changed at flush time by read-modify-write, so nothing has to be read in advance for them.
 */
import { type Story, StoryPostings, type StoryLoader, type StoryStore, type WordCase } from '../stories';
import type { ArticleRecord, BackstoryDB, StoryRecord, ThemeRecord } from './database';
import { type StoryDays, countDay, daysFromRecord, mergeDays } from './story-days';
import { storyFromRecord, storyToRecord, themeKey, themeLinksOf } from './story-records';
import { together } from './together';

/** A change to one term's list; true when it changed the list. */
type PostingOp = (list: StoryPostings, term: string) => boolean;

/**
 * Postings that know which terms they hold; changes to the others wait for `flush`. Only lists a change
 * actually changed are written back: a story that keeps growing is already the most recent in its terms'
 * lists, and each write costs a request in a store that grows with the history.
 */
class CachedPostings extends StoryPostings {
  readonly loaded = new Set<string>();
  readonly dirty = new Set<string>();
  readonly deferred = new Map<string, PostingOp[]>();

  override touch(term: string, storyId: string): boolean {
    return this.change(term, (p) => StoryPostings.prototype.touch.call(p, term, storyId));
  }

  override drop(term: string, storyId: string): boolean {
    return this.change(term, (p) => StoryPostings.prototype.drop.call(p, term, storyId));
  }

  override replace(term: string, goneId: string, keptId: string): boolean {
    return this.change(term, (p) => StoryPostings.prototype.replace.call(p, term, goneId, keptId));
  }

  /** Applies the deferred changes of a term whose list was just read; marks it dirty if any changed it. */
  applyDeferred(term: string): void {
    let changed = false;
    for (const op of this.deferred.get(term) ?? []) changed = op(this, term) || changed;
    this.deferred.delete(term);
    if (changed) this.dirty.add(term);
  }

  private change(term: string, op: PostingOp): boolean {
    if (!this.loaded.has(term)) {
      this.deferred.set(term, [...(this.deferred.get(term) ?? []), op]);
      return true;
    }
    if (!op(this, term)) return false;
    this.dirty.add(term);
    return true;
  }
}

export class DexieStoryStore implements StoryStore {
  readonly postings: CachedPostings;
  readonly load: StoryLoader;
  private stories = new Map<string, Story | null>();
  private lastVisited = new Map<string, number | undefined>();
  /** Per-day counts of dated articles; absent for a story whose record has none (then counts query keys). */
  private days = new Map<string, StoryDays>();
  private dirtyStories = new Set<string>();
  private articles = new Map<string, string | null>();
  private redirects = new Map<string, string>();
  private merges: [string, string][] = [];
  private words = new Map<string, WordCase | null>();
  private dirtyWords = new Set<string>();
  private pending = new Map<string, string[] | null>();
  private dirtyPending = new Set<string>();

  private nextStoryNumber = 1;
  private count = 0;
  /** The counters as read, to write them back only when they changed. */
  private openedWith: [number, number] = [1, 0];

  private constructor(
    private readonly db: BackstoryDB,
    maxStoriesPerTerm: number,
  ) {
    this.postings = new CachedPostings(maxStoriesPerTerm);
    this.load = {
      articles: (ids) => this.loadArticles(ids),
      words: (words) => this.loadWords(words),
      postings: (terms) => this.loadPostings(terms),
      pending: (ids) => this.loadPending(ids),
      stories: (ids) => this.loadStories(ids),
      all: (loads) => together([...loads]).then(() => undefined),
    };
  }

  /**
   * Call inside a transaction over the article and story tables. Every loader returns Dexie's own promise,
   * even when nothing is missing: awaiting a plain promise inside a Dexie transaction loses the transaction
   * (the next query starts a transaction of its own, and the first one commits too early).
   */
  static open(
    db: BackstoryDB,
    maxStoriesPerTerm: number,
    preload: { words?: readonly string[]; pending?: readonly string[] } = {},
  ): PromiseLike<DexieStoryStore> {
    const store = new DexieStoryStore(db, maxStoriesPerTerm);
    // The counters, and what the caller knows the engine will read first, in one round trip.
    return together<unknown>([
      db.meta.bulkGet(['nextStoryNumber', 'storyCount']).then(([next, count]) => {
        store.nextStoryNumber = next?.value ?? 1;
        store.count = count?.value ?? 0;
        store.openedWith = [store.nextStoryNumber, store.count];
      }),
      store.loadWords(preload.words ?? []),
      store.loadPending(preload.pending ?? []),
    ]).then(() => store);
  }

  /** Article records the caller has read already: their stories need no second read. */
  knowArticles(records: readonly (ArticleRecord | undefined)[], ids: readonly string[]): void {
    ids.forEach((id, i) => this.articles.set(id, records[i]?.storyId || null));
  }

  storyCount(): number {
    return this.count;
  }

  newStoryId(): string {
    this.count++;
    const id = `s${(this.nextStoryNumber++).toString(36)}`;
    this.days.set(id, new Map());
    return id;
  }

  getStory(id: string): Story | undefined {
    if (!id) return undefined;
    const resolved = this.resolve(id);
    const story = this.stories.get(resolved);
    // A bug in StoryEngine.prepare, not a runtime condition: fail loudly in tests.
    if (story === undefined && !this.stories.has(resolved)) throw new Error(`story ${id} was not loaded`);
    return story ?? undefined;
  }

  putStory(story: Story): void {
    this.stories.set(story.id, story);
    this.dirtyStories.add(story.id);
  }

  storyOfArticle(articleId: string): string | undefined {
    const storyId = this.articles.get(articleId);
    return storyId ? this.resolve(storyId) : undefined;
  }

  addMember(storyId: string, articleId: string): void {
    this.articles.set(articleId, storyId);
  }

  mergeInto(goneId: string, keptId: string): void {
    this.redirects.set(goneId, keptId);
    this.merges.push([goneId, keptId]);
    this.stories.set(goneId, null);
    this.dirtyStories.add(goneId);
    this.count--;
    const visits = [this.lastVisited.get(goneId), this.lastVisited.get(keptId)].filter(
      (v) => v !== undefined,
    );
    if (visits.length) this.lastVisited.set(keptId, Math.max(...visits));
    const [gone, kept] = [this.days.get(goneId), this.days.get(keptId)];
    if (gone && kept) mergeDays(kept, gone);
    else this.days.delete(keptId);
    this.days.delete(goneId);
  }

  wordCase(word: string): WordCase | undefined {
    return this.words.get(word) ?? undefined;
  }

  learnWord(word: string, capitalised: boolean): void {
    const c = this.words.get(word) ?? { capitalised: 0, lower: 0 };
    if (capitalised) c.capitalised++;
    else c.lower++;
    this.words.set(word, c);
    this.dirtyWords.add(word);
  }

  pendingOf(articleId: string): readonly string[] | undefined {
    return this.pending.get(articleId) ?? undefined;
  }

  setPending(articleId: string, linked: string[] | undefined): void {
    this.pending.set(articleId, linked?.length ? linked : null);
    this.dirtyPending.add(articleId);
  }

  /**
   * An article of the story is stored with this publication time (-1: undated), having been counted at
   * `previousMs` before (null: not counted yet). Call after the assignments, before `flush`.
   */
  countArticle(storyId: string, previousMs: number | null, publishedMs: number): void {
    if (previousMs === publishedMs) return;
    const id = this.resolve(storyId);
    const days = this.days.get(id);
    if (!days) return;
    if (previousMs !== null) countDay(days, previousMs, -1);
    countDay(days, publishedMs, 1);
    this.dirtyStories.add(id);
  }

  /** The story's per-day counts as they will be stored, if it keeps them. */
  daysOf(storyId: string): StoryDays | undefined {
    return this.days.get(this.resolve(storyId));
  }

  /** When the reader last opened an article of the story (loaded with the story). */
  lastVisitOf(storyId: string): number | undefined {
    return this.lastVisited.get(this.resolve(storyId));
  }

  markVisited(storyId: string, at: number): void {
    const id = this.resolve(storyId);
    this.lastVisited.set(id, Math.max(at, this.lastVisited.get(id) ?? at));
    this.dirtyStories.add(id);
  }

  /** Stories merged away in this transaction, each with the story it now belongs to. */
  get mergedStories(): readonly [string, string][] {
    return this.merges.map(([gone]) => [gone, this.resolve(gone)]);
  }

  /** Writes back what changed; then, after merges, moves the merged stories' articles and theme links. */
  async flush(): Promise<void> {
    await this.flushRecords();
    await this.moveMerged();
  }

  /**
   * Writes back the changed story records, postings, word casings and pending links: independent tables,
   * so their writes are issued together (and a caller may issue more with them). Merged stories still
   * need `moveMerged` afterwards.
   */
  flushRecords(): PromiseLike<unknown> {
    const { db } = this;
    const puts: StoryRecord[] = [];
    const deletes: string[] = [];
    for (const id of this.dirtyStories) {
      const story = this.stories.get(id);
      if (story) puts.push(storyToRecord(story, this.lastVisited.get(id), this.days.get(id)));
      else deletes.push(id);
    }
    const pendingPuts = [...this.dirtyPending].flatMap((id) => {
      const links = this.pending.get(id);
      return links ? [{ id, links }] : [];
    });
    const counters = [
      { key: 'nextStoryNumber', value: this.nextStoryNumber },
      { key: 'storyCount', value: this.count },
    ];
    return together<unknown>([
      // Most reports join an existing story: then the counters are as read.
      this.countersChanged() ? db.meta.bulkPut(counters) : 0,
      db.stories.bulkPut(puts),
      db.stories.bulkDelete(deletes),
      this.flushPostings(),
      db.words.bulkPut([...this.dirtyWords].map((word) => ({ word, ...(this.words.get(word) as WordCase) }))),
      db.pending.bulkPut(pendingPuts),
      db.pending.bulkDelete([...this.dirtyPending].filter((id) => !this.pending.get(id))),
    ]);
  }

  /** After `flushRecords`: the merged stories' articles and theme links go to the stories they joined. */
  async moveMerged(): Promise<void> {
    for (const [gone, kept] of this.mergedStories) await this.moveStory(gone, kept);
  }

  private countersChanged(): boolean {
    return this.nextStoryNumber !== this.openedWith[0] || this.count !== this.openedWith[1];
  }

  /** Terms changed without being loaded are read, changed and written back; the rest are written. */
  private flushPostings(): PromiseLike<unknown> {
    const { db, postings } = this;
    const deferredTerms = [...postings.deferred.keys()];
    return db.postings.bulkGet(deferredTerms).then((stored) => {
      deferredTerms.forEach((term, i) => {
        postings.setList(term, stored[i]?.stories ?? []);
        postings.loaded.add(term);
        postings.applyDeferred(term);
      });
      const dirty = [...postings.dirty];
      return together<unknown>([
        db.postings.bulkPut(
          dirty.flatMap((term) => {
            const stories = postings.listOf(term);
            return stories ? [{ term, stories: [...stories] }] : [];
          }),
        ),
        db.postings.bulkDelete(dirty.filter((term) => !postings.listOf(term))),
      ]);
    });
  }

  /** After a merge: the gone story's articles and theme links now belong to the kept one. */
  private async moveStory(gone: string, kept: string): Promise<void> {
    const { db } = this;
    await db.articles
      .where('[storyId+publishedMs]')
      .between([gone, -Infinity], [gone, Infinity])
      .modify({ storyId: kept });
    // In three round trips whatever the number of links (a long story has hundreds).
    const links = await themeLinksOf(db, gone);
    const moved = new Map<string, ThemeRecord>();
    for (const t of links) {
      const [a, b] = themeKey(t.a === gone ? kept : t.a, t.b === gone ? kept : t.b);
      if (a === b) continue;
      const id = `${a}\n${b}`;
      moved.set(id, { a, b, weight: (moved.get(id)?.weight ?? 0) + t.weight });
    }
    const targets = [...moved.values()];
    const existing = await db.themes.bulkGet(targets.map((t): [string, string] => [t.a, t.b]));
    await together<unknown>([
      db.themes.bulkDelete(links.map((t): [string, string] => [t.a, t.b])),
      db.themes.bulkPut(targets.map((t, i) => ({ ...t, weight: t.weight + (existing[i]?.weight ?? 0) }))),
    ]);
  }

  private resolve(storyId: string): string {
    let id = storyId;
    for (let next = this.redirects.get(id); next !== undefined; next = this.redirects.get(id)) id = next;
    return id;
  }

  private loadArticles(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.articles.has(id));
    return this.db.articles.bulkGet(missing).then((records) => {
      missing.forEach((id, i) => this.articles.set(id, records[i]?.storyId || null));
    });
  }

  private loadWords(words: readonly string[]): Promise<void> {
    const missing = [...new Set(words)].filter((w) => !this.words.has(w));
    return this.db.words.bulkGet(missing).then((records) => {
      missing.forEach((word, i) => {
        const r = records[i];
        this.words.set(word, r ? { capitalised: r.capitalised, lower: r.lower } : null);
      });
    });
  }

  private loadPostings(terms: readonly string[]): Promise<void> {
    const { postings } = this;
    const missing = [...new Set(terms)].filter((t) => !postings.loaded.has(t));
    return this.db.postings.bulkGet(missing).then((records) => {
      missing.forEach((term, i) => {
        postings.setList(term, records[i]?.stories ?? []);
        postings.loaded.add(term);
        postings.applyDeferred(term);
      });
    });
  }

  private loadPending(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.pending.has(id));
    return this.db.pending.bulkGet(missing).then((records) => {
      missing.forEach((id, i) => this.pending.set(id, records[i]?.links ?? null));
    });
  }

  private loadStories(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids.map((id) => this.resolve(id)))].filter((id) => !this.stories.has(id));
    return this.db.stories.bulkGet(missing).then((records) => {
      missing.forEach((id, i) => {
        const r = records[i];
        this.stories.set(id, r ? storyFromRecord(r) : null);
        if (r) this.lastVisited.set(id, r.lastVisited);
        const days = daysFromRecord(r?.days);
        if (days) this.days.set(id, days);
      });
    });
  }
}
