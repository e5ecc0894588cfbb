import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../utils/background/handlers';
import { HistoryStorage } from '../utils/background/storage';
import { route, whenReady } from '../utils/messaging/router';

export default defineBackground(() => {
  // Handlers wait for the database; the listener itself must be registered synchronously at start-up, so a
  // stopped service worker wakes for messages.
  const handlers = whenReady(HistoryStorage.open().then(createHandlers));
  const ctx = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender, handlers, ctx));
});
