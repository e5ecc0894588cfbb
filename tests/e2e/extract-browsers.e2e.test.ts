/**
 * The extraction gives the same result in Chromium, in Firefox and in Node (linkedom, which the
 * command-line tools use), page by page, on every fixture page of the project: realistic article
 * and non-article pages, hostile ones and the adapters' sites. The browsers run the same
 * batch as `npm run eval -- DIR --browser NAME` (scripts/lib/browser-batch.ts).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type BatchResult, runBatch } from '../../scripts/extract';
import { type BrowserName, runBatchInBrowser } from '../../scripts/lib/browser-batch';

const FIXTURE_DIRS = ['pages', 'hostile', 'adapters'].map((d) => resolve('tests/fixtures', d));

let work: string;
let cases: string;
let node: Map<unknown, BatchResult>;

/** A result without its timing, which differs from run to run. */
const comparable = ({ ms: _ms, ...rest }: BatchResult) => rest;

async function collect(run: (emit: (r: BatchResult) => void) => Promise<void>): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  await run((r) => results.push(r));
  return results;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'backstory-browsers-'));
  cases = join(work, 'cases.jsonl');
  const lines = FIXTURE_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.html'))
      .map((name) => ({
        id: `${dir.split(/[/\\]/).at(-1)}/${name}`,
        html_file: join(dir, name),
        // One story-shaped address for every page: what is compared is what each engine reads of the page.
        url: `https://news.example/2025/06/14/${name.replace(/\.html$/, '')}`,
      })),
  );
  writeFileSync(cases, lines.map((c) => JSON.stringify(c)).join('\n') + '\n');
  node = new Map((await collect((emit) => runBatch(cases, emit))).map((r) => [r.id, r]));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each<BrowserName>(['chromium', 'firefox'])('extraction in %s', (browser) => {
  it('matches Node on every fixture page', async () => {
    const results = await collect((emit) => runBatchInBrowser(cases, browser, emit));
    expect(results.length).toBe(node.size);
    expect(results.filter((r) => r.error)).toEqual([]);
    // Pages that are articles, with dates and related links, so that agreement is not agreement on nothing.
    expect(
      results.filter((r) => r.isArticle && r.publishedAt && r.related.length > 0).length,
    ).toBeGreaterThan(5);
    // Every page that differs, at once: one stop at the first would hide the rest.
    const differing = results
      .filter((r) => {
        const expected = node.get(r.id);
        return !expected || !isDeepStrictEqual(comparable(r), comparable(expected));
      })
      .map((r) => ({ [browser]: r, node: node.get(r.id) ?? null }));
    expect(differing).toEqual([]);
  });
});
