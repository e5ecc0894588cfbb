import { formatPublished, relativeTo } from '../../components/format-time';

describe('formatPublished', () => {
  it('shows an instant in the reader’s time zone', () => {
    expect(formatPublished('2025-08-13T22:29:50Z', 'en-GB', 'Europe/Kyiv')).toBe('14 Aug 2025, 01:29');
    expect(formatPublished('2025-08-13T22:29:50Z', 'en-US', 'America/New_York')).toBe(
      'Aug 13, 2025, 6:29 PM',
    );
  });

  it('shows a bare day without shifting it across zones', () => {
    expect(formatPublished('2025-08-13', 'en-GB', 'America/Los_Angeles')).toBe('13 Aug 2025');
  });

  it('says when the date is unknown', () => {
    expect(formatPublished(null)).toBe('Date unknown');
  });
});

describe('relativeTo', () => {
  const ref = '2025-08-13T22:29:50Z';
  it.each([
    ['2025-08-13T22:29:30Z', 'same time'],
    ['2025-08-13T22:28:50Z', '1 minute earlier'],
    ['2025-08-13T18:41:09Z', '4 hours earlier'],
    ['2025-08-11T22:29:50Z', '2 days earlier'],
    ['2025-08-14T01:29:50Z', '3 hours later'],
  ])('%s → %s', (value, text) => {
    expect(relativeTo(value, ref)).toBe(text);
  });

  it('is null when either time is unknown', () => {
    expect(relativeTo(null, ref)).toBeNull();
    expect(relativeTo(ref, null)).toBeNull();
  });
});
