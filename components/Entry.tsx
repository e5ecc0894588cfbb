import { useId, useState } from 'preact/hooks';
import type { TimelineEntry } from '../utils/db/views';
import { formatInstant, formatPublished, relativeTo } from './format-time';
import { t } from './i18n';

/** Page-supplied links open only when they are plain web links. */
export function webHref(href: string): string | null {
  return /^https?:\/\//i.test(href) ? href : null;
}

export interface EntryProps {
  entry: TimelineEntry;
  /** The current article's publication, for "2 days earlier"; null hides the offset. */
  reference: string | null;
  current?: boolean;
  relation?: 'story' | 'theme';
  /** Lists that are not a timeline (search results, recent stories) use their own test id. */
  testId?: string;
}

export function Entry({
  entry,
  reference,
  current,
  relation = 'story',
  testId = 'timeline-item',
}: EntryProps) {
  const relative = current ? t('thisArticle') : relativeTo(entry.publishedAt, reference);
  const href = webHref(entry.href);
  const classes = ['entry', entry.visited ? 'visited' : 'listed'];
  if (current) classes.push('current');
  if (entry.isNew && !current) classes.push('new');
  return (
    <li
      class={classes.join(' ')}
      data-testid={testId}
      data-relation={testId === 'timeline-item' ? relation : undefined}
      data-current={current ? 'true' : undefined}
      aria-current={current ? 'page' : undefined}
    >
      {href ? (
        <a class="headline" href={href} target="_blank" rel="noopener noreferrer">
          {entry.headline}
        </a>
      ) : (
        <span class="headline">{entry.headline}</span>
      )}
      <div class="meta">
        <time dateTime={entry.publishedAt ?? undefined}>{formatPublished(entry.publishedAt)}</time>
        {relative && <span class="relative">{relative}</span>}
        <span class="site">{entry.site}</span>
      </div>
      <Marks entry={entry} current={!!current} />
      {entry.headlineHistory.length > 0 && <HeadlineHistory entry={entry} />}
    </li>
  );
}

function Marks({ entry, current }: { entry: TimelineEntry; current: boolean }) {
  if (current) return null;
  return (
    <div class="marks">
      {entry.visited ? (
        <span class="mark read">{t('youReadThis')}</span>
      ) : (
        <span class="mark listed-note visually-hidden">{t('onlyListed')}</span>
      )}
      {entry.isNew && <span class="mark new">{t('newSinceVisit')}</span>}
    </div>
  );
}

function HeadlineHistory({ entry }: { entry: TimelineEntry }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div class="history">
      <button
        type="button"
        class="disclosure"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {t('headlineChanged')}
      </button>
      <ol id={id} class="versions" hidden={!open} aria-label={t('earlierHeadlines')}>
        {entry.headlineHistory.map((version, index) => (
          <li key={index}>
            <q>{version.headline}</q>{' '}
            <span class="seen">{t('headlineSeen', { date: formatInstant(version.seenAt) })}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
