import { browser } from 'wxt/browser';
import type { Envelope, MessageData, MessageReply, MessageType, ReplyEnvelope } from './protocol';

/** Sends a typed message to the background and unwraps its reply; rejects with the background's error. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReply<K>> {
  const envelope: Envelope<K> = { backstory: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as ReplyEnvelope<MessageReply<K>> | undefined;
  if (!reply) throw new Error('Backstory’s background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
