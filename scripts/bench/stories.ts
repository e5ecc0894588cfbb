/**
 * `npm run bench -- stories [--sizes 1000,100000]`: the store and the story engine at scale, in headless
 * Chromium against real (on-disk) IndexedDB. For each size, a synthetic history (story-history.ts) is
 * stored one report at a time through recordArticle, the background's own write path; then a fresh page
 * (a worker that has just woken up) times the timeline query for history articles and the recording of
 * new arrivals (which assigns each to a story), and the heap that leaves.
 *
 * The page is served from 127.0.0.1 by a persistent profile: Playwright's default contexts are
 * off-the-record, where Chromium keeps IndexedDB in memory.
 *
 * Last line:
 *   timeline_scaling=… assign_scaling=… ingest_per_s=… timeline_ms_p50_100k=… assign_ms_p50_100k=…
 * (scalings: p50 at the largest size / p50 at the smallest). Progress goes to stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { parseOrExit, positiveInteger, UsageError } from './args';
import { CHROMIUM_PATH, QUIET_CHROMIUM_FLAGS } from '../../tests/e2e/chromium';
import { storiesBundle } from './bundle';
import type { Measured, RequestProfile } from './stories-page';
import type { HistoryItem } from './story-history';
import { median, ms, quantile } from './stats';

const USAGE =
  'usage: npm run bench -- stories [--sizes 1000,100000] [--queries N] [--arrivals N] [--ingest-budget S]\n' +
  '  --sizes          history sizes in articles (default 1000,100000)\n' +
  '  --queries N      timeline queries timed per size (default 500)\n' +
  '  --arrivals N     new articles recorded and timed per size (default 200)\n' +
  '  --ingest-budget S  seconds of one-report-at-a-time ingest per size; the rest of a larger history\n' +
  '                   is seeded as an import stores it (default 240)\n' +
  '  --profile        also list the IndexedDB requests one timeline query and one new article cost, per\n' +
  '                   table and operation';

const INGEST_CHUNK = 500;
/** Untimed queries and arrivals first: the woken page compiles the code once. */
const WARM = 20;

interface Options {
  sizes: number[];
  queries: number;
  arrivals: number;
  ingestBudgetS: number;
  profile: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = {
    sizes: [1000, 100_000],
    queries: 500,
    arrivals: 200,
    ingestBudgetS: 240,
    profile: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--sizes') {
      const value = args[++i] ?? '';
      options.sizes = value.split(',').map((s) => positiveInteger('--sizes', s.replace(/_/g, '')));
    } else if (arg === '--queries') options.queries = positiveInteger(arg, args[++i]);
    else if (arg === '--arrivals') options.arrivals = positiveInteger(arg, args[++i]);
    else if (arg === '--ingest-budget') options.ingestBudgetS = positiveInteger(arg, args[++i]);
    else if (arg === '--profile') options.profile = true;
    else throw new UsageError(`unknown argument ${arg}`);
  }
  options.sizes.sort((a, b) => a - b);
  return options;
}

/** An empty page on 127.0.0.1 (a secure context); COOP/COEP give performance.now() 5 µs steps. */
async function startPageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((_, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end('<!doctype html><title>Backstory stories bench</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Calls `backstoryStoriesBench.<fn>(...args)` in the page; a string, so nothing of tsx's output runs there. */
function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  const list = args.map((a) => JSON.stringify(a)).join(', ');
  return page.evaluate(`globalThis.backstoryStoriesBench.${fn}(${list})`) as Promise<T>;
}

async function benchPage(context: BrowserContext, origin: string, bundle: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(origin);
  await page.evaluate(bundle);
  return page;
}

interface SizeResult {
  size: number;
  storedArticles: number;
  stories: number;
  ingested: number;
  ingestPerS: number;
  ingestLastPerS: number;
  imported: boolean;
  timelineP50: number;
  timelineP90: number;
  timelineMax: number;
  entriesP50: number;
  assignP50: number;
  assignP90: number;
  indexP50: number;
  heapMb: number;
  diskMb: number;
}

const log = (message: string) => console.error(message);

async function runSize(
  context: BrowserContext,
  origin: string,
  bundle: string,
  size: number,
  options: Options,
): Promise<SizeResult> {
  const name = `bench-stories-${size}`;
  const build = await benchPage(context, origin, bundle);
  const generated = await call<Record<string, number>>(build, 'generate', size, options.arrivals + WARM);
  log(
    `[${size}] synthetic history: ${generated.visits} reports (${generated.related} related items) in ` +
      `${generated.stories} stories of ${generated.themes} themes, made in ${ms(generated.ms!)} ms`,
  );
  await call(build, 'open', name, true);

  const budgetMs = options.ingestBudgetS * 1000;
  let ingestMs = 0;
  let ingested = 0;
  let lastRate = NaN;
  for (;;) {
    const step = await call<{ done: number; total: number; count: number; ms: number }>(
      build,
      'ingest',
      INGEST_CHUNK,
    );
    ingestMs += step.ms;
    ingested += step.count;
    lastRate = (step.count / step.ms) * 1000;
    if (step.done % 5000 === 0 || step.done === step.total)
      log(
        `[${size}] ${step.done}/${step.total} reports, ${(ingestMs / 1000).toFixed(1)} s, now ${lastRate.toFixed(0)}/s`,
      );
    if (step.done === step.total) break;
    if (ingestMs > budgetMs) break;
  }
  let imported = false;
  if (ingested < generated.visits!) {
    // The history so far is replaced by the whole one, stored as an import would store it.
    log(
      `[${size}] ingest budget spent after ${ingested} reports: seeding all ${generated.visits} as an import does`,
    );
    const seeded = await call<{ articles: number; rebuiltMs: number; ms: number }>(build, 'seedAll');
    log(
      `[${size}] seeded ${seeded.articles} articles (stories rebuilt in ${(seeded.rebuiltMs / 1000).toFixed(1)} s) ` +
        `in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    imported = true;
  }
  const { urls, arrivals } = await call<{ urls: string[]; arrivals: HistoryItem[] }>(
    build,
    'probes',
    options.queries + WARM,
  );
  const before = await call<{ articles: number; stories: number }>(build, 'counts');
  await build.close();

  // A fresh page, as a worker that has just woken: only the database and the code.
  const page = await benchPage(context, origin, bundle);
  await call(page, 'open', name, false, options.profile);
  const m = await call<Measured>(page, 'measure', urls, arrivals, WARM);
  if (!m.isolated) log('warning: the page was not cross-origin isolated; times are in 0.1 ms steps');
  if (m.missing) log(`warning: ${m.missing} timeline queries found no article`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const disk = (await page.evaluate('navigator.storage.estimate()')) as { usage?: number };
  await page.close();
  if (m.timelineRequests) printProfile(size, 'timeline query', m.timelineRequests);
  if (m.assignRequests) printProfile(size, 'new article', m.assignRequests);

  return {
    size,
    storedArticles: before.articles,
    stories: before.stories,
    ingested,
    ingestPerS: (ingested / ingestMs) * 1000,
    ingestLastPerS: lastRate,
    imported,
    timelineP50: median(m.timelineMs),
    timelineP90: quantile(m.timelineMs, 0.9),
    timelineMax: Math.max(...m.timelineMs),
    entriesP50: median(m.timelineEntries),
    assignP50: median(m.assignMs),
    assignP90: quantile(m.assignMs, 0.9),
    indexP50: median(m.indexMs),
    heapMb: heap.usedSize / 2 ** 20,
    diskMb: (disk.usage ?? NaN) / 2 ** 20,
  };
}

function printProfile(size: number, what: string, requests: RequestProfile): void {
  const rows = Object.entries(requests).sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((sum, [, r]) => sum + r.calls, 0);
  log(`[${size}] IndexedDB requests per ${what}: ${total.toFixed(1)} (calls, items, ms until settled)`);
  for (const [key, r] of rows)
    log(
      `  ${key.padEnd(22)} ${r.calls.toFixed(1).padStart(6)} ${r.items.toFixed(1).padStart(8)} ${ms(r.ms).padStart(8)}`,
    );
}

function label(size: number): string {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

export async function benchStories(args: string[]): Promise<void> {
  const options = parseOrExit(parseArgs, args, USAGE);
  const started = performance.now();
  const bundle = await storiesBundle();
  const server = await startPageServer();
  const profile = await mkdtemp(join(tmpdir(), 'backstory-bench-'));
  const results: SizeResult[] = [];
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...QUIET_CHROMIUM_FLAGS, '--disable-sync'],
    });
    try {
      for (const size of options.sizes) {
        const r = await runSize(context, server.origin, bundle, size, options);
        results.push(r);
        console.log(
          `size=${label(size)} articles=${r.storedArticles} stories=${r.stories} ` +
            `ingest_per_s=${r.ingestPerS.toFixed(0)} (last ${INGEST_CHUNK}: ${r.ingestLastPerS.toFixed(0)}/s, ` +
            `${r.ingested} reports one by one${r.imported ? ', then the whole history seeded as an import' : ''}) ` +
            `timeline_ms p50=${ms(r.timelineP50)} p90=${ms(r.timelineP90)} max=${ms(r.timelineMax)} ` +
            `(entries p50 ${r.entriesP50}) assign_ms p50=${ms(r.assignP50)} p90=${ms(r.assignP90)} ` +
            `search_index_ms p50=${ms(r.indexP50)} (after the report) ` +
            `heap_mb=${r.heapMb.toFixed(1)} idb_mb=${r.diskMb.toFixed(1)}`,
        );
      }
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const small = results[0]!;
  const large = results[results.length - 1]!;
  const scaling = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'na');
  console.log(
    `timeline_scaling=${scaling(large.timelineP50, small.timelineP50)} ` +
      `assign_scaling=${scaling(large.assignP50, small.assignP50)} ` +
      `ingest_per_s=${large.ingestPerS.toFixed(0)} ` +
      `timeline_ms_p50_${label(large.size)}=${ms(large.timelineP50)} ` +
      `assign_ms_p50_${label(large.size)}=${ms(large.assignP50)}`,
  );
}
