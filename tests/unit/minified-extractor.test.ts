/**
 * The content script ships the extractor minified with compressor options that assume things of the code
 * (scripts/build/content-terser.ts). This holds the minified extractor to its source's results on every
 * fixture page, so that neither a change to the code nor a Terser upgrade breaks an assumption unseen.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { build } from 'esbuild';
import { minify } from 'terser';
import { CONTENT_TERSER_OPTIONS } from '../../scripts/build/content-terser';
import { extractPage } from '../../utils/extract';
import { parseHtml } from './helpers';

const FIXTURES = join(__dirname, '..', 'fixtures');
const NOW = Date.UTC(2026, 6, 1);
/** A story's address and a front page's, so that both verdicts' paths run. */
const URLS = [
  'https://news.example/world/2025/08/13/leaders-meet-in-alaska-for-talks',
  'https://news.example/',
];

const pages = ['pages', 'hostile', 'adapters'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${dir}/${f}`),
);

let minified: typeof extractPage;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(__dirname, '..', '..', 'utils', 'extract', 'index.ts')],
    bundle: true,
    format: 'cjs',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  // toplevel: the module's own names are mangled, as they are inside the content script's wrapper.
  const { code } = await minify(bundle.outputFiles[0]!.text, { ...CONTENT_TERSER_OPTIONS, toplevel: true });
  const module = { exports: {} as { extractPage?: typeof extractPage } };
  (runInThisContext(`(function (module, exports) {${code}\n})`) as (m: object, e: object) => void)(
    module,
    module.exports,
  );
  minified = module.exports.extractPage!;
}, 60_000);

describe('the extractor minified as the content script ships it', () => {
  it('has fixture pages to check', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it.each(pages)('gives its source’s result on %s', (page) => {
    // Extraction does not change the document, and each bundle keeps its own per-document caches.
    const doc = parseHtml(readFileSync(join(FIXTURES, page), 'utf8'));
    const options = { now: NOW, extractNonArticles: true };
    for (const url of URLS) expect(minified(doc, url, options), url).toEqual(extractPage(doc, url, options));
  });
});
