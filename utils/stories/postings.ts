/**
 * The inverted index of the story engine: term → the stories whose centroid has it. Each list is capped and
 * kept in order of last use, so a term in thousands of stories (a common word, a long-running name) costs
 * the same as a rare one, and what it keeps are the stories still being written.
 */
export class StoryPostings {
  private lists: Map<string, string[]>;

  constructor(
    private readonly maxStoriesPerTerm: number,
    entries: Iterable<[string, string[]]> = [],
  ) {
    this.lists = new Map([...entries].map(([term, stories]) => [term, [...stories]]));
  }

  /** The term's list as held (for stores that write it back), or undefined. */
  listOf(term: string): readonly string[] | undefined {
    return this.lists.get(term);
  }

  /** Puts a list read from storage (an empty one for a term no story uses yet). */
  setList(term: string, stories: readonly string[]): void {
    if (stories.length) this.lists.set(term, [...stories]);
    else this.lists.delete(term);
  }

  /** How many stories use the term, up to the cap. */
  storiesUsing(term: string): number {
    return this.lists.get(term)?.length ?? 0;
  }

  /**
   * Moves the story to the recent end of the term's list, dropping the least recent beyond the cap. Like
   * `drop` and `replace`, says whether the list changed (a store writes back only lists that did).
   */
  touch(term: string, storyId: string): boolean {
    let stories = this.lists.get(term);
    if (!stories) this.lists.set(term, (stories = []));
    if (stories[stories.length - 1] === storyId) return false;
    const at = stories.indexOf(storyId);
    if (at >= 0) stories.splice(at, 1);
    stories.push(storyId);
    if (stories.length > this.maxStoriesPerTerm) stories.shift();
    return true;
  }

  drop(term: string, storyId: string): boolean {
    const stories = this.lists.get(term);
    const at = stories ? stories.indexOf(storyId) : -1;
    if (!stories || at < 0) return false;
    stories.splice(at, 1);
    if (stories.length === 0) this.lists.delete(term);
    return true;
  }

  /** After a merge: the kept story takes the gone one's place (and recency) unless it is listed already. */
  replace(term: string, goneId: string, keptId: string): boolean {
    const stories = this.lists.get(term);
    const at = stories ? stories.indexOf(goneId) : -1;
    if (!stories || at < 0) return false;
    if (stories.includes(keptId)) stories.splice(at, 1);
    else stories[at] = keptId;
    return true;
  }

  /**
   * Up to `max` story ids (after those in `seed`), reading the terms in the order given, each list from its
   * most recent story: when a common term fills the quota, the live stories are the ones worth comparing.
   */
  candidates(
    terms: Iterable<string>,
    max: number,
    seed: Iterable<string>,
  ): { ids: Set<string>; read: number } {
    const ids = new Set(seed);
    let read = 0;
    for (const term of terms) {
      if (ids.size >= max) break;
      const stories = this.lists.get(term) ?? [];
      for (let i = stories.length - 1; i >= 0 && ids.size < max; i--) {
        read++;
        ids.add(stories[i]!);
      }
    }
    return { ids, read };
  }

  entries(): [string, string[]][] {
    return [...this.lists].map(([term, stories]) => [term, [...stories]]);
  }
}
