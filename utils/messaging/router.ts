/**
 * The background's receiving end of the protocol: checks sender and shape before any
 * handler sees a message, and turns handler failures into error replies.
 */
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import {
  type MessageReply,
  type MessageType,
  type ReplyEnvelope,
  type SenderKind,
  type ValidData,
  maxPayloadChars,
  protocol,
} from './protocol';

export type Handlers = {
  [K in MessageType]: (
    data: ValidData<K>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<MessageReply<K>> | MessageReply<K>;
};

export interface RouterContext {
  /** Our own extension id (`browser.runtime.id`). */
  extensionId: string;
  /** Our own pages' URL prefix (`browser.runtime.getURL('/')`). */
  extensionOrigin: string;
}

function isHttp(url: string | undefined): boolean {
  return !!url && /^https?:\/\//i.test(url);
}

export function senderIs(
  kind: SenderKind,
  sender: Browser.runtime.MessageSender,
  ctx: RouterContext,
): boolean {
  if (sender.id !== ctx.extensionId) return false;
  if (kind === 'content') return sender.tab !== undefined && isHttp(sender.url);
  return !!sender.url && sender.url.startsWith(ctx.extensionOrigin);
}

function payloadTooLarge(data: unknown, max: number): boolean {
  try {
    return JSON.stringify(data).length > max;
  } catch {
    return true;
  }
}

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(protocol, type);
}

/**
 * Handles one incoming message. Returns undefined for messages that are not ours,
 * so other listeners (none today) could answer them.
 */
export function route(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  handlers: Handlers,
  ctx: RouterContext,
): Promise<ReplyEnvelope<unknown>> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { backstory, type, data } = message as Record<string, unknown>;
  if (backstory !== 1) return undefined;
  if (!isMessageType(type)) return Promise.resolve({ ok: false, error: 'Unknown message type.' });
  const spec = protocol[type];
  if (!senderIs(spec.from, sender, ctx)) {
    return Promise.resolve({ ok: false, error: `"${type}" is not accepted from this sender.` });
  }
  if (payloadTooLarge(data, maxPayloadChars(type)))
    return Promise.resolve({ ok: false, error: 'Message too large.' });
  const parsed = v.safeParse(spec.data, data);
  if (!parsed.success) {
    return Promise.resolve({ ok: false, error: `Invalid "${type}" message: ${parsed.issues[0].message}` });
  }
  const handler = handlers[type] as (d: unknown, s: Browser.runtime.MessageSender) => unknown;
  return (async () => {
    try {
      return { ok: true as const, value: await handler(parsed.output, sender) };
    } catch (error) {
      return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
    }
  })();
}

/** Handlers that wait for the real ones (which need the database open) before answering. */
export function whenReady(ready: Promise<Handlers>): Handlers {
  const waiting: Record<string, unknown> = {};
  for (const type of Object.keys(protocol) as MessageType[]) {
    waiting[type] = async (data: never, sender: Browser.runtime.MessageSender) => {
      const handler = (await ready)[type] as (d: never, s: Browser.runtime.MessageSender) => unknown;
      return handler(data, sender);
    };
  }
  return waiting as Handlers;
}
