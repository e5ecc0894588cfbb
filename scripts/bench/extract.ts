/**
 * `npm run bench -- extract CASES.jsonl [CASES2.jsonl ...]`: how long our detection and
 * extraction take on real pages, against `@mozilla/readability`'s parse() (what a user
 * would otherwise reach for), both timed in the same headless Chromium page.
 *
 * Per CASES file it prints the page count and medians; the last line, over all pages, is
 *   extract_vs_readability=R ours_ms_p50=… readability_ms_p50=… nonarticle_ms_p50=…
 * With `--against DIR`, the extractor of another checkout is timed in the same rounds, and a
 * line before that one compares the two:
 *   ours_vs_against=R against_ms_p50=… per_page_ratio_p50=…
 * Progress and skipped pages go to stderr.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { FALLBACK_URL } from '../extract';
import { readHtmlFile } from '../lib/load-page';
import { parseOrExit, positiveInteger, UsageError } from './args';
import { type OfflinePage, launchBenchChromium, openOfflinePage, servedUrl } from './browser';
import { extractBundles } from './bundle';
import type { PageTiming } from './harness';
import { median, ms, quantile, ratio } from './stats';

const USAGE =
  'usage: npm run bench -- extract CASES.jsonl [CASES2.jsonl ...] [--runs N] [--top K] [--out FILE.jsonl] [--own-origin]\n' +
  '                              [--against DIR]\n' +
  '  --runs N       timed runs per tool per page, after one warm-up run each (default 5)\n' +
  '  --top K        list the K pages where ours is slowest (default 5)\n' +
  '  --out F        also write one JSON line of timings per page to F\n' +
  '  --own-origin   serve each page on its own site, so each gets a fresh renderer and cold JIT\n' +
  '                 (slower, noisier; by default all pages share one warmed-up renderer)\n' +
  '  --against DIR  also time the extractor of the checkout at DIR (e.g. a `git worktree` of an older\n' +
  '                 commit), alternating with ours in the same rounds, each after a Readability run:\n' +
  '                 the paired comparison that a change of a few percent needs';

const LOAD_TIMEOUT_MS = 15_000;
/** For the whole measurement on one page: enough for 2×(runs+1) slow runs, short of a hang. */
const MEASURE_TIMEOUT_MS = 120_000;
const PROGRESS_EVERY = 25;
/** Untimed runs of both tools on a new tab's first page, so the first pages measured are not the JIT's warm-up. */
const PRIME_RUNS = 20;

interface Options {
  files: string[];
  runs: number;
  top: number;
  out: string | null;
  ownOrigin: boolean;
  against: string | null;
}

interface PageResult extends PageTiming {
  set: string;
  id: string;
}

function parseArgs(args: string[]): Options {
  const options: Options = { files: [], runs: 5, top: 5, out: null, ownOrigin: false, against: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--runs') options.runs = positiveInteger(arg, args[++i]);
    else if (arg === '--top') options.top = positiveInteger(arg, args[++i]);
    else if (arg === '--out') options.out = args[++i] ?? null;
    else if (arg === '--own-origin') options.ownOrigin = true;
    else if (arg === '--against') options.against = args[++i] ?? null;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError('no CASES file given');
  if (args.includes('--out') && !options.out) throw new UsageError('--out needs a file');
  if (args.includes('--against') && !options.against) throw new UsageError('--against needs a folder');
  if (options.against && !existsSync(resolve(options.against, 'utils/extract/index.ts')))
    throw new UsageError(`--against: ${options.against} holds no utils/extract/index.ts`);
  return options;
}

/** The CASES file's folder names the set (corpora keep one cases.jsonl per folder). */
function setName(file: string): string {
  const folder = basename(dirname(resolve(file)));
  return basename(file) === 'cases.jsonl' ? folder : `${folder}/${basename(file)}`;
}

interface Case {
  id: string;
  htmlFile: string;
  url: string | null;
}

/** The usable cases of a JSONL file; unusable lines are reported, counted and skipped. */
async function readCases(file: string, set: string): Promise<{ cases: Case[]; unusable: number }> {
  const baseDir = dirname(resolve(file));
  const cases: Case[] = [];
  let unusable = 0;
  (await readFile(file, 'utf8')).split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const raw = JSON.parse(line) as { id?: unknown; html_file?: unknown; url?: unknown };
      if (typeof raw.html_file !== 'string') throw new Error('no html_file');
      cases.push({
        id: String(raw.id ?? `line ${index + 1}`),
        htmlFile: resolve(baseDir, raw.html_file),
        url: typeof raw.url === 'string' && raw.url ? raw.url : null,
      });
    } catch (error) {
      console.error(`[${set}] skipped line ${index + 1}: ${message(error)}`);
      unusable++;
    }
  });
  return { cases, unusable };
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function measure(
  tab: OfflinePage,
  c: Case,
  bundles: string[],
  options: Options,
  prime: boolean,
): Promise<PageTiming> {
  const html = await readHtmlFile(c.htmlFile);
  await tab.load(servedUrl(c.url, FALLBACK_URL, options.ownOrigin), html, LOAD_TIMEOUT_MS);
  await tab.inject(...bundles);
  // Ours gets the case's own URL, as `npm run eval` passes it, whatever the page was served at.
  const url = c.url ?? FALLBACK_URL;
  const run = (runs: number) =>
    withTimeout(
      tab.page.evaluate(
        ([pageUrl, n]) =>
          (globalThis as unknown as { backstoryBench: typeof import('./harness') }).backstoryBench.run(
            pageUrl,
            n,
          ),
        [url, runs] as const,
      ),
      MEASURE_TIMEOUT_MS,
      'measuring',
    );
  if (prime) await run(PRIME_RUNS);
  return run(options.runs);
}

interface Summary {
  n: number;
  ours: number;
  readability: number;
  oursP90: number;
  oursFirst: number;
  readabilityFirst: number;
  articles: number;
}

function summarise(results: PageResult[]): Summary {
  const ours = results.map((r) => r.oursMs);
  return {
    n: results.length,
    ours: median(ours),
    readability: median(results.map((r) => r.readabilityMs)),
    oursP90: quantile(ours, 0.9),
    oursFirst: median(results.map((r) => r.oursFirstMs)),
    readabilityFirst: median(results.map((r) => r.readabilityFirstMs)),
    articles: results.filter((r) => r.isArticle).length,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))),
    )
    .map((cells) => cells.join('  '))
    .join('\n');
}

export async function benchExtract(args: string[]): Promise<void> {
  const options = parseOrExit(parseArgs, args, USAGE);
  const started = performance.now();
  const built = await extractBundles(options.against);
  const bundles = [built.ours, built.readability, built.harness, ...(built.against ? [built.against] : [])];

  // All CASES files are read before the browser starts, so a mistyped path fails at once.
  const sets: { name: string; cases: Case[] }[] = [];
  const skipped = new Map<string, number>();
  for (const file of options.files) {
    const name = setName(file);
    const { cases, unusable } = await readCases(file, name);
    sets.push({ name, cases });
    skipped.set(name, unusable);
  }

  const results: PageResult[] = [];
  const browser = await launchBenchChromium();
  try {
    const context: BrowserContext = await browser.newContext();
    let tab = await openOfflinePage(context);
    // A new tab may be a new renderer, whose JIT starts cold again.
    let prime = !options.ownOrigin;
    for (const { name: set, cases } of sets) {
      const setStarted = performance.now();
      for (const [index, c] of cases.entries()) {
        try {
          results.push({ set, id: c.id, ...(await measure(tab, c, bundles, options, prime)) });
          prime = false;
        } catch (error) {
          console.error(`[${set}] skipped ${c.id}: ${message(error)}`);
          skipped.set(set, (skipped.get(set) ?? 0) + 1);
          // A timed-out or crashed page may still be busy: start the next case on a fresh one.
          await tab.close();
          tab = await openOfflinePage(context);
          prime = !options.ownOrigin;
        }
        const done = index + 1;
        if (done % PROGRESS_EVERY === 0 || done === cases.length) {
          const seconds = ((performance.now() - setStarted) / 1000).toFixed(1);
          console.error(`[${set}] ${done}/${cases.length} pages, ${seconds} s`);
        }
      }
    }
  } finally {
    await browser.close();
  }

  if (results.some((r) => !r.isolated)) {
    console.error('warning: some pages were not cross-origin isolated; their times are in 0.1 ms steps');
  }
  if (options.out) {
    await writeFile(options.out, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.error(`per-page timings written to ${options.out}`);
  }

  const header = ['set', 'n', 'skipped', 'articles', 'ours_p50', 'readab_p50', 'ratio', 'ours_p90'];
  const rows = [[...header, 'ours_first_p50', 'readab_first_p50']];
  for (const { name: set } of sets) {
    const s = summarise(results.filter((r) => r.set === set));
    rows.push([
      set,
      String(s.n),
      String(skipped.get(set) ?? 0),
      String(s.articles),
      ms(s.ours),
      ms(s.readability),
      ratio(s.ours, s.readability),
      ms(s.oursP90),
      ms(s.oursFirst),
      ms(s.readabilityFirst),
    ]);
  }
  const all = summarise(results);
  console.log(
    `extraction vs Readability.parse(), ms per page: medians of ${options.runs} timed runs after 1 warm-up`,
  );
  console.log(
    options.ownOrigin
      ? '(first = the warm-up run, in a fresh renderer: closest to what a real page load pays)'
      : '(first = the warm-up run, on a fresh document but with code the renderer has already run; see --own-origin)',
  );
  console.log(table(rows));

  const slowest = [...results].sort((a, b) => b.oursMs - a.oursMs).slice(0, options.top);
  if (slowest.length > 0) {
    console.log(`\nslowest ${slowest.length} pages for ours:`);
    console.log(
      table([
        ['set/id', 'ours', 'readab', 'article'],
        ...slowest.map((r) => [
          `${r.set}/${r.id}`,
          ms(r.oursMs),
          ms(r.readabilityMs),
          r.isArticle ? 'yes' : 'no',
        ]),
      ]),
    );
  }
  console.error(`${results.length} pages measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  if (options.against) {
    const paired = results.filter((r) => r.againstMs !== null && r.againstMs > 0);
    const against = median(paired.map((r) => r.againstMs ?? NaN));
    const perPage = median(paired.map((r) => r.oursMs / (r.againstMs ?? NaN)));
    console.log(`\nours against ${options.against}, same rounds, ${paired.length} pages:`);
    console.log(
      `ours_vs_against=${ratio(all.ours, against)} against_ms_p50=${ms(against)} ` +
        `per_page_ratio_p50=${Number.isFinite(perPage) ? perPage.toFixed(3) : 'na'}`,
    );
  }
  const nonArticle = median(results.filter((r) => !r.isArticle).map((r) => r.oursMs));
  console.log(
    `extract_vs_readability=${ratio(all.ours, all.readability)} ours_ms_p50=${ms(all.ours)} ` +
      `readability_ms_p50=${ms(all.readability)} nonarticle_ms_p50=${ms(nonArticle)}`,
  );
}
