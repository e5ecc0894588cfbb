import { extractPage } from '../../utils/extract';
import { parseHtml } from './helpers';

const NOW = Date.UTC(2026, 0, 1);
const URL_ = 'https://news.example/2025/08/13/summit-in-alaska';

function page(head: string, body: string): Document {
  return parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
}

const prose = `<p>${'The talks are expected to focus on a ceasefire and on territory. '.repeat(12)}</p>`;

describe('extraction from standard metadata', () => {
  it('reads JSON-LD NewsArticle inside @graph, preferring the on-page heading that agrees with it', () => {
    const doc = page(
      `<title>Summit set for Alaska | The Example News</title>
       <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
         {"@type":"WebSite","name":"The Example News"},
         {"@type":["NewsArticle"],"headline":"Summit set for Alaska","datePublished":"2025-08-13T07:58:52+02:00","dateModified":"2025-08-14T10:00:00+02:00"}]}</script>`,
      `<article><h1>Summit set for Alaska</h1>${prose}</article>`,
    );
    expect(extractPage(doc, URL_, { now: NOW })).toMatchObject({
      isArticle: true,
      headline: 'Summit set for Alaska',
      publishedAt: '2025-08-13T05:58:52Z',
    });
  });

  it('reads OpenGraph and article:published_time, stripping the site name from the title', () => {
    const doc = page(
      `<meta property="og:type" content="article"><meta property="og:site_name" content="The Example News">
       <meta property="og:title" content="Summit set for Alaska - The Example News">
       <meta property="article:published_time" content="2025-08-13T05:58:52Z">`,
      `<main><p>no heading here</p></main>`,
    );
    expect(extractPage(doc, URL_, { now: NOW })).toMatchObject({
      isArticle: true,
      headline: 'Summit set for Alaska',
      publishedAt: '2025-08-13T05:58:52Z',
    });
  });

  it("takes the page's own date before that of a video or a page node in its JSON-LD, and the article node's before both", () => {
    // Giga: the only JSON-LD node is the embedded video, uploaded two years before the article.
    const ld = (node: object) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`;
    const video =
      '<meta property="og:type" content="article">' +
      ld({ '@type': 'VideoObject', name: 'Chrome tips', uploadDate: '2023-01-16T13:53:35Z' });
    const meta = '<meta property="article:published_time" content="2025-08-13T05:58:52Z">';
    const body = `<article><h1>Summit set for Alaska</h1>${prose}</article>`;
    expect(extractPage(page(video + meta, body), URL_, { now: NOW }).publishedAt).toBe(
      '2025-08-13T05:58:52Z',
    );
    // A story with an embedded video is still a story: the video's node is its only JSON-LD.
    expect(extractPage(page(video, body), URL_, { now: NOW })).toMatchObject({
      isArticle: true,
      publishedAt: '2023-01-16T13:53:35Z',
    });
    const article = ld({
      '@type': 'NewsArticle',
      headline: 'Summit set',
      datePublished: '2025-08-12T22:00:00Z',
    });
    expect(extractPage(page(video + meta + article, body), URL_, { now: NOW }).publishedAt).toBe(
      '2025-08-12T22:00:00Z',
    );
  });

  it('falls back to <time datetime> in the article header, then to the date in the URL', () => {
    const withTime = page(
      '',
      `<article><header><h1>Summit set for Alaska</h1><time datetime="2025-08-13T05:58:52Z">13 Aug</time></header>${prose}</article>`,
    );
    expect(extractPage(withTime, URL_, { now: NOW }).publishedAt).toBe('2025-08-13T05:58:52Z');
    const withUrlOnly = page('', `<article><h1>Summit set for Alaska</h1>${prose}</article>`);
    expect(extractPage(withUrlOnly, URL_, { now: NOW }).publishedAt).toBe('2025-08-13');
  });

  it('reads JSON-LD whatever the case of its script type, and only from JSON-LD scripts', () => {
    const doc = page(
      `<script type="application/json">{"@type":"NewsArticle","headline":"A config blob, not metadata"}</script>
       <script type="Application/LD+JSON">{"@type":"NewsArticle","headline":"Summit set for Alaska","datePublished":"2025-08-13T05:58:52Z"}</script>`,
      `<div>no heading here</div>`,
    );
    expect(extractPage(doc, URL_, { now: NOW })).toMatchObject({
      isArticle: true,
      headline: 'Summit set for Alaska',
      publishedAt: '2025-08-13T05:58:52Z',
    });
    const withCharset = page(
      `<script type="application/ld+json; charset=utf-8">{"@type":"NewsArticle","headline":"Summit set for Alaska"}</script>`,
      `<div>no heading here</div>`,
    );
    expect(extractPage(withCharset, URL_, { now: NOW }).headline).toBe('Summit set for Alaska');
  });

  it('resolves related links against <base> and keeps only http(s) ones', () => {
    // The document's base is the first <base> with an href, not the first <base>.
    const doc = page(
      `<base target="_blank"><base href="https://cdn.news.example/world/"><meta property="og:type" content="article">`,
      `<article><h1>Summit set for Alaska</h1>${prose}</article>
       <aside><h3>Related</h3><ul>
         <li><a href="earlier-story-about-summit">An earlier story about the summit</a></li>
         <li><a href="javascript:alert(1)">A link that runs script code</a></li>
         <li><a href="data:text/html,hi">A link that carries inline data</a></li>
         <li><a href="${URL_}#top">This very page linked again</a></li>
         <li><a href="https://news.example/other">Another story on the same theme</a></li>
         <li><a href="https://news.example/other">Another story on the same theme</a></li>
       </ul></aside>`,
    );
    expect(extractPage(doc, URL_, { now: NOW }).related).toEqual([
      {
        title: 'An earlier story about the summit',
        url: 'https://cdn.news.example/world/earlier-story-about-summit',
        publishedAt: null,
      },
      { title: 'Another story on the same theme', url: 'https://news.example/other', publishedAt: null },
    ]);
  });
});

describe('a date line after the heading that no date markup announces', () => {
  const NO_DATE_URL = 'https://news.example/world/summit-in-alaska';
  const publishedAt = (body: string, url = NO_DATE_URL) =>
    extractPage(page('<meta property="og:type" content="article">', body), url, { now: NOW }).publishedAt;
  // The heading alone in its header; the date only inside the long block that follows.
  const story = (inBody: string) =>
    `<article><header><h1>Summit set for Alaska</h1></header><div class="body">${inBody}${prose}</div></article>`;

  it('reads a facts box in an aside of the article', () => {
    expect(
      publishedAt(story(`<aside class="meta"><span>Posted</span> <span>26.02.2025</span></aside>`)),
    ).toBe('2025-02-26');
  });

  it('leaves out teasers, and yields to a date in the URL', () => {
    expect(
      publishedAt(story(`<div class="teaser"><a href="/x">Earlier talks</a> <span>12.01.2025</span></div>`)),
    ).toBeNull();
    expect(publishedAt(story(`<div><span>12.01.2025</span></div>`), URL_)).toBe('2025-08-13');
  });

  it('does not read <head> as a line beside a heading placed directly in <body>', () => {
    const doc = page(
      '<meta property="og:type" content="article"><script>var built = "05.01.2019";</script>',
      `<h1>Summit set for Alaska</h1>${prose}`,
    );
    expect(extractPage(doc, URL_, { now: NOW }).publishedAt).toBe('2025-08-13');
  });

  it('skips the time of an update for the time of publication', () => {
    expect(publishedAt(story(`<div><span>Last updated: January 14, 2025</span></div>`))).toBeNull();
    expect(
      publishedAt(
        story(`<div><span>Aktualisiert am 14.01.2025</span> · <span>Erschienen am 10.01.2025</span></div>`),
      ),
    ).toBe('2025-01-10');
  });
});

describe('client-side navigation', () => {
  it('reads the meta tags again when a single-page site has rewritten them for the next story', () => {
    const doc = page(
      `<meta property="og:type" content="article"><meta property="og:title" content="Summit set for Alaska">
       <meta property="article:published_time" content="2025-08-13T07:58:52+02:00">`,
      `<article><h1>Summit set for Alaska</h1>${prose}</article>`,
    );
    expect(extractPage(doc, URL_, { now: NOW })).toMatchObject({
      headline: 'Summit set for Alaska',
      publishedAt: '2025-08-13T05:58:52Z',
    });
    // What a single-page news site does on navigation: same document, new head and body.
    doc.querySelector('meta[property="og:title"]')?.setAttribute('content', 'Talks end without a deal');
    doc
      .querySelector('meta[property="article:published_time"]')
      ?.setAttribute('content', '2025-08-16T01:10:00+02:00');
    const h1 = doc.querySelector('h1');
    if (h1) h1.textContent = 'Talks end without a deal';
    const next = 'https://news.example/2025/08/16/talks-end-without-a-deal';
    expect(extractPage(doc, next, { now: NOW })).toMatchObject({
      headline: 'Talks end without a deal',
      publishedAt: '2025-08-15T23:10:00Z',
    });
  });
});

describe('related blocks marked by class or id (no heading)', () => {
  const teasers = (n: string) =>
    `<li><a href="https://news.example/${n}-one">First teaser linked from ${n}</a></li>` +
    `<li><a href="https://news.example/${n}-two">Second teaser linked from ${n}</a></li>`;
  const related = (marked: string) =>
    extractPage(page('', `<article><h1>Summit set for Alaska</h1>${prose}</article>${marked}`), URL_, {
      now: NOW,
    }).related.map((r) => r.url.split('/').pop());

  it.each([
    ['class, any case', `<div class="article__RelatedStories"><ul>${teasers('a')}</ul></div>`, 'a'],
    ['id', `<div id="related-links"><ul>${teasers('b')}</ul></div>`, 'b'],
    ['"more-on" class', `<section class="story-more-on-this"><ul>${teasers('c')}</ul></section>`, 'c'],
  ])('finds a block marked by its %s', (_, marked, key) => {
    expect(related(marked)).toEqual([`${key}-one`, `${key}-two`]);
  });

  it('ignores look-alike marks, a marked page root and body and marked blocks in footers', () => {
    expect(related(`<div class="belated-news"><ul>${teasers('e')}</ul></div>`)).toEqual([]);
    expect(related(`<footer><div class="related"><ul>${teasers('f')}</ul></div></footer>`)).toEqual([]);
    const doc = parseHtml(
      `<html class="related-site"><body class="related-layout"><article><h1>Summit set for Alaska</h1>${prose}</article>` +
        `<ul>${teasers('g')}</ul></body></html>`,
    );
    expect(extractPage(doc, URL_, { now: NOW }).related).toEqual([]);
  });
});

describe('page-wide classes on <body> and <html>', () => {
  // WordPress plugins and site frameworks mark the whole page: "cookies-not-set", "has-comments", …
  const withBody = (bodyClass: string, body: string, htmlClass = '') =>
    parseHtml(`<html class="${htmlClass}"><head></head><body class="${bodyClass}">${body}</body></html>`);
  const relatedList = `<section><h2>Related</h2><ul>
    <li><a href="https://news.example/2025/08/01/earlier-talks">Earlier talks on the summit</a></li>
    <li><a href="https://news.example/2025/08/05/envoys-meet">Envoys meet ahead of the summit</a></li></ul></section>`;

  it('do not hide the prose of a page whose body says "cookies-not-set"', () => {
    const doc = withBody(
      'single-post cookies-not-set',
      `<article><h1>Summit set for Alaska</h1>${prose}</article>`,
    );
    expect(extractPage(doc, URL_, { now: NOW }).isArticle).toBe(true);
  });

  it('do not make every related link a comment or an ad', () => {
    for (const [bodyClass, htmlClass] of [
      ['has-comments newAdvertising', ''],
      ['single', 'flag-unfollowComments-on'],
    ]) {
      const doc = withBody(
        bodyClass ?? '',
        `<article><h1>Summit set for Alaska</h1>${prose}</article>${relatedList}`,
        htmlClass,
      );
      expect(extractPage(doc, URL_, { now: NOW }).related.map((r) => r.title)).toEqual([
        'Earlier talks on the summit',
        'Envoys meet ahead of the summit',
      ]);
    }
  });

  it("do not make the article's own time a teaser's", () => {
    const doc = withBody(
      'has-related-posts',
      `<article><h1>Summit set for Alaska</h1><time datetime="2025-08-13T05:58:52Z">13 Aug</time>${prose}</article>`,
    );
    const url = 'https://news.example/world/summit-in-alaska';
    expect(extractPage(doc, url, { now: NOW, extractNonArticles: true }).publishedAt).toBe(
      '2025-08-13T05:58:52Z',
    );
  });
});

describe('class fragments, in either case', () => {
  // Matched case-sensitively from the second letter ("ookie", "omment"), which finds "cookie" and "Cookie".
  it('leave a capitalised cookie banner out of the prose', () => {
    const banner = `<div class="CookieBanner">${prose.repeat(5)}</div>`;
    const doc = page('<meta property="og:type" content="article">', `<h1>World</h1>${banner}`);
    expect(extractPage(doc, 'https://news.example/world', { now: NOW }).isArticle).toBe(false);
  });

  it('leave a capitalised comment list out of a related block', () => {
    const doc = page(
      '',
      `<article><h1>Summit set for Alaska</h1>${prose}</article><section><h2>Related</h2><ul>
      <li><a href="https://news.example/2025/08/01/earlier-talks">Earlier talks on the summit</a></li></ul>
      <div class="CommentList"><a href="https://news.example/2025/08/02/reader-post">A reader's long comment thread</a></div>
      </section>`,
    );
    expect(extractPage(doc, URL_, { now: NOW }).related.map((r) => r.title)).toEqual([
      'Earlier talks on the summit',
    ]);
  });
});

describe('paragraphs wrapped one by one', () => {
  // Each paragraph in its own div (the Evening Standard's markup): the frame around the wrappers decides.
  const wrapped = (n: number) => `<div>${prose}</div>`.repeat(n);
  const at = (body: string): boolean => {
    const doc = page('<meta property="og:type" content="article">', `<h1>World</h1>${body}`);
    return extractPage(doc, 'https://news.example/world', { now: NOW }).isArticle;
  };

  it("count as the story's prose", () => {
    expect(at(`<div class="body">${wrapped(5)}</div>`)).toBe(true);
  });

  it("leave a banner's prose out, and an aside's beside them", () => {
    expect(at(`<div class="cookieNotice">${wrapped(5)}</div>`)).toBe(false);
    expect(
      at(`<div class="body"><div><p>Updated hourly.</p></div><aside>${prose.repeat(5)}</aside></div>`),
    ).toBe(false);
  });
});

describe('indentation in the markup', () => {
  const indent = `\n${' '.repeat(300)}`;

  it('does not push a date line past the length read for one', () => {
    const doc = page(
      '<meta property="og:type" content="article">',
      `<article><h1>Summit set for Alaska</h1><div class="byline"><b>26</b>${indent}<b>February 2025</b></div>${prose}</article>`,
    );
    expect(extractPage(doc, 'https://news.example/world/summit-in-alaska', { now: NOW }).publishedAt).toBe(
      '2025-02-26',
    );
    // The indentation inside one text node, around the date and the categories after it.
    const inHeading = page(
      '<meta property="og:type" content="article">',
      `<article><h1>Summit set for Alaska<br><small>${indent}02.02.2025${indent}•${indent}<span>Politics</span>${indent}</small></h1>${prose}</article>`,
    );
    expect(
      extractPage(inHeading, 'https://news.example/world/summit-in-alaska', { now: NOW }).publishedAt,
    ).toBe('2025-02-02');
  });

  it("does not hide a teaser's date, and a date inside its heading is not part of its title", () => {
    const teaser = (slug: string, title: string, date: string) =>
      `<li>${indent}<article>${indent}<a href="https://news.example/${slug}">${indent}<div>${indent}` +
      `<h2><span>${title}</span>${indent}<time>${date}</time></h2></div></a></article></li>`;
    const doc = page(
      '',
      `<article><h1>Summit set for Alaska</h1>${prose}</article><section><h2>More on this story</h2><ul>` +
        teaser('a', 'Earlier talks on the summit', 'JULY 26, 2025') +
        teaser('b', 'Envoys meet ahead of the summit', 'JULY 25, 2025') +
        '</ul></section>',
    );
    expect(extractPage(doc, URL_, { now: NOW }).related).toEqual([
      { title: 'Earlier talks on the summit', url: 'https://news.example/a', publishedAt: '2025-07-26' },
      { title: 'Envoys meet ahead of the summit', url: 'https://news.example/b', publishedAt: '2025-07-25' },
    ]);
  });
});

describe('links to listings in a related block', () => {
  it('keeps the stories and leaves out tags, authors and writers, sections, policies, credits and the home page', () => {
    const links: [string, string][] = [
      ['https://news.example/2025/08/01/earlier-talks', 'Earlier talks on the summit'],
      ['https://news.example/tag/alaska', 'Alaska'],
      ['https://news.example/author/jane-doe', 'Jane Doe'],
      ['https://news.example/writer/ann-marie-van-doe/', 'Ann-Marie van Doe'],
      ['https://news.example/world/middle-east/', 'Middle East'],
      ['https://news.example/info/privacy-policy/', 'Privacy policy'],
      ['https://news.example/', 'The Example News'],
      ['https://news.example/search?q=summit', 'All stories on the summit'],
      ['https://news.example/world/envoys-meet-ahead-of-the-summit', 'Envoys meet ahead'],
      ['https://news.example/thema/summit-delegations/497039969', 'Who sits at the table'],
      ['https://news.example/world/', 'Everything from around the world today'],
      // One word, at a story's address or not, is a section's name or a credit; unless it is Japanese.
      ['https://news.example/news/national/govt-and-politics', 'Govt-and-politics'],
      ['https://social.example/reporter/status/1317807037741436933', 'Screencap/Twitter'],
      ['https://news.example/2025/08/02/shunou-kaidan', '首脳会談の日程が正式に決まる'],
    ];
    const doc = page(
      '',
      `<article><h1>Summit set for Alaska</h1>${prose}</article><section><h2>Related</h2><ul>` +
        links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join('') +
        '</ul></section>',
    );
    expect(extractPage(doc, URL_, { now: NOW }).related.map((r) => r.title)).toEqual([
      'Earlier talks on the summit',
      'Envoys meet ahead',
      'Who sits at the table',
      'Everything from around the world today',
      '首脳会談の日程が正式に決まる',
    ]);
  });
});

describe('related blocks as news sites mark them up', () => {
  // Each title gets its own address, so a block taken by mistake shows in the result.
  const two = (a: string, b: string) =>
    [a, b]
      .map((t) => `<li><a href="https://news.example/2025/08/01/${t.replace(/\W+/g, '-')}">${t}</a></li>`)
      .join('');
  const titles = (body: string) =>
    extractPage(page('', body), URL_, { now: NOW }).related.map((r) => r.title);
  /** The titles read from a "Related" list of these items after a story. */
  const listed = (...items: string[]) =>
    titles(
      `<article><h1>Summit set for Alaska</h1>${prose}</article><div><h2>Related</h2><ul>${items.join('')}</ul></div>`,
    );
  /** The titles of the five-teaser lists below, in their order. */
  const FIVE_TITLES = [
    'Earlier talks on the summit',
    'Envoys meet ahead of the summit',
    'The agenda is set for Monday',
    'Hotels fill up before the talks',
    'A venue is chosen at last',
  ];
  /** One teaser of a related list, its link holding `inner`. */
  const teaser = (slug: string, inner: string) => `<li><a href="/2025/08/${slug}">${inner}</a></li>`;

  it('reads a block captioned by styled text instead of a heading element', () => {
    // Postmedia's "div.more-topic__title" beside a carousel button, Il Giornale's caption inside a
    // wrapper, and a box inside the story's own section (whose other links are not the box's).
    const postmedia = `<article><h1>Summit set for Alaska</h1>${prose}<section class="more-topic"><div class="more-topic__title widget-title h2">Read More</div><button type="button"></button><ol>${two(
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
    )}</ol></section></article>`;
    expect(titles(postmedia)).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
    const wrapped = `<article><h1>Summit set for Alaska</h1>${prose}</article><div class="box"><div class="section-title">
      <div class="section-title__top"></div><div class="section-title__title">Leggi anche</div></div><ul>${two('Earlier talks on the summit', 'Envoys meet ahead of the summit')}</ul></div>`;
    expect(titles(wrapped)).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
    const inSection = `<h1>Summit set for Alaska</h1><section id="content">${prose}<p>Read the <a href="https://news.example/2025/08/01/background-on-anchorage-talks">background on the talks</a> from last week.</p><div class="teaserList"><div class="boxhead">Lesen Sie auch</div><div>${two(
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
    )}</div></div></section>`;
    expect(titles(inSection)).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
  });

  it('reads links that stand right after the heading, with no list around them', () => {
    const links = FIVE_TITLES.slice(0, 2)
      .map((t) => ` <a href="https://news.example/2025/08/01/${t.replace(/\W+/g, '-')}">${t}</a>`)
      .join('');
    const bare = `<article><h1>Summit set for Alaska</h1>${prose}</article><div class="more"><h2>Related</h2>${links}</div>`;
    expect(titles(bare)).toEqual(FIVE_TITLES.slice(0, 2));
  });

  it('reads a block captioned by an ARIA heading', () => {
    // Gothamist: a paragraph marked as a heading for assistive technology, before a row of cards.
    const aria = `<article><h1>Summit set for Alaska</h1>${prose}</article><section><div><p role="heading" aria-level="2">MORE news</p></div><div><ul>${two(
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
    )}</ul></div></section>`;
    expect(titles(aria)).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
    // The same caption with no role is a paragraph like any other.
    expect(titles(aria.replace(' role="heading"', ''))).toEqual([]);
  });

  it('leaves styled "Read more" labels alone when they are links, or when a heading element names a block', () => {
    const label = `<article><h1>Summit set for Alaska</h1>${prose}<ul><li><a href="https://news.example/2025/08/01/one-teaser-story-here"><span class="teaser-title">Read more</span></a></li><li><a href="https://news.example/2025/08/02/another-teaser-story"><span class="teaser-title">Read more</span></a></li></ul></article>`;
    expect(titles(label)).toEqual([]);
    const both = `<article><h1>Summit set for Alaska</h1>${prose}</article><div><div class="widget-title">More on this story</div><ul>${two(
      'A styled block that a heading outranks',
      'Another link of the styled block',
    )}</ul></div><div><h2>Related</h2><ul>${two('Earlier talks on the summit', 'Envoys meet ahead of the summit')}</ul></div>`;
    expect(titles(both)).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
  });

  it('takes the headline link that follows an image link to the same story', () => {
    const teaser = (slug: string, title: string) =>
      `<li><a href="/2025/08/${slug}"><img src="/i.jpg" alt=""></a> <a href="/2025/08/${slug}"><h4>${title}</h4></a></li>`;
    expect(
      listed(
        teaser('01/earlier-talks', 'Earlier talks on the summit'),
        teaser('05/envoys-meet', 'Envoys meet ahead of the summit'),
      ),
    ).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
  });

  it("takes a teaser's longest heading as its title, past a kicker heading and a summary classed a title", () => {
    // Focus and Mitteldeutsche Zeitung put a kicker heading before the headline's, inside the link
    // (a 10-letter kicker alone is too short to be a title, so the item was lost); oe24 classes its
    // summary "…LeadTitle".
    expect(
      listed(
        teaser('01/earlier-talks', '<h3>Gaza-Krieg</h3><h4>Earlier talks on the summit</h4>'),
        teaser('05/envoys-meet', '<h3>Diplomacy</h3><h4>Envoys meet ahead of the summit</h4>'),
        teaser(
          '06/agenda',
          '<span class="itemTitle">The agenda is set</span><span class="itemLeadTitle">Officials say the talks will cover a ceasefire and territory.</span>',
        ),
      ),
    ).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit', 'The agenda is set']);
  });

  it("leaves a teaser's kicker out of its title, and the separator after it", () => {
    // Stern puts the kicker inside the heading, Süddeutsche in the element classed a headline,
    // Bild before a ": " of its own, Tages-Anzeiger with no space before the headline, agrarheute
    // in a "pre-headline" wrapper; a date stays out too.
    expect(
      listed(
        teaser(
          '01/earlier-talks',
          '<h3><span class="teaser__kicker">Diplomacy</span> <span>Earlier talks on the summit</span></h3>',
        ),
        teaser(
          '02/envoys-meet',
          '<span class="teaser-headline"><span class="teaser-overline">Alaska</span><strong>Envoys meet ahead of the summit</strong></span>',
        ),
        teaser(
          '03/agenda',
          '<span class="teaser__title"><span class="teaser__title__kicker">Summit</span>: The agenda is set for Monday</span>',
        ),
        teaser(
          '03/hotels',
          '<div class="Teaser_title"><span class="Teaser_titleheader">Lodging</span><span>Hotels fill up before the talks</span></div>',
        ),
        teaser(
          '04/venue',
          '<div class="pre-headline"><span class="dachzeile">Anchorage</span></div><div>A venue is chosen at last</div><time>Aug 4, 2025</time>',
        ),
      ),
    ).toEqual(FIVE_TITLES);
  });

  it("leaves a teaser's source and byline out of its title", () => {
    // MSN follows the headline with the partner's name, Gamestar with "von" and the author.
    expect(
      listed(
        teaser(
          '01/earlier-talks',
          '<div class="headline-container"><span>Earlier talks on the summit</span><div class="regular-attribution-text attribution">Wire Insider</div></div>',
        ),
        teaser(
          '02/envoys-meet',
          'Envoys meet ahead of the summit <span class="teaser-author">von Ann Smith</span>',
        ),
        teaser('03/agenda', '<span>The agenda is set for Monday</span><p class="byline">By Joe Bloggs</p>'),
      ),
    ).toEqual([
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
      'The agenda is set for Monday',
    ]);
  });

  it('names a teaser that links its address more than once by its headline', () => {
    // Revista Fórum links the columnist's name before the headline, eHow a "Read Article" button,
    // TimesLive a kicker; WP Tavern's first link holds the headline and its summary. A call to read
    // the story around its headline, or a summary after it, does not replace the headline.
    const twice = (slug: string, first: string, second: string) =>
      `<li><a href="/2025/08/${slug}">${first}</a> <a href="/2025/08/${slug}">${second}</a></li>`;
    const summary =
      'Officials from both sides met for three hours on Monday and agreed on an agenda for the talks, the ministry said. A date for the meeting is still open.';
    expect(
      listed(
        twice('01/earlier-talks', 'Renato Rovai', 'Earlier talks on the summit'),
        twice('02/envoys-meet', 'Envoys meet ahead of the summit', 'Read article'),
        twice('03/agenda', `The agenda is set for Monday ${summary}`, 'The agenda is set for Monday'),
        twice(
          '04/hotels',
          'Hotels fill up before the talks',
          'Read this story: Hotels fill up before the talks',
        ),
        twice('05/venue', 'A venue is chosen at last', summary),
      ),
    ).toEqual(FIVE_TITLES);
  });

  it('reads a title cut short on screen from the title attribute that keeps it whole', () => {
    // MSN cuts teaser titles with "…" and keeps them whole in the span's title attribute. A title
    // attribute that says something else (an image's credit, a summary's first line) is not used.
    expect(
      listed(
        teaser(
          '01/earlier-talks',
          '<img src="/i.jpg" title="Photo - Provided by Wire"><span title="Earlier talks on the summit ended without a deal">Earlier talks on the summit…</span>',
        ),
        teaser('02/envoys-meet', '<span title="Envoys meet">Envoys meet ahead of the...</span>'),
      ),
    ).toEqual(['Earlier talks on the summit ended without a deal', 'Envoys meet ahead of the...']);
  });

  it("leaves a teaser's date and relative time out of its title, in a heading or in the link", () => {
    // Deutsche Welle puts "span.date" inside the teaser's heading, UrduPoint "div.date_line" ("5 minutes
    // ago") after its headline; classes that merely contain the letters ("candidate", "update", "times")
    // are not dates.
    expect(
      listed(
        teaser(
          '01/earlier-talks',
          '<h3>Earlier talks on the summit <span class="date">24.07.2025</span></h3>',
        ),
        teaser(
          '02/envoys-meet',
          '<p>Envoys meet ahead of the summit</p><div class="date_line">5 minutes ago</div>',
        ),
        teaser('03/agenda', 'The agenda is set for Monday <span class="teaser__date">Jul 30</span>'),
        teaser('04/hotels', '<span class="teaser-time">12:40</span> Hotels fill up before the talks'),
        teaser('05/venue', '<span class="candidate font-times update">A venue is chosen at last</span>'),
      ),
    ).toEqual(FIVE_TITLES);
  });

  it('takes the title attribute a teaser\'s text holds whole, less the date, kicker, summary or "more"', () => {
    // Motorsport-Magazin's links read "date - series, headline, summary, mehr", WDR's "headline | mehr",
    // each with the headline alone in the title attribute. A short title attribute ("Formel 1") is a
    // label, not a headline; one cut short by a quote in the page's markup ("…for "Game of Thrones"…")
    // is not the headline either.
    const titled = (slug: string, title: string, inner: string) =>
      `<li><a href="/2025/08/${slug}" title="${title}">${inner}</a></li>`;
    expect(
      listed(
        titled(
          '01/earlier-talks',
          'Earlier talks on the summit',
          '<span>24.07.2025 - World</span> <span>Earlier talks on the summit</span> <span>Officials met for three hours on Monday. <span>mehr</span></span>',
        ),
        titled(
          '02/envoys-meet',
          'Envoys meet ahead of the summit ',
          '<span>Envoys meet ahead of the summit </span><span>|</span> <strong>mehr</strong>',
        ),
        titled('03/agenda', 'Monday', 'The agenda is set for Monday'),
        `<li><a href="/2025/08/04/hotels" title="Hotels fill up before the " talks"">Hotels fill up before the "talks"</a></li>`,
      ),
    ).toEqual([
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
      'The agenda is set for Monday',
      'Hotels fill up before the "talks"',
    ]);
  });

  it("leaves out the story's own links when the block around a related heading holds its text", () => {
    // Salon, The Sun: the related heading's section holds the story's text (not its h1), so the
    // links inside its sentences came out as "related" items titled "spider bites". A "Read more:"
    // line is most of its paragraph and stays.
    const sentence = (slug: string, words: string) =>
      `<p>Drivers say the company <a href="https://other.example/2025/07/${slug}">${words}</a> and that it has not answered their complaints since the spring.</p>`;
    const page =
      `<header><h1>Summit set for Alaska</h1></header><section class="main">${prose}` +
      sentence('30/terms-leaked', 'had leaked the terms early') +
      `<p>Read more: <a href="/2025/08/02/envoys-arrive">Envoys arrive in Anchorage for talks</a></p>` +
      sentence('31/cut-rates', 'cut the rates of its drivers') +
      `<div class="box"><h3>Related</h3></div><ul>${two('Earlier talks on the summit', 'Envoys meet ahead of the summit')}</ul></section>`;
    expect(titles(page)).toEqual([
      'Envoys arrive in Anchorage for talks',
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
    ]);
  });

  it("takes a related box inside the story's own section, not the section and the text's links", () => {
    // Salon, Seattle Times, eHow: the section around the "Related" heading is the whole story.
    const inText = `<p>Officials said the <a href="https://news.example/2025/07/30/ceasefire-terms-leaked">terms had leaked</a> a week before the meeting.</p>`;
    const body = `<section class="main"><h1>Summit set for Alaska</h1>${prose}${inText}<div class="box"><h3>Related</h3><ul>${two(
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
    )}</ul></div></section>`;
    expect(titles(body)).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
  });

  it('reads a "Read more" card whose picture link comes before its headline', () => {
    const card = (slug: string, title: string) =>
      `<div><h4>Read more</h4><figure><a href="/2025/08/${slug}"><picture><img src="/i.jpg" alt=""></picture></a></figure>` +
      `<h3><a href="/2025/08/${slug}">${title}</a></h3></div>`;
    expect(
      titles(
        `<article><h1>Summit set for Alaska</h1>${prose}` +
          card('01/earlier-talks', 'Earlier talks on the summit') +
          `<p>${'Officials gave few details of the agenda. '.repeat(4)}</p>` +
          card('05/envoys-meet', 'Envoys meet ahead of the summit') +
          '</article>',
      ),
    ).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
  });

  it('names a card by the label of its empty overlay link, and dates it from its headline link', () => {
    // The Portugal News lays an empty "stretched-link" over each card, named only by aria-label;
    // Bernau Live's picture link, named so, comes before the headline link and the date beside it.
    const overlay = (slug: string, title: string) =>
      `<div class="card"><h3>${title}</h3><p><a href="/news">News</a></p>` +
      `<a href="/2025/08/${slug}" class="stretched-link" aria-label="${title}"></a></div>`;
    const pictured = (slug: string, title: string, date: string) =>
      `<li><a href="/2025/08/${slug}" aria-label="${title}"><img src="/i.jpg" alt=""></a>` +
      `<div><span class="date">${date}</span><a href="/2025/08/${slug}">${title}</a></div></li>`;
    const related = (body: string) =>
      extractPage(
        page(
          '',
          `<article><h1>Summit set for Alaska</h1>${prose}</article><div><h2>Related</h2>${body}</div>`,
        ),
        URL_,
        { now: NOW },
      ).related;
    expect(
      related(
        `<div>${overlay('01/earlier-talks', 'Earlier talks on the summit')}${overlay('02/envoys-meet', 'Envoys meet ahead of the summit')}</div>`,
      ).map((r) => r.title),
    ).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
    expect(
      related(
        `<ul>${pictured('03/agenda', 'The agenda is set for Monday', '30. Juli 2025')}${pictured('04/hotels', 'Hotels fill up before the talks', '29. Juli 2025')}</ul>`,
      ),
    ).toEqual([
      {
        title: 'The agenda is set for Monday',
        url: 'https://news.example/2025/08/03/agenda',
        publishedAt: '2025-07-30',
      },
      {
        title: 'Hotels fill up before the talks',
        url: 'https://news.example/2025/08/04/hotels',
        publishedAt: '2025-07-29',
      },
    ]);
  });

  it("reads the article's own footer, and a wrapper whose class speaks of comments", () => {
    const inFooter = `<main><article><h1>Summit set for Alaska</h1>${prose}<footer><section><h2>More on this story</h2><ul>${two(
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
    )}</ul></section></footer></article></main><footer><h2>More from us</h2><ul>${two('About the newsroom team', 'Our privacy promise to you')}</ul></footer>`;
    expect(titles(inFooter)).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
    const flagged = `<div class="article comments-enabled"><h1>Summit set for Alaska</h1>${prose}<section><h3>Read more:</h3><ul>${two(
      'Earlier talks on the summit',
      'Envoys meet ahead of the summit',
    )}</ul></section><div class="comments"><h3>Related</h3><ul>${two('A reader comment linking out', 'Another reader comment linking')}</ul></div></div>`;
    expect(titles(flagged)).toEqual(['Earlier talks on the summit', 'Envoys meet ahead of the summit']);
  });

  it('leaves out images, documents, ad click trackers and labels, and teasers labelled as paid', () => {
    const links = [
      ['https://cdn.news.example/media/summit-delegates.jpg', 'Summit delegates arrive in Anchorage'],
      ['https://news.example/files/ceasefire-draft-text.pdf', 'The full text of the ceasefire draft'],
      [
        'https://ad.doubleclick.net/ddm/trackclk/N1007508/B33084993',
        'Earn more interest on your savings now',
      ],
      ['https://beap.gemini.yahoo.com/mbclk?bv=1.0.0&es=KM6PMZQ', 'Apply for the green card lottery'],
      // eHow: an AdSense label ("Related Searches") among the related links.
      [
        'https://www.google.com/adsense/support/bin/request.py?contact=abg_afc',
        'Related Searches on this topic',
      ],
      [
        'https://news.example/homes/2025/08/03/new-homes',
        '<span>Sponsored</span>First look at new homes for sale',
      ],
      ['https://news.example/2025/08/04/anzeige', 'Anzeige | Jetzt das Abo zum halben Preis'],
      ['https://news.example/2025/08/05/envoys-meet', 'Envoys meet ahead of the summit'],
      ['https://news.example/2025/08/06/sponsored-walk', 'Sponsored walk for the summit raises funds'],
    ];
    expect(
      titles(
        `<article><h1>Summit set for Alaska</h1>${prose}</article><aside><h2>Related</h2><ul>` +
          links.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join('') +
          '</ul></aside>',
      ),
    ).toEqual(['Envoys meet ahead of the summit', 'Sponsored walk for the summit raises funds']);
  });
});

describe('related headings in the seven languages, and Japanese', () => {
  it.each([
    'More on this story',
    'You might also like',
    'Mehr zum Thema',
    'Ähnliche Artikel',
    'À lire également',
    'Sur le même sujet',
    'También te puede interesar',
    'Noticias relacionadas',
    'Ti potrebbe interessare',
    'Leggi anche',
    'Leia também',
    'Notícias relacionadas',
    'Gerelateerde artikelen',
    'Lees ook',
    '関連記事',
  ])('finds the block under "%s"', (heading) => {
    const doc = page(
      '',
      `<article><h1>Summit set for Alaska</h1>${prose}</article><section><h2>${heading}</h2><ul>` +
        '<li><a href="https://news.example/2025/08/01/earlier-talks">Earlier talks on the summit</a></li></ul></section>',
    );
    expect(extractPage(doc, URL_, { now: NOW }).related.map((r) => r.title)).toEqual([
      'Earlier talks on the summit',
    ]);
  });
});

describe('a story whose text is not in paragraphs', () => {
  it('stays a story beside a related list of summarised teasers when its JSON-LD says it is one', () => {
    const text = 'The talks are expected to focus on a ceasefire and on territory. '.repeat(8);
    const teasers = Array.from(
      { length: 6 },
      (_, i) =>
        `<div class="teaser"><h3><a href="https://news.example/2025/08/0${i + 1}/earlier-talks-${i}">Earlier talks, round ${i + 1}</a></h3>` +
        `<p>Delegations met for a round of talks that ended without an agreement on the main open questions.</p></div>`,
    ).join('');
    const doc = page(
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Summit set for Alaska as talks resume"}</script>',
      `<article><h1>Summit set for Alaska as talks resume</h1><div class="body"><div>${text}</div><div>${text}</div><div>${text}</div></div></article>` +
        `<section><h2>Related</h2>${teasers}</section>`,
    );
    expect(
      extractPage(doc, 'https://news.example/world/summit-set-for-alaska-as-talks-resume', { now: NOW })
        .isArticle,
    ).toBe(true);
  });
});

describe('a page without an <h1>', () => {
  it("takes the <h2> that says the page's title for its heading, and reads the date line beside it", () => {
    const doc = page(
      '<meta property="og:type" content="article"><meta property="og:title" content="Summit set for Alaska">',
      `<div class="site"><h2>Latest news</h2></div><div class="story"><h2>Summit set for Alaska</h2><div class="meta">12.01.2025</div>${prose}</div>`,
    );
    expect(extractPage(doc, 'https://news.example/world/summit-in-alaska', { now: NOW }).publishedAt).toBe(
      '2025-01-12',
    );
  });
});

describe('hostile JSON-LD', () => {
  it('ignores malformed JSON and never touches object prototypes', () => {
    const doc = page(
      `<script type="application/ld+json">{not json</script>
       <script type="application/ld+json">{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},
         "@type":"NewsArticle","headline":"Safe headline","datePublished":"2025-08-13"}</script>`,
      `<h1>Safe headline</h1>${prose}`,
    );
    const result = extractPage(doc, URL_, { now: NOW });
    expect(result).toMatchObject({ isArticle: true, headline: 'Safe headline', publishedAt: '2025-08-13' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('mends what pages commonly break in their JSON-LD: CDATA markers, line breaks in strings, a semicolon, a bracket too many', () => {
    const dated = (json: string) =>
      extractPage(
        page(
          `<script type="application/ld+json">${json}</script>`,
          `<main><article><h1>Summit set for Alaska</h1>${prose}</article></main>`,
        ),
        URL_,
        { now: NOW },
      ).publishedAt;
    const node =
      '{"@type":"NewsArticle","headline":"Summit set for Alaska","datePublished":"2025-08-12T09:30:00Z"';
    expect(dated(`\n//<![CDATA[\n${node}}\n//]]>\n`)).toBe('2025-08-12T09:30:00Z');
    expect(dated(`<![CDATA[[${node}}]]]>`)).toBe('2025-08-12T09:30:00Z');
    expect(dated(node.replace('Alaska"', 'Alaska\n"') + '}')).toBe('2025-08-12T09:30:00Z');
    expect(dated(`${node}};`)).toBe('2025-08-12T09:30:00Z');
    expect(dated(`${node}}\n  }\n`)).toBe('2025-08-12T09:30:00Z');
    // Not guessed at: the URL's day, not the broken node's time.
    expect(dated(`${node}, "author": }`)).toBe('2025-08-13');
  });

  it('survives deeply nested JSON-LD', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const doc = page(`<script type="application/ld+json">${deep}</script>`, `<h1>Heading</h1>${prose}`);
    expect(() => extractPage(doc, URL_, { now: NOW })).not.toThrow();
  });
});
