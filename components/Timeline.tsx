import type { TimelineEntry, TimelineView } from '../utils/db/timeline';
import { formatPublished, relativeTo } from './format-time';

function Entry({
  entry,
  reference,
  current,
}: {
  entry: TimelineEntry;
  reference: string | null;
  current?: boolean;
}) {
  const relative = current ? 'This article' : relativeTo(entry.publishedAt, reference);
  return (
    <li
      class={`entry${entry.visited ? ' visited' : ''}${current ? ' current' : ''}`}
      data-testid="timeline-item"
      data-relation="story"
      data-current={current ? 'true' : undefined}
    >
      <a class="headline" href={entry.href} target="_blank" rel="noopener noreferrer">
        {entry.headline}
      </a>
      <div class="meta">
        <time dateTime={entry.publishedAt ?? undefined}>{formatPublished(entry.publishedAt)}</time>
        {relative && <span class="relative">{relative}</span>}
        <span class="site">{entry.site}</span>
        {entry.visited && !current && <span class="read">You read this</span>}
      </div>
    </li>
  );
}

export function Timeline({ timeline }: { timeline: TimelineView }) {
  const reference = timeline.current.publishedAt;
  return (
    <ol class="timeline" aria-label="Coverage of this story, newest first">
      <Entry entry={timeline.current} reference={reference} current />
      {timeline.earlier.map((entry) => (
        <Entry key={entry.url} entry={entry} reference={reference} />
      ))}
    </ol>
  );
}
