import type { FeatureModule } from '../feature';
import { noticeGuard, recordGuard } from './access';
import { AttendanceNotice, AttendanceNoticeRow, AttendanceRecord } from './attendance.entity';
import { AttendanceNoticeResolver, AttendanceRecordResolver, AttendanceSummaryResolver } from './attendance.resolver';
import { attendanceRoutes } from './export';

export const attendanceModule: FeatureModule = {
  entities: [AttendanceRecord, AttendanceNotice, AttendanceNoticeRow],
  resolvers: [AttendanceRecordResolver, AttendanceSummaryResolver, AttendanceNoticeResolver],
  routes: attendanceRoutes,
  access: { AttendanceRecord: recordGuard, AttendanceNotice: noticeGuard, AttendanceSummaryRow: 'part', LeaveTypeDays: 'part' },
};
