// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterFile } from '../../scripts/cluster';

const LINES = [
  { id: 'g0', title: 'Vigo without power after Galician gales' },
  { id: 'g1', title: 'Galician gales cut power in Vigo', site: 'example.es' },
  {
    id: 's0',
    title: 'Storm Ophira floods Porto harbour',
    url: 'https://example.pt/storm-ophira-floods-porto',
  },
  {
    id: 7,
    title: 'Nobel prize in chemistry goes to quantum dot pioneers',
    publishedAt: '2023-10-04T10:00:00Z',
  },
  { id: 'g2', title: 'Power cuts across Vigo as gales batter Galicia' },
  { id: 's1', title: 'Porto harbour flooded by Storm Ophira' },
  { id: 'g3', title: 'Vigo schools shut by Galician gales' },
  { id: 'bridge', title: 'Storm Ophira floods Porto harbour as Galician gales cut power in Vigo' },
];

function writeInput(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'stories-cli-')), 'headlines.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('cluster CLI', () => {
  it('reports every line in input order, with the story after later merges', async () => {
    const file = writeInput([
      ...LINES.slice(0, 4).map((l) => JSON.stringify(l)),
      '',
      ...LINES.slice(4).map((l) => JSON.stringify(l)),
    ]);
    const rows = await clusterFile(file);
    expect(rows.map((r) => r.id)).toEqual(LINES.map((l) => l.id));
    const story = new Map(rows.map((r) => [r.id, r.storyId]));
    // "s0" opened its own story; the bridging headline merged it into the Vigo one.
    for (const id of ['g1', 'g2', 'g3', 's0', 's1', 'bridge']) expect(story.get(id)).toBe(story.get('g0'));
    expect(story.get(7)).not.toBe(story.get('g0'));
  });

  it('prints exactly one {"id","storyId"} line per input line on stdout', () => {
    const file = writeInput(LINES.map((l) => JSON.stringify(l)));
    const out = execFileSync('npx', ['tsx', 'scripts/cluster.ts', file], { encoding: 'utf8' });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(LINES.length);
    for (const [i, line] of lines.entries()) {
      const row = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(row)).toEqual(['id', 'storyId']);
      expect(row.id).toEqual(LINES[i]!.id);
      expect(typeof row.storyId).toBe('string');
    }
  });

  it('refuses a line that is not JSON, naming it', async () => {
    const file = writeInput([JSON.stringify(LINES[0]), '{oops']);
    await expect(clusterFile(file)).rejects.toThrow(/line 2: invalid JSON/);
  });
});
