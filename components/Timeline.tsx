import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { ThemeThread, TimelineEntry, TimelineView } from '../utils/db/views';
import { Entry } from './Entry';
import { StoryThread } from './StoryThread';
import { dayOf } from './format-time';
import { t, tn } from './i18n';

interface Row {
  entry: TimelineEntry;
  current?: boolean;
}

/** Entries with a separator before each new calendar day (in the reader's zone). */
function withDays(rows: Row[], reference: string | null, relation: 'story' | 'theme'): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let lastDay: string | undefined;
  for (const { entry, current } of rows) {
    const day = dayOf(entry.publishedAt);
    const key = day?.key ?? 'undated';
    if (key !== lastDay) {
      out.push(
        <li key={`day:${key}`} class="day">
          {day?.label ?? t('dateUnknown')}
        </li>,
      );
      lastDay = key;
    }
    out.push(
      <Entry key={entry.url} entry={entry} reference={reference} current={current} relation={relation} />,
    );
  }
  return out;
}

/** A long-running story can hold thousands of reports: the first screenfuls render at once, the rest on request. */
export const PAGE_SIZE = 60;

/** `onMore`: fetch the entries the first answer left out (`timeline.more`). */
export function Timeline({ timeline, onMore }: { timeline: TimelineView; onMore?: () => void }) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const reference = timeline.current.publishedAt;
  // Later coverage is capped too, but never so that the current article falls outside the page.
  const later = timeline.later.slice(Math.max(0, timeline.later.length - shown));
  const rows: Row[] = [
    ...later.map((entry) => ({ entry })),
    { entry: timeline.current, current: true },
    ...timeline.earlier.slice(0, shown).map((entry) => ({ entry })),
  ];
  const hidden = timeline.later.length - later.length + Math.max(0, timeline.earlier.length - shown);
  // Not yet fetched: at least one more, at most the rest of the story.
  const unfetched =
    timeline.more && onMore
      ? Math.max(1, timeline.story.count - 1 - timeline.earlier.length - timeline.later.length)
      : 0;
  return (
    <>
      <ol class="timeline" aria-label={t('timelineLabel')}>
        {withDays(rows, reference, 'story')}
      </ol>
      {hidden + unfetched > 0 && (
        <button
          type="button"
          class="link more"
          onClick={() => (hidden > 0 ? setShown(shown + PAGE_SIZE * 4) : onMore?.())}
        >
          {tn('showMore', hidden || unfetched)}
        </button>
      )}
      {timeline.themes.length > 0 && <Themes themes={timeline.themes} reference={reference} />}
    </>
  );
}

function Themes({ themes, reference }: { themes: ThemeThread[]; reference: string | null }) {
  const titleId = useId();
  return (
    <section class="themes" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('onThisTheme')}</h3>
      {themes.map(({ story, entries }) => (
        <StoryThread key={story.id} story={story} entries={entries} reference={reference} />
      ))}
    </section>
  );
}
