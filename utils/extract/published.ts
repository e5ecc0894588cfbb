import { findDate, parseDate } from './dates';
import { type JsonObject, isArticleNode, stringProp } from './jsonld';
import { metaContent } from './meta';

/** Meta names that carry the publication (not modification) time, most specific first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'date',
] as const;

const URL_DATE_RE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|[-_]|$)/;
const MAX_DATE_LINE_CANDIDATES = 40;

export function extractPublished(
  doc: Document,
  url: string,
  jsonLd: JsonObject[],
  headingEl: Element | null,
  now: number,
): string | null {
  const opts = { now };
  const node = jsonLd.find(isArticleNode);
  const fromJsonLd = node ? stringProp(node, 'datePublished') : null;
  const candidates: (string | null)[] = [
    fromJsonLd && parseDate(fromJsonLd, opts),
    parseMeta(doc, opts),
    timeElement(doc, headingEl, opts),
    dateLine(headingEl, opts),
    urlDate(url, opts),
  ];
  return candidates.find((c): c is string => !!c) ?? null;
}

function parseMeta(doc: Document, opts: { now: number }): string | null {
  const value = metaContent(doc, PUBLISHED_META);
  return value ? parseDate(value, opts) : null;
}

/** A `<time>` marked as the publication time, or the first one in the article header. */
function timeElement(doc: Document, headingEl: Element | null, opts: { now: number }): string | null {
  const marked = doc.querySelector('[itemprop="datePublished"][datetime], time[pubdate][datetime]');
  const scope = headingEl?.closest('article, header, main') ?? null;
  const near = scope?.querySelector('time[datetime]') ?? null;
  for (const el of [marked, near]) {
    const value = el?.getAttribute('datetime');
    const parsed = value ? parseDate(value, opts) : null;
    if (parsed) return parsed;
  }
  return null;
}

/** A visible date line close to the headline: the elements around it, nearest first. */
function dateLine(headingEl: Element | null, opts: { now: number }): string | null {
  if (!headingEl) return null;
  const seen: Element[] = [];
  let cursor: Element | null = headingEl;
  // Walk back and forward from the heading, and up one level if nothing is close.
  for (let level = 0; cursor && level < 3; level++, cursor = cursor.parentElement) {
    let before = cursor.previousElementSibling;
    let after = cursor.nextElementSibling;
    for (let i = 0; i < 4 && seen.length < MAX_DATE_LINE_CANDIDATES; i++) {
      if (before) seen.push(before);
      if (after) seen.push(after);
      before = before?.previousElementSibling ?? null;
      after = after?.nextElementSibling ?? null;
    }
    for (const el of seen) {
      const text = el.textContent ?? '';
      if (text.length > 300) continue;
      const parsed = findDate(text, opts);
      if (parsed) return parsed;
    }
  }
  return null;
}

function urlDate(url: string, opts: { now: number }): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE_RE.exec(path);
  if (!m) return null;
  return parseDate(`${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`, opts);
}
