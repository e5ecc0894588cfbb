import { browser } from 'wxt/browser';
import type { Envelope, MessageData, MessageReply, MessageType, ReplyEnvelope } from './protocol';

/** Tries after the first: a background stopped mid-message (Chrome's 30 s idle stop) is up again by then. */
const RETRY_DELAYS_MS = [100, 500];

/** The message never reached a listener or its reply was lost; the background did not say no. */
function isDeliveryFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /receiving end does not exist|message (channel|port) closed|could not establish connection|no response/i.test(
    message,
  );
}

/**
 * Sends a typed message to the background and unwraps its reply; rejects with the background's error.
 * Delivery failures are retried: every handler is idempotent, so a report sent twice is stored once.
 */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReply<K>> {
  const envelope: Envelope<K> = { backstory: 1, type, data };
  for (let attempt = 0; ; attempt++) {
    let reply: ReplyEnvelope<MessageReply<K>> | undefined;
    try {
      reply = (await browser.runtime.sendMessage(envelope)) as ReplyEnvelope<MessageReply<K>> | undefined;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isDeliveryFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      continue;
    }
    if (!reply) throw new Error('Backstory’s background did not answer.');
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }
}
