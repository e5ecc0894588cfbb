import { describe, expect, it } from 'vitest';
import { urlScore } from '../../utils/extract/detect';

describe('urlScore: what a URL says of its page', () => {
  it.each([
    ['https://news.example/2025/08/13/harbour-reopens', 'a dated path'],
    ['https://news.example/world/2025-aug-13/harbour', 'a year and a month name'],
    ['https://news.example/world/20250813-harbour', 'a compact date'],
    ['https://news.example/world/harbour-reopens-after-storm', 'a slug of four words'],
    ['https://news.example/world/harbour_reopens_after_storm.html', 'a slug joined by underscores'],
    ['https://news.example/world/story/12345678', 'a long id last'],
    ['https://news.example/2025/08/13/1234567', 'a long id after a date'],
    ['https://news.example/world/story-12345678.html/', 'a long id in the last part, trailing slash'],
    ['https://news.example/a/3f2b8c1d-9e4a-4b7c-8d2e-0f1a2b3c4d5e', 'a UUID'],
  ])('%s is shaped like a story (%s)', (url) => {
    expect(urlScore(url)).toBe(1);
  });

  it.each([
    ['https://news.example/', -2],
    // The site's own pages score below anything metadata and prose can make up.
    ['https://news.example/about-us/', -5],
    ['https://news.example/info/privacy-policy', -5],
    ['https://news.example/contatto/', -5],
    ['https://news.example/search?q=harbour', -2],
    ['https://news.example/tag/harbour-reopens-after-storm', -2],
    // Galleries under a dated path, as large sites file them.
    ['https://news.example/slideshow/2025/08/13/world/harbour-storm', -2],
    ['https://news.example/album/2025/08/13/5f3c9a2e/harbour.html', -2],
    ['https://news.example/cronaca/fotogallery/harbour-storm-4123999/', -2],
    // A CMS's category archives, nested or not; stories filed under "archive" are stories.
    ['https://news.example/blog/category/politics/', -2],
    ['https://news.example/kategorie/politik/landtag/', -2],
    ['https://news.example/magazine/archive/2024/05/harbour-reopens-after-storm/', 1],
    ['https://news.example/archives/166607', 1],
    // A date and nothing after it: a month's or a day's archive.
    ['https://news.example/2025/03/', -2],
    ['https://news.example/blog/2025/03/14/', -2],
    ['https://news.example/politics', -1],
    ['https://news.example/sport/football/', -1],
    // An id that is not in the last part, a slug of three words, a number too short for an id.
    ['https://news.example/12345678/world', 0],
    ['https://news.example/news/world/harbour-reopens-today', 0],
    ['https://news.example/world/live/2024', 0],
    // A script's name with the story's long id in the query: not a section's plain words.
    ['https://news.example/storypage.php?autono=166607', 0],
    ['https://news.example/politics?page=2', -1],
  ])('%s scores %i', (url, score) => {
    expect(urlScore(url)).toBe(score);
  });
});
