/**
 * The one declaration of every message between content scripts, the background and
 * extension pages: its payload schema, its reply type, who may send it and how large it may be.
 */
import type * as v from 'valibot';
import type {
  ArticleSeenView,
  RecentStory,
  Settings,
  StatsView,
  StorageStatus,
  TimelineEntry,
  TimelineView,
} from '../db/views';
import {
  ArticleReportSchema,
  EmptySchema,
  ImportSchema,
  LimitSchema,
  MAX_IMPORT_CHARS,
  MAX_PAYLOAD_CHARS,
  SearchSchema,
  SettingsPatchSchema,
  TimelineRequestSchema,
  UrlRequestSchema,
} from './schemas';

/** Who may send a message: a content script in a web page, or one of our extension pages. */
export type SenderKind = 'content' | 'extension';

export type TimelineReply =
  | { status: 'not-recorded'; storage: StorageStatus }
  | { status: 'ok'; timeline: TimelineView; storage: StorageStatus };

interface Spec {
  from: SenderKind;
  data: v.GenericSchema;
  reply: unknown;
  /** Largest serialised payload accepted; MAX_PAYLOAD_CHARS when absent. */
  maxChars?: number;
}

export const protocol = {
  // From the content script, about its own page only.
  articleSeen: { from: 'content', data: ArticleReportSchema, reply: {} as ArticleSeenView },
  getOverlayTimeline: { from: 'content', data: TimelineRequestSchema, reply: {} as TimelineReply },
  openTimeline: { from: 'content', data: UrlRequestSchema, reply: {} as { opened: true } },
  disableSite: { from: 'content', data: UrlRequestSchema, reply: {} as { site: string } },
  // From the popup, the timeline page and the settings page.
  getTimeline: { from: 'extension', data: TimelineRequestSchema, reply: {} as TimelineReply },
  getRecentStories: { from: 'extension', data: LimitSchema, reply: {} as RecentStory[] },
  searchHeadlines: { from: 'extension', data: SearchSchema, reply: {} as TimelineEntry[] },
  getSettings: { from: 'extension', data: EmptySchema, reply: {} as Settings },
  setSettings: { from: 'extension', data: SettingsPatchSchema, reply: {} as Settings },
  getStats: { from: 'extension', data: EmptySchema, reply: {} as StatsView },
  exportData: { from: 'extension', data: EmptySchema, reply: {} as { json: string; articles: number } },
  importData: {
    from: 'extension',
    data: ImportSchema,
    reply: {} as { articles: number },
    maxChars: MAX_IMPORT_CHARS + 100,
  },
  clearData: { from: 'extension', data: EmptySchema, reply: {} as { cleared: true } },
} as const satisfies Record<string, Spec>;

export function maxPayloadChars(type: MessageType): number {
  const spec: Spec = protocol[type];
  return spec.maxChars ?? MAX_PAYLOAD_CHARS;
}

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type MessageData<K extends MessageType> = v.InferInput<Protocol[K]['data']>;
export type ValidData<K extends MessageType> = v.InferOutput<Protocol[K]['data']>;
export type MessageReply<K extends MessageType> = Protocol[K]['reply'];

/** What travels over `runtime.sendMessage`. */
export interface Envelope<K extends MessageType = MessageType> {
  backstory: 1;
  type: K;
  data: MessageData<K>;
}

/** Replies carry errors as data, so the sender gets the real reason rather than "no response". */
export type ReplyEnvelope<T> = { ok: true; value: T } | { ok: false; error: string };
