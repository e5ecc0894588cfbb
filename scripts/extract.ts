/**
 * Runs the extension's own extraction code in Node.
 *
 *   npm run --silent extract -- page.html [--url URL]      one page, pretty JSON
 *   npm run --silent extract -- --batch CASES.jsonl        one JSON line per case, in input order
 */
import { createReadStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { extractPage } from '../utils/extract';
import { parseDocument, readHtmlFile } from './lib/load-page';

/** Readability's harness loads every page from here; used when a case has no URL. */
export const FALLBACK_URL = 'http://fakehost/test/page.html';

export interface BatchCase {
  id: unknown;
  html_file: string;
  url?: string | null;
}

export interface BatchResult {
  id: unknown;
  isArticle: boolean;
  headline: string | null;
  publishedAt: string | null;
  related: { title: string; url: string; publishedAt: string | null }[];
  ms: number;
  error: string | null;
}

/** Extracts one case; every failure becomes the case's `error`, never an exception. */
export async function runCase(c: BatchCase, baseDir: string): Promise<BatchResult> {
  const result = emptyResult(c.id);
  try {
    if (typeof c.html_file !== 'string') throw new Error('case has no html_file');
    const doc = parseDocument(await readHtmlFile(resolve(baseDir, c.html_file)));
    const url = caseUrl(c);
    const start = performance.now();
    const page = extractPage(doc, url, { extractNonArticles: true });
    result.ms = Math.round((performance.now() - start) * 1000) / 1000;
    result.isArticle = page.isArticle;
    result.headline = page.headline;
    result.publishedAt = page.publishedAt;
    result.related = page.related;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

/** Streams the cases of a JSONL file through `runCase`, calling `emit` in input order. */
export async function runBatch(casesFile: string, emit: (r: BatchResult) => void): Promise<void> {
  const baseDir = dirname(resolve(casesFile));
  const lines = createInterface({ input: createReadStream(casesFile), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let c: BatchCase;
    try {
      c = JSON.parse(line) as BatchCase;
    } catch (error) {
      emit({ ...emptyResult(`line ${lineNo}`), error: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    emit(await runCase(c, baseDir));
  }
}

/** The address a case is extracted at: its own, else FALLBACK_URL. */
export const caseUrl = (c: BatchCase): string => (typeof c.url === 'string' && c.url ? c.url : FALLBACK_URL);

/** A case's result before extraction: nothing found, no error. */
export function emptyResult(id: unknown): BatchResult {
  return { id, isArticle: false, headline: null, publishedAt: null, related: [], ms: 0, error: null };
}

function usage(): never {
  console.error('usage: extract PAGE.html[.gz] [--url URL]\n       extract --batch CASES.jsonl');
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const batch = argv.indexOf('--batch');
  if (batch >= 0) {
    const file = argv[batch + 1] ?? usage();
    await runBatch(file, (r) => process.stdout.write(JSON.stringify(r) + '\n'));
    return;
  }
  let url: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--url') url = argv[++i] ?? usage();
    else if (!file && !argv[i]?.startsWith('--')) file = argv[i];
    else usage();
  }
  if (!file) usage();
  const result = await runCase({ id: file, html_file: file, url }, process.cwd());
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if (result.error) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
