/**
 * The publication time (not the modification time) of a page, from the most reliable
 * source that states one: structured data, meta tags, marked-up times, visible date lines
 * near the headline, elements named for dates, the URL, the title.
 */
import { findAnyDate, parseDate, toEpochMs } from './dates';
import { STORY_CONTAINER } from './detect';
import { all, attr, byTag, closestInBody, firstOf, nextOf, one, parentOf } from './dom';
import { type JsonObject, isArticleNode, stringProp } from './jsonld';
import { metaContent } from './meta';
import { lower, squeeze } from './text';

/** Meta names that carry the publication time, most specific first. */
const PUBLISHED_META = (
  'article:published_time og:article:published_time og:published_time article.published ' +
  'datepublished pubdate publishdate publish-date publish_date publication_date date.published ' +
  'parsely-pub-date sailthru.date dc.date.issued dcterms.issued dc.date.created dcterms.created ' +
  'dc.date dcterms.date date vr:published article:published cxenseparse:recs:publishtime ' +
  'originalpublicationdate rnews:datepublished uploaddate datecreated'
).split(' ');

/** JSON-LD properties for the first publication, most specific first. */
const JSONLD_KEYS = ['datePublished', 'uploadDate', 'dateCreated'] as const;

/**
 * Class fragments of elements that show a date to readers (and "date" in an id). Without
 * the `u` flag, `i` folds ASCII letters only, as CSS's `[class*="date" i]` does.
 */
const DATE_CLASS_RE = /date|publish|posted|datum|fecha|data|time|byline|meta|info/i;
const DATE_ID_RE = /date/i;

/** Starts like ISO 8601 or RFC 1123: a value in a format `parseDate` knows. */
const MACHINE_DATE_RE =
  /^\s*(?:\d{4}-\d{2}-\d{2}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+[a-z]{3})/i;
const URL_DATE_RE = /\/((?:19|20)\d{2})[/-]?(\d{1,2})[/-]?(\d{1,2})(?:\/|[-_.]|$)/;
const MAX_DATE_ELEMENTS = 120;
const MAX_TIME_ELEMENTS = 30;
const MAX_SHORT_TEXT = 200;

interface Context {
  now: number;
  monthFirst: boolean;
}

export function extractPublished(
  doc: Document,
  url: string,
  jsonLd: JsonObject[],
  articleNode: JsonObject | undefined,
  headingEl: Element | null,
  now: number,
): string | null {
  const ctx: Context = { now, monthFirst: monthFirstLocale(doc) };
  const sources: (() => string | null)[] = [
    () => fromJsonLd(articleNode ? [articleNode] : [], ctx),
    // The page's meta tags before its other nodes: an embedded video's uploadDate is not the story's date.
    () => fromMeta(doc, ctx),
    () =>
      fromJsonLd(
        jsonLd.filter((n) => !isArticleNode(n)),
        ctx,
      ),
    () => fromMarkedTime(doc, headingEl, ctx),
    () => fromDateLine(headingEl, ctx),
    () => fromDateElements(doc, headingEl, ctx),
    () => fromAnyTime(doc, headingEl, ctx),
    () => fromUrl(url, ctx),
    () => fromTextAfterHeading(headingEl, ctx),
    () => fromTitle(doc, ctx),
  ];
  let found: string | null = null;
  let foundAt = 0;
  for (let i = 0; i < sources.length && !found; i++) {
    found = sources[i]?.() ?? null;
    foundAt = i;
  }
  if (!found || found.length > 10) return found;
  // Only the day is known: take a later source's exact time when it falls on that day (the
  // last three only ever give the day, or guess).
  for (let i = foundAt + 1; i < sources.length - 3; i++) {
    const exact = sources[i]?.();
    if (exact && exact.length > 10 && sameDayAnywhere(exact, found)) return exact;
  }
  return found;
}

/** US English writes 08/13/2025; everyone else 13/08/2025. */
function monthFirstLocale(doc: Document): boolean {
  const lang = lower(attr(doc.documentElement, 'lang'));
  return lang === 'en-us' || lang === 'en_us';
}

/** The instant lies within the calendar day `day` in some time zone (UTC-12 to UTC+14). */
function sameDayAnywhere(instant: string, day: string): boolean {
  const t = toEpochMs(instant);
  const start = toEpochMs(day);
  return t >= start - 14 * 3600_000 && t < start + 36 * 3600_000;
}

/**
 * A machine-readable value: a known format is read exactly, and one that is impossible
 * ("24:61") is rejected, not searched again for a looser day.
 */
const readValue = (value: string, ctx: Context): string | null =>
  parseDate(value, ctx) ?? (MACHINE_DATE_RE.test(value) ? null : findAnyDate(value, ctx));

function fromJsonLd(nodes: JsonObject[], ctx: Context): string | null {
  for (const key of JSONLD_KEYS) {
    for (const node of nodes) {
      const value = stringProp(node, key);
      const parsed = value ? readValue(value, ctx) : null;
      if (parsed) return parsed;
    }
  }
  return null;
}

function fromMeta(doc: Document, ctx: Context): string | null {
  const value = metaContent(doc, PUBLISHED_META);
  return value ? readValue(value, ctx) : null;
}

function attrDate(el: Element | null | undefined, ctx: Context): string | null {
  if (!el) return null;
  const value = attr(el, 'datetime') ?? attr(el, 'content');
  if (value) return readValue(value, ctx);
  const text = shortText(el);
  return text ? findAnyDate(text, ctx) : null;
}

/** The element's `textContent` when it is at most MAX_SHORT_TEXT characters, else null, without reading a long one whole. */
function shortText(el: Element): string | null {
  const walker = el.ownerDocument.createTreeWalker(el, 12); // text and CDATA
  let text = '';
  while (text.length <= MAX_SHORT_TEXT && walker.nextNode())
    text += squeeze(walker.currentNode.nodeValue ?? '');
  return text.length > MAX_SHORT_TEXT ? null : text;
}

/**
 * Where a date belongs to something else than the story: a comment, a teaser, the site's frame
 * (fragments from the second letter: see NOT_CONTENT in detect.ts).
 */
const NOT_THE_STORYS = 'footer,nav,[class*=omment],[class*=elated],[class*=easer]';
/** …or, for dates that elements are marked up or named for, an aside (of other stories, mostly). */
const OUTSIDE_STORY = `aside,${NOT_THE_STORYS}`;

/** `itemprop=datePublished`, `<time pubdate>`, then a `<time datetime>` of the article itself. */
function fromMarkedTime(doc: Document, headingEl: Element | null, ctx: Context): string | null {
  const marked = attrDate(one(doc, '[itemprop="datePublished" i],time[pubdate]'), ctx);
  if (marked) return marked;
  const scope = headingEl?.closest(STORY_CONTAINER);
  for (const el of (scope ? all(scope, 'time[datetime]') : []).slice(0, MAX_TIME_ELEMENTS)) {
    if (closestInBody(el, OUTSIDE_STORY, headingEl)) continue;
    const parsed = attrDate(el, ctx);
    if (parsed) return parsed;
  }
  return null;
}

/** Any `<time>` of the page outside asides, navigation and teasers. */
function fromAnyTime(doc: Document, headingEl: Element | null, ctx: Context): string | null {
  const all = byTag(doc, 'time');
  for (let i = 0; i < all.length && i < MAX_TIME_ELEMENTS; i++) {
    const el = all[i];
    if (!el || closestInBody(el, OUTSIDE_STORY, headingEl)) continue;
    const parsed = attrDate(el, ctx);
    if (parsed) return parsed;
  }
  return null;
}

/** A visible date line close to the headline: the elements around it, nearest first. */
function fromDateLine(headingEl: Element | null, ctx: Context): string | null {
  if (!headingEl) return null;
  let cursor: Element = headingEl;
  // Walk back and forward from the heading, and up a level while nothing is close: not past the
  // body's children, or the body's neighbour, <head>, would be read as a line of the page.
  for (let level = 0, up; (up = parentOf(cursor)) && parentOf(up) && level < 3; level++, cursor = up) {
    let before: Element | null | undefined = cursor.previousElementSibling;
    let after: Element | null | undefined = nextOf(cursor);
    for (let i = 0; i < 4 && (before || after); i++) {
      for (const el of [after, before]) {
        const text = el && shortText(el);
        const parsed = text ? findAnyDate(text, ctx) : null;
        if (parsed) return parsed;
      }
      before = before?.previousElementSibling;
      after = nextOf(after);
    }
  }
  return null;
}

/**
 * Elements whose class or id says they hold a date ("date", "datum", "byline", "meta", …),
 * in document order. Walked and left at the first date: eleven case-insensitive selectors
 * over every element cost Chromium more than this whole walk.
 */
function fromDateElements(doc: Document, headingEl: Element | null, ctx: Context): string | null {
  const scope = headingEl?.closest(STORY_CONTAINER) ?? doc.body;
  if (!scope) return null;
  const walker = doc.createTreeWalker(scope, 1); // elements
  let seen = 0;
  for (
    let el = walker.nextNode() as Element | null;
    el && seen < MAX_DATE_ELEMENTS;
    el = walker.nextNode() as Element | null
  ) {
    if (!DATE_CLASS_RE.test(attr(el, 'class') ?? '') && !DATE_ID_RE.test(el.id)) continue;
    seen++;
    const text = closestInBody(el, OUTSIDE_STORY, headingEl) ? null : shortText(el);
    const parsed = text ? findAnyDate(text, ctx) : null;
    if (parsed) return parsed;
  }
  return null;
}

/** A line that dates a change, not the publication (the walk then reads its parts one by one). */
const MODIFIED_RE = /updat|aktualisiert|geändert|mis à jour|actualizad|aggiornat|atualizad|bijgewerkt/i;
/** Elements read after the heading, in document order, before giving up. */
const MAX_ELEMENTS_AFTER_HEADING = 40;

/**
 * The first short text after the heading (or inside it) that holds a date: the date line of
 * pages that mark it up with nothing a date source above knows (a `<small>` in the `<h1>`, an
 * `<em>` under it, a facts box in an `<aside>`). Read only when nothing else states a date.
 */
function fromTextAfterHeading(headingEl: Element | null, ctx: Context): string | null {
  let el: Element | null = headingEl;
  for (let i = 0; el && i < MAX_ELEMENTS_AFTER_HEADING; el = nextInDocument(el), i++) {
    const text = shortText(el);
    const parsed = text && !MODIFIED_RE.test(text) && findAnyDate(text, ctx);
    if (parsed && !closestInBody(el, NOT_THE_STORYS, headingEl)) return parsed;
  }
  return null;
}

/** The element after `el` in document order (a TreeWalker's `currentNode` cannot be set in every DOM). */
function nextInDocument(el: Element): Element | null {
  const first = firstOf(el);
  if (first) return first;
  let up: Element | null | undefined = el;
  while (up && !nextOf(up)) up = parentOf(up);
  return nextOf(up) ?? null;
}

function fromUrl(url: string, ctx: Context): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE_RE.exec(path);
  if (!m) return null;
  return parseDate(`${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`, ctx);
}

const fromTitle = (doc: Document, ctx: Context): string | null => findAnyDate(doc.title ?? '', ctx);
