/**
 * The small in-page pill: "Backstory · 5 earlier reports", which opens the full
 * timeline in a tab. Plain DOM inside a shadow root keeps the content script small
 * and keeps page styles and ours apart.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { sendMessage } from '../../utils/messaging/client';

export interface OverlayState {
  url: string;
  earlierCount: number;
}

function label(count: number): string {
  return `Backstory · ${count} earlier ${count === 1 ? 'report' : 'reports'}`;
}

export async function mountOverlay(ctx: ContentScriptContext, state: OverlayState): Promise<void> {
  const ui = await createShadowRootUi(ctx, {
    name: 'backstory-overlay',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      const doc = container.ownerDocument;
      const pill = doc.createElement('div');
      pill.className = 'pill';
      pill.setAttribute('role', 'complementary');
      pill.setAttribute('aria-label', 'Backstory');

      const open = doc.createElement('button');
      open.type = 'button';
      open.className = 'open';
      open.dataset.action = 'open-timeline';
      open.textContent = label(state.earlierCount);
      open.title = 'Open the timeline of earlier coverage';
      const status = doc.createElement('span');
      status.className = 'status';
      status.setAttribute('role', 'status');
      open.addEventListener('click', () => {
        status.textContent = '';
        sendMessage('openTimeline', { url: state.url }).catch((error: unknown) => {
          status.textContent = error instanceof Error ? error.message : 'Could not open the timeline.';
        });
      });

      const close = doc.createElement('button');
      close.type = 'button';
      close.className = 'close';
      close.dataset.action = 'dismiss';
      close.setAttribute('aria-label', 'Hide Backstory on this page');
      close.textContent = '×';
      close.addEventListener('click', () => ui.remove());

      pill.append(open, close, status);
      container.append(pill);
    },
  });
  ui.mount();
  ctx.onInvalidated(() => ui.remove());
}
