import type { FeatureModule } from '../modules';
import { AttendanceNotice, AttendanceNoticeRow, AttendanceRecord } from './attendance.entity';

export const attendanceModule: FeatureModule = {
  entities: [AttendanceRecord, AttendanceNotice, AttendanceNoticeRow],
  resolvers: [],
};
