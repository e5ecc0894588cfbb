import { extractPage } from '../../utils/extract';
import { parseHtml } from './helpers';

const NOW = Date.UTC(2026, 0, 1);
const URL_ = 'https://news.example/politics/2025/08/13/summit-in-alaska';
const prose = `<p>${'The talks are expected to focus on a ceasefire and on territory. '.repeat(12)}</p>`;

function headline(head: string, body: string, url = URL_): string | null {
  const doc = parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return extractPage(doc, url, { now: NOW, extractNonArticles: true }).headline;
}

const ld = (headline: string): string =>
  `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline,
    datePublished: '2025-08-13T07:58:52+02:00',
  })}</script>`;

describe('headline: the declared JSON-LD headline, trimmed', () => {
  it('drops a section name that the JSON-LD headline adds and the heading leaves out', () => {
    expect(
      headline(
        `${ld('Summit set for Alaska: leaders meet on Friday | Politics')}
         <meta property="og:title" content="Summit set for Alaska: leaders meet on Friday">
         <title>Summit set for Alaska: leaders meet on Friday | Politics | EXAMPLE.news</title>`,
        `<article><h1>Summit set for Alaska: leaders meet on Friday</h1>${prose}</article>`,
      ),
    ).toBe('Summit set for Alaska: leaders meet on Friday');
  });

  it('drops a site name after " - " when the heading and twitter:title leave it out', () => {
    expect(
      headline(
        `${ld('停戦「最も合意に近い」 最終案に双方同意か - 例新聞')}
         <meta property="og:title" content="停戦「最も合意に近い」 最終案に双方同意か | 例新聞">
         <meta name="twitter:title" content="停戦「最も合意に近い」 最終案に双方同意か">`,
        `<article><h1>停戦「最も合意に近い」 最終案に双方同意か</h1>${prose}</article>`,
      ),
    ).toBe('停戦「最も合意に近い」 最終案に双方同意か');
  });

  it('keeps a separator that is part of the headline itself', () => {
    expect(
      headline(
        `${ld('Fire in a warehouse - heavy smoke over the city')}
         <meta property="og:title" content="Fire in a warehouse - heavy smoke over the city">`,
        `<article><h1>Fire in a warehouse - heavy smoke over the city</h1>${prose}</article>`,
      ),
    ).toBe('Fire in a warehouse - heavy smoke over the city');
  });

  it('strips a kicker ("Kicker: Headline") that the social title leaves out', () => {
    // The visible heading shows the kicker in its own element; og:title is the headline alone.
    expect(
      headline(
        `${ld('New Leipzig School: Judy Lybke, not strange at all')}
         <meta property="og:title" content="Judy Lybke, not strange at all">
         <meta name="twitter:title" content="New Leipzig School: Judy Lybke, not strange at all">`,
        `<nav class="breadcrumb"><a href="/">Home</a> <h1>New Leipzig School: Judy Lybke, not strange at all</h1></nav>
         <article><h2><span class="article__kicker">New Leipzig School</span>
         <span class="article__headline">Judy Lybke, not strange at all</span></h2>${prose}</article>`,
      ),
    ).toBe('Judy Lybke, not strange at all');
  });

  it('keeps the kicker when the social title carries it too', () => {
    expect(
      headline(
        `${ld('Veterans Day: Medals for the fallen')}
         <meta property="og:title" content="Veterans Day: Medals for the fallen">`,
        `<article><div class="kicker">Veterans Day</div><h1>Medals for the fallen</h1>${prose}</article>`,
      ),
    ).toBe('Veterans Day: Medals for the fallen');
  });
});

describe('headline: JSON-LD and social title disagree', () => {
  it('takes the one the page shows as its heading, after a kicker, not the breadcrumb h1', () => {
    expect(
      headline(
        `${ld('Donald Trump: Why criticism of his character is so ineffective')}
         <meta property="og:title" content="Why criticism of Trump's character fizzles out">`,
        `<div class="article__header__crumb"><a href="/">Politics</a>
           <h1>Donald Trump: Why criticism of his character is so ineffective</h1></div>
         <article><h2><span class="title__kicker">Opinion</span>
           <span class="title__headline">Why criticism of Trump's character fizzles out</span></h2>${prose}</article>`,
      ),
    ).toBe("Why criticism of Trump's character fizzles out");
  });

  it('takes the social title when it is the page heading', () => {
    expect(
      headline(
        `${ld('Prophecy sows doubt: is the King not the rightful heir?')}
         <meta property="og:title" content="Prophecy raises doubts: is the King not the rightful heir after all?">`,
        `<ol class="breadcrumb"><li>Home</li></ol>
         <article><h1>Prophecy raises doubts: is the King not the rightful heir after all?</h1>${prose}</article>`,
      ),
    ).toBe('Prophecy raises doubts: is the King not the rightful heir after all?');
  });

  it('keeps the declared headline when the page heading is the declared one', () => {
    expect(
      headline(
        `${ld('Swedish police to investigate reports of information leaks to gangs')}
         <meta property="og:title" content="Police to look into leaks to gangs">`,
        `<article><h1>Swedish police to investigate reports of information leaks to gangs</h1>${prose}</article>`,
      ),
    ).toBe('Swedish police to investigate reports of information leaks to gangs');
  });

  it('takes a shorter social title that starts as the declared headline does, for five words', () => {
    const body = (h: string) => `<article><h1>${h}</h1>${prose}</article>`;
    const long = "Your $1 bill could be worth up THOUSANDS - here's how to check if you have the rare buck";
    const short = "Your $1 bill could be worth up THOUSANDS - here's how to check";
    expect(headline(`${ld(long)}<meta property="og:title" content="${short}">`, body(long))).toBe(short);
    // Shared words past the fifth need not run to the social title's end.
    const blair = 'Tony Blair: Why there has to be compromise to end the Ukraine war';
    const blairSocial = 'Tony Blair: Why there has to be compromise in Ukraine';
    expect(headline(`${ld(blair)}<meta property="og:title" content="${blairSocial}">`, body(blair))).toBe(
      blairSocial,
    );
  });

  it('keeps the declared headline against a social title of fewer words, cut short, or longer', () => {
    const body = (h: string) => `<article><h1>${h}</h1>${prose}</article>`;
    const long = 'Chelsea send clear message of intent on proud day at Cobham in battling win';
    const cases = [
      // Four words: a kicker or a label, not the headline.
      'Chelsea send clear message',
      'Chelsea send clear message of intent on proud day…',
      'Chelsea send clear message of intent on proud day ...',
      `${long} over Spurs`,
    ];
    for (const social of cases)
      expect(headline(`${ld(long)}<meta property="og:title" content="${social}">`, body(long)), social).toBe(
        long,
      );
    // Nor when the declared headline is the one cut short.
    const cut = 'Who is the star’s girlfriend and how many children do the couple have?...';
    expect(
      headline(`${ld(cut)}<meta property="og:title" content="Who is the star’s girlfriend?">`, body(cut)),
    ).toBe(cut);
  });

  it('keeps the declared headline when no heading decides', () => {
    expect(
      headline(
        `${ld('Baerbock at the UN: a step to the next job?')}
         <meta property="og:title" content="Annalena Baerbock: top job in New York">`,
        `<article><h3>Annalena Baerbock: top job in New York</h3>${prose}</article>`,
      ),
    ).toBe('Baerbock at the UN: a step to the next job?');
  });
});

describe('headline without JSON-LD', () => {
  it('prefers the social title to a heading that only agrees with the document title', () => {
    expect(
      headline(
        `<meta property="og:title" content="Oil dream meets hard reality, experts warn">
         <title>Oil dream for US companies meets hard reality, experts warn | Example News</title>`,
        `<article><h1>Oil dream for US companies meets hard reality, experts warn</h1>${prose}</article>`,
      ),
    ).toBe('Oil dream meets hard reality, experts warn');
  });

  it('takes a shorter social title that starts as the heading does, for five words', () => {
    const h1 = 'Spectators return to the region’s professional clubs 02.02.2022 • Association, Press';
    const social = 'Spectators return to the region’s professional clubs';
    const page = (og: string) =>
      headline(`<meta property="og:title" content="${og}">`, `<article><h1>${h1}</h1>${prose}</article>`);
    expect(page(social)).toBe(social);
    // Four words agree with the heading without being its headline.
    expect(page('Spectators return to the')).toBe(h1);
  });

  it('takes the heading that agrees with the document title when there is no social title', () => {
    expect(
      headline(
        `<title>Oil dream for US companies meets hard reality | Example News</title>`,
        `<article><h1>Oil dream for US companies meets hard reality</h1>${prose}</article>`,
      ),
    ).toBe('Oil dream for US companies meets hard reality');
  });

  it('prefers the document title to a heading that is not the story (a site name, a section)', () => {
    expect(
      headline(
        `<title>Babies who eat peanuts early may avoid allergy</title>`,
        `<header><h1>Allergies Health Center</h1></header><article>${prose}</article>`,
      ),
    ).toBe('Babies who eat peanuts early may avoid allergy');
  });

  it('drops a part of the title that spells the host name, even when it is the longest part', () => {
    const title = (t: string, url: string) =>
      headline(`<title>${t}</title>`, `<article><h1>Mozilla</h1>${prose}</article>`, url);
    expect(title('Mozilla - Wikipedia', 'https://en.wikipedia.org/wiki/Mozilla')).toBe('Mozilla');
    // Parts that are not the host stay, joined as one headline.
    expect(title('Weekly report 14. - 20. January | SLF', 'https://www.slf.ch/en/report-14')).toBe(
      'Weekly report 14. - 20. January',
    );
    // Without a host part, the part that is the page's heading is the headline, not the longest one.
    expect(title('Mozilla - Wikipedia', 'https://encyclopedia.example/wiki/Mozilla')).toBe('Mozilla');
  });

  it("takes the part of the title that a heading shows, where the only h1 is the site's logo", () => {
    const page = (h2: string) =>
      headline(
        `<title>Conversations with a Cryptid - Chapter 1 - Howl | Boku no Hero Academia | My Hero Academia [Archive of Our Works]</title>`,
        `<header><h1>Archive of Works beta</h1></header><div id="workskin"><h2>${h2}</h2>${prose}</div>`,
        'https://works.example/works/123/chapters/456',
      );
    expect(page('Conversations with a Cryptid')).toBe('Conversations with a Cryptid');
    // No heading shows a part: the longest part stands in.
    expect(page('Chapter text')).toBe('My Hero Academia [Archive of Our Works]');
  });

  it('falls back to the heading when there is no title at all', () => {
    expect(headline('', `<article><h1>Lone heading</h1>${prose}</article>`)).toBe('Lone heading');
  });
});

describe('Hankook Ilbo adapter', () => {
  it('drops the "-section" suffix from the metadata title when the page has no heading element', () => {
    const url = 'https://www.hankookilbo.com/news/article/A2026012914320005196';
    expect(
      headline(
        `<meta property="og:title" content="여야, 예산안 처리 시한 앞두고 막판 협상-정치ㅣ한국일보">
         <meta property="og:site_name" content="한국일보">`,
        `<article>${prose}</article>`,
        url,
      ),
    ).toBe('여야, 예산안 처리 시한 앞두고 막판 협상');
  });
});
