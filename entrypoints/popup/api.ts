import { browser } from 'wxt/browser';
import type { PopupApi } from '../../components/PopupApp';
import { sendMessage } from '../../utils/messaging/client';
import { timelinePageUrl } from '../../utils/extension-pages';

/** `?url=` shows the timeline of that article (tests, the full-timeline tab); otherwise the active tab's. */
async function targetUrl(): Promise<string | null> {
  const fromQuery = new URLSearchParams(location.search).get('url');
  if (fromQuery !== null) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ?? null;
}

export function extensionApi(options: { inPopup: boolean }): PopupApi {
  return {
    resolveUrl: targetUrl,
    getTimeline: (url, all) => sendMessage('getTimeline', all ? { url, all } : { url }),
    getRecentStories: () => sendMessage('getRecentStories', { limit: 10 }),
    searchHeadlines: (query) => sendMessage('searchHeadlines', { query, limit: 50 }),
    openFullTimeline: options.inPopup
      ? (url) => {
          void browser.tabs.create({ url: timelinePageUrl(url) }).then(() => window.close());
        }
      : undefined,
  };
}
