import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { createHandlers } from '../../utils/background/handlers';
import { type BackstoryDB, openDatabase } from '../../utils/db/database';

let db: BackstoryDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDatabase(`handlers-${Math.random()}`);
  await db.open();
});
afterEach(() => db.delete());

const sender = (url: string): Browser.runtime.MessageSender => ({
  id: browser.runtime.id,
  url,
  tab: { id: 1, index: 3 } as Browser.tabs.Tab,
});

const report = {
  url: 'https://news.example/a',
  canonicalUrl: null,
  headline: 'A',
  publishedAt: '2025-08-13T10:00:00Z',
  related: [{ title: 'Earlier', url: 'https://news.example/b', publishedAt: '2025-08-12T10:00:00Z' }],
};

describe('background handlers', () => {
  it('stores a report and answers with the count of earlier reports', async () => {
    const handlers = createHandlers(db);
    expect(await handlers.articleSeen(report, sender('https://news.example/a'))).toEqual({ earlierCount: 1 });
    const reply = await handlers.getTimeline({ url: 'https://news.example/a' }, sender('x'));
    expect(reply.status).toBe('ok');
  });

  it('refuses a report about another site than the sending page', async () => {
    const handlers = createHandlers(db);
    await expect(handlers.articleSeen(report, sender('https://evil.example/'))).rejects.toThrow(
      /does not match/,
    );
    expect(await db.articles.count()).toBe(0);
  });

  it('opens the timeline page in a new tab beside the article', async () => {
    const handlers = createHandlers(db);
    const create = vi.spyOn(browser.tabs, 'create');
    await handlers.openTimeline({ url: 'https://news.example/a' }, sender('https://news.example/a'));
    expect(create).toHaveBeenCalledWith({
      url: `${browser.runtime.getURL('/popup.html')}?url=${encodeURIComponent('https://news.example/a')}`,
      index: 4,
    });
  });
});
