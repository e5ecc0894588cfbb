import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { createHandlers } from '../../utils/background/handlers';
import { HistoryStorage } from '../../utils/background/storage';
import { openDatabase } from '../../utils/db/database';
import { timelinePageUrl } from '../../utils/extension-pages';
import type { Handlers } from '../../utils/messaging/router';

let storage: HistoryStorage;
let handlers: Handlers;
beforeEach(async () => {
  fakeBrowser.reset();
  storage = await HistoryStorage.open(() => openDatabase(`handlers-${Math.random()}`));
  handlers = createHandlers(storage);
});
afterEach(() => storage.db.delete());

const sender = (url: string): Browser.runtime.MessageSender => ({
  id: browser.runtime.id,
  url,
  tab: { id: 1, index: 3 } as Browser.tabs.Tab,
});
const page = sender('https://news.example/a');
const settingsPage = sender(browser.runtime.getURL('/popup.html'));

const report = {
  url: 'https://news.example/a',
  canonicalUrl: null,
  headline: 'Storm Ophira floods Porto harbour again',
  publishedAt: '2025-08-13T10:00:00Z',
  related: [
    {
      title: 'Storm Ophira reaches Porto harbour',
      url: 'https://news.example/b',
      publishedAt: '2025-08-12T10:00:00Z',
    },
  ],
};

describe('background handlers', () => {
  it('stores a report, answers with what the overlay needs and sets the tab’s badge', async () => {
    const badge = vi.spyOn(browser.action, 'setBadgeText');
    expect(await handlers.articleSeen(report, page)).toEqual({
      enabled: true,
      overlayMode: 'earlier',
      earlierCount: 1,
      earliestMs: Date.UTC(2025, 7, 12, 10),
      related: [{ url: 'https://news.example/b', read: false, isNew: false }],
      storage: { mode: 'persistent' },
    });
    expect(badge).toHaveBeenLastCalledWith({ tabId: 1, text: '1' });
    const reply = await handlers.getTimeline({ url: 'https://news.example/a' }, settingsPage);
    expect(reply.status).toBe('ok');
  });

  it('indexes the headlines of a report for search moments after it', async () => {
    await handlers.articleSeen(report, page);
    expect(await storage.db.searchQueue.count()).toBe(2);
    await vi.waitFor(async () => expect(await storage.db.searchQueue.count()).toBe(0), { timeout: 3_000 });
    expect((await storage.db.articles.get('https://news.example/a'))?.terms).toContain('ophira');
  });

  it('refuses a report about another site than the sending page', async () => {
    await expect(handlers.articleSeen(report, sender('https://evil.example/'))).rejects.toThrow(
      /does not match/,
    );
    expect(await storage.db.articles.count()).toBe(0);
  });

  it('stores nothing on a site the reader turned off from its overlay', async () => {
    expect(await handlers.disableSite({ url: 'https://news.example/a' }, page)).toEqual({
      site: 'news.example',
    });
    await expect(handlers.disableSite({ url: 'https://other.example/' }, page)).rejects.toThrow();
    const reply = await handlers.articleSeen(report, page);
    expect(reply.enabled).toBe(false);
    expect(await storage.db.articles.count()).toBe(0);
    expect((await handlers.getSettings({}, settingsPage)).disabledSites).toEqual(['news.example']);
  });

  it('opens the timeline page in a new tab beside the article', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    await handlers.openTimeline({ url: 'https://news.example/a' }, page);
    expect(create).toHaveBeenCalledWith({ url: timelinePageUrl('https://news.example/a'), index: 4 });
  });

  it('exports, clears and imports the history back', async () => {
    await handlers.articleSeen(report, page);
    const { json, articles } = await handlers.exportData({}, settingsPage);
    expect(articles).toBe(2);
    await handlers.clearData({}, settingsPage);
    expect(await handlers.getStats({}, settingsPage)).toMatchObject({ articles: 0, stories: 0 });
    expect(await handlers.importData({ json }, settingsPage)).toEqual({ articles: 2 });
    expect(await handlers.getStats({}, settingsPage)).toMatchObject({ articles: 2, stories: 1 });
    const recent = await handlers.getRecentStories({ limit: 5 }, settingsPage);
    expect(recent.map((r) => r.entries.length)).toEqual([2]);
    const hits = await handlers.searchHeadlines({ query: 'ophira porto', limit: 10 }, settingsPage);
    expect(hits.map((h) => h.url).sort()).toEqual(['https://news.example/a', 'https://news.example/b']);
  });
});
