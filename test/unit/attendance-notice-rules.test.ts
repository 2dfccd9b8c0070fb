import { defaultIssuingOffice, describeDays, membershipRemark, postingPeriod, publicationRefusal } from '../../src/attendance/rules/notice';

const weekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
const NOV = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`).filter(weekday);

describe('the monthly notice', () => {
  it('is published from the last working day on, with nothing unrecorded', () => {
    expect(publicationRefusal({ today: '2026-11-25', workingDates: NOV, unrecordedRows: 0 })).toBe('EARLY');
    expect(publicationRefusal({ today: '2026-11-30', workingDates: NOV, unrecordedRows: 1 })).toBe('UNRECORDED');
    expect(publicationRefusal({ today: '2026-11-30', workingDates: NOV, unrecordedRows: 0 })).toBeNull();
    expect(publicationRefusal({ today: '2026-12-31', workingDates: [], unrecordedRows: 0 })).toBe('EARLY');
  });

  it('names unrecorded days as runs of working days, halves apart', () => {
    const days = [
      ...['2026-11-19', '2026-11-20', '2026-11-23'].map((date) => ({ date, half: null })),
      { date: '2026-11-25', half: 'PM' as const },
      { date: '2026-11-27', half: null },
    ];
    expect(describeDays(days, NOV)).toBe('11月19日至11月23日、11月25日下午、11月27日');
    expect(describeDays([], NOV)).toBe('');
  });

  it('posts for N working days from the publication day or the next working day', () => {
    expect(postingPeriod(weekday, '2026-11-30', 5)).toEqual({ from: '2026-11-30', until: '2026-12-04' });
    expect(postingPeriod(weekday, '2026-11-28', 5)).toEqual({ from: '2026-11-30', until: '2026-12-04' });
    expect(postingPeriod(weekday, '2026-11-30', 1)).toEqual({ from: '2026-11-30', until: '2026-11-30' });
  });

  it('remarks on joining or leaving a team within the month only', () => {
    const month = { firstWorkingDate: '2026-11-02', lastWorkingDate: '2026-11-30' };
    expect(membershipRemark([{ teamName: '第一巡察组', joinedOn: '2026-09-14', leftOn: null }], month)).toBe('');
    expect(
      membershipRemark(
        [
          { teamName: '第二巡察组', joinedOn: '2026-11-16', leftOn: null },
          { teamName: '第一巡察组', joinedOn: '2026-09-14', leftOn: '2026-11-13' },
        ],
        month,
      ),
    ).toBe('11月13日离开第一巡察组；11月16日到第二巡察组');
    expect(defaultIssuingOffice('东安县')).toBe('中共东安县委巡察工作领导小组办公室');
  });
});
