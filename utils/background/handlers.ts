/** What the background does for each message of the protocol. */
import { browser } from 'wxt/browser';
import type { BackstoryDB } from '../db/database';
import { timelinePageUrl } from '../extension-pages';
import { getTimeline, recordArticle } from '../db/repository';
import type { Handlers } from '../messaging/router';

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export function createHandlers(db: BackstoryDB): Handlers {
  return {
    async articleSeen(report, sender) {
      // A content script may only speak for the site it runs on.
      if (!sameOrigin(report.url, sender.url)) throw new Error('Report does not match the sending page.');
      const { earlierCount } = await recordArticle(db, report);
      return { earlierCount };
    },
    async getTimeline({ url }) {
      const timeline = await getTimeline(db, url);
      return timeline ? { status: 'ok', timeline } : { status: 'not-recorded' };
    },
    async openTimeline({ url }, sender) {
      if (!sameOrigin(url, sender.url)) throw new Error('Timeline request does not match the sending page.');
      await browser.tabs.create({ url: timelinePageUrl(url), index: (sender.tab?.index ?? -1) + 1 });
      return { opened: true };
    },
  };
}
