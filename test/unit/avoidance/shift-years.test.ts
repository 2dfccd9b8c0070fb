import fc from 'fast-check';
import { addYears } from '../../../src/common/dates';
import { shiftYears } from '../../../src/avoidance/rules/neighbourhood';

describe('shiftYears', () => {
  it('gives what addYears gives for any date and number of years', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }), fc.integer({ min: -60, max: 60 }), (d, years) => {
        const date = d.toISOString().slice(0, 10);
        expect(shiftYears(date, years)).toBe(addYears(date, years));
      }),
      { numRuns: 300 },
    );
  });

  it('turns 29 February into 28 February in a year without one', () => {
    expect(shiftYears('2024-02-29', -3)).toBe('2021-02-28');
    expect(shiftYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(shiftYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(shiftYears('2025-03-01', -5)).toBe('2020-03-01');
  });
});
