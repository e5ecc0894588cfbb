/**
 * When metadata alone decides: a page that says it is a story three ways (an article node, a story's
 * address, a main heading) is taken for one without its prose being read, unless its JSON-LD also
 * describes a list, a video, a gallery or a live ticker.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../utils/extract';
import { parseHtml } from './helpers';

const STORY_URL = 'https://news.example/world/2025/08/13/leaders-meet-ahead-of-summit';
const SUMMARY = 'A summary of another story, long enough to count as prose in its own frame. '.repeat(8);

/** Three whole posts, each under its linked title: the prose of a blog's front page. */
function page(types: string[]): Document {
  const posts = [1, 2, 3]
    .map(
      (n) =>
        `<div class="post"><h2><a href="/world/2025/08/1${n}/another-story-number-${n}">Another story from the summit, number ${n}</a></h2>` +
        `<div class="body"><p>${SUMMARY}</p></div></div>`,
    )
    .join('');
  const graph = types.map((type) => ({ '@type': type, headline: 'Leaders meet ahead of summit' }));
  return parseHtml(
    `<html><head><title>Leaders meet ahead of summit</title>` +
      `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>` +
      `</head><body><h1>Leaders meet ahead of summit</h1>${posts}</body></html>`,
  );
}

describe('a verdict from metadata alone', () => {
  it('takes an article node at a story address under a heading for a story, whatever its prose', () => {
    expect(extractPage(page(['NewsArticle']), STORY_URL).isArticle).toBe(true);
  });

  it('reads the prose where the address is not a story address', () => {
    // The same page at a section's address: three whole posts make it a listing.
    expect(extractPage(page(['NewsArticle']), 'https://news.example/world').isArticle).toBe(false);
  });

  it.each(['ItemList', 'VideoObject', 'ImageGallery', 'MediaGallery'])(
    'reads the prose where the JSON-LD also describes a %s',
    (type) => {
      expect(extractPage(page(['NewsArticle', type]), STORY_URL).isArticle).toBe(false);
    },
  );

  it('reads the prose of a live blog', () => {
    expect(extractPage(page(['LiveBlogPosting']), STORY_URL).isArticle).toBe(false);
  });
});
