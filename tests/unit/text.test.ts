import {
  LETTER_RE,
  WORD_CHAR_RE,
  cleanTitle,
  collapseWhitespace,
  decodeEntities,
  titleKey,
} from '../../utils/extract/text';

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
  it('makes each run of white space one space, whatever it starts with', () => {
    expect(collapseWhitespace(' One  two\tthree \n four\u00A0five\u2003 six\r\n')).toBe(
      'One two three four five six',
    );
    expect(collapseWhitespace('Already spaced')).toBe('Already spaced');
  });

  it('removes bidi controls that could reorder text', () => {
    expect(collapseWhitespace('abc\u202Edef')).toBe('abcdef');
  });

  it('keeps a zero-width joiner inside an emoji sequence and removes it elsewhere', () => {
    expect(collapseWhitespace('Family 👩\u200D👧 day')).toBe('Family 👩\u200D👧 day');
    expect(collapseWhitespace('❤\uFE0F\u200D🔥 hot')).toBe('❤\uFE0F\u200D🔥 hot');
    expect(collapseWhitespace('Join\u200Ded \u200Dwords\u200D')).toBe('Joined words');
    expect(collapseWhitespace('Soft\u00ADhyphen\u200B and\u2060 joiner')).toBe('Softhyphen and joiner');
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

  // The key keeps what `\p{L}\p{N}` keeps, without compiling a Unicode property class.
  const propertyKey = (text: string): string =>
    collapseWhitespace(text)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  it.each([
    'Trump plant Helikopter\u00ADlandeplatz – während sein „Ballsaal“-Projekt stockt',
    '« Réforme des retraites » : l’exécutif tient bon… pour l’instant ?',
    '¿Qué pasa con el 5G? ¡Las claves del apagón! (y 3 consejos)',
    'Ucraina, l’Ue: «Pronti a 90 miliardi» — ma l’Ungheria frena',
    'Lula diz que “não há pressa” [vídeo]',
    'Kabinet valt: ‘dit is geen einde’ • live',
    '【速報】日本代表、Ｗ杯へ　ｘ２',
    "장동혁, 한동훈 제명했지만… '윤 어게인' 절연 ·외연 확장",
    'Путин: «Мы готовы» — Кремль / Россия №1',
    'Η Βουλή ψηφίζει; Ναι, 151–149',
    'ישראל: ״הפסקת אש״ – מקור',
    'العراق، الكويت؛ ماذا بعد؟',
    'Breaking 🔴 Storm 🌀 hits 1️⃣ coast 🇺🇦 👍🏽 ★★★ © ™ ½',
    'Price: $5 → €4.50 ≈ £4 ± 2% @ 10:30 #news',
    '\uE051 Weather warning \uF107 more', // icon-font glyphs (private use)
  ])('%j has the same key as with Unicode properties', (title) => {
    expect(titleKey(title)).toBe(propertyKey(title));
  });

  // Unicode properties count these marks as gaps, which split a word in two.
  it('keeps the vowel signs of Indic and Thai words and the voicing marks of kana inside the words', () => {
    expect(titleKey('東京・大阪で「人々」が集まる　3万人')).toBe(
      '東京 大阪て\u3099 人々 か\u3099集まる 3万人',
    );
    expect(titleKey('भारत में चुनाव। नतीजे')).toBe('भारत में चुनाव नतीजे');
    expect(titleKey('ข่าวด่วน: ฝนตกหนัก')).toBe('ข่าวด่วน ฝนตกหนัก');
  });
});

describe('letters and digits', () => {
  it.each([
    ['Ärger in Köln', true, true],
    ['東京', true, true],
    ['العراق', true, true],
    ['2024-05-12 14:30', true, false],
    ['12.05. | 14:30 Uhr', true, true],
    ['— ★ … 🔴 ¿? «»', false, false],
    ['\uE051 12.05.2024 \uF107', true, false],
    ['', false, false],
  ])('%j: letter or digit %s, letter %s', (text, wordChar, letter) => {
    expect(WORD_CHAR_RE.test(text)).toBe(wordChar);
    expect(LETTER_RE.test(text)).toBe(letter);
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
