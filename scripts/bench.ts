/**
 * `npm run bench -- SUBCOMMAND [ARGS]`: performance benchmarks, each in scripts/bench/.
 *
 *   npm run bench -- extract CASES.jsonl [CASES2.jsonl ...] [--runs N] [--top K] [--out FILE.jsonl] [--own-origin]
 *                                [--against DIR]
 *   npm run bench -- ui [--runs N] [--articles N]
 *   npm run bench -- stories [--sizes 1000,100000] [--queries N] [--arrivals N] [--ingest-budget S]
 */
import { benchExtract } from './bench/extract';
import { benchStories } from './bench/stories';
import { benchUi } from './bench/ui';

type Subcommand = (args: string[]) => Promise<void>;

const SUBCOMMANDS: Record<string, Subcommand> = {
  extract: benchExtract,
  ui: benchUi,
  stories: benchStories,
};

function usage(): never {
  console.error(
    [
      'usage: npm run bench -- SUBCOMMAND [ARGS]',
      '',
      '  extract CASES.jsonl [CASES2.jsonl ...] [--runs N] [--top K] [--out FILE.jsonl] [--own-origin] [--against DIR]',
      '      our detection+extraction vs @mozilla/readability parse(), timed in the same headless Chromium page',
      '  ui [--runs N] [--articles N]',
      '      popup.html?url=… to its timeline on screen, demo story only vs among 100,000 more articles',
      '  stories [--sizes 1000,100000] [--queries N] [--arrivals N] [--ingest-budget S]',
      '      ingest, story assignment, timeline query and memory over synthetic histories, in headless',
      '      Chromium against real IndexedDB',
    ].join('\n'),
  );
  process.exit(2);
}

const [name, ...args] = process.argv.slice(2);
const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
if (!subcommand) usage();
subcommand(args).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
