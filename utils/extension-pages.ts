import { browser } from 'wxt/browser';

/** The page that shows an article's timeline in a tab: the popup's own page, given the article's URL. */
export function timelinePageUrl(articleUrl: string): string {
  return `${browser.runtime.getURL('/popup.html')}?url=${encodeURIComponent(articleUrl)}`;
}
