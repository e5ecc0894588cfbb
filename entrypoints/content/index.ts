import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractPage } from '../../utils/extract';
import { sendMessage } from '../../utils/messaging/client';
import { mountOverlay } from './overlay';
import './overlay.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const url = location.href;
    const page = extractPage(document, url);
    // Pages that are not articles cost one detection pass and nothing else.
    if (!page.isArticle || !page.headline) return;
    const { earlierCount } = await sendMessage('articleSeen', {
      url,
      canonicalUrl: page.canonicalUrl,
      headline: page.headline,
      publishedAt: page.publishedAt,
      related: page.related,
    });
    if (earlierCount > 0 && ctx.isValid) await mountOverlay(ctx, { url, earlierCount });
  },
});
