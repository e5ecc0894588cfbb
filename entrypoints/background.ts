import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../utils/background/handlers';
import { openDatabase } from '../utils/db/database';
import { route } from '../utils/messaging/router';

export default defineBackground(() => {
  const db = openDatabase();
  const handlers = createHandlers(db);
  const ctx = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  // Registered synchronously at start-up, so a stopped service worker wakes for messages.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender, handlers, ctx));
});
