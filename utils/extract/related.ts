import { findDate, parseDate } from './dates';
import { cleanTitle, collapseWhitespace } from './text';
import type { RelatedItem } from './types';
import { samePage, toHttpUrl } from './urls';

export const MAX_RELATED = 50;
const MAX_HEADING_CHARS = 60;
const MAX_LINKS_SCANNED = 300;
const MIN_TITLE_WORDS = 3;

/** Headings that introduce a list of related coverage, in the languages we support. */
const RELATED_HEADING_RE =
  /^(more on\b|more from\b|more about\b|related\b|read more\b|read next\b|recommended\b|see also\b|further reading\b|more (?:news|stories|coverage)\b|mehr zu(?:m)?\b|mehr zum thema\b|weitere artikel\b|das könnte sie auch interessieren|auch interessant\b|à lire aussi|lire aussi|sur le même sujet|voir aussi|dans la même rubrique|más sobre\b|noticias relacionadas|te puede interesar|relacionad[oa]s?\b|leggi anche|potrebbe interessarti|articoli correlati|correlat[ie]\b|leia também|veja também|mais sobre\b|notícias relacionadas|lees ook|meer over\b|gerelateerd\b)/i;

const HEADING_SELECTOR = 'h2, h3, h4, h5, h6, [role="heading"], .section-title, .related-title';

/** The page's own list of related coverage. */
export function extractRelated(doc: Document, pageUrl: string): RelatedItem[] {
  // Not doc.baseURI: a parsed (not navigated) document reports its parser's URL there.
  const base = toHttpUrl(doc.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
  const items = new Map<string, RelatedItem>();
  const add = (item: RelatedItem): void => {
    if (items.size >= MAX_RELATED || samePage(item.url, pageUrl) || items.has(item.url)) return;
    items.set(item.url, item);
  };

  for (const container of relatedContainers(doc)) {
    for (const item of itemsIn(container, base)) add(item);
  }
  return [...items.values()];
}

function relatedContainers(doc: Document): Element[] {
  const out: Element[] = [];
  for (const heading of Array.from(doc.querySelectorAll(HEADING_SELECTOR))) {
    const text = collapseWhitespace(heading.textContent ?? '');
    if (!text || text.length > MAX_HEADING_CHARS || !RELATED_HEADING_RE.test(text)) continue;
    if (heading.closest('nav, footer')) continue;
    const container = containerAfter(heading);
    if (container && !out.includes(container)) out.push(container);
  }
  return out;
}

/** The block a related heading introduces: its own section, else the next sibling holding links. */
function containerAfter(heading: Element): Element | null {
  const section = heading.closest('section, aside');
  if (section && section.getElementsByTagName('a').length > 0) return section;
  let next = heading.nextElementSibling;
  for (let i = 0; next && i < 3; i++, next = next.nextElementSibling) {
    if (next.getElementsByTagName('a').length > 0 || next.tagName === 'A') return next;
  }
  const parent = heading.parentElement;
  return parent && parent.getElementsByTagName('a').length > 0 ? parent : null;
}

function itemsIn(container: Element, base: string): RelatedItem[] {
  const out: RelatedItem[] = [];
  const anchors = Array.from(container.getElementsByTagName('a')).slice(0, MAX_LINKS_SCANNED);
  for (const a of anchors) {
    const url = toHttpUrl(a.getAttribute('href'), base);
    if (!url) continue;
    const title = cleanTitle(a.textContent || a.getAttribute('title') || '');
    if (title.split(' ').length < MIN_TITLE_WORDS) continue;
    out.push({ title, url, publishedAt: itemTime(a, container) });
  }
  return out;
}

/** The time shown with one item: in its own list entry (the largest block holding only this link). */
function itemTime(anchor: Element, container: Element): string | null {
  let item: Element = anchor;
  for (let parent = item.parentElement; parent && parent !== container; parent = parent.parentElement) {
    if (parent.getElementsByTagName('a').length > 1) break;
    item = parent;
  }
  const time = item.querySelector('time[datetime]');
  const fromAttr = time ? parseDate(time.getAttribute('datetime') ?? '') : null;
  return fromAttr ?? findDate(item.textContent ?? '');
}
