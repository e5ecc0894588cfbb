// @vitest-environment node
import { headlineFeatures } from '../../utils/stories/features';
import { stem } from '../../utils/stories/stemmer';
import { guessLanguage, type Language } from '../../utils/stories/stop-words';
import { timeWeight, toEpochMs } from '../../utils/stories/time';
import { slugWords } from '../../utils/stories/url-words';
import { foldWord, splitWords } from '../../utils/stories/words';

const WEIGHTS = { name: 2, namePair: 1, slug: 0.5 };
const nobody = (): boolean => false;

describe('light stemmers', () => {
  it.each<[Language, string[]]>([
    ['en', ['recalls', 'recalled', 'recalling', 'recall']],
    ['en', ['companies', 'company']],
    ['en', ['hired', 'hiring', 'hires', 'hire']],
    ['en', ['stopped', 'stopping', 'stop']],
    ['de', ['Wahlen', 'Wahl']],
    ['de', ['Streiks', 'Streik']],
    ['fr', ['élections', 'élection']],
    ['fr', ['chevaux', 'cheval']],
    ['fr', ['présidente', 'président']],
    ['es', ['elecciones', 'elección']],
    ['es', ['ministros', 'ministro', 'ministra']],
    ['it', ['banche', 'banca']],
    ['it', ['elezioni', 'elezione']],
    ['pt', ['eleições', 'eleição']],
    ['pt', ['jornais', 'jornal']],
    ['nl', ['verkiezingen', 'verkiezing']],
  ])('%s: %j share a stem', (lang, forms) => {
    const stems = new Set(forms.map((form) => stem(foldWord(form), lang)));
    expect(stems.size).toBe(1);
  });

  it('keeps different words apart and leaves identifiers alone', () => {
    expect(stem('recall', 'en')).not.toBe(stem('real', 'en'));
    expect(stem('bahn', 'de')).toBe('bahn');
    expect(stem('mh370', 'en')).toBe('mh370');
  });
});

describe('headline language', () => {
  it.each<[string, Language]>([
    ['The government announces measures for farmers', 'en'],
    ['Die Regierung kündigt neue Maßnahmen für Landwirte an', 'de'],
    ['Le gouvernement annonce des mesures pour les agriculteurs', 'fr'],
    ['El Gobierno anuncia medidas para los agricultores', 'es'],
    ['Il governo annuncia misure per gli agricoltori', 'it'],
    ['O governo anuncia medidas para os agricultores', 'pt'],
    ['Het kabinet kondigt maatregelen aan voor de boeren', 'nl'],
    ["Eruzione dell'Etna, voli sospesi a Catania", 'it'],
  ])('%s → %s', (headline, lang) => {
    expect(guessLanguage(splitWords(headline).map((w) => w.folded))).toBe(lang);
  });
});

describe('words', () => {
  it('folds accents, possessives and elisions, and marks clause starts and capitals', () => {
    const words = splitWords("Carney: RBS's plan for l'Élysée - Müller");
    expect(words.map((w) => w.folded)).toEqual(['carney', 'rbs', 'plan', 'for', 'l', 'elysee', 'muller']);
    const rbs = words[1]!;
    expect([rbs.allCaps, rbs.clauseStart]).toEqual([true, true]);
    const elysee = words[5]!;
    expect([elysee.capitalised, elysee.clauseStart]).toEqual([true, false]);
    expect(words[6]!.clauseStart).toBe(true);
  });
});

describe('headline features', () => {
  it('weights names and acronyms above common words in a sentence-case headline', () => {
    const { weights } = headlineFeatures(
      'Watchdog says Snowden leaks hurt NSA surveillance',
      null,
      nobody,
      WEIGHTS,
    );
    expect(weights.get('snowden')).toBe(2);
    expect(weights.get('nsa')).toBe(2);
    expect(weights.get('leak')).toBe(1);
    expect(weights.has('says')).toBe(false); // stop word
  });

  it('does not take title case for names, but uses what the engine learnt about a word', () => {
    const title = 'Edward Snowden Warns Of Surveillance';
    expect(headlineFeatures(title, null, nobody, WEIGHTS).weights.get('snowden')).toBe(1);
    const learnt = headlineFeatures(title, null, (w) => w === 'edward' || w === 'snowden', WEIGHTS).weights;
    expect(learnt.get('snowden')).toBe(2);
    expect(learnt.get('edward_snowden')).toBe(1);
    expect(learnt.get('warn')).toBe(1);
  });

  it('joins names across "of" into a pair key', () => {
    const { weights } = headlineFeatures(
      'New trailer for Game of Thrones',
      null,
      (w) => w !== 'trailer',
      WEIGHTS,
    );
    expect(weights.get('game_thrones')).toBe(1);
  });

  it('adds the slug words the headline lacks, at the slug weight', () => {
    const { weights } = headlineFeatures(
      'Bank holds rates',
      'https://news.example/2014/03/bank-of-england-holds-rates-as-carney-warns',
      nobody,
      WEIGHTS,
    );
    expect(weights.get('bank')).toBe(1);
    expect(weights.get('england')).toBe(0.5);
    expect(weights.get('carnei')).toBe(0.5);
  });

  it('learns casing only from sentence-case headlines', () => {
    expect([...headlineFeatures('Police question Snowden', null, nobody, WEIGHTS).casing]).toEqual([
      ['question', false],
      ['snowden', true],
    ]);
    expect(headlineFeatures('Police Question Edward Snowden Again', null, nobody, WEIGHTS).casing.size).toBe(
      0,
    );
  });
});

describe('URL slugs', () => {
  it.each([
    [
      'https://example.com/news/world-news/libya-pm-ousted-by-parliament-30083336.html',
      'libya pm ousted by parliament',
    ],
    ['http://www.reuters.com/article/2014/03/11/us-libya-oil-idUSBREA2A0R820140311', 'us libya oil'],
    [
      'https://example.com/politique/l%C3%A9lys%C3%A9e-annonce-un-remaniement',
      'lélysée annonce un remaniement',
    ],
    ['https://example.com/?p=123', ''],
    ['not a url', ''],
  ])('%s → %j', (url, words) => {
    expect(slugWords(url).join(' ').toLowerCase()).toBe(words);
  });
});

describe('time', () => {
  it('parses ISO dates with and without offsets, and epoch milliseconds', () => {
    expect(toEpochMs('2024-07-02T09:30:00+02:00')).toBe(Date.UTC(2024, 6, 2, 7, 30));
    expect(toEpochMs('2024-07-02')).toBe(Date.UTC(2024, 6, 2));
    expect(toEpochMs('2024-07-02T07:30:00.250Z')).toBe(Date.UTC(2024, 6, 2, 7, 30, 0, 250));
    expect(toEpochMs(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(toEpochMs('yesterday')).toBeNull();
  });

  it('fades with the distance to a story span, not inside it', () => {
    const day = 86_400_000;
    expect(timeWeight(5 * day, 0, 10 * day, 14)).toBe(1);
    expect(timeWeight(24 * day, 0, 10 * day, 14)).toBeCloseTo(0.5);
    expect(timeWeight(375 * day, 0, 10 * day, 14)).toBeLessThan(0.05);
    expect(timeWeight(null, 0, 10 * day, 14)).toBe(1);
  });
});
