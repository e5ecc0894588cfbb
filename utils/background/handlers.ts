/** What the background does for each message of the protocol. */
import { browser } from 'wxt/browser';
import { countHistory, recentStories, searchHeadlines } from '../db/browse';
import { clearAll, recordArticle } from '../db/repository';
import { indexSearchTerms } from '../db/search-index';
import { pruneToLimit } from '../db/retention';
import { getTimeline } from '../db/timeline';
import { exportHistory, importHistory } from '../db/transfer';
import { timelinePageUrl } from '../extension-pages';
import type { TimelineReply } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import { showEarlierCount } from './badge';
import { isSiteDisabled, loadSettings, saveSettings, siteKey } from './settings';
import type { HistoryStorage } from './storage';

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Retention is checked after this many new reports rather than on every one. */
const RETENTION_EVERY = 50;

/** Search terms are indexed this long after the last report (search-index.ts): one pass for a burst of tabs. */
const INDEX_DELAY_MS = 1_000;

export function createHandlers(storage: HistoryStorage): Handlers {
  let reportsSinceRetention = RETENTION_EVERY;
  let indexTimer: ReturnType<typeof setTimeout> | undefined;

  function indexSoon(): void {
    clearTimeout(indexTimer);
    indexTimer = setTimeout(() => {
      storage
        .write((db) => indexSearchTerms(db))
        .catch((error: unknown) => console.warn('Backstory: could not index headlines for search:', error));
    }, INDEX_DELAY_MS);
  }
  // Whatever a stopped worker left queued.
  indexSoon();

  async function applyRetention(limit: number | null): Promise<void> {
    if (limit === null || ++reportsSinceRetention < RETENTION_EVERY) return;
    reportsSinceRetention = 0;
    await storage.write((db) => pruneToLimit(db, limit));
  }

  async function timelineReply(url: string, all = false): Promise<TimelineReply> {
    const timeline = await getTimeline(storage.db, url, all);
    return timeline
      ? { status: 'ok', timeline, storage: storage.status }
      : { status: 'not-recorded', storage: storage.status };
  }

  return {
    async articleSeen(report, sender) {
      // A content script may only speak for the site it runs on.
      if (!sameOrigin(report.url, sender.url)) throw new Error('Report does not match the sending page.');
      const settings = await loadSettings();
      if (isSiteDisabled(settings, report.url)) {
        return {
          enabled: false,
          overlayMode: settings.overlayMode,
          earlierCount: 0,
          earliestMs: null,
          related: [],
          storage: storage.status,
        };
      }
      const result = await storage.write((db) => recordArticle(db, report));
      indexSoon();
      if (sender.tab?.id !== undefined) {
        await showEarlierCount(sender.tab.id, result.earlierCount).catch((error: unknown) =>
          console.warn('Backstory: could not set the badge:', error),
        );
      }
      await applyRetention(settings.retentionLimit);
      return {
        enabled: true,
        overlayMode: settings.overlayMode,
        earlierCount: result.earlierCount,
        earliestMs: result.earliestMs,
        related: result.related,
        storage: storage.status,
      };
    },
    async getOverlayTimeline({ url, all }, sender) {
      if (!sameOrigin(url, sender.url)) throw new Error('Timeline request does not match the sending page.');
      return timelineReply(url, all);
    },
    async openTimeline({ url }, sender) {
      if (!sameOrigin(url, sender.url)) throw new Error('Timeline request does not match the sending page.');
      await browser.tabs.create({ url: timelinePageUrl(url), index: (sender.tab?.index ?? -1) + 1 });
      return { opened: true };
    },
    async disableSite({ url }, sender) {
      if (!sameOrigin(url, sender.url))
        throw new Error('Only the page’s own site can be turned off from it.');
      const site = siteKey(url);
      const settings = await loadSettings();
      await saveSettings({ disabledSites: [...settings.disabledSites, site] });
      return { site };
    },
    async getTimeline({ url, all }) {
      return timelineReply(url, all);
    },
    getRecentStories: ({ limit }) => recentStories(storage.db, limit),
    searchHeadlines: ({ query, limit }) => searchHeadlines(storage.db, query, limit),
    getSettings: () => loadSettings(),
    async setSettings(patch) {
      const settings = await saveSettings(patch);
      if (patch.retentionLimit != null) await storage.write((db) => pruneToLimit(db, patch.retentionLimit!));
      return settings;
    },
    async getStats() {
      return { ...(await countHistory(storage.db)), storage: storage.status };
    },
    async exportData() {
      const file = await exportHistory(storage.db);
      return { json: JSON.stringify(file), articles: file.articles.length };
    },
    importData: ({ json }) => storage.write((db) => importHistory(db, json)),
    async clearData() {
      await storage.write((db) => clearAll(db));
      return { cleared: true };
    },
  };
}
