/**
 * Rebuilds every derived story table from the reader's history (articles and links): on the upgrade to
 * schema 2 and after an import. The in-memory engine is fed the articles in the order Backstory first saw
 * them, then the publishers' related lists, exactly as the background would have.
 */
import type { Table, Transaction } from 'dexie';
import { createEngine } from '../stories';
import type { ArticleRecord, LinkRecord, StoryRecord, ThemeRecord } from './database';
import { searchTerms } from './search-terms';
import { daysByStory, daysToRecord } from './story-days';
import { themeKey } from './story-records';

type AnyTable = Table<unknown, unknown>;

export async function rebuildStoriesInUpgrade(tx: Transaction): Promise<void> {
  const articles = (await tx.table('articles').toArray()) as ArticleRecord[];
  const links = (await tx.table('links').toArray()) as LinkRecord[];
  await rebuildStories(articles, links, (name) => tx.table(name));
}

/** v3: every story's per-day counts, from its articles' index keys alone. */
export async function countStoryDaysInUpgrade(tx: Transaction): Promise<void> {
  const keys = (await tx.table('articles').orderBy('[storyId+publishedMs]').keys()) as unknown as [
    string,
    number,
  ][];
  const byStory = daysByStory(keys.map(([storyId, publishedMs]) => ({ storyId, publishedMs })));
  await tx
    .table('stories')
    .toCollection()
    .modify((story: StoryRecord) => {
      story.days = daysToRecord(byStory.get(story.id) ?? new Map());
    });
}

/**
 * Every article (the whole history, which this writes back with its story) and link; the story tables are
 * replaced. Callers pass the history in memory, so an import writes each article once.
 */
export async function rebuildStories(
  articles: ArticleRecord[],
  links: readonly LinkRecord[],
  table: (name: string) => AnyTable,
): Promise<void> {
  articles.sort((a, b) => a.firstSeen - b.firstSeen || a.publishedMs - b.publishedMs);

  const byFrom = new Map<string, string[]>();
  for (const l of links) {
    const tos = byFrom.get(l.from);
    if (tos) tos.push(l.to);
    else byFrom.set(l.from, [l.to]);
  }
  // Each page's related list right after the page itself, as the background saw them.
  const engine = createEngine();
  for (const a of articles) {
    engine.assign({
      id: a.url,
      title: a.headline,
      url: a.href,
      publishedAt: a.publishedMs >= 0 ? a.publishedMs : null,
    });
    const tos = byFrom.get(a.url);
    if (tos) engine.addRelatedEvidence(a.url, tos);
  }

  const storyOf = (url: string) => engine.storyOf(url) ?? '';
  const lastVisited = new Map<string, number>();
  for (const a of articles) {
    const storyId = storyOf(a.url);
    a.storyId = storyId;
    a.terms = searchTerms(a.headline);
    a.history ??= [];
    a.previousVisit ??= null;
    if (a.lastVisited !== null && a.lastVisited > (lastVisited.get(storyId) ?? -Infinity)) {
      lastVisited.set(storyId, a.lastVisited);
    }
  }
  const themes = new Map<string, ThemeRecord>();
  for (const l of links) {
    const [a, b] = themeKey(storyOf(l.from), storyOf(l.to));
    if (!a || a === b) continue;
    const key = `${a}\n${b}`;
    const theme = themes.get(key) ?? { a, b, weight: 0 };
    theme.weight++;
    themes.set(key, theme);
  }

  const days = daysByStory(articles);
  const state = engine.exportState();
  // The engine's exported stories are already plain records; the store keeps the size, not the members.
  const stories: StoryRecord[] = state.stories.map(({ members, ...story }) => {
    const visited = lastVisited.get(story.id);
    return {
      ...story,
      size: members.length,
      days: daysToRecord(days.get(story.id) ?? new Map()),
      ...(visited !== undefined && { lastVisited: visited }),
    };
  });
  for (const name of ['stories', 'postings', 'words', 'pending', 'themes', 'meta']) await table(name).clear();
  await table('articles').bulkPut(articles);
  await table('stories').bulkAdd(stories);
  await table('postings').bulkAdd(state.postings);
  await table('words').bulkAdd(state.words);
  await table('pending').bulkAdd(state.pendingRelated.map(([id, l]) => ({ id, links: l })));
  await table('themes').bulkAdd([...themes.values()]);
  await table('meta').bulkAdd([
    { key: 'nextStoryNumber', value: state.nextStoryNumber },
    { key: 'storyCount', value: stories.length },
  ]);
}
