import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isLocalDate } from '../../src/common/dates';

describe('isLocalDate', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-05', false],
    ['2024-01-05 ', false],
    ['2024/01/05', false],
    ['２０２４-01-05', false],
    ['+024-01-05', false],
    ['0001-01-01', true],
  ])('%s → %s', (s, ok) => expect(isLocalDate(s)).toBe(ok));

  test('not a string is not a date', () => {
    for (const v of [null, undefined, 20240105, new Date(), ['2024-01-05']]) expect(isLocalDate(v)).toBe(false);
  });

  test('agrees with luxon on every day and near-day of years 1900-2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(isLocalDate(s)).toBe(DateTime.fromISO(s, { zone: 'Asia/Shanghai' }).isValid);
      }),
      { numRuns: 5000 },
    );
  });
});
