import type { StorySummary, TimelineEntry } from '../utils/db/views';
import { Entry } from './Entry';
import { formatSpan } from './format-time';
import { tn } from './i18n';

export interface StoryThreadProps {
  story: StorySummary;
  entries: TimelineEntry[];
  /** The current article's publication, for "2 days earlier"; null hides the offset. */
  reference: string | null;
  /** Test ids of the block and of its entries, for lists that are not the article's themes. */
  testId?: string;
  entryTestId?: string;
}

/**
 * One story in a block of its own: its title, how many reports it has over what span, and a few of its
 * articles. The popup shows the stories on the article's theme this way, and the reader's recent stories.
 */
export function StoryThread({ story, entries, reference, testId, entryTestId }: StoryThreadProps) {
  return (
    <section class="theme" aria-label={story.title} data-testid={testId}>
      <h4 class="theme-title">{story.title}</h4>
      <p class="theme-meta">
        {[tn('reports', story.count), formatSpan(story.firstMs, story.lastMs)].filter(Boolean).join(' · ')}
      </p>
      <ol class="thread">
        {entries.map((entry) => (
          <Entry key={entry.url} entry={entry} reference={reference} relation="theme" testId={entryTestId} />
        ))}
      </ol>
    </section>
  );
}
