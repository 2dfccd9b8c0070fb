import type { FeatureModule } from '../feature';
import { noticeGuard, recordGuard } from './access';
import { AttendanceNotice, AttendanceNoticeRow, AttendanceNoticeSettingsRow, AttendanceRecord } from './attendance.entity';
import { AttendanceNoticeResolver, AttendanceNoticeSettingsResolver, AttendanceRecordResolver, AttendanceSummaryResolver } from './attendance.resolver';
import { attendanceRoutes } from './export';

export const attendanceModule: FeatureModule = {
  entities: [AttendanceRecord, AttendanceNotice, AttendanceNoticeRow, AttendanceNoticeSettingsRow],
  resolvers: [AttendanceRecordResolver, AttendanceSummaryResolver, AttendanceNoticeResolver, AttendanceNoticeSettingsResolver],
  routes: attendanceRoutes,
  access: { AttendanceRecord: recordGuard, AttendanceNotice: noticeGuard, AttendanceSummaryRow: 'part', LeaveTypeDays: 'part', AttendanceNoticeSettings: 'part' },
};
