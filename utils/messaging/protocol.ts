/**
 * The one declaration of every message between content scripts, the background and
 * extension pages: its payload schema, its reply type and who may send it.
 */
import type * as v from 'valibot';
import type { TimelineView } from '../db/timeline';
import { ArticleReportSchema, UrlRequestSchema } from './schemas';

/** Who may send a message: a content script in a web page, or one of our extension pages. */
export type SenderKind = 'content' | 'extension';

export interface ArticleSeenReply {
  /** How many earlier reports of the same story are stored. */
  earlierCount: number;
}

export type TimelineReply = { status: 'not-recorded' } | { status: 'ok'; timeline: TimelineView };

export const protocol = {
  articleSeen: { from: 'content', data: ArticleReportSchema, reply: {} as ArticleSeenReply },
  getTimeline: { from: 'extension', data: UrlRequestSchema, reply: {} as TimelineReply },
  openTimeline: { from: 'content', data: UrlRequestSchema, reply: {} as { opened: true } },
} as const satisfies Record<string, { from: SenderKind; data: v.GenericSchema; reply: unknown }>;

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
