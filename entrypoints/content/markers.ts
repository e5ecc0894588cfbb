/**
 * Small "read" / "new since your last visit" marks on the page's own related-coverage links.
 * Each mark is our own element with a closed-off shadow root, so page styles cannot reach its
 * text and ours cannot reach the page; it goes inside the link so it never adds a row to the
 * page's grid or flex layouts.
 */
import type { ArticleSeenView } from '../../utils/db/views';
import type { RelatedItem } from '../../utils/extract';
import { t } from '../../components/i18n';
import { trimmedText } from '../../utils/extract/dom';

const TAG = 'backstory-mark';
const STYLE = `:host{all:initial!important;display:inline!important}
span{font:600 11px/1.4 system-ui,sans-serif;margin-inline-start:6px;padding:0 6px;border-radius:999px;
white-space:nowrap;background:#e8eaef;color:#2d3240}
span.new{background:#fde7c2;color:#5a3500}
@media (prefers-color-scheme:dark){span{background:#343843;color:#e8e9ec}span.new{background:#5a3d10;color:#ffe2b0}}`;

function withoutHash(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

/** Every link on the page, by address without its fragment. */
function linksByHref(doc: Document): Map<string, HTMLAnchorElement[]> {
  const links = new Map<string, HTMLAnchorElement[]>();
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const key = withoutHash(a.href);
    const list = links.get(key);
    if (list) list.push(a);
    else links.set(key, [a]);
  }
  return links;
}

/** A page often links an article twice (a teaser, the list entry): the one carrying its title wins. */
function linkFor(links: Map<string, HTMLAnchorElement[]>, item: RelatedItem): HTMLAnchorElement | undefined {
  const candidates = links.get(withoutHash(item.url)) ?? [];
  const title = item.title.toLowerCase();
  const text = (a: HTMLAnchorElement) => trimmedText(a).toLowerCase();
  return (
    candidates.find((a) => text(a) === title) ??
    candidates.find((a) => text(a).includes(title)) ??
    candidates[0]
  );
}

function mark(doc: Document, kind: 'read' | 'new'): HTMLElement {
  const host = doc.createElement(TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const label = doc.createElement('span');
  label.className = kind;
  label.textContent = t(kind === 'read' ? 'markRead' : 'markNew');
  shadow.append(style, label);
  return host;
}

/** Adds the marks; returns how many. They go away when `signal` aborts. */
export function markRelated(
  doc: Document,
  items: RelatedItem[],
  states: ArticleSeenView['related'],
  signal: AbortSignal,
): number {
  if (signal.aborted || !states.some((s) => s.read || s.isNew)) return 0;
  const links = linksByHref(doc);
  const added: HTMLElement[] = [];
  states.forEach((state, index) => {
    const item = items[index];
    if (!item || !(state.read || state.isNew)) return;
    const link = linkFor(links, item);
    if (!link || link.querySelector(TAG)) return;
    const host = mark(doc, state.isNew ? 'new' : 'read');
    link.append(host);
    added.push(host);
  });
  signal.addEventListener('abort', () => added.forEach((host) => host.remove()), { once: true });
  return added.length;
}
