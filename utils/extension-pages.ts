import { browser } from 'wxt/browser';

/** The full-timeline tab for an article (entrypoints/timeline). */
export function timelinePageUrl(articleUrl: string): string {
  return `${browser.runtime.getURL('/timeline.html')}?url=${encodeURIComponent(articleUrl)}`;
}
