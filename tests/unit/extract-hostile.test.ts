/**
 * Hostile and broken pages: the extractor runs on every page the user opens, so it must
 * never throw, never hang, never touch object prototypes, and never hand back unsafe or
 * impossible values. Small pages live in tests/fixtures/hostile/; large ones are generated here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPage, type PageExtraction } from '../../utils/extract';
import { parseDocument } from '../../scripts/lib/load-page';
import { parseHtml } from './helpers';

// A string path (not `new URL`) so it also works under happy-dom's URL global.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile') + sep;

const NOW = Date.UTC(2026, 0, 1);
/** The machine clock during these tests: well after NOW, so code that reads the clock instead of `now` shows. */
const MACHINE_CLOCK = Date.UTC(2030, 0, 1);
/** A story URL (long slug) that carries no date. */
const PAGE_URL = 'https://news.example/world/summit-talks-begin-in-geneva.html';
const HEADLINE = 'Summit talks begin in Geneva';

/**
 * Time budgets for one `extractPage` call: about 3x the slowest time measured on the dev
 * machine (2 cores, shared, happy-dom). A guard against pathological slowness, not a benchmark.
 */
const BUDGET_MS = {
  /** Fixture pages and other pages of a few hundred nodes: typically 0.3-10 ms, rarely 20 ms. */
  small: 60,
  /** Few nodes but megabytes of text, hundreds of list items, or deep nesting: up to 150 ms. */
  large: 450,
  /** 100,000 nodes, parsed with linkedom: 0.3-1 s on a busy two-core machine. */
  huge: 3_000,
};
/** Building and parsing a 100,000-node page takes a few seconds (outside the timed call). */
const HUGE_TEST_TIMEOUT_MS = 60_000;

const BIDI_AND_ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/;
const MAX_TITLE_LENGTH = 300;
const MAX_URL_LENGTH = 2048;
const MAX_RELATED = 50;

const NOT_AN_ARTICLE: PageExtraction = {
  isArticle: false,
  canonicalUrl: null,
  headline: null,
  publishedAt: null,
  related: [],
};

const timings: { test: string; ms: number }[] = [];

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: MACHINE_CLOCK });
  // Warm up (JIT, regexes, ICU normalization data) so that no timed test pays for first use.
  for (const name of readdirSync(FIXTURES)) extractPage(fixture(name), PAGE_URL, { now: NOW });
});

afterAll(() => {
  vi.useRealTimers();
  // HOSTILE_TIMINGS=1 npx vitest run tests/unit/extract-hostile.test.ts prints the measured times.
  if (process.env.HOSTILE_TIMINGS) {
    console.log(timings.map((t) => `${t.ms.toFixed(2).padStart(9)} ms  ${t.test}`).join('\n'));
  }
});

function fixture(name: string): Document {
  return parseHtml(readFileSync(FIXTURES + name, 'utf8'));
}

/** Every own property of the built-in prototypes, to spot additions and replacements. */
function prototypeState(): Map<string, unknown> {
  const state = new Map<string, unknown>();
  const prototypes = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };
  for (const [name, proto] of Object.entries(prototypes)) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      state.set(`${name}.${String(key)}`, descriptor?.value ?? descriptor?.get);
    }
  }
  return state;
}

function prototypeChanges(before: Map<string, unknown>): string[] {
  const after = prototypeState();
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => !before.has(k) || !after.has(k) || before.get(k) !== after.get(k));
}

function expectCleanText(text: string, what: string): void {
  expect.soft(text, `${what}: not empty`).not.toBe('');
  expect.soft(text, `${what}: no surrounding whitespace`).toBe(text.trim());
  expect.soft(text, `${what}: no bidi or zero-width characters`).not.toMatch(BIDI_AND_ZERO_WIDTH);
  expect.soft(text, `${what}: no lone surrogates`).not.toMatch(LONE_SURROGATE);
  expect.soft(text.length, `${what}: length`).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
}

function expectSaneDate(value: string | null, what: string): void {
  if (value === null) return;
  const m = DATE_FORMAT.exec(value);
  expect.soft(value, `${what}: format`).toMatch(DATE_FORMAT);
  if (!m) return;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = m.slice(1).map((part) => Number(part ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // A real calendar date and clock time: formatting it back gives the same text.
  const formatted = new Date(ms).toISOString().slice(0, 19) + 'Z';
  expect.soft(formatted.slice(0, value.length), `${what}: ${value} is a real date`).toBe(value);
  expect.soft(ms, `${what}: ${value} is not after now`).toBeLessThanOrEqual(NOW);
}

function expectSafeUrl(url: string, what: string): void {
  expect.soft(url, `${what}: http(s)`).toMatch(/^https?:\/\//);
  expect.soft(url.length, `${what}: length`).toBeLessThanOrEqual(MAX_URL_LENGTH);
}

/**
 * Runs the extractor once, timed, and checks what must hold on every page whatever it holds:
 * no exception, within the budget, prototypes untouched, and only safe, sane values.
 */
function run(doc: Document, options: { url?: string; budgetMs?: number } = {}): PageExtraction {
  const { url = PAGE_URL, budgetMs = BUDGET_MS.small } = options;
  const before = prototypeState();
  const timed = (page: Document): { result: PageExtraction; ms: number } => {
    const start = performance.now();
    const result = extractPage(page, url, { now: NOW });
    return { result, ms: performance.now() - start };
  };
  let first: { result: PageExtraction; ms: number } | undefined;
  expect(() => (first = timed(doc))).not.toThrow();
  if (!first) throw new Error('extractPage returned nothing');
  const { result } = first;
  let { ms } = first;
  if (ms >= budgetMs) {
    // A GC pause or a busy machine can stall one call; a pathological page is slow every time.
    // The second call gets a fresh copy, so none of happy-dom's query caches are warm.
    ms = Math.min(ms, timed(doc.cloneNode(true) as Document).ms);
  }
  timings.push({ test: expect.getState().currentTestName ?? '?', ms });

  expect.soft(ms, 'time in ms').toBeLessThan(budgetMs);
  expect.soft(prototypeChanges(before), 'changed prototype properties').toEqual([]);
  expect.soft(({} as Record<string, unknown>).polluted, '({}).polluted').toBeUndefined();
  expect.soft(Object.getPrototypeOf({}), 'prototype of {}').toBe(Object.prototype);

  const { headline, publishedAt, canonicalUrl, related } = result;
  expect.soft(typeof result.isArticle, 'isArticle').toBe('boolean');
  if (headline !== null) expectCleanText(headline, 'headline');
  expectSaneDate(publishedAt, 'publishedAt');
  if (canonicalUrl !== null) expectSafeUrl(canonicalUrl, 'canonicalUrl');
  expect.soft(related.length, 'related count').toBeLessThanOrEqual(MAX_RELATED);
  for (const [i, item] of related.entries()) {
    expectSafeUrl(item.url, `related[${i}].url`);
    expectCleanText(item.title, `related[${i}].title`);
    expectSaneDate(item.publishedAt, `related[${i}].publishedAt`);
  }
  return result;
}

/** Enough story text for any article detector: eight sentence-length paragraphs. */
const STORY =
  '<p>Delegations from twelve countries met in Geneva for talks on a ceasefire, on the exchange of prisoners and on the reopening of the harbour, which both sides called the hardest question of all.</p>'.repeat(
    8,
  );

/** A small article page; `head`, `header` (next to the <h1>) and `body` are spliced in. */
function articlePage(parts: { head?: string; header?: string; body?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta property="og:type" content="article"><title>${HEADLINE} | Example News</title>${parts.head ?? ''}</head>
    <body><article><header><h1>${HEADLINE}</h1>${parts.header ?? ''}</header>${STORY}</article>${parts.body ?? ''}</body></html>`;
}

/** An article page whose only headline source is og:title. */
function ogTitlePage(title: string): Document {
  return parseHtml(
    `<!doctype html><html lang="en"><head><meta property="og:type" content="article">
    <meta property="og:title" content="${title}"></head><body><main>${STORY}</main></body></html>`,
  );
}

function relatedList(items: string): string {
  return `<aside><h2>Related coverage</h2><ul>${items}</ul></aside>`;
}

function withoutFragment(url: string): string {
  return url.split('#')[0] ?? url;
}

describe('malformed and hostile JSON-LD', () => {
  it.each([
    ['malformed-jsonld.html', 'blocks that are not JSON'],
    ['mistyped-jsonld.html', 'blocks whose values have the wrong types'],
  ])('%s: skips %s and reads the valid NewsArticle', (name) => {
    expect(run(fixture(name))).toMatchObject({
      isArticle: true,
      headline: 'Council approves harbour budget',
      publishedAt: '2025-08-12T07:30:00Z',
    });
  });

  it('never pollutes prototypes through __proto__, constructor or prototype keys (top level, @graph, arrays)', () => {
    const result = run(fixture('proto-keys-jsonld.html'));
    expect(result).toMatchObject({ isArticle: true, headline: HEADLINE });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('does not take prototype member names ("constructor", "toString", ...) for article types', () => {
    expect(run(fixture('proto-types.html')).headline).toBe(HEADLINE);
  });

  const HUGE = 5_000_000;
  it.each([
    {
      name: 'a 5 MB articleBody',
      json: { '@type': 'NewsArticle', headline: HEADLINE, articleBody: 'word '.repeat(HUGE / 5) },
    },
    {
      name: 'a 5 MB headline',
      json: { '@type': 'NewsArticle', headline: `${HEADLINE} `.repeat(Math.ceil(HUGE / HEADLINE.length)) },
    },
    {
      name: '5 MB of small nodes',
      json: [...Array.from({ length: HUGE / 17 }, () => ({ '@type': 'Thing' })), { '@type': 'NewsArticle' }],
    },
    {
      name: 'a 5 MB @graph',
      json: { '@graph': Array.from({ length: HUGE / 30 }, (_, i) => ({ '@type': 'Thing', '@id': `#${i}` })) },
    },
  ])('survives $name in JSON-LD', ({ json }) => {
    const text = JSON.stringify(json);
    expect(text.length).toBeGreaterThanOrEqual(HUGE);
    const doc = parseHtml(articlePage({ head: `<script type="application/ld+json">${text}</script>` }));
    expect(run(doc, { budgetMs: BUDGET_MS.large })).toMatchObject({ isArticle: true, headline: HEADLINE });
  });

  it('reads broken JSON-LD up to its 2 MB budget, each block parsed three times, within the time budget', () => {
    // The most a page can make the mending cost: blocks adding up to MAX_JSONLD_CHARS, each refused whole,
    // mended, refused again and cut.
    const broken = `{"@type":"NewsArticle","headline":"${HEADLINE}","articleBody":"${'word '.repeat(99_000)}"}}}`;
    const head = `<script type="application/ld+json">${broken}</script>`.repeat(4);
    expect(run(parseHtml(articlePage({ head })), { budgetMs: BUDGET_MS.large })).toMatchObject({
      isArticle: true,
      headline: HEADLINE,
    });
  });

  it("reads a live blog's JSON-LD of almost 1 MB, and stops at the block that would pass 2 MB", () => {
    const liveBlog = (date: string, url: string) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@type': 'LiveBlogPosting',
        headline: HEADLINE,
        url,
        datePublished: date,
        liveBlogUpdate: Array.from({ length: 4_000 }, (_, i) => ({
          '@type': 'BlogPosting',
          headline: `Update ${i}: the delegations met again`,
          datePublished: '2025-08-12T18:00:00Z',
          articleBody: 'The delegations met again in the afternoon and agreed to meet once more. '.repeat(2),
        })),
      })}</script>`;
    const page = (head: string) => parseHtml(articlePage({ head }));
    const own = liveBlog('2025-08-12T06:00:00Z', PAGE_URL);
    expect(own.length).toBeGreaterThan(900_000);
    expect(run(page(own), { budgetMs: BUDGET_MS.large }).publishedAt).toBe('2025-08-12T06:00:00Z');
    // Read, the third block would be the page's own (its address is the page's): it is past the budget.
    const other = (date: string) => liveBlog(date, 'https://news.example/world/other-live-blog.html');
    const three = other('2025-08-10T06:00:00Z') + other('2025-08-11T06:00:00Z') + own;
    expect(run(page(three), { budgetMs: BUDGET_MS.large }).publishedAt).toBe('2025-08-10T06:00:00Z');
  });

  const DEPTH = 10_000;
  const article = `{"@type":"NewsArticle","headline":"${HEADLINE}","datePublished":"2025-08-12T06:00:00Z"}`;
  it.each([
    { name: 'arrays', json: '['.repeat(DEPTH) + article + ']'.repeat(DEPTH) },
    { name: 'objects', json: `${article.slice(0, -1)},"x":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}` },
    { name: '@graph nodes', json: '{"@graph":['.repeat(DEPTH) + article + ']}'.repeat(DEPTH) },
    { name: 'mainEntity nodes', json: '{"mainEntity":'.repeat(DEPTH) + article + '}'.repeat(DEPTH) },
    { name: 'arrays and objects', json: '[{"a":'.repeat(DEPTH / 2) + article + '}]'.repeat(DEPTH / 2) },
    { name: 'unclosed arrays', json: '['.repeat(DEPTH * 10) },
  ])('survives JSON-LD nested $name 10,000 deep', ({ json }) => {
    const doc = parseHtml(articlePage({ head: `<script type="application/ld+json">${json}</script>` }));
    expect(run(doc, { budgetMs: BUDGET_MS.large })).toMatchObject({ isArticle: true, headline: HEADLINE });
  });
});

describe('markup and script in titles', () => {
  it('prefers the plain heading over a <title> holding a <script>', () => {
    expect(run(fixture('title-script.html')).headline).toBe('Budget vote delayed');
  });

  it('reads a <title> holding a <script> as the text the tab shows, never half-stripping it', () => {
    // A browser parses <title> as text, so the tab shows the tag literally; happy-dom parses the tag.
    const headline = run(fixture('title-script-only.html')).headline;
    expect(['Budget vote delayed', 'Budget vote delayed<script>alert(1)</script>']).toContain(headline);
  });

  it('leaves the text of <script> and <style> inside the heading out of the headline', () => {
    expect(run(fixture('heading-script.html')).headline).toBe('Budget vote delayed again');
  });

  it.each([
    ['og-title-markup.html', 'Storm hits the coast'],
    ['og-title-markup-with-heading.html', 'Storm hits the coast'],
    ['jsonld-headline-markup.html', 'Storm hits the coast'],
    ['markdown-title.html', 'Breaking: Storm hits the coast'],
  ])('%s: returns the headline as plain text, without tags or Markdown', (name, expected) => {
    const headline = run(fixture(name)).headline;
    expect(headline).toBe(expected);
    expect(headline).not.toMatch(/<|onerror|\*|#/);
  });
});

describe('right-to-left and emoji headlines', () => {
  it.each([
    ['rtl-arabic.html', 'عاجل: البرلمان يقر الميزانية الجديدة'],
    ['rtl-arabic-letter-mark.html', 'عاجل: البرلمان يقر الميزانية الجديدة'],
    ['rtl-hebrew.html', 'הכנסת אישרה את תקציב 2026'],
  ])('%s: removes bidi control characters', (name, expected) => {
    const headline = run(fixture(name)).headline;
    expect(headline).toBe(expected);
    expect(headline).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });

  it('keeps an emoji headline intact', () => {
    expect(run(fixture('emoji.html')).headline).toBe('🎉 Harbour festival returns 👍🏽 🇺🇦 ❤️ 1️⃣');
  });

  it.each([296, 297, 298, 299, 300, 301])(
    'caps a long emoji headline at 300 characters without splitting a surrogate pair (%i letters first)',
    (letters) => {
      const title = 'A'.repeat(letters) + '🎆'.repeat(200);
      const headline = run(ogTitlePage(title)).headline ?? '';
      expect(headline.length).toBeGreaterThan(250);
      expect(headline.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(headline).not.toMatch(LONE_SURROGATE);
      expect(title.startsWith(headline.replace(/…$/, ''))).toBe(true);
    },
  );

  it('caps a headline of flags at a grapheme boundary', () => {
    const title = 'Flags of the summit ' + '🇺🇦🇺🇸🇷🇺'.repeat(40);
    const kept = (run(ogTitlePage(title)).headline ?? '').replace(/…$/, '');
    const boundaries = new Set([...new Intl.Segmenter('en').segment(title)].map((s) => s.index));
    expect(kept.length).toBeGreaterThan(250);
    expect(title.startsWith(kept)).toBe(true);
    expect(boundaries.has(kept.length), `"${kept.slice(-8)}" ends inside a flag`).toBe(true);
  });
});

describe('related links', () => {
  it('drops javascript:, data:, vbscript:, mailto: and every other non-http(s) link', () => {
    expect(run(fixture('dangerous-links.html')).related.map((r) => r.url)).toEqual([
      'https://news.example/world/harbour-reopens-after-the-storm.html',
      'http://archive.news.example/2024/storm-season-in-review.html',
    ]);
  });

  it('ignores a javascript: <base href> and keeps the absolute links', () => {
    const urls = run(fixture('base-javascript.html')).related.map((r) => r.url);
    expect(urls).toContain('https://news.example/world/harbour-reopens-after-the-storm.html');
  });

  it.each([
    [
      'relative-links.html',
      [
        'https://news.example/world/other-story.html',
        'https://news.example/world/dot-slash.html',
        'https://news.example/politics/budget-vote.html',
        'https://news.example/too-far-up.html',
        'https://news.example/sport/final-score.html',
        'https://cdn.example/world/harbour-map.html',
        'https://news.example/world/padded-link.html',
        'https://news.example/world/story%20with%20spaces.html',
        'https://news.example/World/Caps.html',
        'https://news.example/world/port.html',
        'https://xn--bcher-kva.example/neu.html',
      ],
    ],
    [
      'relative-links-base.html',
      [
        'https://archive.example/stories/2024/harbour-history.html',
        'https://archive.example/stories/2023/storm.html',
        'https://archive.example/index/older.html',
        'https://cdn.example/a.html',
        'https://news.example/world/absolute.html',
      ],
    ],
    [
      'relative-links-relative-base.html',
      [
        'https://news.example/archive/2024/harbour-history.html',
        'https://news.example/archive/2023/storm.html',
        'https://news.example/sport/final-score.html',
      ],
    ],
    ['relative-links-dot-base.html', ['https://news.example/archive/story.html']],
    ['relative-links-multiple-base.html', ['https://first.example/a/story.html']],
  ])('%s: resolves every link', (name, expected) => {
    expect(run(fixture(name)).related.map((r) => r.url)).toEqual(expected);
  });

  it.each([PAGE_URL, `${PAGE_URL}#section-2`])(
    'dedupes links and excludes self links (page URL %s)',
    (url) => {
      expect(run(fixture('duplicate-self-links.html'), { url }).related).toEqual([
        {
          title: 'Harbour reopens after the storm',
          url: 'https://news.example/world/harbour-reopens.html',
          publishedAt: null,
        },
        {
          title: 'Storm warning for the coast',
          url: 'https://news.example/world/storm-warning.html',
          publishedAt: null,
        },
        {
          title: 'Fishing ban lifted in the bay',
          url: 'https://news.example/world/fishing-ban.html',
          publishedAt: null,
        },
      ]);
    },
  );

  it('counts links that differ only by #fragment as duplicates', () => {
    const urls = run(fixture('duplicate-fragment-links.html')).related.map((r) => withoutFragment(r.url));
    expect(urls).toEqual([
      'https://news.example/world/harbour-reopens.html',
      'https://news.example/world/fishing-ban.html',
    ]);
  });

  it("excludes a link to the page's own canonical URL", () => {
    const result = run(fixture('canonical-self-link.html'), { url: `${PAGE_URL}?utm_source=feed` });
    expect(result.canonicalUrl).toBe(PAGE_URL);
    expect(result.related.map((r) => r.url)).toEqual(['https://news.example/world/harbour-reopens.html']);
  });

  it('caps a related list of 500 items at the first 50', () => {
    const items = Array.from(
      { length: 500 },
      (_, i) =>
        `<li><a href="/world/story-${i}.html">Related story number ${i}</a> <time datetime="2025-07-${String((i % 28) + 1).padStart(2, '0')}">July</time></li>`,
    ).join('');
    const related = run(parseHtml(articlePage({ body: relatedList(items) })), {
      budgetMs: BUDGET_MS.large,
    }).related;
    expect(related.map((r) => r.url)).toEqual(
      Array.from({ length: MAX_RELATED }, (_, i) => `https://news.example/world/story-${i}.html`),
    );
  });

  it('reads related links whose addresses are built to make a regular expression backtrack', () => {
    const paths = [
      '1'.repeat(1990),
      `a-${'b'.repeat(990)}-${'c'.repeat(990)}`,
      `2020/`.repeat(390),
      `${'1-'.repeat(2)}${'9'.repeat(1980)}/x`,
    ];
    const items = Array.from(
      { length: 40 },
      (_, i) =>
        `<li><a href="/${paths[i % paths.length]}?n=${i}">Related story number ${i} on the summit</a></li>`,
    ).join('');
    const related = run(parseHtml(articlePage({ body: relatedList(items) })), {
      budgetMs: BUDGET_MS.large,
    }).related;
    expect(related).toHaveLength(40);
  });

  it('shows no date for related items whose shown date is impossible or in the future', () => {
    const related = run(fixture('related-dates.html')).related;
    expect(related.map((r) => [r.url.replace('https://news.example/world/', ''), r.publishedAt])).toEqual([
      ['one.html', null],
      ['two.html', null],
      ['three.html', null],
      ['four.html', null],
      ['five.html', null],
      ['six.html', null],
      ['seven.html', '2025-08-12T10:00:00Z'],
    ]);
  });
});

describe('huge attribute values', () => {
  const MB = 1_000_000;
  const good = '<li><a href="/world/harbour-reopens.html">Harbour reopens after the storm</a></li>';
  const goodUrl = 'https://news.example/world/harbour-reopens.html';

  it.each([
    ['a 1 MB absolute href', `https://news.example/${'a'.repeat(MB)}`],
    ['a 1 MB relative href', `story-${'a'.repeat(MB)}.html`],
    ['a 1 MB javascript: href', `javascript:${'void(0);'.repeat(MB / 8)}`],
    [
      'an href 1 character over 2048 once resolved',
      `/${'a'.repeat(MAX_URL_LENGTH - 'https://news.example/'.length + 1)}`,
    ],
  ])('drops %s from the related list', (_, href) => {
    const items = `<li><a href="${href}">A link that is far too long</a></li>${good}`;
    const related = run(parseHtml(articlePage({ body: relatedList(items) })), {
      budgetMs: BUDGET_MS.large,
    }).related;
    expect(related.map((r) => r.url)).toEqual([goodUrl]);
  });

  it('drops a 1 MB canonical URL', () => {
    const head = `<link rel="canonical" href="https://news.example/${'c'.repeat(MB)}">`;
    expect(run(parseHtml(articlePage({ head })), { budgetMs: BUDGET_MS.large }).canonicalUrl).toBeNull();
  });

  it('caps a 1 MB og:title', () => {
    const headline = run(ogTitlePage('Huge headline '.repeat(MB / 14)), {
      budgetMs: BUDGET_MS.large,
    }).headline;
    expect(headline).toMatch(/^Huge headline Huge headline/);
  });

  it.each([
    [
      'a 1 MB heading',
      (html: string) => html.replace(`${HEADLINE}</h1>`, `${'Summit '.repeat(MB / 7)}</h1>`),
    ],
    [
      'a 1 MB datetime',
      (html: string) => html.replace('</h1>', `</h1><time datetime="2025-08-12${' '.repeat(MB)}x">`),
    ],
    [
      'a 1 MB link title attribute',
      (html: string) =>
        html.replace(
          '</body>',
          `${relatedList(`<li><a href="/a.html" title="${'Word '.repeat(MB / 5)}"></a></li>`)}</body>`,
        ),
    ],
    [
      'a 1 MB href of dot segments',
      (html: string) =>
        html.replace(
          '</body>',
          `${relatedList(`<li><a href="${'../'.repeat(MB / 3)}up.html">Story far up the tree</a></li>`)}</body>`,
        ),
    ],
  ])('survives %s', (_, edit) => {
    run(parseHtml(edit(articlePage())), { budgetMs: BUDGET_MS.large });
  });
});

describe('impossible and future dates', () => {
  const IMPOSSIBLE = [
    '2025-02-30',
    '2025-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-08-00',
    '2025-08-32',
    '2025-08-13T24:61:00Z',
    '2025-08-13T23:61:00Z',
    '2025-08-13T25:00:00Z',
    '2025-08-13T12:00:61Z',
    '2025-08-13T12:00:00+25:00',
    '0000-01-01',
    '0000-00-00',
    '0000-01-01T00:00:00Z',
    '2026-01-01T12:00:00Z', // 12 hours after now
    '2026-06-01T10:00:00Z',
    '2027-01-01',
    '2999-12-31',
    '9999-12-31T23:59:59Z',
    'Sun, 30 Feb 2025 10:00:00 GMT',
    'Wed, 13 Aug 2025 24:61:00 GMT',
    'Fri, 01 Jan 2027 10:00:00 GMT',
  ];
  const SLOTS: Record<string, (value: string) => Document> = {
    'JSON-LD datePublished': (v) =>
      parseHtml(
        articlePage({
          head: `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: v })}</script>`,
        }),
      ),
    'article:published_time': (v) =>
      parseHtml(articlePage({ head: `<meta property="article:published_time" content="${v}">` })),
    '<time datetime>': (v) => parseHtml(articlePage({ header: `<time datetime="${v}">${v}</time>` })),
    'date line': (v) => parseHtml(articlePage({ header: `<p class="dateline">Published ${v}</p>` })),
  };
  const cases = Object.keys(SLOTS).flatMap((slot) => IMPOSSIBLE.map((value) => ({ slot, value })));

  it.each(cases)('never returns $value from the $slot', ({ slot, value }) => {
    expect(run(SLOTS[slot]?.(value) ?? parseHtml('')).publishedAt).toBeNull();
  });

  it.each(IMPOSSIBLE.filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)))(
    'never returns %s from the URL',
    (value) => {
      const url = `https://news.example/world/${value.replaceAll('-', '/')}/summit-talks-begin-in-geneva.html`;
      expect(run(parseHtml(articlePage()), { url }).publishedAt).toBeNull();
    },
  );

  // Controls: each slot above is read, so its null answers mean something.
  it.each(Object.keys(SLOTS))('reads a real leap day from the %s', (slot) => {
    expect(run(SLOTS[slot]?.('2024-02-29') ?? parseHtml('')).publishedAt).toBe('2024-02-29');
  });

  it('reads a real leap day from the URL', () => {
    const url = 'https://news.example/world/2024/02/29/summit-talks-begin-in-geneva.html';
    expect(run(parseHtml(articlePage()), { url }).publishedAt).toBe('2024-02-29');
  });

  it('returns null for a page whose only date is in the future', () => {
    expect(run(fixture('future-date-only.html')).publishedAt).toBeNull();
  });

  it('skips impossible and future dates and finds the real one', () => {
    expect(run(fixture('future-and-past-dates.html')).publishedAt).toBe('2025-08-12T08:00:00Z');
  });
});

describe('several articles on one page', () => {
  it('returns the headline that matches og:title', () => {
    expect(run(fixture('two-articles.html')).headline).toBe('River floods the valley overnight');
  });

  it('returns the headline that matches og:title, and its date, when JSON-LD lists both articles', () => {
    expect(run(fixture('two-articles-jsonld.html'))).toMatchObject({
      headline: 'River floods the valley overnight',
      publishedAt: '2025-08-12T06:00:00Z',
    });
  });

  it('returns one of the headlines when nothing tells them apart', () => {
    expect(['Council passes the harbour budget', 'River floods the valley overnight']).toContain(
      run(fixture('two-articles-no-metadata.html')).headline,
    );
  });
});

describe('broken document structure', () => {
  it('reads a page written without <html>, <head> or <body> tags', () => {
    expect(run(fixture('no-head-no-body.html')).headline).toBe('Lighthouse keeper retires after 40 years');
  });

  it('reads a document whose <head> and <body> elements are missing from the tree', () => {
    const doc = fixture('no-head-no-body.html');
    const root = doc.documentElement;
    for (const part of [doc.head, doc.body]) {
      if (!part) continue;
      root.append(...Array.from(part.childNodes));
      part.remove();
    }
    expect(doc.head).toBeNull();
    expect(doc.body).toBeNull();
    expect(run(doc).headline).toBe('Lighthouse keeper retires after 40 years');
  });

  it.each(['empty.html', 'doctype-only.html', 'frameset.html'])('%s is not an article', (name) => {
    expect(run(fixture(name))).toEqual(NOT_AN_ARTICLE);
  });

  it('a document without a root element is not an article', () => {
    const doc = parseHtml('<title>Gone</title><h1>Gone</h1>');
    doc.documentElement.remove();
    expect(run(doc)).toEqual(NOT_AN_ARTICLE);
  });

  it('an XML document (a feed) is not an article', () => {
    const doc = new DOMParser().parseFromString(
      `<rss><channel><title>Example News</title><item><title>${HEADLINE}</title><link>${PAGE_URL}</link></item></channel></rss>`,
      'application/xml',
    );
    expect(run(doc)).toEqual(NOT_AN_ARTICLE);
  });
});

describe('titles that are only whitespace or invisible characters', () => {
  it('returns null, not "", when the blank title is the only source', () => {
    expect(run(fixture('whitespace-title.html')).headline).toBeNull();
  });

  it('falls back to the heading when the title is blank', () => {
    expect(run(fixture('whitespace-title-with-heading.html')).headline).toBe(HEADLINE);
  });

  it('returns null for a title of other invisible characters (U+180E, U+061C, U+3164, U+034F)', () => {
    expect(run(fixture('invisible-title.html')).headline).toBeNull();
  });
});

describe('100,000-node pages', () => {
  const paragraphs = (n: number): string =>
    Array.from(
      { length: n },
      (_, i) => `<p>Paragraph ${i} of a very long story about the talks in Geneva and the harbour.</p>`,
    ).join('');

  it.each([
    {
      name: '50,000 paragraphs',
      html: () => articlePage({ body: `<main>${paragraphs(50_000)}</main>` }),
      check: (r: PageExtraction) => expect(r.headline).toBe(HEADLINE),
    },
    {
      name: 'a related list of 33,000 links',
      html: () =>
        articlePage({
          body: relatedList(
            Array.from(
              { length: 33_000 },
              (_, i) => `<li><a href="/s/${i}.html">Related story number ${i}</a></li>`,
            ).join(''),
          ),
        }),
      check: (r: PageExtraction) => {
        expect(r.related).toHaveLength(MAX_RELATED);
        expect(r.related[0]?.url).toBe('https://news.example/s/0.html');
      },
    },
    {
      // Captions drawn as divs, read when no heading says "related": each box was checked against every other.
      name: '20,000 styled "Related" captions',
      html: () =>
        articlePage({
          body: Array.from(
            { length: 20_000 },
            (_, i) =>
              `<div class="box"><div class="box-title">Related</div><a href="/r/${i}">Related story number ${i}</a></div>`,
          ).join(''),
        }),
      check: (r: PageExtraction) => expect(r.related[0]?.url).toBe('https://news.example/r/0'),
    },
    {
      // More headings than a call takes arguments: spread into push(), they overflowed the stack.
      name: '150,000 subheadings',
      html: () =>
        articlePage({ body: Array.from({ length: 150_000 }, (_, i) => `<h3>Part ${i}</h3>`).join('') }),
      check: (r: PageExtraction) => expect(r.headline).toBe(HEADLINE),
    },
    {
      name: 'a mix of headings, meta tags, times, JSON-LD and related blocks',
      html: () =>
        articlePage({
          head:
            Array.from({ length: 10_000 }, (_, i) => `<meta name="keyword-${i}" content="k${i}">`).join('') +
            Array.from(
              { length: 5_000 },
              () => '<script type="application/ld+json">{"@type":"Thing"}</script>',
            ).join(''),
          header:
            Array.from({ length: 10_000 }, () => '<time datetime="2999-01-01">soon</time>').join('') +
            Array.from({ length: 5_000 }, (_, i) => `<h1>Other heading ${i}</h1>`).join(''),
          body:
            paragraphs(20_000) +
            Array.from(
              { length: 5_000 },
              (_, i) => `<div><h2>More on this story</h2><a href="/m/${i}">More story number ${i}</a></div>`,
            ).join(''),
        }),
      check: (r: PageExtraction) => {
        expect(r.headline).toBe(HEADLINE);
        expect(r.publishedAt).toBeNull();
      },
    },
  ])(
    'handles $name',
    ({ html, check }) => {
      // linkedom, as in the CLI: happy-dom takes seconds to parse and query a page this size.
      const doc = parseDocument(html());
      expect(doc.querySelectorAll('*').length).toBeGreaterThanOrEqual(50_000);
      check(run(doc, { budgetMs: BUDGET_MS.huge }));
    },
    HUGE_TEST_TIMEOUT_MS,
  );

  it('handles a DOM nested 2,000 elements deep', () => {
    // Deeper trees overflow happy-dom's own recursive selector matching; Chrome's parser stops nesting at 512.
    const depth = 2_000;
    const related = relatedList('<li><a href="/deep.html">Story at the very bottom</a></li>');
    const doc = parseHtml(articlePage({ body: '<div>'.repeat(depth) + related + '</div>'.repeat(depth) }));
    expect(run(doc, { budgetMs: BUDGET_MS.large }).related.map((r) => r.url)).toEqual([
      'https://news.example/deep.html',
    ]);
  });

  it('asks only the first frames of prose for a linked title, however many a page nests', () => {
    // 500 posts, each nested in the one before: each post's frame holds every post after it, and
    // asking each one would walk the page 500 times.
    const text = 'The harbour board met again on Tuesday to discuss the dredging plan. '.repeat(10);
    const post = (i: number): string =>
      `<div><h2><a href="/posts/${i}.html">Post ${i}</a></h2><p>${text}</p>`;
    const posts = Array.from({ length: 500 }, (_, i) => post(i)).join('') + '</div>'.repeat(500);
    const doc = parseHtml(articlePage({ body: posts }));
    const asked = vi.spyOn(Element.prototype, 'querySelector');
    try {
      run(doc, { budgetMs: BUDGET_MS.large });
      expect(asked.mock.calls.length).toBeLessThan(40);
    } finally {
      asked.mockRestore();
    }
  });
});
