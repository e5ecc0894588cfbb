import { cleanTitle, collapseWhitespace, decodeEntities, titleKey } from '../../utils/extract/text';

describe('cleanTitle', () => {
  it.each([
    ['### Tensions Mount Ahead of Trump-Putin Summit', 'Tensions Mount Ahead of Trump-Putin Summit'],
    ['**Trump and Putin Set for Historic Meeting**', 'Trump and Putin Set for Historic Meeting'],
    ['  ## **Nested** markdown  ', 'Nested markdown'],
    ['__Underlined__', 'Underlined'],
    ['A **bold** word inside', 'A bold word inside'],
    ['Zero\u200Bwidth\u200D and\u00A0spaces\n\tcollapsed', 'Zerowidth and spaces collapsed'],
    ['C# and F# stay', 'C# and F# stay'],
    ['5 * 3 = 15', '5 * 3 = 15'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanTitle(raw)).toBe(clean);
  });

  it('caps the length', () => {
    const long = 'word '.repeat(200);
    const out = cleanTitle(long);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('collapseWhitespace', () => {
  it('removes bidi controls that could reorder text', () => {
    expect(collapseWhitespace('abc\u202Edef')).toBe('abcdef');
  });
});

describe('titleKey', () => {
  it.each([
    ['  Summit, set for\tAlaska!  ', 'summit set for alaska'],
    ['C-3PO: 99 problems', 'c 3po 99 problems'],
    ['Café – Über “Ärger”', 'cafe uber arger'],
    ['Zero\u200Bwidth and  spaces', 'zerowidth and spaces'],
    ['東京 ニュース', '東京 ニュース'],
    // Accents go without a gap; a mark after punctuation is part of the gap.
    ['Re\u0301union, \u0301à 10h — l’Élysée', 'reunion a 10h l elysee'],
  ])('%j → %j', (title, key) => {
    expect(titleKey(title)).toBe(key);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities, and leaves names of object methods alone', () => {
    expect(decodeEntities('Caf&eacute; &amp; &#8220;Bar&#x201D; &hellip;')).toBe('Café & “Bar” …');
    expect(decodeEntities('&valueOf; &toString; &constructor; &hasOwnProperty;')).toBe(
      '&valueOf; &toString; &constructor; &hasOwnProperty;',
    );
  });
});
