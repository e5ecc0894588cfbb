/**
 * The in-page UI: the pill beside the headline that expands into the timeline, and the marks on the
 * page's related-coverage links. Preact inside WXT's shadow root keeps page styles and ours apart.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { OverlayApp } from '../../components/OverlayApp';
import type { ArticleSeenView } from '../../utils/db/views';
import type { RelatedItem } from '../../utils/extract';
import { sendMessage } from '../../utils/messaging/client';
import { markRelated } from './markers';
import { place } from './placement';

export interface OverlayState {
  url: string;
  reply: ArticleSeenView;
  related: RelatedItem[];
}

export function wantsPill({ enabled, overlayMode, earlierCount }: ArticleSeenView): boolean {
  if (!enabled || overlayMode === 'never') return false;
  return overlayMode === 'always' || earlierCount > 0;
}

function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** Shows what the settings ask for; everything goes away when `signal` aborts (navigation, dismissal). */
export async function mountOverlay(
  ctx: ContentScriptContext,
  signal: AbortSignal,
  { url, reply, related }: OverlayState,
): Promise<void> {
  if (!reply.enabled || reply.overlayMode === 'never') return;
  const pageMarks = new AbortController();
  signal.addEventListener('abort', () => pageMarks.abort(), { once: true });
  markRelated(document, related, reply.related, pageMarks.signal);
  if (!wantsPill(reply)) return;

  const ui = await createShadowRootUi(ctx, {
    name: 'backstory-overlay',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in our controls are ours: page shortcuts must not see them.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container) {
      const box = document.createElement('div');
      box.className = 'anchor';
      container.append(box);
      const api = {
        getTimeline: (all?: boolean) => sendMessage('getOverlayTimeline', all ? { url, all } : { url }),
        openTimeline: () => sendMessage('openTimeline', { url }),
        disableSite: async () => {
          const done = await sendMessage('disableSite', { url });
          pageMarks.abort();
          return done;
        },
        remove: () => {
          pageMarks.abort();
          ui.remove();
        },
      };
      render(
        <OverlayApp
          api={api}
          earlierCount={reply.earlierCount}
          earliestMs={reply.earliestMs}
          site={siteOf(url)}
        />,
        box,
      );
      place(box, document);
      // Until this page view ends or the extension goes away (ctx.addEventListener would only honour the latter).
      window.addEventListener('resize', () => place(box, document), {
        signal: AbortSignal.any([signal, ctx.signal]),
      });
      return box;
    },
    onRemove(box) {
      if (box) render(null, box);
    },
  });
  if (signal.aborted) return;
  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });
}
