import { useEffect, useState } from 'preact/hooks';
import type { RecentStory, StorageStatus, TimelineEntry } from '../utils/db/views';
import type { TimelineReply } from '../utils/messaging/protocol';
import { Browse } from './Browse';
import { t } from './i18n';
import { StorageNotice } from './StorageNotice';
import { StoryHeader } from './StoryHeader';
import { Timeline } from './Timeline';
import { errorMessage } from './error-message';

/** What the popup needs from the extension; tests pass fakes. */
export interface PopupApi {
  resolveUrl: () => Promise<string | null>;
  /** `all`: every entry the timeline keeps, not only its first page. */
  getTimeline: (url: string, all?: boolean) => Promise<TimelineReply>;
  getRecentStories: () => Promise<RecentStory[]>;
  searchHeadlines: (query: string) => Promise<TimelineEntry[]>;
  /** Present in the toolbar popup; absent when the view already is the full-timeline tab. */
  openFullTimeline?: (url: string) => void;
}

export interface PopupAppProps {
  api: PopupApi;
  /** Search waits this long after the last keystroke. */
  searchDelayMs?: number;
}

type State =
  | { kind: 'loading' }
  | { kind: 'not-article'; storage?: StorageStatus }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; url: string; reply: Extract<TimelineReply, { status: 'ok' }> };

async function load(api: PopupApi): Promise<State> {
  const url = await api.resolveUrl();
  if (!url || !/^https?:/i.test(url)) return { kind: 'not-article' };
  const reply = await api.getTimeline(url);
  return reply.status === 'ok'
    ? { kind: 'ready', url, reply }
    : { kind: 'not-article', storage: reply.storage };
}

export function PopupApp({ api, searchDelayMs }: PopupAppProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    load(api)
      .catch((error: unknown): State => ({
        kind: 'error',
        message: errorMessage(error),
      }))
      .then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    // The bench and the tests wait for this: the first render with real content.
    if (state.kind !== 'loading') performance.mark?.('backstory-ready');
  }, [state.kind]);

  // The first answer is the timeline's first page; the rest when the reader asks for it.
  const loadAll = () => {
    if (state.kind !== 'ready') return;
    const shown = state;
    api.getTimeline(shown.url, true).then(
      (reply) => reply.status === 'ok' && setState({ ...shown, reply }),
      (error: unknown) => setState({ kind: 'error', message: errorMessage(error) }),
    );
  };

  return (
    <main
      class="popup"
      aria-busy={state.kind === 'loading'}
      data-ready={state.kind !== 'loading' || undefined}
    >
      <header class="bar">
        <h1>{t('appName')}</h1>
        {state.kind === 'ready' && api.openFullTimeline && (
          <button
            type="button"
            class="link"
            data-action="open-timeline"
            onClick={() => api.openFullTimeline?.(state.url)}
          >
            {t('openFullTimeline')}
          </button>
        )}
      </header>
      <Body state={state} api={api} searchDelayMs={searchDelayMs} onMore={loadAll} />
    </main>
  );
}

interface BodyProps {
  state: State;
  api: PopupApi;
  searchDelayMs?: number;
  onMore: () => void;
}

function Body({ state, api, searchDelayMs, onMore }: BodyProps) {
  switch (state.kind) {
    case 'loading':
      return (
        <p class="state" role="status">
          {t('loading')}
        </p>
      );
    case 'not-article':
      return (
        <section class="state" data-state="not-article">
          <StorageNotice storage={state.storage} />
          <h2>{t('notArticleTitle')}</h2>
          <p>{t('notArticleBody')}</p>
          <Browse api={api} searchDelayMs={searchDelayMs} />
        </section>
      );
    case 'error':
      return (
        <section class="state error" role="alert" data-state="error">
          <h2>{t('errorTitle')}</h2>
          <p>{t('errorBody', { reason: state.message })}</p>
        </section>
      );
    case 'ready': {
      const { timeline, storage } = state.reply;
      const empty = timeline.earlier.length + timeline.later.length === 0;
      return (
        <section data-state={empty ? 'empty' : 'timeline'}>
          <StorageNotice storage={storage} />
          <StoryHeader timeline={timeline} />
          <Timeline timeline={timeline} onMore={onMore} />
        </section>
      );
    }
  }
}
