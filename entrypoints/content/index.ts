import { defineContentScript } from 'wxt/utils/define-content-script';
import { type PageExtraction, extractPage } from '../../utils/extract';
import { sendMessage } from '../../utils/messaging/client';
import { mountOverlay } from './overlay';
import './overlay.css';

/** Extraction must never cost the page anything: a failure here means "not an article". */
function safeExtract(url: string): PageExtraction | null {
  try {
    return extractPage(document, url);
  } catch (error) {
    console.debug('Backstory could not read this page:', error);
    return null;
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const url = location.href;
    const page = safeExtract(url);
    // Pages that are not articles cost one detection pass and nothing else.
    if (!page?.isArticle || !page.headline) return;
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
