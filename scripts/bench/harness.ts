/**
 * Runs inside the benchmark page, bundled into an IIFE (`globalThis.backstoryBench`). It
 * finds our extractor and Readability on globals installed by their own bundles, so each
 * tool is the minified code a user would ship, and this file adds nothing to either.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { extractPage as ExtractPage } from '../../utils/extract';

interface BenchGlobals {
  backstoryExtract: { extractPage: typeof ExtractPage };
  /** With `--against DIR`: the extractor of another checkout, timed in the same rounds as ours. */
  backstoryExtractAgainst?: { extractPage: typeof ExtractPage };
  backstoryReadability: { Readability: typeof ReadabilityClass };
  /** Present when Chromium runs with --js-flags=--expose-gc. */
  gc?: () => void;
}

export interface PageTiming {
  /** Per-page medians over the timed runs, in ms. */
  oursMs: number;
  readabilityMs: number;
  /** The other checkout's median with `--against`, else null. */
  againstMs: number | null;
  /**
   * The warm-up run of each: the only run the extension makes on a real page, which pays
   * for this document's first use of the code (and, in a fresh renderer, for compiling it).
   */
  oursFirstMs: number;
  readabilityFirstMs: number;
  isArticle: boolean;
  /** Whether Readability returned an article (null means it gave up on the page). */
  readabilityArticle: boolean;
  /** High-resolution clock available (cross-origin isolated): 5 µs steps instead of 100 µs. */
  isolated: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export function run(url: string, runs: number): PageTiming {
  const g = globalThis as unknown as BenchGlobals;
  const { extractPage } = g.backstoryExtract;
  const against = g.backstoryExtractAgainst?.extractPage;
  const { Readability } = g.backstoryReadability;
  // Collecting before every timed run keeps one tool's garbage (Readability makes a lot)
  // from being collected, and billed, during the other's run.
  const collect = g.gc ?? (() => undefined);
  let isArticle = false;
  let readabilityArticle = false;

  const timeExtract = (extract = extractPage): number => {
    collect();
    const start = performance.now();
    const result = extract(document, url);
    const elapsed = performance.now() - start;
    if (extract === extractPage) isArticle = result.isArticle;
    return elapsed;
  };
  // parse() rewrites the document it is given, so each run gets a fresh clone, made
  // before the clock starts: the clone is the harness's cost, not Readability's.
  const timeReadability = (): number => {
    const clone = document.cloneNode(true) as Document;
    collect();
    const start = performance.now();
    const article = new Readability(clone).parse();
    const elapsed = performance.now() - start;
    readabilityArticle = article !== null;
    return elapsed;
  };

  const oursFirstMs = timeExtract();
  const readabilityFirstMs = timeReadability();
  const ours: number[] = [];
  const readability: number[] = [];
  const others: number[] = [];
  // Each timed run of an extractor comes right after a Readability run, the other checkout's too.
  const timeAgainst = (): void => {
    if (!against) return;
    others.push(timeExtract(against));
    readability.push(timeReadability());
  };
  if (against) {
    timeExtract(against);
    timeReadability();
  }
  // Alternating spreads any drift (thermal, background work) over both tools alike. It also
  // means each of our runs starts after a Readability run has swept the CPU caches, as a
  // content script starts after the page's own scripts: run back to back, ours takes about
  // half as long (measured: a 32 MB memory sweep between runs costs ours the same).
  for (let i = 0; i < runs; i++) {
    // With --against, the two extractors take turns going first in a round.
    if (i % 2) timeAgainst();
    ours.push(timeExtract());
    readability.push(timeReadability());
    if (!(i % 2)) timeAgainst();
  }
  return {
    oursMs: median(ours),
    readabilityMs: median(readability),
    againstMs: against ? median(others) : null,
    oursFirstMs,
    readabilityFirstMs,
    isArticle,
    readabilityArticle,
    isolated: globalThis.crossOriginIsolated === true,
  };
}
