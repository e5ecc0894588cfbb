// @vitest-environment node
import { createEngine, type EngineState, type StoryEngine } from '../../utils/stories';

/** Invented headlines, a few stories per language, each told in several wordings. */
const STORIES: Record<string, string[]> = {
  volcano: [
    'Iceland volcano erupts near Grindavik after weeks of earthquakes',
    'Lava from Icelandic volcano reaches the edge of Grindavik',
    'Grindavik evacuated again as Reykjanes volcano erupts',
    'Icelandic authorities say Grindavik eruption is weakening',
  ],
  rail: [
    'Bahnstreik der GDL legt den Fernverkehr lahm',
    'GDL kündigt neuen Bahnstreik für Donnerstag an',
    'Bahnstreik der GDL: Pendler müssen umplanen',
    'Deutsche Bahn scheitert vor Gericht gegen den GDL-Streik',
  ],
  sncf: [
    'Grève à la SNCF : le trafic des TGV fortement perturbé',
    'La grève des contrôleurs de la SNCF se poursuit ce week-end',
    'SNCF : la grève des contrôleurs prive 150 000 voyageurs de TGV',
    'Grève SNCF : un accord trouvé avec les contrôleurs',
  ],
  liga: [
    'El Real Madrid gana la Liga tras vencer al Cádiz',
    'Ancelotti celebra el título de Liga del Real Madrid',
    'El Real Madrid, campeón de Liga por trigésimo sexta vez',
  ],
  etna: [
    "L'Etna torna a eruttare, chiuso l'aeroporto di Catania",
    "Eruzione dell'Etna, voli sospesi a Catania",
    "Catania, riapre l'aeroporto dopo l'eruzione dell'Etna",
  ],
  vote: [
    'Eleições em Portugal: AD vence por margem curta',
    'Montenegro reivindica vitória da AD nas eleições',
    'Portugal: AD de Montenegro vence eleições legislativas',
  ],
  dike: [
    'Kabinet wil extra geld voor versterking van de Afsluitdijk',
    'Renovatie Afsluitdijk loopt opnieuw vertraging op',
    'Afsluitdijk pas in 2026 klaar, meldt Rijkswaterstaat',
  ],
};

/** Round robin over the stories, as a reader's feed interleaves them. */
function interleaved(): { id: string; story: string; title: string }[] {
  const out: { id: string; story: string; title: string }[] = [];
  const longest = Math.max(...Object.values(STORIES).map((titles) => titles.length));
  for (let i = 0; i < longest; i++) {
    for (const [story, titles] of Object.entries(STORIES)) {
      const title = titles[i];
      if (title) out.push({ id: `${story}-${i}`, story, title });
    }
  }
  return out;
}

function feed(engine: StoryEngine, items: { id: string; title: string; publishedAt?: string }[]): void {
  for (const item of items) engine.assign(item);
}

describe('story engine: grouping', () => {
  it('puts each story in one group and different stories in different groups, in seven languages', () => {
    const engine = createEngine();
    const items = interleaved();
    feed(engine, items);
    const storyIdsOf = new Map<string, Set<string>>();
    for (const item of items) {
      const ids = storyIdsOf.get(item.story) ?? new Set<string>();
      ids.add(engine.storyOf(item.id)!);
      storyIdsOf.set(item.story, ids);
    }
    for (const [story, ids] of storyIdsOf) expect([story, ids.size]).toEqual([story, 1]);
    const distinct = new Set([...storyIdsOf.values()].map((ids) => [...ids][0]));
    expect(distinct.size).toBe(Object.keys(STORIES).length);
  });

  it('keeps an unrelated headline out of existing stories', () => {
    const engine = createEngine();
    feed(engine, interleaved());
    const { storyId } = engine.assign({
      id: 'x',
      title: 'Nobel prize in chemistry goes to quantum dot pioneers',
    });
    expect(engine.membersOf(storyId)).toEqual(['x']);
  });

  it('uses the URL slug when the listed headline was cut short', () => {
    const pinewood = (): StoryEngine => {
      const engine = createEngine();
      feed(engine, [
        { id: 'a', title: 'Pinewood Studios sold to Hollywood investor' },
        { id: 'b', title: 'Pinewood sale: what it means for British film' },
      ]);
      return engine;
    };
    const cut = { id: 'c', title: 'What next for the studio behind Bond  ...' };
    const titleOnly = pinewood();
    expect(titleOnly.assign(cut).storyId).not.toBe(titleOnly.storyOf('a'));
    const withSlug = pinewood();
    const url = 'https://news.example/2024/05/what-next-for-pinewood-studios-after-sale.html';
    expect(withSlug.assign({ ...cut, url }).storyId).toBe(withSlug.storyOf('a'));
  });

  it('gives an article seen before its story again, without counting it twice', () => {
    const engine = createEngine();
    feed(engine, interleaved());
    const again = engine.assign({ id: 'volcano-0', title: 'Completely different words now' });
    expect(again.storyId).toBe(engine.storyOf('volcano-1'));
    expect(engine.membersOf(again.storyId).filter((id) => id === 'volcano-0')).toHaveLength(1);
  });
});

describe('story engine: merging', () => {
  const gales = [
    'Vigo without power after Galician gales',
    'Galician gales cut power in Vigo',
    'Power cuts across Vigo as gales batter Galicia',
    'Vigo schools shut by Galician gales',
  ];
  const storm = ['Storm Ophira floods Porto harbour', 'Porto harbour flooded by Storm Ophira'];

  it('merges two stories that an article bridges, and the larger keeps its id', () => {
    const engine = createEngine();
    gales.forEach((title, i) => engine.assign({ id: `g${i}`, title }));
    storm.forEach((title, i) => engine.assign({ id: `s${i}`, title }));
    const galesId = engine.storyOf('g0')!;
    const stormId = engine.storyOf('s0')!;
    expect(stormId).not.toBe(galesId);

    const bridge = engine.assign({
      id: 'bridge',
      title: 'Storm Ophira floods Porto harbour as Galician gales cut power in Vigo',
    });
    expect(bridge).toEqual({ storyId: galesId, merged: [stormId] });
    for (const id of ['g0', 'g3', 's0', 's1', 'bridge']) expect(engine.storyOf(id)).toBe(galesId);
    expect(engine.membersOf(stormId)).toEqual([]);
    expect(engine.storyCount).toBe(1);
  });

  it('does not merge when the article is close to one story only', () => {
    const engine = createEngine();
    gales.forEach((title, i) => engine.assign({ id: `g${i}`, title }));
    storm.forEach((title, i) => engine.assign({ id: `s${i}`, title }));
    const result = engine.assign({ id: 'more', title: 'Storm Ophira: Porto harbour flooded again' });
    expect(result).toEqual({ storyId: engine.storyOf('s0') });
    expect(engine.storyCount).toBe(2);
  });
});

describe('story engine: time', () => {
  const first = {
    id: 'a',
    title: 'Wildfire forces evacuations near Marseille',
    publishedAt: '2024-07-01T08:00:00Z',
  };
  const follow = 'Marseille wildfire evacuations continue';

  it('joins a story the next day but not a year later', () => {
    const engine = createEngine();
    engine.assign(first);
    expect(engine.assign({ id: 'b', title: follow, publishedAt: '2024-07-02T09:30:00+02:00' }).storyId).toBe(
      engine.storyOf('a'),
    );
    expect(engine.assign({ id: 'c', title: follow, publishedAt: '2025-07-03T08:00:00Z' }).storyId).not.toBe(
      engine.storyOf('a'),
    );
  });

  it('does not fade a story when one side has no time', () => {
    const engine = createEngine();
    engine.assign(first);
    expect(engine.assign({ id: 'b', title: follow }).storyId).toBe(engine.storyOf('a'));
  });
});

describe('story engine: related-coverage evidence', () => {
  const toll = [
    'Harbour bridge toll rises to five euros',
    'Toll on the harbour bridge goes up on Monday',
    'Council defends harbour bridge toll rise',
  ];
  const weakFollowUp = { id: 'x', title: 'Drivers face higher charges from Monday' };

  function tollEngine(): StoryEngine {
    const engine = createEngine();
    toll.forEach((title, i) => engine.assign({ id: `t${i}`, title }));
    return engine;
  }

  it('a publisher link to an article not seen yet pulls it into the linking story', () => {
    const unlinked = tollEngine();
    expect(unlinked.assign(weakFollowUp).storyId).not.toBe(unlinked.storyOf('t0'));

    const linked = tollEngine();
    expect(linked.addRelatedEvidence('t1', ['x'])).toEqual({ storyId: linked.storyOf('t0') });
    expect(linked.assign(weakFollowUp).storyId).toBe(linked.storyOf('t0'));
  });

  it('a link between placed articles merges their stories only with some textual support', () => {
    const engine = tollEngine();
    const tollId = engine.storyOf('t0')!;
    const weakId = engine.assign(weakFollowUp).storyId;
    const unrelatedId = engine.assign({ id: 'u', title: 'Etna eruption closes Catania airport' }).storyId;

    expect(engine.addRelatedEvidence('t2', ['u'])).toEqual({ storyId: tollId });
    expect(engine.storyOf('u')).toBe(unrelatedId);
    expect(engine.addRelatedEvidence('t2', ['x'])).toEqual({ storyId: tollId, merged: [weakId] });
    expect(engine.storyOf('x')).toBe(tollId);
  });
});

describe('story engine: state', () => {
  it('stops counting a word’s casing once it is settled', () => {
    const engine = createEngine();
    feed(
      engine,
      Array.from({ length: 100 }, (_, i) => ({
        id: `h${i}`,
        title: `Storm Ophira day ${i}: Porto counts damage`,
      })),
    );
    const words = new Map(engine.exportState().words.map((w) => [w.word, w]));
    // Settled after 64 headlines, not rewritten by the other 36.
    expect(words.get('ophira')).toMatchObject({ capitalised: 64, lower: 0 });
    expect(words.get('damage')).toMatchObject({ capitalised: 0, lower: 64 });
  });

  it('continues identically after a JSON round trip of its state', () => {
    const items = interleaved();
    const half = Math.floor(items.length / 2);
    const original = createEngine();
    feed(original, items.slice(0, half));
    original.addRelatedEvidence('volcano-0', ['later-unseen']);
    const state = JSON.parse(JSON.stringify(original.exportState())) as EngineState;
    const restored = createEngine();
    restored.importState(state);

    const rest = [
      ...items.slice(half),
      { id: 'later-unseen', title: 'Reykjanes eruption: new fissure opens' },
    ];
    const a = rest.map((item) => original.assign(item));
    const b = rest.map((item) => restored.assign(item));
    expect(b).toEqual(a);
    expect(restored.exportState()).toEqual(original.exportState());
  });

  it('refuses a state of another version', () => {
    const state = { ...createEngine().exportState(), version: 99 } as unknown as EngineState;
    expect(() => createEngine().importState(state)).toThrow(/version/);
  });
});

describe('related links between big stories', () => {
  /** Two stories that share one word, each `size` articles long. */
  function twoStories(size: number) {
    const engine = createEngine();
    for (let i = 0; i < size; i++) {
      engine.assign({ id: `a${i}`, title: `Ophira harbour flood Porto rescue ${i % 7} boats` });
      engine.assign({ id: `b${i}`, title: `Kestrel harbour strike Gdansk dockers ${i % 7} wages` });
    }
    return engine;
  }

  it('merge small stories on a publisher’s link, but only link big ones', () => {
    const small = twoStories(3);
    expect(small.storyOf('a0')).not.toBe(small.storyOf('b0'));
    small.addRelatedEvidence('a0', ['b0']);
    const smallMerged = small.storyOf('a0') === small.storyOf('b0');

    const big = twoStories(60);
    expect(big.storyOf('a0')).not.toBe(big.storyOf('b0'));
    big.addRelatedEvidence('a0', ['b0']);
    expect(big.storyOf('a0')).not.toBe(big.storyOf('b0'));
    expect(smallMerged).toBe(true);
  });
});
