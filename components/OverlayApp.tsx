import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TimelineReply } from '../utils/messaging/protocol';
import { formatShortDay } from './format-time';
import { t, tn } from './i18n';
import { StorageNotice } from './StorageNotice';
import { StoryHeader } from './StoryHeader';
import { Timeline } from './Timeline';
import { errorMessage } from './error-message';

/** What the in-page overlay needs from the extension; tests pass fakes. */
export interface OverlayApi {
  /** `all`: every entry the timeline keeps, not only its first page. */
  getTimeline: (all?: boolean) => Promise<TimelineReply>;
  openTimeline: () => Promise<unknown>;
  disableSite: () => Promise<{ site: string }>;
  /** Takes the overlay (and the page's markers) away. */
  remove: () => void;
}

export interface OverlayProps {
  api: OverlayApi;
  earlierCount: number;
  earliestMs: number | null;
  /** The page's host, for "Turn off on example.com". */
  site: string;
}

type Panel =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; reply: TimelineReply };

export function pillLabel(earlierCount: number, earliestMs: number | null): string {
  if (earlierCount === 0) return t('pillNone');
  if (earliestMs === null) return tn('pillUndated', earlierCount);
  return tn('pill', earlierCount, { date: formatShortDay(earliestMs) });
}

export function OverlayApp({ api, earlierCount, earliestMs, site }: OverlayProps) {
  const [panel, setPanel] = useState<Panel>({ kind: 'closed' });
  const [status, setStatus] = useState('');
  const [disabled, setDisabled] = useState<string | null>(null);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const open = panel.kind !== 'closed';

  useEffect(() => {
    if (open) panelRef.current?.focus();
  }, [open]);

  const expand = () => {
    if (open) return setPanel({ kind: 'closed' });
    setPanel({ kind: 'loading' });
    api.getTimeline().then(
      (reply) => setPanel((now) => (now.kind === 'closed' ? now : { kind: 'ready', reply })),
      (error: unknown) =>
        setPanel((now) => (now.kind === 'closed' ? now : { kind: 'error', message: errorMessage(error) })),
    );
  };
  const loadAll = () => {
    api.getTimeline(true).then(
      (reply) => setPanel((now) => (now.kind === 'ready' ? { kind: 'ready', reply } : now)),
      (error: unknown) =>
        setPanel((now) => (now.kind === 'closed' ? now : { kind: 'error', message: errorMessage(error) })),
    );
  };
  const close = () => {
    setPanel({ kind: 'closed' });
    toggle.current?.focus();
  };
  const openTab = () => {
    setStatus('');
    api
      .openTimeline()
      .catch((error: unknown) => setStatus(t('overlayFailed', { reason: errorMessage(error) })));
  };
  const turnOff = () => {
    setStatus('');
    api.disableSite().then(
      (reply) => {
        setPanel({ kind: 'closed' });
        setDisabled(reply.site || site);
      },
      (error: unknown) => setStatus(t('overlayFailed', { reason: errorMessage(error) })),
    );
  };

  if (disabled !== null) {
    return (
      <div class="pill done" role="status">
        <span class="message">{t('overlayDisabled', { site: disabled })}</span>
        <button
          type="button"
          class="icon"
          aria-label={t('overlayClose')}
          data-action="dismiss"
          onClick={api.remove}
        >
          ×
        </button>
      </div>
    );
  }

  return (
    <div
      class="overlay"
      role="complementary"
      aria-label={t('overlayLabel')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <div class="pill">
        <button
          ref={toggle}
          type="button"
          class="toggle"
          data-action="expand"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={expand}
        >
          {pillLabel(earlierCount, earliestMs)}
        </button>
        <button
          type="button"
          class="icon"
          data-action="open-timeline"
          aria-label={t('overlayOpenTab')}
          title={t('overlayOpenTab')}
          onClick={openTab}
        >
          ↗
        </button>
        <button
          type="button"
          class="icon"
          data-action="dismiss"
          aria-label={t('overlayDismiss')}
          title={t('overlayDismiss')}
          onClick={api.remove}
        >
          ×
        </button>
      </div>
      <p class="status" role="status">
        {status}
      </p>
      <div
        id={panelId}
        ref={panelRef}
        class="panel"
        hidden={!open}
        tabIndex={-1}
        aria-label={t('timelineLabel')}
      >
        {open && <PanelBody panel={panel} onMore={loadAll} />}
        {open && (
          <p class="panel-actions">
            <button type="button" class="link" data-action="disable-site" onClick={turnOff}>
              {t('overlayDisableSite', { site })}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}

function PanelBody({ panel, onMore }: { panel: Panel; onMore: () => void }) {
  switch (panel.kind) {
    case 'closed':
      return null;
    case 'loading':
      return <p class="state">{t('loading')}</p>;
    case 'error':
      return (
        <p class="state error" role="alert">
          {t('errorBody', { reason: panel.message })}
        </p>
      );
    case 'ready':
      if (panel.reply.status !== 'ok') {
        return (
          <>
            <StorageNotice storage={panel.reply.storage} />
            <p class="state">{t('noEarlier')}</p>
          </>
        );
      }
      return (
        <section data-state="timeline">
          <StorageNotice storage={panel.reply.storage} />
          <StoryHeader timeline={panel.reply.timeline} />
          <Timeline timeline={panel.reply.timeline} onMore={onMore} />
        </section>
      );
  }
}
