/** View data shaped exactly like utils/db/views.ts, for component tests. */
import type { PopupApi } from '../../components/PopupApp';
import type { RecentStory, StorySummary, TimelineEntry, TimelineView } from '../../utils/db/views';
import type { TimelineReply } from '../../utils/messaging/protocol';

export const URL_A = 'https://news.example/a';

export function entry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  const url = overrides.url ?? URL_A;
  return {
    url,
    href: url,
    headline: 'Current story',
    publishedAt: '2025-08-13T22:29:50Z',
    site: 'news.example',
    visited: true,
    firstSeen: Date.UTC(2025, 7, 13, 23),
    lastVisited: Date.UTC(2025, 7, 13, 23),
    headlineHistory: [],
    isNew: false,
    ...overrides,
  };
}

export function story(overrides: Partial<StorySummary> = {}): StorySummary {
  return {
    id: 's1',
    title: 'Summit diplomacy',
    count: 3,
    firstMs: Date.UTC(2025, 7, 11, 10),
    lastMs: Date.UTC(2025, 7, 13, 22, 29, 50),
    lastVisited: null,
    ...overrides,
  };
}

export function view(overrides: Partial<TimelineView> = {}): TimelineView {
  return {
    story: story(),
    current: entry(),
    earlier: [],
    later: [],
    previousVisit: null,
    themes: [],
    more: false,
    ...overrides,
  };
}

export function okReply(timeline: TimelineView): TimelineReply {
  return { status: 'ok', timeline, storage: { mode: 'persistent' } };
}

export function fakeApi(overrides: Partial<PopupApi> = {}): PopupApi {
  return {
    resolveUrl: () => Promise.resolve(URL_A),
    getTimeline: () => Promise.resolve(okReply(view())),
    getRecentStories: () => Promise.resolve([] as RecentStory[]),
    searchHeadlines: () => Promise.resolve([]),
    ...overrides,
  };
}
