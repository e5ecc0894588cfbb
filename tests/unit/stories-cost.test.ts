// @vitest-environment node
import { random } from '../../scripts/bench/story-history';
import { type AssignMeasure, createEngine, type StoryEngineOptions } from '../../utils/stories';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'nu',
  'pe',
  'ra',
  'si',
  'to',
  'vu',
  'ze',
  'bo',
  'di',
  'fa',
  'gu',
  'he',
  'jo',
];

function word(rnd: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return w;
}

/**
 * A news-like feed: stories of a few articles, each headline two of its story's own names plus three words
 * from a shared vocabulary of 300 (drawn with a skew, so some are in thousands of headlines), and stories
 * overlapping in time like a day's news.
 */
function* syntheticFeed(count: number): Generator<{ id: string; title: string }> {
  const rnd = random(42);
  const common = Array.from({ length: 300 }, () => word(rnd, 3));
  const live: { names: string[]; left: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (live.length < 40 || rnd() < 0.15) {
      const names = Array.from({ length: 3 }, () => word(rnd, 4));
      live.push({
        names: names.map((n) => n[0]!.toUpperCase() + n.slice(1)),
        left: 3 + Math.floor(rnd() * 8),
      });
    }
    const at = Math.floor(rnd() * live.length);
    const story = live[at]!;
    const names = [...story.names].sort(() => rnd() - 0.5).slice(0, 2);
    const words = Array.from({ length: 3 }, () => common[Math.floor(common.length * rnd() ** 2)]!);
    yield { id: `a${i}`, title: [names[0], ...words.slice(0, 2), names[1], words[2]].join(' ') };
    if (--story.left === 0) live.splice(at, 1);
  }
}

/** Mean work of the assignments in [from, to), for a feed of `to` items. */
function meanWork(to: number, from: number, options: Partial<StoryEngineOptions> = {}) {
  let postings = 0;
  let scored = 0;
  let measured = 0;
  let index = 0;
  const engine = createEngine({
    ...options,
    onMeasure: (m: AssignMeasure) => {
      if (index >= from) {
        postings += m.postingsRead;
        scored += m.candidatesScored;
        measured++;
      }
    },
  });
  for (const item of syntheticFeed(to)) {
    engine.assign(item);
    index++;
  }
  return { postings: postings / measured, scored: scored / measured, stories: engine.storyCount };
}

describe('story engine: cost per assignment', () => {
  it('does not grow from 1k to 20k articles of history', () => {
    const early = meanWork(1_000, 900);
    const late = meanWork(20_000, 19_900);
    expect(late.stories).toBeGreaterThan(2_000); // scanning the history would show
    expect(late.scored).toBeLessThanOrEqual(early.scored * 1.25 + 1);
    expect(late.postings).toBeLessThanOrEqual(early.postings * 1.25 + 1);
    expect(late.scored).toBeLessThanOrEqual(32);
  });

  it('would grow without the caps (the measure sees history scans)', () => {
    const uncapped = { maxCandidates: 1e9, maxStoriesPerTerm: 1e9 };
    const early = meanWork(500, 400, uncapped);
    const late = meanWork(2_500, 2_400, uncapped);
    expect(late.postings).toBeGreaterThan(early.postings * 3);
  });

  it('still groups the synthetic stories while capped', () => {
    const engine = createEngine();
    const items = [...syntheticFeed(1_500)];
    for (const item of items) engine.assign(item);
    // Articles of one synthetic story share its first name word; most of them should share one story id.
    const byName = new Map<string, Set<string>>();
    for (const item of items) {
      const key = item.title.split(' ')[0]!;
      const ids = byName.get(key) ?? new Set<string>();
      ids.add(engine.storyOf(item.id)!);
      byName.set(key, ids);
    }
    const whole = [...byName.values()].filter((ids) => ids.size === 1).length;
    expect(whole / byName.size).toBeGreaterThan(0.8);
  });
});
