import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractPage } from '../../utils/extract';
import { sendMessage } from '../../utils/messaging/client';
import { mountOverlay } from './overlay';
import '../../assets/theme.css';
import '../../assets/timeline.css';
import './overlay.css';

/** Client-side navigations replace the page's content after the URL changes; give it a moment. */
const SPA_SETTLE_MS = 400;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // One controller per page view: a client-side navigation aborts the previous view's UI.
    let view = new AbortController();
    ctx.onInvalidated(() => view.abort());

    const run = async (signal: AbortSignal) => {
      const url = location.href;
      // A failure here must never cost the page anything: it rejects `run`, which is caught and logged.
      const page = extractPage(document, url);
      // Pages that are not articles cost one detection pass and nothing else.
      if (!page.isArticle || !page.headline) return;
      // The extraction as it is: the background's schema keeps the fields a report declares.
      const reply = await sendMessage('articleSeen', { ...page, headline: page.headline, url });
      if (ctx.isValid && !signal.aborted)
        await mountOverlay(ctx, signal, { url, reply, related: page.related });
    };
    const report = (error: unknown) => console.debug('Backstory:', error);

    ctx.addEventListener(window, 'wxt:locationchange', () => {
      view.abort();
      view = new AbortController();
      const { signal } = view;
      ctx.setTimeout(() => {
        if (!signal.aborted) run(signal).catch(report);
      }, SPA_SETTLE_MS);
    });
    await run(view.signal).catch(report);
  },
});
