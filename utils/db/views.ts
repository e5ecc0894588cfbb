/**
 * What the background hands to the popup, the timeline page, the settings page and the overlay. Plain data
 * (structured-clone safe); every string in here came from a web page and is rendered as text only.
 */

/** A headline the article carried before, with when Backstory saw it. */
export interface HeadlineVersion {
  headline: string;
  seenAt: number;
}

export interface TimelineEntry {
  /** Normalised URL: the article's key. */
  url: string;
  /** The URL to open. */
  href: string;
  headline: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`, `YYYY-MM-DD` or null. */
  publishedAt: string | null;
  site: string;
  /** The reader opened it (else it was only listed as related coverage on a page they read). */
  visited: boolean;
  firstSeen: number;
  lastVisited: number | null;
  /** Earlier headlines of this article, oldest first; empty when the headline never changed. */
  headlineHistory: HeadlineVersion[];
  /** Stored after the reader's previous visit to this story (false when there was none). */
  isNew: boolean;
}

export interface StorySummary {
  id: string;
  /** The most representative headline of the story. */
  title: string;
  /** Articles in the story. */
  count: number;
  /** Earliest and latest publication (epoch ms) of its dated articles. */
  firstMs: number | null;
  lastMs: number | null;
  /** When the reader last opened one of its articles. */
  lastVisited: number | null;
}

/** A story linked to another by publishers' related-coverage lists, with a few of its articles. */
export interface ThemeThread {
  story: StorySummary;
  /** Newest first, at most a few. */
  entries: TimelineEntry[];
}

export interface TimelineView {
  story: StorySummary;
  current: TimelineEntry;
  /** The story's coverage published before the current article, newest first. */
  earlier: TimelineEntry[];
  /** Published after it, newest first (undated coverage only beside an undated current article). */
  later: TimelineEntry[];
  /** The reader's visit to this story before the current one (epoch ms), or null. */
  previousVisit: number | null;
  /** Related stories, strongest link first. */
  themes: ThemeThread[];
  /** The story has coverage this answer leaves out: the first page only (ask again with `all`). */
  more: boolean;
}

export interface RecentStory {
  story: StorySummary;
  /** Its newest articles, newest first, at most a few. */
  entries: TimelineEntry[];
}

/**
 * Where the reader's history is being kept. `memory`: IndexedDB is unavailable (a private window, a
 * disabled profile) or full, so this session's reading is kept in memory only and lost on restart.
 */
export type StorageStatus =
  { mode: 'persistent' } | { mode: 'memory'; reason: 'unavailable' | 'quota' | 'error'; detail: string };

export type OverlayMode = 'always' | 'earlier' | 'never';

export interface Settings {
  overlayMode: OverlayMode;
  /** Hosts (lower case, no `www.`) where Backstory neither records nor shows anything. */
  disabledSites: string[];
  /** Keep at most this many articles (the oldest are pruned), or null for no limit. */
  retentionLimit: number | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  overlayMode: 'earlier',
  disabledSites: [],
  retentionLimit: null,
};

/** What the content script learns after reporting its article. */
export interface ArticleSeenView {
  /** False when Backstory is off for this site: nothing was stored, show nothing. */
  enabled: boolean;
  overlayMode: OverlayMode;
  earlierCount: number;
  /** Publication (epoch ms) of the earliest earlier report, for "since 9 Aug". */
  earliestMs: number | null;
  /** One per reported related item, in the order sent. */
  related: { url: string; read: boolean; isNew: boolean }[];
  storage: StorageStatus;
}

export interface StatsView {
  articles: number;
  stories: number;
  storage: StorageStatus;
}
