import type { TimelineView } from '../utils/db/views';
import { formatSpan } from './format-time';
import { t, tn } from './i18n';

export function StoryHeader({ timeline }: { timeline: TimelineView }) {
  const { story, earlier } = timeline;
  const span = formatSpan(story.firstMs, story.lastMs);
  return (
    <header class="story">
      <h2 class="story-title">{story.title}</h2>
      <p class="story-meta">{[tn('reports', story.count), span].filter(Boolean).join(' · ')}</p>
      <p class="summary">{earlier.length ? tn('earlierReports', earlier.length) : t('noEarlier')}</p>
    </header>
  );
}
