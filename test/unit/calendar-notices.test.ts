import { DateTime } from 'luxon';
import { OFFICIAL_NOTICES } from '../../src/calendar/rules/official-notices';
import { WorkingCalendar, noticeDays } from '../../src/calendar/rules/working-calendar';

const notice = (year: number) => OFFICIAL_NOTICES.find((n) => n.year === year)!;
const dates = (year: number, kind: 'HOLIDAY' | 'MAKEUP_WORKDAY') =>
  noticeDays(notice(year))
    .filter((d) => d.kind === kind)
    .map((d) => d.date);
const weekday = (date: string) => DateTime.fromISO(date, { zone: 'Asia/Shanghai' }).weekday; // 1 = Monday

describe('official holiday notices', () => {
  it('ships 2024, 2025 and 2026 with the notice each comes from', () => {
    expect(OFFICIAL_NOTICES.map((n) => n.year)).toEqual([2024, 2025, 2026]);
    expect(notice(2024).documentNo).toBe('国办发明电〔2023〕7号');
    expect(notice(2025).documentNo).toBe('国办发明电〔2024〕12号');
    expect(notice(2026).title).toBe('国务院办公厅关于2026年部分节假日安排的通知');
    expect(notice(2026).issuedOn).toBe('2025-11-04');
  });

  it('2024 (国办发明电〔2023〕7号): holidays and make-up days exactly', () => {
    expect(dates(2024, 'HOLIDAY')).toEqual([
      '2024-01-01',
      ...['10', '11', '12', '13', '14', '15', '16', '17'].map((d) => `2024-02-${d}`),
      '2024-04-04', '2024-04-05', '2024-04-06',
      '2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05',
      '2024-06-10',
      '2024-09-15', '2024-09-16', '2024-09-17',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2024-10-${d}`),
    ]);
    expect(dates(2024, 'MAKEUP_WORKDAY')).toEqual([
      '2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12',
    ]);
    // 2月9日 (除夕) is only "encouraged" rest: it stays a working day.
    expect(WorkingCalendar.fromNotices(OFFICIAL_NOTICES).isWorkingDay('2024-02-09')).toBe(true);
  });

  it('2025 (国办发明电〔2024〕12号): holidays and make-up days exactly', () => {
    expect(dates(2025, 'HOLIDAY')).toEqual([
      '2025-01-01',
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
      '2025-04-04', '2025-04-05', '2025-04-06',
      '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
      '2025-05-31', '2025-06-01', '2025-06-02',
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2025-10-${d}`),
    ]);
    expect(dates(2025, 'MAKEUP_WORKDAY')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('2026 (notice of 2025-11-04): holidays and make-up days exactly', () => {
    expect(dates(2026, 'HOLIDAY')).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-03',
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
      '2026-04-04', '2026-04-05', '2026-04-06',
      '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
      '2026-06-19', '2026-06-20', '2026-06-21',
      '2026-09-25', '2026-09-26', '2026-09-27',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`),
    ]);
    expect(dates(2026, 'MAKEUP_WORKDAY')).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('names the weekday of every make-up day as the notices do (all on weekends)', () => {
    const stated: Record<string, number> = {
      '2024-02-04': 7, '2024-02-18': 7, '2024-04-07': 7, '2024-04-28': 7, '2024-05-11': 6, '2024-09-14': 6, '2024-09-29': 7, '2024-10-12': 6,
      '2025-01-26': 7, '2025-02-08': 6, '2025-04-27': 7, '2025-09-28': 7, '2025-10-11': 6,
      '2026-01-04': 7, '2026-02-14': 6, '2026-02-28': 6, '2026-05-09': 6, '2026-09-20': 7, '2026-10-10': 6,
    };
    const all = [2024, 2025, 2026].flatMap((y) => dates(y, 'MAKEUP_WORKDAY'));
    expect(all.sort()).toEqual(Object.keys(stated).sort());
    for (const d of all) expect([d, weekday(d)]).toEqual([d, stated[d]]);
  });

  it('keeps every date of a notice in its own year, once', () => {
    for (const n of OFFICIAL_NOTICES) {
      const days = noticeDays(n).map((d) => d.date);
      expect(new Set(days).size).toBe(days.length);
      for (const d of days) expect(d.slice(0, 4)).toBe(String(n.year));
    }
  });

  it('gives the known numbers of working days per year (2024: 251, 2025: 248, 2026: 248)', () => {
    const cal = WorkingCalendar.fromNotices(OFFICIAL_NOTICES);
    expect(cal.workingDates('2024-01-01', '2024-12-31')).toHaveLength(251);
    expect(cal.workingDates('2025-01-01', '2025-12-31')).toHaveLength(248);
    expect(cal.workingDates('2026-01-01', '2026-12-31')).toHaveLength(248);
  });
});
