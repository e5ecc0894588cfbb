import { findAnyDate, findDate, parseDate, toEpochMs } from '../../utils/extract/dates';

const NOW = Date.UTC(2026, 0, 1);
const opts = { now: NOW };

describe('parseDate: the seed’s two formats', () => {
  it('reads the date line (Date#toString with offset and zone name) as a UTC instant', () => {
    expect(parseDate('Thu Aug 14 2025 01:29:50 GMT+0300 (Eastern European Summer Time)', opts)).toBe(
      '2025-08-13T22:29:50Z',
    );
  });

  it('reads RFC 1123 times', () => {
    expect(parseDate('Wed, 13 Aug 2025 18:41:09 GMT', opts)).toBe('2025-08-13T18:41:09Z');
    expect(parseDate('Sat, 09 Aug 2025 21:16:15 GMT', opts)).toBe('2025-08-09T21:16:15Z');
  });

  it('gives the same instant for one moment written in both formats and zones', () => {
    const dateLine = parseDate('Wed Aug 13 2025 10:42:01 GMT+0300 (Eastern European Summer Time)', opts);
    const listTime = parseDate('Wed, 13 Aug 2025 07:42:01 GMT', opts);
    expect(dateLine).not.toBeNull();
    expect(dateLine).toBe(listTime);
  });

  it('handles negative offsets, numeric RFC zones and US zone names', () => {
    expect(parseDate('Tue Mar 04 2025 19:00:00 GMT-0500 (Eastern Standard Time)', opts)).toBe(
      '2025-03-05T00:00:00Z',
    );
    expect(parseDate('Tue, 4 Mar 2025 19:00:00 -0500', opts)).toBe('2025-03-05T00:00:00Z');
    expect(parseDate('Tue, 04 Mar 2025 19:00:00 EST', opts)).toBe('2025-03-05T00:00:00Z');
  });
});

describe('parseDate: ISO 8601', () => {
  it('converts instants with an offset to UTC', () => {
    expect(parseDate('2025-08-14T01:29:50+03:00', opts)).toBe('2025-08-13T22:29:50Z');
    expect(parseDate('2025-08-14T01:29:50+0300', opts)).toBe('2025-08-13T22:29:50Z');
    expect(parseDate('2025-08-13T22:29:50Z', opts)).toBe('2025-08-13T22:29:50Z');
    expect(parseDate('2025-08-13T22:29:50.123Z', opts)).toBe('2025-08-13T22:29:50Z');
    expect(parseDate('2025-08-13 22:29:50 -02:30', opts)).toBe('2025-08-14T00:59:50Z');
    expect(parseDate('2022-01-27T12:45:36.270+01', opts)).toBe('2022-01-27T11:45:36Z');
  });

  it('keeps only the day when the offset is unknown', () => {
    expect(parseDate('2025-08-14T01:29:50', opts)).toBe('2025-08-14');
    expect(parseDate('2025-08-14', opts)).toBe('2025-08-14');
  });
});

describe('parseDate: what it refuses', () => {
  it.each([
    '',
    'yesterday',
    '2025-02-30',
    '2025-13-01T00:00:00Z',
    '2025-08-13T24:00:00Z',
    'Wed, 32 Aug 2025 18:41:09 GMT',
    'Thu Aug 14 2025 01:29:50 GMT+9900',
    '1970-01-01T00:00:00Z',
    '2025-08-13T22:29:50Z trailing words',
  ])('%j', (input) => {
    expect(parseDate(input, opts)).toBeNull();
  });

  it('never returns a date in the future', () => {
    expect(parseDate('2026-06-01T00:00:00Z', opts)).toBeNull();
    expect(parseDate('Mon, 01 Jun 2026 00:00:00 GMT', opts)).toBeNull();
    expect(parseDate('2026-01-01', opts)).toBe('2026-01-01');
  });
});

describe('findDate', () => {
  it('finds a date inside a longer line', () => {
    expect(findDate('Published Wed, 13 Aug 2025 18:41:09 GMT by staff', opts)).toBe('2025-08-13T18:41:09Z');
    expect(findDate('Updated: 2025-08-13T18:41:09+02:00', opts)).toBe('2025-08-13T16:41:09Z');
    expect(findDate('No date in here at all', opts)).toBeNull();
  });
});

describe('findAnyDate: days written for people', () => {
  it.each([
    ['Veröffentlicht am 13. August 2025', '2025-08-13'],
    ['MIS À JOUR LE 13 AOÛT 2025', '2025-08-13'],
    ['Publié le 1er mars 2020', '2020-03-01'],
    ['Publicado el 13 de agosto de 2025', '2025-08-13'],
    ['1º de enero de 2025', '2025-01-01'],
    ['pubblicato il 3 settembre 2024', '2024-09-03'],
    ['atualizado em 13 de março de 2025', '2025-03-13'],
    ['Gepubliceerd op 13 aug. 2025', '2025-08-13'],
    ['Dienstag, 4. Mär 2025', '2025-03-04'],
    ['Posted Aug. 13th, 2025', '2025-08-13'],
    ['By Jane Roe | September 2, 2025', '2025-09-02'],
    ['13 févr. 2025', '2025-02-13'],
  ])('%s', (input, expected) => {
    expect(findAnyDate(input, opts)).toBe(expected);
  });

  it('reads on past numbers beside words that are not months', () => {
    expect(findAnyDate('Chapter 12 pages 2024 — published 13 August 2025', opts)).toBe('2025-08-13');
    expect(findAnyDate('Room 12, 2024 guests; filed August 14, 2025', opts)).toBe('2025-08-14');
    expect(findAnyDate('Terminal 13 Augustinerstr 2025', opts)).toBeNull();
  });
});

describe('toEpochMs', () => {
  it('reads back both result shapes without Date.parse', () => {
    expect(toEpochMs('2025-08-13T22:29:50Z')).toBe(Date.UTC(2025, 7, 13, 22, 29, 50));
    expect(toEpochMs('2025-08-13')).toBe(Date.UTC(2025, 7, 13));
    expect(toEpochMs('13 Aug 2025')).toBeNaN();
  });
});

describe('the cases the browsers are checked against', () => {
  it('give the same answers in Node', async () => {
    const { DATE_CASES } = await import('../date-cases');
    for (const [input, expected] of DATE_CASES) expect(parseDate(input)).toBe(expected);
  });
});
