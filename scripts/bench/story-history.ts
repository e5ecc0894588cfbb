/**
 * A deterministic synthetic reading history for `npm run bench -- stories`, shaped like real news:
 * - stories of 1–200 articles with a heavy tail (truncated Pareto): most stories are one or two articles,
 *   a few run to hundreds, and those run for weeks;
 * - stories grouped in themes (a theme is a few stories that publishers cross-link, like the summit, the
 *   workers and Zelensky in the seed's "MORE ON THEME");
 * - headlines made of the story's own names, the theme's name, a place from a shared pool and words from a
 *   shared vocabulary drawn with a Zipf-like skew, so common words are in thousands of headlines;
 * - several sites, dated URLs with slugs, publication times, and related lists that link mostly to earlier
 *   coverage of the same story and sometimes to other stories of the theme;
 * - some articles the reader never opens, only sees listed as related coverage.
 * Runs in the benchmark page (bundled with esbuild) and touches no browser API.
 */
import type { ArticleReport } from '../../utils/messaging/schemas';

export interface HistoryItem {
  report: ArticleReport;
  /** When the reader opens it (the `now` of recordArticle). */
  at: number;
  story: number;
}

export interface SyntheticHistory {
  /** Reports in reading order (the reader reads roughly as things are published). */
  visits: HistoryItem[];
  /** The `extra` articles' reports, after the history in time: new arrivals to measure. */
  arrivals: HistoryItem[];
  storyCount: number;
  themeCount: number;
  /** Articles in the universe, visited or only listed. */
  articleCount: number;
}

interface Article {
  id: number;
  story: number;
  headline: string;
  url: string;
  publishedMs: number;
  publishedAt: string;
  listedOnly: boolean;
}

const DAY = 86_400_000;
/** History starts here; the synthetic reader reads about 300 articles a day. */
const START = Date.UTC(2025, 0, 1);
const ARTICLES_PER_DAY = 300;
const MAX_STORY = 200;
/** Pareto shape: about 45% of stories are single articles, 1% exceed 50. */
const STORY_SIZE_ALPHA = 1.1;
const LISTED_ONLY_SHARE = 0.1;
const RELATED_SHARE = 0.7;
const SITES = [
  'www.dailyherald.example',
  'news.globepost.example',
  'www.theledger.example',
  'www.morningwire.example',
  'www.courier.example',
  'www.nordictimes.example',
  'www.pacificreport.example',
  'www.citydesk.example',
];

const SYLLABLES = 'ka lo mi nu pe ra si to vu ze bo di fa gu he jo ran tel mar vik dor sen wal brek'.split(
  ' ',
);
const VERBS = (
  'says warns plans faces rejects backs seeks wins loses signs blocks delays approves denies urges calls ' +
  'launches ends halts raises cuts probes charges accuses meets visits opens closes expands'
).split(' ');
const NOUNS = (
  'talks vote court deal strike report plan crisis fire rescue budget trial election protest inquiry ' +
  'summit sanctions ceasefire tariffs reform merger lawsuit scandal outbreak storm flood drought shortage ' +
  'rally verdict appeal contract agreement investigation review hearing ban bid offer leader minister ' +
  'officials workers police army rebels voters investors prices rates jobs profits losses markets shares ' +
  'oil gas power water schools hospitals housing rents taxes debt aid border refugees troops talks data ' +
  'security privacy climate emissions energy exports imports growth inflation recession strike union'
).split(' ');
const ADJECTIVES = (
  'new major fresh growing deadly historic tense surprise record rare key final early late second ' +
  'first global national local emergency'
).split(' ');
const LINKS = 'as after amid over ahead of before despite in for with against'.split(' ');

/** mulberry32: small, fast, and the same sequence on every run and in every browser. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function slugOf(headline: string): string {
  return headline
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 8)
    .join('-');
}

/**
 * `count` articles (plus `extra` after them in time, for measuring new arrivals); the visits are those the
 * reader opens, in order. The same arguments give the same history.
 */
export function syntheticHistory(count: number, extra = 0, seed = 2025): SyntheticHistory {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Zipf-like: low indices come up far more often, like "says" and "talks" in real headlines.
  const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * rnd() ** 2.5)]!;
  const usedNames = new Set<string>();
  // Distinct where the syllables allow; a collision now and then is realistic (two stories about Kim).
  const name = (syllables: number): string => {
    let w = '';
    for (let attempt = 0; attempt < 20 && (!w || usedNames.has(w)); attempt++) {
      w = '';
      for (let i = 0; i < syllables; i++) w += pick(SYLLABLES);
    }
    usedNames.add(w);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const places = Array.from({ length: 400 }, () => name(2));

  const total = count + extra;
  const spanDays = Math.max(20, total / ARTICLES_PER_DAY);
  const articles: Article[] = [];
  const storyArticles: number[][] = [];
  const themeStories: number[][] = [];
  const storyTheme: number[] = [];

  while (articles.length < total * 1.02) {
    // A theme: 1–10 stories around a shared name, starting within two months of each other.
    const theme = themeStories.length;
    const themeName = name(4);
    const themeStart = START + rnd() * spanDays * DAY;
    const stories: number[] = [];
    themeStories.push(stories);
    const storiesInTheme = 1 + Math.floor(rnd() ** 2 * 10);
    for (let s = 0; s < storiesInTheme; s++) {
      const story = storyArticles.length;
      stories.push(story);
      storyTheme.push(theme);
      const size = Math.min(MAX_STORY, Math.floor(1 / (1 - rnd()) ** (1 / STORY_SIZE_ALPHA)));
      const start = themeStart + rnd() * 60 * DAY;
      const duration = size === 1 ? 0 : Math.min(42, (0.5 + rnd() * 3) * Math.sqrt(size)) * DAY;
      const own = [name(4), name(4)];
      const place = pick(places);
      const members: number[] = [];
      storyArticles.push(members);
      for (let k = 0; k < size; k++) {
        const publishedMs = Math.round(
          start + (size === 1 ? 0 : (duration * k) / (size - 1)) + rnd() * 3 * 3600e3,
        );
        const headline = headlineFor(own, themeName, place);
        const id = articles.length;
        const site = pick(SITES);
        const day = isoSeconds(publishedMs).slice(0, 10).replace(/-/g, '/');
        const query = rnd() < 0.1 ? '?utm_source=feed' : '';
        articles.push({
          id,
          story,
          headline,
          url: `https://${site}/${day}/${slugOf(headline)}-${id.toString(36)}${query}`,
          publishedMs,
          publishedAt: isoSeconds(publishedMs),
          listedOnly: rnd() < LISTED_ONLY_SHARE,
        });
        members.push(id);
      }
    }
  }

  function headlineFor(own: string[], themeName: string, place: string): string {
    const a = rnd() < 0.7 ? own[0]! : own.join(' ');
    const words = [skewed(NOUNS), skewed(NOUNS)];
    switch (Math.floor(rnd() * 5)) {
      case 0:
        return `${a} ${skewed(VERBS)} ${words[0]} ${pick(LINKS)} ${themeName} ${words[1]}`;
      case 1:
        return `${themeName} ${words[0]}: ${a} ${skewed(VERBS)} ${skewed(ADJECTIVES)} ${words[1]}`;
      case 2:
        return `${skewed(ADJECTIVES)} ${words[0]} in ${place} ${pick(LINKS)} ${a} ${skewed(VERBS)} ${words[1]}`;
      case 3:
        return `${a} ${words[0]}: ${place} ${skewed(VERBS)} ${words[1]}`;
      default:
        return `${place} ${words[0]} ${skewed(VERBS)} ${a} ${pick(LINKS)} ${themeName} ${words[1]}`;
    }
  }

  // Publication order; `total` of them make the universe, so a story may be cut short at the end.
  const ordered = [...articles].sort((x, y) => x.publishedMs - y.publishedMs).slice(0, total);
  const rank = new Map(ordered.map((a, i) => [a.id, i]));
  const related = (a: Article): ArticleReport['related'] => {
    if (rnd() >= RELATED_SHARE) return [];
    const mine = rank.get(a.id)!;
    const earlier = (story: number) =>
      storyArticles[story]!.filter((id) => (rank.get(id) ?? Infinity) < mine).map((id) => articles[id]!);
    const out: Article[] = [];
    const sameStory = earlier(a.story).slice(-12);
    for (let n = 2 + Math.floor(rnd() * 7); n > 0 && sameStory.length; n--) {
      out.push(sameStory.splice(Math.floor(rnd() * sameStory.length), 1)[0]!);
    }
    for (const other of themeStories[storyTheme[a.story]!]!) {
      if (other === a.story || rnd() < 0.5) continue;
      out.push(...earlier(other).slice(-2));
    }
    return out.map((r) => ({
      title: r.headline,
      url: r.url,
      publishedAt: rnd() < 0.8 ? r.publishedAt : r.publishedAt.slice(0, 10),
    }));
  };
  const toVisit = (a: Article): HistoryItem => ({
    report: {
      url: a.url,
      canonicalUrl: rnd() < 0.3 ? a.url.replace(/\?.*$/, '') : null,
      headline: a.headline,
      publishedAt: a.publishedAt,
      related: related(a),
    },
    at: a.publishedMs + Math.round(rnd() * 6 * 3600e3),
    story: a.story,
  });
  return {
    visits: ordered
      .slice(0, count)
      .filter((a) => !a.listedOnly)
      .map(toVisit),
    arrivals: ordered.slice(count).map(toVisit),
    storyCount: new Set(ordered.slice(0, count).map((a) => a.story)).size,
    themeCount: new Set(ordered.slice(0, count).map((a) => storyTheme[a.story])).size,
    articleCount: count,
  };
}
