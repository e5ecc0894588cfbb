// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type BatchResult, runBatch } from '../../scripts/extract';
import { parseDocument } from '../../scripts/lib/load-page';
import { extractPage } from '../../utils/extract';

const CASES = join(__dirname, '..', 'fixtures', 'cli', 'cases.jsonl');
const KEYS = ['id', 'isArticle', 'headline', 'publishedAt', 'related', 'ms', 'error'];

describe('extract --batch', () => {
  it('prints one line per case, in input order, with exactly the contract’s keys', async () => {
    const results: BatchResult[] = [];
    await runBatch(CASES, (r) => results.push(r));
    expect(results.map((r) => r.id)).toEqual(['article', 'front', 'missing', 'line 4', 7]);
    for (const r of results) {
      expect(Object.keys(r)).toEqual(KEYS);
      expect(typeof r.ms).toBe('number');
    }
    const [article, front, missing, bad, legacy] = results;
    expect(article).toMatchObject({
      isArticle: true,
      headline: 'Putin Strengthens Ties with Kim Jong Un Ahead of Trump Meeting',
      publishedAt: '2025-08-13T07:42:01Z',
      error: null,
    });
    expect(article?.related).toHaveLength(12);
    expect(article?.related[0]).toEqual({
      title: 'Zelensky and European Leaders Urge Trump to Stand Firm Against Russian Demands',
      url: 'https://meridian-wire.example/articles/zelensky-and-european-leaders-urge-trump-to-stand-firm-against-russian-demands.html',
      publishedAt: '2025-08-13T06:34:45Z',
    });
    expect(front).toMatchObject({ isArticle: false, error: null });
    // One bad case is reported on its own line and the batch goes on.
    expect(missing?.error).toMatch(/ENOENT|no such file/);
    expect(bad?.error).toMatch(/invalid JSON/);
    // Not valid UTF-8: decoded by its declared charset.
    expect(legacy?.error).toBeNull();
  });

  it('runs from the command line as `npm run extract` does', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/extract.ts', '--batch', CASES], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ id: 'article', isArticle: true });
    const single = JSON.parse(
      execFileSync(
        'npx',
        [
          'tsx',
          'scripts/extract.ts',
          join(
            __dirname,
            '..',
            'site',
            'articles',
            'putin-strengthens-ties-with-kim-jong-un-ahead-of-trump-meeting.html',
          ),
          '--url',
          'https://x.example/articles/a.html',
        ],
        {
          encoding: 'utf8',
        },
      ),
    ) as BatchResult;
    expect(single).toMatchObject({ isArticle: true, publishedAt: '2025-08-13T07:42:01Z' });
  }, 60_000);
});

describe('the command-line tools’ page loader', () => {
  it('writes HTML attribute names in lower case, as browsers do, and leaves SVG’s alone', () => {
    const doc = parseDocument(
      '<p><time dateTime="2025-08-13T07:42:01Z" DATA-X="first" data-x="second">today</time></p>' +
        '<svg viewBox="0 0 2 2"><path fillRule="evenodd"/></svg>',
    );
    // React renders `dateTime`: the extraction's `time[datetime]` must find it, as it does in Chrome.
    expect(doc.querySelector('time[datetime]')?.getAttribute('datetime')).toBe('2025-08-13T07:42:01Z');
    expect(doc.querySelector('time')?.getAttribute('data-x')).toBe('first');
    expect(doc.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 2 2');
    expect(doc.querySelector('path')?.getAttribute('fillRule')).toBe('evenodd');
  });

  it('gives a page of no elements the <html>, <head> and <body> a browser makes', () => {
    for (const html of ['<!DOCTYPE html>', '', 'plain text']) {
      const doc = parseDocument(html);
      expect(doc.body?.textContent).toBe(html.startsWith('<') ? '' : html);
      expect(doc.title).toBe('');
      expect(() => extractPage(doc, 'https://news.example/2025/06/14/empty')).not.toThrow();
    }
  });

  it('reads the document’s title as browsers do: the first HTML <title> anywhere, whitespace collapsed', () => {
    // A server's warnings above the doctype put everything after them in the body.
    const warned = parseDocument(
      '<b>Warning</b>: mysql_connect()<!DOCTYPE html><html><head><title>  Alles Neue\n mach der Mai </title></head></html>',
    );
    expect(warned.title).toBe('Alles Neue mach der Mai');
    const svgFirst = parseDocument('<svg><title>Icon</title></svg><title>Story</title>');
    expect(svgFirst.title).toBe('Story');
    // A no-break space is not whitespace to `document.title`.
    expect(parseDocument('<title>\u00a0A\u00a0</title>').title).toBe('\u00a0A\u00a0');
  });

  it('gives a page of elements without <html> the root and body a browser makes', () => {
    const doc = parseDocument(
      '<!doctype html><meta property="og:type" content="article"><title>Keeper retires</title>' +
        '<h1>Keeper retires</h1><p>After forty years.<p>He will stay on the island.',
    );
    expect(doc.documentElement.tagName).toBe('HTML');
    expect([...doc.body.querySelectorAll('h1, p')].map((el) => el.tagName)).toEqual(['H1', 'P', 'P']);
    // A browser puts the <meta> and <title> in the head; here they stay in the body, where the extraction,
    // which reads them anywhere in the document, finds them all the same.
    expect(doc.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    expect(doc.title).toBe('Keeper retires');
  });

  it('puts everything after the head into one body, as browsers do', () => {
    const doc = parseDocument(
      '<html><head><title>t</title></head><div>Early</div><body class="a"><p>Story</p></body>' +
        '<body id="b" class="ignored"><p>More</p></body><script>var after;</script></html>',
    );
    expect(doc.querySelectorAll('body')).toHaveLength(1);
    expect([...doc.body.children].map((el) => el.textContent)).toEqual([
      'Early',
      'Story',
      'More',
      'var after;',
    ]);
    // A later <body> tag only adds the attributes the body does not have yet.
    expect([doc.body.className, doc.body.id]).toEqual(['a', 'b']);
  });

  it('closes a heading when another opens right inside it, as browsers do', () => {
    const doc = parseDocument(
      '<div><h1>14.01.2024 <h2>Jubel in Antholz</h2> am Sonntag</h1><p>Text</p>' +
        '<h3>Kept <span><h4>inside a span</h4></span></h3></div>',
    );
    // Chrome and Firefox: <h1>14.01.2024 </h1><h2>Jubel in Antholz</h2> am Sonntag<p>Text</p>…
    const div = doc.querySelector('div')!;
    expect([...div.childNodes].map((n) => n.nodeName)).toEqual(['H1', 'H2', '#text', 'P', 'H3']);
    expect(doc.querySelector('h1')?.textContent).toBe('14.01.2024 ');
    expect(div.childNodes[2]?.textContent).toBe(' am Sonntag');
    // Not opened right inside it (the span was current): nested, in browsers too.
    expect(doc.querySelector('h3 h4')?.textContent).toBe('inside a span');
  });
});
