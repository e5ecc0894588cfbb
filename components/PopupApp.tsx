import { useEffect, useState } from 'preact/hooks';
import type { TimelineReply } from '../utils/messaging/protocol';
import { Timeline } from './Timeline';

export interface PopupAppProps {
  resolveUrl: () => Promise<string | null>;
  loadTimeline: (url: string) => Promise<TimelineReply>;
  /** Present in the toolbar popup; absent when the view already is a tab. */
  openInTab?: (url: string) => void;
}

type State =
  | { kind: 'loading' }
  | { kind: 'not-article' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; url: string; reply: Extract<TimelineReply, { status: 'ok' }> };

export function PopupApp({ resolveUrl, loadTimeline, openInTab }: PopupAppProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    (async () => {
      const url = await resolveUrl();
      if (!url || !/^https?:/i.test(url)) return { kind: 'not-article' } as const;
      const reply = await loadTimeline(url);
      return reply.status === 'ok'
        ? ({ kind: 'ready', url, reply } as const)
        : ({ kind: 'not-article' } as const);
    })()
      .catch((error: unknown) => ({
        kind: 'error' as const,
        message: error instanceof Error ? error.message : String(error),
      }))
      .then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [resolveUrl, loadTimeline]);

  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <header class="bar">
        <h1>Backstory</h1>
        {state.kind === 'ready' && openInTab && (
          <button type="button" class="link" onClick={() => openInTab(state.url)}>
            Open in a tab
          </button>
        )}
      </header>
      <Body state={state} />
    </main>
  );
}

function Body({ state }: { state: State }) {
  switch (state.kind) {
    case 'loading':
      return (
        <p class="state" role="status">
          Loading the timeline…
        </p>
      );
    case 'not-article':
      return (
        <section class="state" data-state="not-article">
          <h2>Not an article</h2>
          <p>Backstory has no news article recorded for this page. Open a news article and try again.</p>
        </section>
      );
    case 'error':
      return (
        <section class="state error" role="alert" data-state="error">
          <h2>Something went wrong</h2>
          <p>Backstory could not load the timeline: {state.message}</p>
        </section>
      );
    case 'ready': {
      const { timeline } = state.reply;
      const count = timeline.earlier.length;
      return (
        <section data-state={count ? 'timeline' : 'empty'}>
          <h2 class="story-title">{timeline.current.headline}</h2>
          <p class="summary">
            {count === 0
              ? 'No earlier coverage of this story yet. Backstory will fill in the timeline as you read more.'
              : `${count} earlier ${count === 1 ? 'report' : 'reports'} of this story`}
          </p>
          <Timeline timeline={timeline} />
        </section>
      );
    }
  }
}
