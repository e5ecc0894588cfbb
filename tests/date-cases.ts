/** Inputs in the seed's two formats and ISO, with the instant each must give. */
export const DATE_CASES: [input: string, expected: string][] = [
  ['Thu Aug 14 2025 01:29:50 GMT+0300 (Eastern European Summer Time)', '2025-08-13T22:29:50Z'],
  ['Wed Aug 13 2025 10:42:01 GMT+0300 (Eastern European Summer Time)', '2025-08-13T07:42:01Z'],
  ['Wed, 13 Aug 2025 07:42:01 GMT', '2025-08-13T07:42:01Z'],
  ['Sat, 09 Aug 2025 21:16:15 GMT', '2025-08-09T21:16:15Z'],
  ['2025-08-14T01:29:50+03:00', '2025-08-13T22:29:50Z'],
  ['2025-08-14T01:29:50', '2025-08-14'],
];
