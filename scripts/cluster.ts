/**
 * `npm run --silent cluster -- HEADLINES.jsonl`: feeds JSON lines {"id","title","url"?,"site"?,"publishedAt"?}
 * to the story engine one at a time in file order, then prints {"id","storyId"} for every input line, in
 * input order, with the story each item ended up in after any later merges. Nothing else goes to stdout.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type ArticleInput, createEngine, type StoryEngineOptions } from '../utils/stories';

interface Line {
  /** The id as written (string or number), echoed back as is. */
  id: string | number;
  article: ArticleInput;
}

function parseLine(line: string, lineNumber: number): Line {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    throw new Error(`line ${lineNumber}: invalid JSON (${(error as Error).message})`);
  }
  if (typeof row !== 'object' || row === null) throw new Error(`line ${lineNumber}: not a JSON object`);
  const { id, title, url, site, publishedAt } = row as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`line ${lineNumber}: no id`);
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    id,
    article: {
      id: String(id),
      title: text(title) ?? '',
      url: text(url),
      site: text(site),
      publishedAt: typeof publishedAt === 'number' ? publishedAt : text(publishedAt),
    },
  };
}

/** One {"id","storyId"} per non-empty input line, in input order, with the story after all merges. */
export async function clusterFile(
  path: string,
  options: Partial<StoryEngineOptions> = {},
): Promise<{ id: string | number; storyId: string | null }[]> {
  const engine = createEngine(options);
  const lines: Line[] = [];
  let lineNumber = 0;
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    lineNumber++;
    if (!text.trim()) continue;
    const line = parseLine(text, lineNumber);
    engine.assign(line.article);
    lines.push(line);
  }
  return lines.map(({ id, article }) => ({ id, storyId: engine.storyOf(article.id) ?? null }));
}

async function main(argv: string[]): Promise<void> {
  const [path, extra] = argv;
  if (!path || extra !== undefined) {
    console.error('usage: npm run --silent cluster -- HEADLINES.jsonl');
    process.exit(2);
  }
  const rows = await clusterFile(path);
  process.stdout.write(rows.map((row) => JSON.stringify(row) + '\n').join(''));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
