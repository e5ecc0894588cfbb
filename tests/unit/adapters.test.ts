import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPage } from '../../utils/extract';
import { ADAPTERS, adaptersFor } from '../../utils/extract/adapters';
import type { PageExtraction } from '../../utils/extract/types';
import { parseHtml } from './helpers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'adapters');
const NOW = Date.UTC(2026, 6, 1);

interface Expected {
  url: string;
  genericRelatedCount?: number;
  genericPublishedAt?: string | null;
  result: PageExtraction;
}

function fixture(id: string): { doc: Document; expected: Expected } {
  const html = readFileSync(join(FIXTURES, `${id}.html`), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${id}.expected.json`), 'utf8')) as Expected;
  return { doc: parseHtml(html), expected };
}

describe('site adapters', () => {
  it('have unique ids', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
  });

  it.each(ADAPTERS.map((a) => a.id))('%s has a fixture page and its expected result', (id) => {
    expect(existsSync(join(FIXTURES, `${id}.html`)), `tests/fixtures/adapters/${id}.html`).toBe(true);
    expect(
      existsSync(join(FIXTURES, `${id}.expected.json`)),
      `tests/fixtures/adapters/${id}.expected.json`,
    ).toBe(true);
  });

  it.each(ADAPTERS.map((a) => a.id))('%s handles its fixture and patches the generic result', (id) => {
    const { doc, expected } = fixture(id);
    expect(adaptersFor(doc, expected.url).map((a) => a.id)).toContain(id);
    expect(extractPage(doc, expected.url, { now: NOW })).toEqual(expected.result);
    // The patch must matter: the generic path alone gives something else.
    const generic = extractPage(doc, expected.url, { now: NOW, adapters: false });
    expect(generic).not.toEqual(expected.result);
    if (expected.genericRelatedCount !== undefined)
      expect(generic.related).toHaveLength(expected.genericRelatedCount);
    if (expected.genericPublishedAt !== undefined)
      expect(generic.publishedAt).toBe(expected.genericPublishedAt);
  });

  it('leave other sites alone', () => {
    const doc = parseHtml('<html><head><title>x</title></head><body><h1>x</h1></body></html>');
    expect(adaptersFor(doc, 'https://news.example/world/story')).toEqual([]);
  });
});
