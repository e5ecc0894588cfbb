import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { ThemeThread, TimelineEntry, TimelineView } from '../utils/db/views';
import { Entry } from './Entry';
import { dayOf, formatSpan } from './format-time';
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

export function Timeline({ timeline }: { timeline: TimelineView }) {
  const reference = timeline.current.publishedAt;
  const rows: Row[] = [
    ...timeline.later.map((entry) => ({ entry })),
    { entry: timeline.current, current: true },
    ...timeline.earlier.map((entry) => ({ entry })),
  ];
  return (
    <>
      <ol class="timeline" aria-label={t('timelineLabel')}>
        {withDays(rows, reference, 'story')}
      </ol>
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
        <section class="theme" key={story.id} aria-label={story.title}>
          <h4 class="theme-title">{story.title}</h4>
          <p class="theme-meta">
            {[tn('reports', story.count), formatSpan(story.firstMs, story.lastMs)]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <ol class="thread">
            {entries.map((entry) => (
              <Entry key={entry.url} entry={entry} reference={reference} relation="theme" />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
