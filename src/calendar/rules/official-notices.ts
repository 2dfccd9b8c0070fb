/**
 * The national working-day calendar as published by the General Office of the State Council
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知). Each notice lists its holidays (放假, as the
 * date ranges of the notice, weekend days included) and its make-up working days (调休上班,
 * weekend days that are worked). Everything else follows Monday-Friday.
 *
 * These are historical facts and are shipped as data; later years are imported by an
 * administrator (importCalendarYear).
 */
export interface HolidayRange {
  /** Official name, as in the notice. */
  name: string;
  from: string;
  to: string;
}

export interface MakeupWorkday {
  /** The holiday the make-up day belongs to. */
  name: string;
  date: string;
}

export interface CalendarNotice {
  year: number;
  title: string;
  /** The document number (文号) when known. */
  documentNo: string | null;
  issuedOn: string;
  holidays: HolidayRange[];
  makeupWorkdays: MakeupWorkday[];
}

export const OFFICIAL_NOTICES: readonly CalendarNotice[] = [
  {
    year: 2024,
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    documentNo: '国办发明电〔2023〕7号',
    issuedOn: '2023-10-25',
    holidays: [
      // 元旦：1月1日放假，与周末连休。
      { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
      // 春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      // 清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      // 劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      // 端午节：6月10日放假，与周末连休。
      { name: '端午节', from: '2024-06-10', to: '2024-06-10' },
      // 中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      // 国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    makeupWorkdays: [
      { name: '春节', date: '2024-02-04' },
      { name: '春节', date: '2024-02-18' },
      { name: '清明节', date: '2024-04-07' },
      { name: '劳动节', date: '2024-04-28' },
      { name: '劳动节', date: '2024-05-11' },
      { name: '中秋节', date: '2024-09-14' },
      { name: '国庆节', date: '2024-09-29' },
      { name: '国庆节', date: '2024-10-12' },
    ],
  },
  {
    year: 2025,
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    documentNo: '国办发明电〔2024〕12号',
    issuedOn: '2024-11-12',
    holidays: [
      // 元旦：1月1日（周三）放假1天，不调休。
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      // 春节：1月28日至2月4日放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      // 清明节：4月4日（周五）至6日（周日）放假，共3天。
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      // 劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      // 端午节：5月31日（周六）至6月2日（周一）放假，共3天。
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      // 国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    makeupWorkdays: [
      { name: '春节', date: '2025-01-26' },
      { name: '春节', date: '2025-02-08' },
      { name: '劳动节', date: '2025-04-27' },
      { name: '国庆节、中秋节', date: '2025-09-28' },
      { name: '国庆节、中秋节', date: '2025-10-11' },
    ],
  },
  {
    year: 2026,
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    // Published by Xinhua on 2025-11-04; the document number was not in the published text.
    documentNo: null,
    issuedOn: '2025-11-04',
    holidays: [
      // 元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      // 春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      // 清明节：4月4日（周六）至6日（周一）放假，共3天。
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      // 劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      // 端午节：6月19日（周五）至21日（周日）放假，共3天。
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      // 中秋节：9月25日（周五）至27日（周日）放假，共3天。
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      // 国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    makeupWorkdays: [
      { name: '元旦', date: '2026-01-04' },
      { name: '春节', date: '2026-02-14' },
      { name: '春节', date: '2026-02-28' },
      { name: '劳动节', date: '2026-05-09' },
      { name: '国庆节', date: '2026-09-20' },
      { name: '国庆节', date: '2026-10-10' },
    ],
  },
];
