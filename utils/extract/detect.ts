/**
 * Is this page a single story? Cheap signals, weighed together: structured data and
 * OpenGraph (which CMSs often set wrongly on section pages), the URL's shape, and the
 * page's main block of prose (how much, how much of it is links, whether it is a list of
 * teasers). Some page types are never articles whatever else they say.
 */
import {
  all,
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
import { type JsonObject, isArticleNode, stringProp, typesOf } from './jsonld';
import { metaContent } from './meta';
import { agrees } from './headline';
import { LETTER_RE, collapseWhitespace, lower, visibleText, wordSet } from './text';

/** Types that make a page something other than a story, whatever its og:type says. */
const VETO_TYPES = wordSet(
  'searchresultspage profilepage imagegallery recipe product discussionforumposting ' +
    'contactpage aboutpage qapage checkoutpage',
);
/**
 * Types that speak against an article unless an article node is present too, and that leave the verdict on
 * a page with one to its prose: a list, a video, a gallery or a live ticker may be typed as an article.
 * (Without an article node, a live blog or an image gallery never gets as far as this list is read.)
 */
const LIST_TYPES = wordSet('itemlist videoobject mediagallery imagegallery liveblogposting');

const MAX_PARAGRAPHS = 600;
/** What a paragraph's wrapper may add to its text: a hidden label, not a teaser's title. */
const MAX_WRAPPER_TEXT = 20;
/** A paragraph shorter than this is a caption, a ticker line or a teaser, not prose. */
const MIN_SENTENCE_CHARS = 60;
/** Prose (own text, and half its children's) that makes a block a story of its own. */
const MIN_STORY_CHARS = 500;
/** A post's title on a page of posts: a heading that links to a page (not an anchor or a "#section"). */
const STORY_TITLE = ':is(h1,h2,h3) a[href*="/"]';
const ARTICLE_SCORE = 2;
/** The most the prose measures below add to a page's score (the rest of them subtract). */
const MAX_PROSE_SCORE = 3;
const NOT_STORY_OG_TYPE_RE = /^(?:video|music|profile|product|book|place|business)/;
const SEARCH_QUERY_RE = /[?&](?:q|query|s|search)=/i;
/** A long id (five digits or more) in a story's address. */
export const LONG_ID_RE = /\d{5}/;
const DIGIT_RE = /\d/;
const WIKI_GENERATOR_RE = /^mediawiki/i;

/**
 * Path segments of the site's own pages: policies, about, contact, sign-in. Sets, not one regular
 * expression: compiling a sixty-way alternation costs about a millisecond, and a content script
 * runs on a fresh page each time.
 */
const SITE_PAGE_SEGMENTS = wordSet(
  'privacy privacy-policy datenschutz datenschutzerklaerung impressum imprint terms agb cookie cookies ' +
    'cookie-policy cookies-policy about about-us ueber-uns quienes-somos sobre-nosotros qui-sommes-nous ' +
    'chi-siamo quem-somos over-ons contact contact-us kontakt contacto contatto contatti contato ' +
    'mentions-legales aviso-legal politica-de-privacidad confidentialite privacidade login signin sign-in ' +
    'register account',
);
/**
 * Path segments of listings and of pages that are not stories: search, tags, topics, categories (a
 * blog's archive of a category shows whole posts), authors, forums, galleries and videos (where a page
 * with a story's text is still taken for one). Not "archive": stories are filed under it
 * ("/magazine/archive/2024/05/…", WordPress's "/archives/123").
 */
const LISTING_SEGMENTS = wordSet(
  'search suche recherche buscar busca cerca pesquisa zoeken tag tags topic topics thema themen tema ' +
    'sujet sujets onderwerp author authors writer writers autor autoren autores auteur auteurs autore signataire ' +
    'signataires profile thread threads forum forums fotostrecke bildergalerie galleries gallery galerie ' +
    'galleria galeria fotogaleria fotogallery foto fotos photos pictures bilder slideshow ' +
    'portfolio album diaporama video videos category categories kategorie categoria categorie',
);
/**
 * What a site page's address scores: less than any metadata and prose add up to, so that a policy
 * or "about us" page is never a story, even where the CMS calls every page an article.
 */
const SITE_PAGE_SCORE = -5;

export interface DetectionSignals {
  jsonLd: JsonObject[];
  heading: Element | null;
}

export function detectArticle(doc: Document, signals: DetectionSignals, url = ''): boolean {
  const types = new Set(signals.jsonLd.flatMap(typesOf));
  const article = signals.jsonLd.find(isArticleNode);
  const articleNode = !!article;
  // A review article may describe a Product; without an article node, a Product page is a shop.
  if (!articleNode && [...types].some((t) => VETO_TYPES.has(t))) return false;
  if (types.has('discussionforumposting') || types.has('recipe')) return false;
  // A wiki's pages are reference entries, not stories: MediaWiki names itself in every page's generator tag.
  if (
    ERROR_PAGE_RE.test(`${doc.title} ${textOf(signals.heading)}`) ||
    WIKI_GENERATOR_RE.test(metaContent(doc, ['generator']) ?? '')
  )
    return false;
  const ogType = lower(metaContent(doc, ['og:type']));
  if (NOT_STORY_OG_TYPE_RE.test(ogType) && !articleNode) return false;

  const listed = [...types].some((t) => LIST_TYPES.has(t));
  let score = 0;
  if (articleNode) score += 2;
  // The page's own type, before OpenGraph's: Yoast calls category and tag archives "article" there.
  else if (types.has('collectionpage')) score -= 2;
  else if (ogType === 'article' || metaContent(doc, ['article:published_time'])) score += 2;
  else if (listed) score -= 1;

  score += urlScore(url);
  if (!signals.heading) score -= 1;
  // The page's prose can add at most MAX_PROSE_SCORE: when even that cannot make an article,
  // the page is not one, and its paragraphs are never read.
  if (score + MAX_PROSE_SCORE < ARTICLE_SCORE) return false;
  // Nor are they read when the page says it is a story three ways: an article node, a story's address
  // and a main heading. Its prose could then only count against it, which is for pages of teasers,
  // galleries and tickers: they declare themselves so (LIST_TYPES), or sit at a listing's address,
  // far more often than at a story's. (It saves about a tenth of an article's extraction time.)
  if (articleNode && score > ARTICLE_SCORE && !listed) return true;
  const prose = measureProse(doc, signals.heading);
  // A story whose text is not in <p> elements (divs and line breaks) may still declare it in JSON-LD.
  prose.chars = Math.max(prose.chars, (article && stringProp(article, 'articleBody')?.length) || 0);
  if (prose.chars >= 3000) score += 3;
  else if (prose.chars >= 1500) score += 2;
  else if (prose.chars >= 500) score += 1;
  // Little prose counts against a page, unless it has almost no paragraphs at all: pages that keep
  // their text out of <p> elements (in divs, or rendered by script) say nothing here. An article node
  // limits it to a point: Reuters keeps its text in divs, and its only paragraphs are a credit line and
  // perhaps a teaser's summary, which say nothing of the story either.
  else if (prose.paragraphs >= 3) score -= prose.chars < 150 && !articleNode ? 2 : 1;
  // A heading link for every sentence of the block: a list of teasers with their summaries (when
  // no article node says otherwise: a story whose text is not in <p> may have only a related list's).
  if (prose.teasers >= 4) score -= prose.teasers >= prose.sentences && !articleNode ? 4 : 2;
  // Three whole stories or more, each under its own linked title, are a blog's front page or archive.
  if (prose.stories > 2) score -= 3;
  // Photo galleries: many captioned pictures, little prose.
  if (prose.captions >= 6 && prose.paragraphs >= 3 && prose.chars < 1000) score -= 2;
  // A live ticker of one-line events is not a story, even when typed as a live blog.
  if (types.has('liveblogposting') && prose.chars < 500) score -= 1;
  // A video and its caption: JSON-LD describes a video and no article, and the page says little
  // (whatever its og:type and address say: "/news/av/world-68765432" is a story's shape).
  if (!articleNode && types.has('videoobject') && prose.chars < 500) score -= 2;
  if (prose.linkDensity > 0.5) score -= 1;
  return score >= ARTICLE_SCORE;
}

/** Story URLs carry a date, a long slug or a long id; section and utility pages do not. */
export function urlScore(url: string | URL): number {
  let path: string;
  let search: string;
  try {
    ({ pathname: path, search } = typeof url === 'string' ? new URL(url) : url);
  } catch {
    return 0;
  }
  // A URL's path is ASCII (the parser percent-encodes the rest), so lower case is the regular expression's `i`.
  const parts = lower(path).split('/');
  if (parts.some((s) => SITE_PAGE_SEGMENTS.has(s))) return SITE_PAGE_SCORE;
  if (parts.some((s) => LISTING_SEGMENTS.has(s)) || SEARCH_QUERY_RE.test(search)) return -2;
  const segments = parts.filter(Boolean);
  if (segments.length === 0) return -2;
  if (LONG_ID_RE.test(segments.at(-1) ?? '')) return 1;
  // A date with no words after it ("/2025/03/", "/blog/2025/03/14/") is a month's or a day's archive.
  const storyAt = path.search(STORY_URL_RE);
  if (storyAt >= 0) return LETTER_RE.test(path.slice(storyAt)) ? 1 : -2;
  // "/politics", "/sport/fussball/": a short path of plain words (not "/storypage.php?id=166607",
  // a script that takes the story's id).
  return segments.length <= 2 && !DIGIT_RE.test(path) && !LONG_ID_RE.test(search) ? -1 : 0;
}

/**
 * A date ("/2025/08/13/", "/2025-aug-", "20250813"), a UUID, or a long slug (four words in one
 * part): one expression where there were three and a split by an expression per path segment,
 * which V8 runs by building a new expression each time; this runs for every related link. (A
 * long id is looked for in the last part alone: "\d{5,}[^/]*$" here would backtrack for seconds
 * over a path of digits.)
 */
const STORY_URL_RE =
  /(?:^|\/)(?:19|20)\d{2}[/-]?(?:0?[1-9]|1[0-2]|[a-z]{3})(?:[/-]|$)|(?:19|20)\d{6}|[0-9a-f]{8}-[0-9a-f]{4}|[-_][^/]*[-_][^/]*[-_]/i;

/** Titles of error pages in the languages we support. */
const ERROR_PAGE_RE =
  /\b(?:404|not found|nicht gefunden|page (?:introuvable|non trouvée)|p[aá]gina (?:no encontrada|non trovata|não encontrada|niet gevonden))\b/i;

interface Prose {
  /** Non-link text of the main block's sentence-length paragraphs. */
  chars: number;
  /** Share of the main block's paragraph text that is link text. */
  linkDensity: number;
  /** Headings in the main block that are links: the shape of a list of teasers. */
  teasers: number;
  /** Frames of blocks of prose that hold a linked heading: several whole stories on one page. */
  stories: number;
  /** Sentence-length paragraphs in the main block. */
  sentences: number;
  /** Paragraphs with text on the page (outside banners, navigation and footers). */
  paragraphs: number;
  /**
   * Captioned pictures on the page: a gallery captions each of its photos, while the pictures of
   * teasers (a rail of other stories beside a short story) have none.
   */
  captions: number;
}

/**
 * Whether `up`, around a paragraph's wrapper, is one more: at most two children, no picture, next to no
 * text of its own: a teaser's title or a photo keeps the teaser's summary or the photo's caption in its
 * own frame.
 */
const wraps = (up: Element, length: number): boolean =>
  fewChildren(up) && !byTag(up, 'img')[0] && trimmedText(up).length <= length + MAX_WRAPPER_TEXT;

/**
 * Cookie and consent banners, navigation, footers and asides: their paragraphs are not the story's. Class
 * and id fragments from the second letter, case-sensitive ("ookie" finds "cookie" and "Cookie"), as in
 * related.ts: with the `i` flag, Chromium matches them at about twice the cost.
 */
const NOT_CONTENT = '[class*=ookie],[id*=ookie],[class*=onsent],[id*=onsent],nav,footer,aside';

/**
 * Finds the block holding most paragraph text (each paragraph counts for its parent and,
 * half, for its grandparent, as Readability does) and measures it. Not Readability's three
 * levels more: they join the summaries of a list of teasers (each in its own article, its title
 * in a span) into a story's worth of prose, and a gallery's captions likewise.
 */
function measureProse(doc: Document, heading: Element | null): Prose {
  const paragraphs = byTag(doc, 'p');
  const dense = DENSE_SCRIPT_RE.test(doc.title ?? '') ? 3 : 1;
  const scores = new Map<Element, number>();
  const lengths: { p: Element; text: number; links: number }[] = [];
  // Paragraphs come in runs under one parent: whether it stands in NOT_CONTENT is asked once per run,
  // by one native closest(), which costs less than walking up in script with a cache of ancestors.
  let lastParent: Element | null = null;
  let lastOutside = false;
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i++) {
    const p = paragraphs[i];
    const parent = parentOf(p);
    if (!p || !parent) continue;
    if (parent !== lastParent) lastOutside = !!closestInBody((lastParent = parent), NOT_CONTENT, heading);
    if (lastOutside) continue;
    const raw = textOf(p);
    // Length, not cleaned text: whitespace runs cost a few characters at most, and reading is hot here.
    const length = raw.trim().length;
    const text = length * (dense > 1 ? proseWeight(raw) : 1);
    if (text === 0) continue;
    let links = 0;
    // A paragraph of plain text (most are) holds no link: no collection is made for it.
    const anchors = firstOf(p) ? byTag(p, 'a') : [];
    for (let j = 0; j < anchors.length; j++) links += textOf(anchors[j]).length;
    lengths.push({ p, text, links });
    const own = Math.max(0, text - links);
    // A paragraph alone in wrappers that add no picture and next to no text (each in "div > div > p",
    // the Evening Standard; in "section > div > p" beside a hidden "Article content", Postmedia) counts
    // from the outermost wrapper, so that the block around the wrappers is the story's.
    let box: Element = parent;
    for (let up; !nextOf(firstOf(box)) && (up = parentOf(box)) && wraps(up, length);) box = up;
    scores.set(box, (scores.get(box) ?? 0) + own);
    const grand = parentOf(box);
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + own / 2);
  }
  // forEach, not for…of: an entries iterator makes an array per entry.
  let block = null as Element | null;
  let best = 0;
  scores.forEach((score, el) => {
    if (score > best) {
      best = score;
      block = el;
    }
  });
  // Without a block (no paragraph of its own text), every measure is zero.
  let chars = 0;
  let sentences = 0;
  let text = 0;
  let links = 0;
  for (const entry of lengths) {
    if (!block?.contains(entry.p)) continue;
    text += entry.text;
    links += entry.links;
    if (entry.text - entry.links >= MIN_SENTENCE_CHARS) {
      chars += entry.text - entry.links;
      sentences++;
    }
  }
  // Links in a heading, or a heading in a link: read from the block's headings, not by a query with
  // descendant combinators, which walks up from each of the block's links to the top of the page. A
  // heading's permalink to itself ("#why", as static site generators write them) leads to no other story.
  let teasers = 0;
  for (let level = 2; block && level < 5; level++)
    for (const h of byTag(block, `h${level}`))
      teasers += all(h, 'a:not([href^="#"])').length || +!!h.closest('a');
  // Whole posts one after another (a blog's front page): blocks of prose in frames of their own, each
  // under a linked title. A frame is no block itself (the frame around it holds every post's title),
  // and a story's text in parts has its parts in one frame, or two. The first frames only: a page of
  // posts shows its first posts' titles, and a page nested hundreds of frames deep is not walked once
  // per frame.
  const frames = new Set<Element>();
  scores.forEach(
    (score, el) =>
      score >= MIN_STORY_CHARS && !frames.has(el) && frames.size < 9 && frames.add(parentOf(el) ?? el),
  );
  let stories = 0;
  if (frames.size > 2) frames.forEach((frame) => one(frame, STORY_TITLE) && stories++);
  return {
    chars,
    linkDensity: text ? links / text : 0,
    teasers,
    stories,
    sentences,
    paragraphs: block ? lengths.length : 0,
    captions: block ? byTag(doc, 'figcaption').length : 0,
  };
}

export const DENSE_SCRIPT_RE = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const DENSE_SCRIPT_ALL_RE = new RegExp(DENSE_SCRIPT_RE.source, 'g');

/** Characters of Chinese, Japanese and Korean say about three times as much as Latin ones. */
function proseWeight(text: string): number {
  const dense = text.match(DENSE_SCRIPT_ALL_RE)?.length ?? 0;
  return text.length ? 1 + (2 * dense) / text.length : 1;
}

/** The elements that hold a page's story, when it marks it up. */
export const STORY_CONTAINER = 'article,main,[role=main]';

/**
 * The page's main heading: the only non-empty `<h1>`, or the first one inside the article element;
 * without an `<h1>`, the first `<h2>` or `<h3>` that says what the page's `title` says.
 */
export function mainHeading(doc: Document, title?: string | null): Element | null {
  const h1s = list(byTag(doc, 'h1')).filter((h) => collapseWhitespace(textOf(h)));
  if (h1s.length > 1) return h1s.find((h) => h.closest(STORY_CONTAINER)) ?? h1s[0] ?? null;
  const titled = (h: Element): boolean => !!title && agrees(visibleText(h), title);
  return h1s[0] ?? all(doc, 'h2,h3').slice(0, 20).find(titled) ?? null;
}
