/**
 * The page's own list of related coverage: blocks introduced by a heading such as
 * "More on this story", "Related", "Lesen Sie auch", or marked as related by class, then by a styled
 * caption ("div.widget-title" reading "Read More") or an ARIA heading, and
 * JSON-LD `relatedLink`. Navigation, the site's footer, comments, ads, links to listings and
 * files, the page itself, non-http(s) links and duplicates are left out.
 */
import { findAnyDate, parseDate } from './dates';
import { DENSE_SCRIPT_RE, LONG_ID_RE, STORY_CONTAINER, urlScore } from './detect';
import {
  all,
  attr,
  byTag,
  closestInBody,
  fewChildren,
  firstOf,
  list,
  nextOf,
  one,
  parentOf,
  textOf,
  trimmedText,
} from './dom';
import { type JsonObject, own } from './jsonld';
import {
  CUT_SHORT_RE,
  LETTER_RE,
  cleanTitle,
  collapseWhitespace,
  longest,
  stripTags,
  visibleText,
} from './text';
import type { RelatedItem } from './types';
import { samePage, toHttpUrl } from './urls';

export const MAX_RELATED = 50;
const MAX_HEADING_CHARS = 60;
const MAX_HEADINGS_SCANNED = 400;
const MAX_LINKS_PER_BLOCK = 100;
const MIN_TITLE_CHARS = 12;
const MAX_ANCHOR_TEXT = 400;
const MARK_RE = /related|more-on/i;
const DATE_LIKE_RE = /\d{4}|\d[./-]\d/;

/**
 * Headings that introduce a list of related coverage, in the languages we support, in this order:
 * English; German ("mehr zum Thema" is "mehr zum"); French; Spanish (and Portuguese "notícias
 * relacionadas"); Italian; Portuguese; Dutch; and Japanese "関連記事" (related articles, Mainichi's and
 * most Japanese papers' heading). One literal ships smaller than strings joined at load.
 */
const RELATED_HEADING_RE =
  /^(?:more (?:on|from|about|news|stories|coverage)\b|related\b|read (?:more|next|also)\b|recommended\b|see also\b|further reading\b|you (?:may|might) also like|also (?:read|in the news)\b|mehr (?:zum?|aus|über)\b|weitere (?:artikel|nachrichten|meldungen|beiträge)\b|lesen sie (?:auch|mehr)\b|das könnte sie auch interessieren|auch interessant\b|zum thema\b|verwandte artikel|ähnliche\b|(?:à )?lire (?:aussi|également)|sur le même sujet|voir aussi|dans la même rubrique|à voir aussi|plus (?:d.articles|sur)\b|articles? (?:liés|similaires)|más (?:sobre|noticias|información)\b|not[ií]cias relacionadas|(?:también )?te puede interesar|lee también|relacionad[oa]s?\b|leggi anche|(?:ti )?potrebbe interessar|articoli correlati|correlat[ie]\b|altre notizie|leia (?:também|mais)|veja também|mais sobre\b|saiba mais|lees (?:ook|meer)|meer over\b|gerelateerd|ook interessant|関連記事)/i;

const HEADING_SELECTOR = 'h2,h3,h4,h5,h6';
const MAX_CONTAINERS = 10;
/**
 * Blocks marked as related coverage by their class or id, when no heading says so. The query
 * is case-sensitive and the few elements it finds are checked exactly: Chromium matches
 * `[class*="related" i]`-style selectors over every element of the page at almost twice the
 * cost ("elated" finds "related" and "Related"; all-capital names and "More-On" are left out).
 */
const MARKED_QUERY = '[class*=elated],[id*=elated],[class*=ore-on]';

/** Marked, and not `<html>`, `<head>` or `<body>` (whose classes speak for the whole page). */
const isMarked = (el: Element): boolean =>
  !!parentOf(parentOf(el)) && MARK_RE.test(`${attr(el, 'class')} ${el.id}`);

/** Where links are never related coverage (fragments from the second letter, as MARKED_QUERY's). */
const EXCLUDED = 'nav,footer,[role=navigation],[class*=omment],[id*=omment],[class*=dvert],[class*=ponsor]';

/** Inside navigation, the site's footer, comments or ads (an article's own `<footer>` holds its related links). */
function excluded(el: Element, story: Element | null | undefined): boolean {
  const found = closestInBody(el, EXCLUDED, story);
  return !!found && !(found.tagName === 'FOOTER' && parentOf(found)?.closest(STORY_CONTAINER));
}

export interface RelatedOptions {
  /** The story's heading: an element around it is the story's frame, whatever its class says. */
  heading?: Element | null;
  jsonLd?: JsonObject[];
  /** The page's canonical URL: a link to it is a link to the page itself. */
  canonicalUrl?: string | null;
  now?: number;
}

export function extractRelated(doc: Document, pageUrl: string, options: RelatedOptions = {}): RelatedItem[] {
  // Not doc.baseURI: a parsed (not navigated) document reports its parser's URL there.
  // Most pages have no <base>: its element collection says so without a query over the page.
  const baseElement = byTag(doc, 'base')[0] && one(doc, 'base[href]');
  const base = toHttpUrl(attr(baseElement, 'href'), pageUrl) ?? pageUrl;
  const self = [pageUrl, options.canonicalUrl].filter((u): u is string => !!u);
  const items = new Map<string, RelatedItem>();
  const add = (item: RelatedItem): void => {
    // A link to a part of an article ("#comments") is a link to the article.
    const url = item.url.split('#')[0] ?? item.url;
    if (items.size >= MAX_RELATED || self.some((s) => samePage(url, s)) || items.has(url)) return;
    if (!isStoryLink(url, item.title)) return;
    items.set(url, { ...item, url });
  };

  const story = options.heading;
  const containers = headedContainers(relatedHeadings(doc), story);
  if (containers.length === 0) containers.push(...markedContainers(doc, story));
  if (containers.length === 0) containers.push(...headedContainers(styledHeadings(doc), story, true));
  for (const container of containers.slice(0, MAX_CONTAINERS)) {
    for (const item of itemsIn(container, base, options.now, story)) add(item);
  }
  for (const item of fromJsonLd(doc, options.jsonLd ?? [], base)) add(item);
  return [...items.values()];
}

/**
 * Images, documents and media files, and the click trackers and ad labels of ad networks (Google's
 * "Related Searches" on eHow goes to google.com): not pages of coverage.
 */
const NOT_A_PAGE_RE = /\.(?:jpe?g|png|gif|webp|avif|svg|pdf|mp[34]|zip)$/i;
const AD_HOST_RE =
  /(?:^|\.)(?:doubleclick\.net|google\.com|googleadservices\.com|googlesyndication\.com|outbrain\.com|taboola\.com|gemini\.yahoo\.com)$/;
/**
 * A paid teaser's label read into its title ("SponsoredFirst look at…", "Anzeige | …"): a capital or
 * a separator follows it, where a headline that starts with the word goes on in lower case.
 */
const AD_LABEL_RE = /^(?:Sponsored|Advertisement|Promoted|Anzeige|Werbung)(?:$|[A-ZÄÖÜ]|\s*[|:·•])/;

/**
 * Related blocks mix stories with links to listings: tags, topics, authors, sections, policies,
 * search, the home page, and with photo credits. Their addresses give them away (a date or a long id
 * makes a story), and a short name ("Climate change", "Local Business") tells a section from a headline.
 */
function isStoryLink(url: string, title: string): boolean {
  const parsed = new URL(url);
  const { hostname, pathname } = parsed;
  if (NOT_A_PAGE_RE.test(pathname) || AD_HOST_RE.test(hostname) || AD_LABEL_RE.test(title)) return false;
  const shape = urlScore(parsed);
  // Words of the title; Chinese, Japanese and Korean ones count as many (they need no spaces).
  const words = DENSE_SCRIPT_RE.test(title) ? 9 : title.split(' ').length;
  // One word is a section's name or a credit ("Govt-and-politics", "Screencap/Twitter"), not a headline.
  return words > 1 && (shape >= 0 || (shape === -1 && words >= 4) || LONG_ID_RE.test(pathname));
}

function headedContainers(headings: Element[], story?: Element | null, styled?: boolean): Element[] {
  const out: Element[] = [];
  for (const heading of headings) {
    if (excluded(heading, story) || heading.closest('a')) continue;
    const container = containerAfter(heading, story ?? null, styled);
    if (container && !out.some((c) => c.contains(container) || container.contains(c))) {
      out.push(container);
    }
  }
  return out;
}

const isRelatedHeading = (heading: Element): boolean => {
  const text = collapseWhitespace(textOf(heading).slice(0, MAX_HEADING_CHARS * 3));
  return !!text && text.length <= MAX_HEADING_CHARS && RELATED_HEADING_RE.test(text);
};

/**
 * The first MAX_HEADINGS_SCANNED headings that say "related", in document order. Chromium
 * matches every element against each part of HEADING_SELECTOR, several times the cost of
 * five tag collections; those are unordered, so the selector still runs when two or more
 * headings match. ARIA headings are read with the styled ones: a query for them here cost
 * every article page a walk over all its elements (4% of its extraction time in Chromium)
 * for one dev page in 557.
 */
function relatedHeadings(doc: Document): Element[] {
  const headings: Element[] = [];
  // Appended one by one, not push(...): a page of a few hundred thousand headings would overflow the call's arguments.
  for (let level = 2; level < 7; level++) list(byTag(doc, `h${level}`), headings);
  const found = headings.filter(isRelatedHeading);
  return headings.length > MAX_HEADINGS_SCANNED || found.length > 1
    ? all(doc, HEADING_SELECTOR).slice(0, MAX_HEADINGS_SCANNED).filter(isRelatedHeading)
    : found;
}

/**
 * Headings drawn as styled divs ("div.widget-title", "div.section-title__title", "div.boxhead") or
 * marked as headings for assistive technology (Gothamist's `p[role=heading]`), each lifted to the
 * wrappers around it that add no text of their own, so that the block after the wrapper is the one
 * it introduces. Only elements of text are read: a "header" class on a page's banner is no heading.
 * (Spans are left out: they add two dev pages for about 2% more extraction time.)
 */
function styledHeadings(doc: Document): Element[] {
  const out: Element[] = [];
  for (let el of all(doc, 'div[class*=itle],div[class*=head],[role=heading]')) {
    // A wrapper of one element around the rest of the page ("div.container.persistent-title") is
    // no caption: its text, hundreds of kilobytes, is never read.
    if (nextOf(firstOf(el)) || firstOf(firstOf(el)) || !isRelatedHeading(el)) continue;
    const text = trimmedText(el);
    for (let up; (up = parentOf(el)) && fewChildren(up) && trimmedText(up) === text;) el = up;
    // As many as headings are scanned: each one's block is checked against the others'.
    if (out.push(el) >= MAX_HEADINGS_SCANNED) break;
  }
  return out;
}

function markedContainers(doc: Document, story?: Element | null): Element[] {
  const out: Element[] = [];
  for (const el of all(doc, MARKED_QUERY).filter(isMarked).slice(0, 20)) {
    if (excluded(el, story) || out.some((c) => c.contains(el))) continue;
    if (links(el)[1]) out.push(el);
  }
  return out;
}

const links = (root: Document | Element): HTMLCollectionOf<HTMLAnchorElement> => byTag(root, 'a');

/**
 * The block a related heading introduces: its own section (within a section that holds the story's
 * heading, whose other links are the text's own, the largest block around it that does not), else
 * the next sibling holding links with text (a teaser's picture link comes before its headline's),
 * else its parent.
 */
function containerAfter(heading: Element, story: Element | null, styled?: boolean): Element | null {
  // A styled heading is a box's caption, and the box is often inside the story's own section.
  let box = styled ? null : heading.closest('section,aside');
  if (box?.contains(story)) {
    box = heading;
    for (let up; (up = parentOf(box)) && !up.contains(story);) box = up;
  }
  // Here and below, links are indexed, not counted: a collection's length walks the whole element, an item
  // only as far as itself.
  const found = box && links(box);
  if (found?.[0] && !found[199]) return box;
  let next = nextOf(heading);
  for (let i = 0; next && i < 3; i++, next = nextOf(next)) {
    if ((next.tagName === 'A' || links(next)[0]) && trimmedText(next)) {
      // Links that stand right after the heading are its list: the block is their parent, below.
      if (next.tagName === 'A') break;
      return next;
    }
  }
  const parent = parentOf(heading);
  return parent && links(parent)[0] ? parent : null;
}

function itemsIn(
  container: Element,
  base: string,
  now: number | undefined,
  story?: Element | null,
): RelatedItem[] {
  const out: RelatedItem[] = [];
  const anchors = links(container);
  // Checked per link only when the block holds navigation, comments or ads at all.
  const mixed = one(container, EXCLUDED) !== null;
  const seen = new Map<string, RelatedItem>();
  for (let i = 0; i < anchors.length && i < MAX_LINKS_PER_BLOCK && out.length < MAX_RELATED; i++) {
    const a = anchors[i];
    const href = attr(a, 'href');
    // Cheap refusals before the URL parser and selector matching run.
    if (!a || !href || href[0] === '#' || (mixed && excluded(a, story))) continue;
    // An image link without text often precedes the same address's headline link.
    const title = anchorTitle(a);
    if (!title || inSentence(a)) continue;
    const listed = seen.get(href);
    // One teaser often links its address more than once: a kicker or the author, the headline, "Read more".
    if (listed) {
      if (fuller(title, listed.title)) listed.title = title;
      // A picture's link comes first, and its own block holds no date: the headline's may.
      listed.publishedAt ??= itemTime(a, container, now);
      continue;
    }
    const url = toHttpUrl(href, base);
    if (!url) continue;
    const item = { title, url, publishedAt: itemTime(a, container, now) };
    seen.set(href, item);
    out.push(item);
  }
  return out;
}

/** Longer than a headline: a headline read together with its summary. */
const MAX_HEADLINE_CHARS = 140;

/**
 * Whether `title`, from another link to the same address, names the story better than `listed`: it is
 * longer (a headline after a kicker, an author's name, "Read article"), or it is the headline alone where
 * `listed` ran on into the summary. Not a summary, nor `listed` wrapped in a call to read it ("Lesen Sie
 * diesen Artikel: … weiterlesen").
 */
const fuller = (title: string, listed: string): boolean =>
  listed.length > MAX_HEADLINE_CHARS
    ? listed.startsWith(title)
    : title.length <= MAX_HEADLINE_CHARS && title.length > listed.length && !title.includes(listed);

/**
 * A link in a sentence of the text ("drivers say they are <a>making less</a> than…"), which a block around
 * the story holds too: its paragraph says more than twice what the link does. A listed item ("Read more:
 * <a>Title</a>") is most of its paragraph.
 */
function inSentence(a: Element): boolean {
  const p = a.closest('p');
  return !!p && textOf(p).length > 2 * textOf(a).length;
}

/** A separator left at the start of a title (after cleanTitle, which leaves single spaces). */
const LEADING_SEPARATOR_RE = /^[:|–—] /;
/**
 * Teaser markup left out of its title, matched against "TAG class": script and style, the date
 * ("Title <time>July 26, 2016</time>", "span.date", "div.date_line" reading "5 minutes ago",
 * "span.teaser-time"; not "candidate", "update" or "font-times"), and the kicker above the headline
 * ("span.teaser__kicker", "span.more-on-the-subject-overline", "span.Teaser_titleheader", "span.dachzeile").
 */
const NOT_TITLE_RE =
  /^(?:script|style|noscript|template|time) |kicker|overline|topline|titleheader|dachzeile|eyebrow|attribution|byline|author|[\s_-](?:date|time\b)/i;

/**
 * A teaser link's headline: its longest heading element, else an element classed a title or headline,
 * else its text, else its title attribute.
 */
function anchorTitle(a: Element): string | null {
  // A kicker heading may come before the headline's: the longest heading is the headline. Only a
  // heading element: a teaser's summary may be classed a title too ("relatedArticlesTextLeadTitle").
  const text = (el: Element | null) => visibleText(el, MAX_ANCHOR_TEXT, NOT_TITLE_RE).trim();
  // A link of plain text (most are) holds neither: no query is made for it.
  const whole = attr(a, 'title');
  let raw =
    (firstOf(a) &&
      (longest(all(a, 'h1,h2,h3,h4,h5,h6').map(text)) ||
        text(one(a, '[class*="title" i],[class*="headline" i]')))) ||
    text(a) ||
    whole ||
    // An empty link laid over a teaser card names it for screen readers.
    attr(a, 'aria-label') ||
    '';
  // A title attribute of four words or more that the text holds whole is the headline without the date,
  // kicker, summary or "more" around it, unless a quote in the headline cut the page's attribute short.
  if (whole?.split(' ')[3] && raw.includes(whole) && !raw.includes(whole + '"')) raw = whole;
  // Without its kicker, a title may start with the separator that followed it ("Kicker: Title").
  let title = cleanTitle(stripTags(raw)).replace(LEADING_SEPARATOR_RE, '');
  // A title cut short on screen is often whole in a title attribute, of the link or of the cut text.
  if (CUT_SHORT_RE.test(title)) {
    const start = title.replace(CUT_SHORT_RE, '');
    title =
      [a, ...all(a, '[title]')]
        .map((el) => cleanTitle(attr(el, 'title')?.split('\n')[0] ?? ''))
        .find((whole) => whole.startsWith(start)) ?? title;
  }
  // Short link texts are "More", "Video", "12 comments": not headlines.
  return title.length >= MIN_TITLE_CHARS && LETTER_RE.test(title) ? title : null;
}

/** The time shown with one item: in its own list entry (the largest block holding only this link). */
function itemTime(anchor: Element, container: Element, now: number | undefined): string | null {
  let item: Element = anchor;
  for (let parent = parentOf(item); parent && parent !== container; parent = parentOf(parent)) {
    if (links(parent)[1]) break;
    item = parent;
  }
  const fromAttr = parseDate(attr(one(item, 'time[datetime]'), 'datetime') ?? '', { now });
  if (fromAttr) return fromAttr;
  const text = visibleText(item, 600);
  // Every format we read has a four-digit year or a numeric day and month.
  return DATE_LIKE_RE.test(text) ? findAnyDate(text, { now }) : null;
}

/** JSON-LD `relatedLink`: titled by the page's own link to the same address, when it has one. */
function fromJsonLd(doc: Document, jsonLd: JsonObject[], base: string): RelatedItem[] {
  const urls: string[] = [];
  for (const node of jsonLd) {
    const links = own(node, 'relatedLink');
    for (const entry of Array.isArray(links) ? links : [links]) {
      const url = toHttpUrl(typeof entry === 'string' ? entry : null, base);
      if (url && urls.length < MAX_RELATED) urls.push(url);
    }
  }
  if (urls.length === 0) return [];
  const titles = new Map<string, string>();
  for (const a of list(links(doc)).slice(0, 2000)) {
    const url = toHttpUrl(attr(a, 'href'), base);
    if (url && urls.includes(url) && !titles.has(url)) {
      const title = anchorTitle(a);
      if (title) titles.set(url, title);
    }
  }
  return urls.flatMap((url) => {
    const title = titles.get(url);
    return title ? [{ title, url, publishedAt: null }] : [];
  });
}
