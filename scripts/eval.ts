/**
 * `npm run eval -- DIR`: runs the extraction batch over every cases.jsonl under DIR and
 * scores it with the corpus's own rules (tools/score.py, found beside the corpus or given
 * with --score), printing the figures per set. Story grouping is scored the same way on
 * every headlines-blind.jsonl that has a gold-blind.jsonl beside it.
 * With `--browser chromium|firefox`, the pages are extracted in that browser (scripts/lib/browser-batch.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { clusterFile } from './cluster';
import { type BatchResult, runBatch } from './extract';
import type { BrowserName } from './lib/browser-batch';

function findFiles(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...findFiles(path, name));
    else if (entry === name) out.push(path);
  }
  return out;
}

/** tools/score.py in DIR or one of its parents (the corpus lives in shared/corpus, the scorer in shared/tools). */
function findScorer(dir: string): string | null {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, 'tools', 'score.py');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return null;
  }
}

function score(scorer: string, args: string[]): void {
  const run = spawnSync('python3', [scorer, ...args], { encoding: 'utf8' });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exitCode = 1;
  }
}

async function main(argv: string[]): Promise<void> {
  const valueOf = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const scorerArg = valueOf('--score');
  const browser = valueOf('--browser');
  const dir = argv.find(
    (a, i) => !a.startsWith('--') && !['--score', '--browser'].includes(argv[i - 1] ?? ''),
  );
  // Loaded only when asked for: the browser drivers take over a second to import.
  const inBrowser = argv.includes('--browser') ? await import('./lib/browser-batch') : null;
  if (!dir || (inBrowser && !inBrowser.BROWSERS.includes(browser as BrowserName))) {
    console.error(
      'usage: npm run eval -- CORPUS_DIR [--score path/to/score.py] [--browser chromium|firefox]\n' +
        '  --browser B  extract in headless Chromium or Firefox instead of Node (linkedom)',
    );
    process.exit(2);
  }
  const scorer = scorerArg ?? findScorer(dir);
  if (!scorer) throw new Error(`no tools/score.py found above ${dir}; pass --score`);
  const work = mkdtempSync(join(tmpdir(), 'backstory-eval-'));

  for (const cases of findFiles(dir, 'cases.jsonl')) {
    const set = relative(dir, dirname(cases)) || basename(resolve(dir));
    const results: BatchResult[] = [];
    const started = performance.now();
    const emit = (r: BatchResult) => results.push(r);
    await (inBrowser
      ? inBrowser.runBatchInBrowser(cases, browser as BrowserName, emit)
      : runBatch(cases, emit));
    const pred = join(work, `${set.replace(/[/\\]/g, '_')}.pred.jsonl`);
    writeFileSync(pred, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(
      `\n=== ${set} (${results.length} pages, ${((performance.now() - started) / 1000).toFixed(1)} s` +
        `${browser ? `, in ${browser}` : ''}) ===`,
    );
    score(scorer, ['extract', cases, pred]);
  }
  await evalStories(dir, scorer, work);
  console.log(`\npredictions kept in ${work}`);
}

/**
 * The blind headlines only: the plain headlines.jsonl gives the grouping away through its ids
 * and times (see the corpus README).
 */
async function evalStories(dir: string, scorer: string, work: string): Promise<void> {
  for (const headlines of findFiles(dir, 'headlines-blind.jsonl')) {
    const gold = join(dirname(headlines), 'gold-blind.jsonl');
    if (!existsSync(gold)) continue;
    const set = relative(dir, dirname(headlines)) || basename(resolve(dir));
    const started = performance.now();
    const rows = await clusterFile(headlines);
    const ms = performance.now() - started;
    const pred = join(work, `${set.replace(/[/\\]/g, '_')}.stories.pred.jsonl`);
    writeFileSync(pred, rows.map((r) => JSON.stringify(r) + '\n').join(''));
    console.log(`\n=== ${set} ===`);
    console.log(
      `${rows.length} headlines grouped in ${(ms / 1000).toFixed(1)} s (${(ms / rows.length).toFixed(2)} ms each)`,
    );
    score(scorer, ['cluster', gold, pred]);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
