/**
 * Article detection on realistic pages (tests/fixtures/pages/): hand-written HTML modelled on
 * the structure of real news, blog, shop, forum and recipe sites, in several languages.
 *
 * Conventions of the expectations:
 * - `headline` is the story's own headline: no site name, no kicker/dachzeile, no author name.
 * - `publishedAt` is what the page states: a UTC instant `YYYY-MM-DDTHH:MM:SSZ` when both time and
 *   offset are known (an ISO offset, or a zone the page names such as BST, CEST or EDT), otherwise
 *   the calendar day `YYYY-MM-DD` (a time without a zone, or no time at all).
 * - A live blog is an article when it has its own headline and substantial text (summary and
 *   updates of several sentences). A bare ticker (one-line match events, a scoreboard, a list of
 *   live scores) is not, whatever its JSON-LD says.
 * - Privacy policies, about and contact pages are not articles, even with long prose and an h1.
 * - A photo gallery, video page or recipe is not an article even when the CMS calls it one.
 *
 * Comments marked "Tricky" point at pages whose metadata or markup says the opposite of the
 * expectation; these are the cases real sites get wrong.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPage } from '../../utils/extract';
import { parseHtml } from './helpers';

const NOW = Date.UTC(2026, 0, 1);

// A string path (not `new URL`) so it also works under happy-dom's URL global.
const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pages') + sep;

type ArticleKind = 'news' | 'blog' | 'opinion' | 'liveblog';
type OtherKind =
  | 'front'
  | 'section'
  | 'tag'
  | 'author'
  | 'search'
  | 'video'
  | 'gallery'
  | 'ticker'
  | 'forum'
  | 'recipe'
  | 'product'
  | 'static'
  | 'wiki'
  | 'login'
  | 'error';

interface ArticleCase {
  file: string;
  url: string;
  kind: ArticleKind;
  isArticle: true;
  headline: string;
  publishedAt: string;
}

interface OtherCase {
  file: string;
  url: string;
  kind: OtherKind;
  isArticle: false;
}

type PageCase = ArticleCase | OtherCase;

const ARTICLES: ArticleCase[] = [
  {
    // Full JSON-LD @graph (NewsArticle, -04:00 offset), OpenGraph, cookie banner, onward links.
    file: 'article-en-newsarticle-jsonld.html',
    url: 'https://www.example-news.com/world/2025/08/13/alaska-summit-ceasefire-talks-a8f3k2',
    kind: 'news',
    isArticle: true,
    headline: 'Leaders to meet in Anchorage as ceasefire talks stall',
    publishedAt: '2025-08-13T11:58:52Z',
  },
  {
    // Tricky: the <h1> holds a kicker span and the headline span; the headline is the second only.
    file: 'article-de-kicker-jsonld.html',
    url: 'https://www.beispiel-zeitung.de/wirtschaft/tarifstreit-verdi-ruft-zu-warnstreiks-in-fuenf-bundeslaendern-auf-a-7c1e2d9f-4b3a-4e21-9f0d-2c6b8a1e5d44',
    kind: 'news',
    isArticle: true,
    headline: 'Verdi ruft zu Warnstreiks in fünf Bundesländern auf',
    publishedAt: '2025-08-13T12:30:00Z',
  },
  {
    // OpenGraph and article:published_time only, no JSON-LD; body paragraphs in <article>, h1 outside it.
    file: 'article-fr-opengraph-only.html',
    url: 'https://www.journal-exemple.fr/planete/article/2025/08/12/canicule-quarante-departements-en-alerte-secheresse-renforcee_6123456_3244.html',
    kind: 'news',
    isArticle: true,
    headline: 'Canicule : quarante départements placés en alerte sécheresse renforcée',
    publishedAt: '2025-08-12T16:04:11Z',
  },
  {
    // Tricky: the text in divs (Reuters' template), NewsArticle JSON-LD without articleBody; the only
    // paragraphs are a credit line, a sign-off and a newsletter prompt, each under a sentence's length.
    file: 'article-en-div-paragraphs-newsarticle.html',
    url: 'https://www.example-wire.com/world/europe/ferry-strike-halts-channel-crossings-second-day-2025-08-14/',
    kind: 'news',
    isArticle: true,
    headline: 'Ferry strike halts Channel crossings for second day',
    publishedAt: '2025-08-14T10:42:17Z',
  },
  {
    // Tricky: each paragraph alone in a div, in a section of its own beside a hidden "Article content" label
    // (Postmedia's template), and a short slug for an address: read for its wrappers only, the text is one paragraph.
    file: 'article-en-wrapped-paragraphs-short-slug.html',
    url: 'https://www.example-post.ca/news/world/india-strikes-pakistan',
    kind: 'news',
    isArticle: true,
    headline: 'India strikes sites in Pakistan after Kashmir massacre',
    publishedAt: '2025-05-07T13:12:00Z',
  },
  {
    // Tricky: an explainer in sections of their own, each under a heading with a "#" or a named
    // anchor in it, and no metadata that says "article": a page of posts has linked titles too.
    file: 'article-en-sections-anchor-headings.html',
    url: 'https://www.coastal-review.example.co.uk/explainers/how-a-tidal-barrage-works-and-why-so-few-are-built',
    kind: 'news',
    isArticle: true,
    headline: 'How a tidal barrage works, and why so few are built',
    publishedAt: '2025-06-02T06:30:00Z',
  },
  {
    // Tricky: a long post with no metadata at a short address, whose section headings each link to
    // themselves ("#why"): permalinks, not the linked titles of a list of teasers.
    file: 'blog-en-permalink-headings.html',
    url: 'https://toolchain-notes.example/blog/standalone-wasm-binaries',
    kind: 'blog',
    isArticle: true,
    headline: 'Compiling C to standalone WebAssembly',
    publishedAt: '2025-03-14',
  },
  {
    // Tricky: styled components wrap each paragraph in two bare divs (the Evening Standard's template), and
    // the address is a short slug; og:title is a shorter headline than the page's and JSON-LD's.
    file: 'article-en-styled-div-wrappers.html',
    url: 'https://www.example-standard.co.uk/news/politics/blair-ukraine-interview',
    kind: 'news',
    isArticle: true,
    // The shorter social title that starts as the declared headline does (see extract-headline.test.ts).
    headline: 'Tony Blair: Why there has to be compromise in Ukraine',
    publishedAt: '2024-10-24T05:00:00Z',
  },
  {
    // No metadata at all; date line "14/08/2025 - 09:15 CEST" (UTC+2); today's date in the masthead.
    file: 'article-es-no-metadata.html',
    url: 'https://www.diario-ejemplo.es/espana/2025-08-14/el-gobierno-aprueba-el-plan-de-vivienda-joven_4123456/',
    kind: 'news',
    isArticle: true,
    headline: 'El Gobierno aprueba un plan de alquiler para menores de 35 años',
    publishedAt: '2025-08-14T07:15:00Z',
  },
  {
    // Tricky: the text is in a div with line breaks, and the page's few <p> elements are one-liners,
    // which count against it; the NewsArticle's articleBody says there is a story's text.
    file: 'article-en-div-text-articlebody.html',
    url: 'https://markets.example-times.com/markets/stocks/news/psu-bank-shares-gain-capital-support/articleshow/112345678.cms',
    kind: 'news',
    isArticle: true,
    headline: 'PSU bank shares gain as government weighs capital support',
    publishedAt: '2025-08-18T05:12:00Z',
  },
  {
    // No metadata; Italian date line "13 agosto 2025" (also in the URL).
    file: 'article-it-no-metadata.html',
    url: 'https://www.giornale-esempio.it/cronaca/2025/08/13/news/grandinate_trombe_d_aria_allerta_arancione-4123456/',
    kind: 'news',
    isArticle: true,
    headline: "Grandinate e trombe d'aria, allerta arancione in tre regioni del Nord",
    publishedAt: '2025-08-13',
  },
  {
    // No metadata, no date in the URL; Dutch date line "12 augustus 2025, 18:04" without a zone.
    file: 'article-nl-no-metadata.html',
    url: 'https://www.krant-voorbeeld.nl/binnenland/gemeenteraad-stemt-in-met-autoluwe-binnenstad~b8c1d2e3/',
    kind: 'news',
    isArticle: true,
    headline: 'Gemeenteraad stemt in met autoluwe binnenstad vanaf 2027',
    publishedAt: '2025-08-12',
  },
  {
    // No metadata, no date in the URL; Portuguese date line "15 de agosto de 2025, 10:42".
    file: 'article-pt-no-metadata.html',
    url: 'https://www.jornal-exemplo.pt/sociedade/noticia/incendio-na-serra-da-estrela-obriga-a-evacuar-tres-aldeias-2123456',
    kind: 'news',
    isArticle: true,
    headline: 'Incêndio na Serra da Estrela obriga a evacuar três aldeias',
    publishedAt: '2025-08-15',
  },
  {
    // Tricky: a two-paragraph brief among a dozen teaser pictures (the header's ticker, a rail of
    // local stories), none captioned: not a photo gallery.
    file: 'article-en-brief-photo-rail.html',
    url: 'https://www.example-sun.com/maryland/howard/cng-ho-permits-public-hearing-20250817-story.html',
    kind: 'news',
    isArticle: true,
    headline: 'Howard County to host public hearing next month on historic district permits',
    publishedAt: '2025-08-17T14:05:00Z',
  },
  {
    // Tricky: an older Yoast graph of WebSite, WebPage and BreadcrumbList (no Article node), no
    // OpenGraph; the story is told by its dated URL, its heading and six paragraphs.
    file: 'article-en-wordpress-website-graph.html',
    url: 'https://www.harare-example.net/2025/03/23/doctors-threaten-to-down-tools-over-shortage-of-protective-equipment/',
    kind: 'news',
    isArticle: true,
    headline: 'Doctors threaten to down tools over shortage of protective equipment',
    publishedAt: '2025-03-23T08:15:42Z',
  },
  {
    // Hugo blog: BlogPosting with a day-only datePublished, no og:type.
    file: 'blog-en-blogposting.html',
    url: 'https://blog.example.dev/2025/03/why-we-moved-our-queue-back-to-postgres/',
    kind: 'blog',
    isArticle: true,
    headline: 'Why we moved our job queue back to Postgres',
    publishedAt: '2025-03-04',
  },
  {
    // WordPress + Yoast @graph (Article, WebPage, BreadcrumbList, WebSite, Person), comments, widgets.
    file: 'blog-de-wordpress-yoast.html',
    url: 'https://www.beispiel-blog.de/2025/07/29/balkonkraftwerk-erfahrungen-nach-einem-jahr/',
    kind: 'blog',
    isArticle: true,
    headline: 'Balkonkraftwerk: Meine Erfahrungen nach einem Jahr',
    publishedAt: '2025-07-29T08:12:44Z',
  },
  {
    // OpinionNewsArticle; <title> and og:title carry the columnist's name after the headline.
    file: 'opinion-en-column.html',
    url: 'https://www.example-news.com/commentisfree/2025/aug/10/four-day-week-councils-trial',
    kind: 'opinion',
    isArticle: true,
    headline: 'The four-day week worked for councils. Now let them keep it',
    publishedAt: '2025-08-10T06:00:00Z',
  },
  {
    // LiveBlogPosting with a headline, key points and multi-sentence updates: an article.
    file: 'liveblog-en-substantial.html',
    url: 'https://www.example-news.com/world/live/2025/aug/15/anchorage-summit-live-updates',
    kind: 'liveblog',
    isArticle: true,
    headline: 'Anchorage summit live: leaders arrive for talks as protesters gather outside base',
    publishedAt: '2025-08-15T14:05:00Z',
  },
  {
    // Tricky: no metadata; <main> also holds 14 short comments, a sponsored "Around the Web" widget and
    // rails of <p><a>…</a></p> links, so just over half of main's paragraph text is link text. Date line "6:42 p.m. EDT Aug. 9, 2025".
    file: 'article-en-links-heavy-comments.html',
    url: 'https://www.example-courier.com/news/local/2025/08/09/river-trail-bridge-reopens-after-repairs/',
    kind: 'news',
    isArticle: true,
    headline: 'Riverside trail bridge reopens after 14 months of repairs',
    publishedAt: '2025-08-09T22:42:00Z',
  },
  {
    // AMP page: <html ⚡>, amp-img, amp-ad, amp-consent, NewsArticle JSON-LD.
    file: 'article-en-amp.html',
    url: 'https://www.example-news.com/amp/business/2025/08/12/chipmaker-quarterly-results.html',
    kind: 'news',
    isArticle: true,
    headline: "Chipmaker's quarterly profit doubles on data-centre demand",
    publishedAt: '2025-08-12T21:15:00Z',
  },
  {
    // Tricky: no metadata; the h1 sits in a hero <header> outside both <main> and <article>;
    // French date line "publié le 28 juillet 2025 à 19h30".
    file: 'article-fr-h1-outside-article.html',
    url: 'https://www.journal-exemple.fr/culture/scenes/festival-d-avignon-une-edition-record-malgre-la-chaleur-20250728_KX7Q2LZ4/',
    kind: 'news',
    isArticle: true,
    headline: 'Festival d’Avignon : une édition record malgré la chaleur',
    publishedAt: '2025-07-28',
  },
  {
    // Tricky: two h1s (site logo first, story second), no <article>/<main>, og:title but no og:type;
    // date line "Aug 11, 2025 5:15 PM CDT".
    file: 'article-en-two-h1.html',
    url: 'https://www.example-tribune.com/news/education/school-board-approves-later-start-times-20250811.html',
    kind: 'news',
    isArticle: true,
    headline: 'School board approves later start times for high schools',
    publishedAt: '2025-08-11T22:15:00Z',
  },
  {
    // NewsArticle JSON-LD with a -03:00 offset; visible "14.ago.2025 às 19h03".
    file: 'article-ptbr-newsarticle-jsonld.html',
    url: 'https://www1.folha-exemplo.com.br/mercado/2025/08/banco-central-mantem-juros-pela-terceira-reuniao-seguida.shtml',
    kind: 'news',
    isArticle: true,
    headline: 'Banco Central mantém juros pela terceira reunião seguida',
    publishedAt: '2025-08-14T22:03:00Z',
  },
];

const NOT_ARTICLES: OtherCase[] = [
  // NewsMediaOrganization + WebSite JSON-LD; visually hidden h1 over a <main> full of teaser standfirsts.
  {
    file: 'front-en-newsmediaorg.html',
    url: 'https://www.example-news.com/',
    kind: 'front',
    isArticle: false,
  },
  // Tricky: the lead teaser carries the page's only <h1> and a ~670-character summary paragraph.
  {
    file: 'front-de-lead-teaser-h1.html',
    url: 'https://www.beispiel-zeitung.de/',
    kind: 'front',
    isArticle: false,
  },
  // Tricky: an ItemList whose items are full NewsArticle nodes describes the teasers.
  {
    file: 'front-fr-itemlist-newsarticle.html',
    url: 'https://www.journal-exemple.fr/',
    kind: 'front',
    isArticle: false,
  },
  // Tricky: a blog's page of whole posts, each under its linked title (an old WordPress theme, no
  // metadata): the first post is as long as a story, and the only h1 is the site's name.
  {
    file: 'front-en-blog-fullposts.html',
    url: 'https://www.longshore-notes.example.com/blog/',
    kind: 'front',
    isArticle: false,
  },
  // Tricky: the same with <article> elements and og:type "article", set once for the whole site.
  {
    file: 'front-es-blog-ogtype-article.html',
    url: 'https://www.cuadernodelrio.example.es/bitacora/',
    kind: 'front',
    isArticle: false,
  },
  // Tricky: no JSON-LD; the only h1 is the image-only logo; a long consent-dialog paragraph in <body>.
  {
    file: 'front-es-logo-h1.html',
    url: 'https://www.diario-ejemplo.es/',
    kind: 'front',
    isArticle: false,
  },
  {
    file: 'section-en-collectionpage.html',
    url: 'https://www.example-news.com/politics',
    kind: 'section',
    isArticle: false,
  },
  // Tricky: the CMS sets og:type "article" on the section front.
  {
    file: 'section-de-fussball-ogtype-article.html',
    url: 'https://www.beispiel-zeitung.de/sport/fussball/',
    kind: 'section',
    isArticle: false,
  },
  // Tricky: og:type "article" on a section front whose 22 teasers each have a summary of
  // sentence length outside their links (the prose of a story, by length alone).
  {
    file: 'section-en-local-ogtype-article.html',
    url: 'https://www.example-courier.com/news/local/',
    kind: 'section',
    isArticle: false,
  },
  // No metadata at all: h1 "Cronaca" over teasers with summary paragraphs.
  {
    file: 'section-it-cronaca-no-metadata.html',
    url: 'https://www.giornale-esempio.it/cronaca/',
    kind: 'section',
    isArticle: false,
  },
  // Tricky: og:type "article" plus article:modified_time on a section front.
  {
    file: 'section-nl-economie-ogtype-article.html',
    url: 'https://www.krant-voorbeeld.nl/economie/',
    kind: 'section',
    isArticle: false,
  },
  // Topic page with a description paragraph and date-grouped teasers.
  {
    file: 'tag-en-topic.html',
    url: 'https://www.example-news.com/environment/climate-crisis',
    kind: 'tag',
    isArticle: false,
  },
  {
    file: 'tag-pt-tema.html',
    url: 'https://www.jornal-exemplo.pt/tema/incendios-florestais',
    kind: 'tag',
    isArticle: false,
  },
  // ProfilePage JSON-LD, og:type profile.
  {
    file: 'author-en-profilepage.html',
    url: 'https://www.example-news.com/profile/daniel-reyes',
    kind: 'author',
    isArticle: false,
  },
  // Tricky: no JSON-LD, og:type website, an h1 name over a ~800-character biography in <p>s.
  {
    file: 'author-fr-signataire-long-bio.html',
    url: 'https://www.journal-exemple.fr/signataires/claire-martin/',
    kind: 'author',
    isArticle: false,
  },
  // SearchResultsPage JSON-LD, result snippets in <p>s.
  {
    file: 'search-en-results.html',
    url: 'https://www.example-news.com/search?q=anchorage+summit',
    kind: 'search',
    isArticle: false,
  },
  // No JSON-LD; h1 "Suchergebnisse für …" over teasers with summaries.
  {
    file: 'search-de-suche.html',
    url: 'https://www.beispiel-zeitung.de/suche/?q=Warnstreik',
    kind: 'search',
    isArticle: false,
  },
  // og:type video.other, VideoObject, one-sentence description, "More videos" grid.
  {
    file: 'video-en-videoobject.html',
    url: 'https://www.example-news.com/us-news/video/2025/aug/14/waterspout-filmed-off-florida-keys-video',
    kind: 'video',
    isArticle: false,
  },
  // VideoObject JSON-LD, no og:type, a player and one sentence.
  // Tricky: NewsArticle, og:type "article" and a dated URL, for a player and one sentence.
  {
    file: 'video-de-ogtype-article.html',
    url: 'https://www.beispiel-zeitung.de/video/politik/2025/08/14/kanzler-besucht-flutgebiet-in-sachsen-video',
    kind: 'video',
    isArticle: false,
  },
  // Tricky: og:type "article", article:published_time and a story's address ("/news/av/…-68765432"), for
  // a player, a two-sentence caption and a VideoObject.
  {
    file: 'video-en-av-ogtype-article.html',
    url: 'https://www.example-broadcaster.co.uk/news/av/world-us-canada-68765432',
    kind: 'video',
    isArticle: false,
  },
  {
    file: 'video-es-player.html',
    url: 'https://www.diario-ejemplo.es/videos/espana/20250814/incendio-ourense-imagenes-dron-v3456789.html',
    kind: 'video',
    isArticle: false,
  },
  // ImageGallery JSON-LD, twelve figures with one-line captions.
  {
    file: 'gallery-de-imagegallery.html',
    url: 'https://www.beispiel-zeitung.de/panorama/bilder-der-woche-fotostrecke-a-9d8e7f6a',
    kind: 'gallery',
    isArticle: false,
  },
  // Tricky: og:type "article" on a section page whose teasers are divs, each with its title in a span inside
  // the link and its summary a paragraph alone in a div: lifted out of their teasers, the summaries are one text.
  {
    file: 'section-es-teaser-div-span-titles.html',
    url: 'https://www.example-diario.es/madrid/',
    kind: 'section',
    isArticle: false,
  },
  // Tricky: og:type "article", a publication time and an address with an id on a slideshow of 12 photos, each
  // slide a picture and a caption that is a paragraph alone in a div: lifted out of the slides, one text.
  {
    file: 'gallery-de-div-slides.html',
    url: 'https://www.example-rundschau.de/panorama/unwetter-in-bayern-die-bilder-des-tages-93284751.html',
    kind: 'gallery',
    isArticle: false,
  },
  // Tricky: og:type "article" on a section page whose teasers each stand in an article of their own,
  // the title in a span inside the link and the summary in a paragraph: no heading links to count.
  {
    file: 'section-en-teaser-span-titles.html',
    url: 'https://www.example-courier.co.uk/local-news/',
    kind: 'section',
    isArticle: false,
  },
  // Tricky: og:type "article", a publication time and a story's address on a gallery of 14 photos whose
  // captions are sentences in <p> elements (the header's kicker, date and count are paragraphs too).
  {
    file: 'gallery-en-caption-paragraphs.html',
    url: 'https://www.example-times.com/world/2025/aug/14/monsoon-floods-sweep-northern-india-in-pictures',
    kind: 'gallery',
    isArticle: false,
  },
  // Tricky: og:type "article" and article:published_time on a gallery of 18 captioned photos.
  {
    file: 'gallery-it-ogtype-article.html',
    url: 'https://www.giornale-esempio.it/foto/cronaca/2025/08/15/ferragosto_spiagge_prese_d_assalto_le_immagini-4123999/',
    kind: 'gallery',
    isArticle: false,
  },
  // Tricky: LiveBlogPosting JSON-LD, but only one-line minute-by-minute match events and a scoreboard.
  {
    file: 'liveticker-de-bundesliga-bare.html',
    url: 'https://www.beispiel-zeitung.de/sport/fussball/bundesliga/liveticker/fc-beispielstadt-gegen-sv-musterhausen-1234567.html',
    kind: 'ticker',
    isArticle: false,
  },
  // Live scores tables, ItemList of SportsEvent.
  {
    file: 'liveticker-en-scores.html',
    url: 'https://www.example-news.com/football/live',
    kind: 'ticker',
    isArticle: false,
  },
  // Tricky: Discourse crawler view with DiscussionForumPosting JSON-LD and article:published_time.
  {
    file: 'forum-en-discourse-thread.html',
    url: 'https://forum.example-news.com/t/is-the-new-tram-line-worth-the-disruption/48213',
    kind: 'forum',
    isArticle: false,
  },
  // No JSON-LD; XenForo thread: h1 thread title, no <main>, nine posts as <article class="message"> with <p>s.
  {
    file: 'forum-de-xenforo-thread.html',
    url: 'https://www.beispiel-forum.de/threads/waermepumpe-im-altbau-mit-alten-heizkoerpern-erfahrungen.98231/',
    kind: 'forum',
    isArticle: false,
  },
  // Tricky: Recipe JSON-LD, but WordPress sets og:type "article" and article:published_time.
  {
    file: 'recipe-it-ogtype-article.html',
    url: 'https://www.cucina-esempio.it/ricette/risotto-alla-zucca-e-rosmarino/',
    kind: 'recipe',
    isArticle: false,
  },
  {
    file: 'recipe-en-reviews.html',
    url: 'https://www.example-recipes.com/recipe/12345/one-pan-lemon-chicken-orzo/',
    kind: 'recipe',
    isArticle: false,
  },
  {
    file: 'product-en-shop.html',
    url: 'https://shop.example-news.com/products/cryptic-crossword-book-volume-3',
    kind: 'product',
    isArticle: false,
  },
  {
    file: 'product-nl-webshop.html',
    url: 'https://www.winkel-voorbeeld.nl/nl/p/stille-stofzuiger-pro-x2/9300000123456/',
    kind: 'product',
    isArticle: false,
  },
  // Tricky: a WordPress category archive that shows whole posts, og:type "article" (Yoast's, with a
  // CollectionPage in its JSON-LD): one post's text is as long as a story's.
  {
    file: 'category-en-wordpress-fullposts.html',
    url: 'https://www.riverside-policy.example.org/category/housing/',
    kind: 'section',
    isArticle: false,
  },
  // Tricky: the same without an SEO plugin (no OpenGraph, no JSON-LD) at a German category address.
  {
    file: 'category-de-wordpress-fullposts.html',
    url: 'https://www.landtagsnotizen.example.de/kategorie/landespolitik/',
    kind: 'section',
    isArticle: false,
  },
  // Tricky: a blog's archive of a month, whole posts, no metadata, at an address with a date in it.
  {
    file: 'archive-en-wordpress-month.html',
    url: 'https://www.harbourlines.example.com/2025/03/',
    kind: 'section',
    isArticle: false,
  },
  // Tricky: MediaWiki's JSON-LD calls every wiki page an Article; long prose under an h1.
  {
    file: 'wiki-en-mediawiki.html',
    url: 'https://dramawiki.example.org/wiki/Park_Ye-jin',
    kind: 'wiki',
    isArticle: false,
  },
  // Tricky: plain prose under an h1 inside <article>, with a "Last updated" date, og:type website.
  {
    file: 'privacy-en-policy.html',
    url: 'https://www.example-news.com/info/privacy',
    kind: 'static',
    isArticle: false,
  },
  // Tricky: about page, several paragraphs of prose under an h1, og:type website, no date.
  {
    file: 'about-es-quienes-somos.html',
    url: 'https://www.diario-ejemplo.es/quienes-somos/',
    kind: 'static',
    isArticle: false,
  },
  // Tricky: a WordPress page of the site's own, og:type "article" (as Yoast gives every page), long prose.
  {
    file: 'about-en-yoast-ogtype-article.html',
    url: 'https://www.riverside-policy.example.org/about-us/',
    kind: 'static',
    isArticle: false,
  },
  {
    file: 'contact-fr-nous-contacter.html',
    url: 'https://www.journal-exemple.fr/contact/',
    kind: 'static',
    isArticle: false,
  },
  {
    file: 'login-en-signin.html',
    url: 'https://account.example-news.com/signin?returnUrl=https%3A%2F%2Fwww.example-news.com%2Fworld%2F2025%2F08%2F13%2Falaska-summit-ceasefire-talks-a8f3k2',
    kind: 'login',
    isArticle: false,
  },
  {
    file: 'login-ptbr-paywall.html',
    url: 'https://login.folha-exemplo.com.br/login/?done=https%3A%2F%2Fwww1.folha-exemplo.com.br%2Fmercado%2F',
    kind: 'login',
    isArticle: false,
  },
  // The URL of a removed story (with a date in it) answers with a 404 page and popular links.
  {
    file: 'notfound-en-popular.html',
    url: 'https://www.example-news.com/world/2025/08/13/story-that-was-removed-z9y8x7',
    kind: 'error',
    isArticle: false,
  },
  {
    file: 'notfound-it-pagina-non-trovata.html',
    url: 'https://www.giornale-esempio.it/politica/2025/07/02/news/articolo_rimosso-4000000/',
    kind: 'error',
    isArticle: false,
  },
];

const PAGES: PageCase[] = [...ARTICLES, ...NOT_ARTICLES];

function extract(page: PageCase) {
  const doc = parseHtml(readFileSync(PAGES_DIR + page.file, 'utf8'));
  return extractPage(doc, page.url, { now: NOW });
}

describe('article detection on realistic pages', () => {
  it('lists every fixture page exactly once', () => {
    const files = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html'));
    expect(PAGES.map((p) => p.file).sort()).toEqual(files.sort());
  });

  it.each(ARTICLES)('article: $file ($kind)', (page) => {
    const result = extract(page);
    expect({
      isArticle: result.isArticle,
      headline: result.headline,
      publishedAt: result.publishedAt,
    }).toEqual({ isArticle: true, headline: page.headline, publishedAt: page.publishedAt });
  });

  it.each(NOT_ARTICLES)('not an article: $file ($kind)', (page) => {
    expect(extract(page).isArticle).toBe(false);
  });

  it('does not read the paragraphs of a page whose other signals already rule out an article', () => {
    const read = (file: string, url: string): string[] => {
      const doc = parseHtml(readFileSync(PAGES_DIR + file, 'utf8'));
      const tags: string[] = [];
      const byTag = doc.getElementsByTagName.bind(doc);
      doc.getElementsByTagName = ((tag: string) => {
        tags.push(tag);
        return byTag(tag);
      }) as typeof doc.getElementsByTagName;
      expect(extractPage(doc, url, { now: NOW }).isArticle).toBe(false);
      return tags;
    };
    // The site's root, and a CollectionPage at a one-word path: no amount of prose would make a story.
    expect(read('front-en-newsmediaorg.html', 'https://www.example-news.com/')).not.toContain('p');
    expect(read('section-en-collectionpage.html', 'https://www.example-news.com/politics')).not.toContain(
      'p',
    );
    // A category archive: og:type "article", but a CollectionPage at a category's address.
    expect(
      read(
        'category-en-wordpress-fullposts.html',
        'https://www.riverside-policy.example.org/category/housing/',
      ),
    ).not.toContain('p');
    // A page of the site's own, even with og:type "article".
    expect(
      read('about-en-yoast-ogtype-article.html', 'https://www.riverside-policy.example.org/about-us/'),
    ).not.toContain('p');
    // og:type "article" could make a story of it: its prose is measured (and says teasers).
    const fussball = 'https://www.beispiel-zeitung.de/sport/fussball/';
    expect(read('section-de-fussball-ogtype-article.html', fussball)).toContain('p');
  });

  it('summary: precision and recall of isArticle over all pages', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    let trueNegatives = 0;
    const wrong: string[] = [];
    for (const page of PAGES) {
      const detected = extract(page).isArticle;
      if (detected && page.isArticle) truePositives++;
      else if (detected) falsePositives++;
      else if (page.isArticle) falseNegatives++;
      else trueNegatives++;
      if (detected !== page.isArticle) wrong.push(`${page.file} (${page.kind}): detected ${detected}`);
    }
    const precision = truePositives / Math.max(1, truePositives + falsePositives);
    const recall = truePositives / Math.max(1, truePositives + falseNegatives);
    console.log(
      `isArticle over ${PAGES.length} pages: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(TP ${truePositives}, FP ${falsePositives}, FN ${falseNegatives}, TN ${trueNegatives})` +
        (wrong.length ? `\nmisclassified:\n  ${wrong.join('\n  ')}` : ''),
    );
    expect(truePositives + falsePositives + falseNegatives + trueNegatives).toBe(PAGES.length);
  });
});
