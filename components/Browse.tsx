import { useEffect, useId, useState } from 'preact/hooks';
import type { RecentStory, TimelineEntry } from '../utils/db/views';
import { Entry } from './Entry';
import { StoryThread } from './StoryThread';
import { t, tn } from './i18n';
import type { PopupApi } from './PopupApp';
import { errorMessage } from './error-message';

const SEARCH_DELAY_MS = 150;

type Loaded<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; value: T };

function failure(error: unknown): { kind: 'error'; message: string } {
  return { kind: 'error', message: errorMessage(error) };
}

/** Away from an article: a search over every stored headline, and the reader's recent stories. */
export function Browse({ api, searchDelayMs = SEARCH_DELAY_MS }: { api: PopupApi; searchDelayMs?: number }) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const trimmed = query.trim();
  return (
    <div class="browse">
      <form class="search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label for={inputId}>{t('searchLabel')}</label>
        <input
          id={inputId}
          type="search"
          value={query}
          placeholder={t('searchPlaceholder')}
          autocomplete="off"
          maxLength={200}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </form>
      {trimmed ? (
        <SearchResults api={api} query={trimmed} delayMs={searchDelayMs} />
      ) : (
        <RecentStories api={api} />
      )}
    </div>
  );
}

function SearchResults({ api, query, delayMs }: { api: PopupApi; query: string; delayMs: number }) {
  const [results, setResults] = useState<Loaded<TimelineEntry[]>>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    // Debounced: every keystroke restarts the wait, so a fast typist sends one query.
    const timer = setTimeout(() => {
      api.searchHeadlines(query).then(
        (value) => live && setResults({ kind: 'done', value }),
        (error: unknown) => live && setResults(failure(error)),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, delayMs]);

  return (
    <section class="results" aria-label={t('searchResultsLabel')}>
      <p class="state" role="status" aria-live="polite">
        {results.kind === 'loading'
          ? t('searching')
          : results.kind === 'error'
            ? t('searchError', { reason: results.message })
            : results.value.length
              ? tn('searchCount', results.value.length)
              : t('searchNone', { query })}
      </p>
      {results.kind === 'done' && results.value.length > 0 && (
        <ol class="timeline flat">
          {results.value.map((entry) => (
            <Entry key={entry.url} entry={entry} reference={null} testId="search-result" />
          ))}
        </ol>
      )}
    </section>
  );
}

function RecentStories({ api }: { api: PopupApi }) {
  const [recent, setRecent] = useState<Loaded<RecentStory[]>>({ kind: 'loading' });
  const titleId = useId();
  useEffect(() => {
    let live = true;
    api.getRecentStories().then(
      (value) => live && setRecent({ kind: 'done', value }),
      (error: unknown) => live && setRecent(failure(error)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <section class="recent" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('recentTitle')}</h3>
      {recent.kind === 'loading' && <p class="state">{t('loadingRecent')}</p>}
      {recent.kind === 'error' && (
        <p class="state error" role="alert">
          {t('recentError', { reason: recent.message })}
        </p>
      )}
      {recent.kind === 'done' && recent.value.length === 0 && <p class="state">{t('recentEmpty')}</p>}
      {recent.kind === 'done' &&
        recent.value.map(({ story, entries }) => (
          <StoryThread
            key={story.id}
            story={story}
            entries={entries}
            reference={null}
            testId="recent-story"
            entryTestId="recent-entry"
          />
        ))}
    </section>
  );
}
