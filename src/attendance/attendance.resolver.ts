import { Arg, Ctx as Context, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Ctx } from '../context';
import { byId } from '../db/loaders';
import { Person } from '../people/person.entity';
import { personLoader } from '../people/people.service';
import { Region } from '../regions/region.entity';
import { regionLoader } from '../regions/regions.service';
import { AttendanceNotice, AttendanceRecord } from './attendance.entity';
import {
  attendanceSummary,
  exportPath,
  getNoticeSettings,
  listNotices,
  noticeRows,
  NoticeSettingsView,
  publishNotice,
  recordAttendance,
  setNoticeSettings,
} from './attendance.service';
import {
  AttendanceNoticeSettings,
  AttendanceSummaryRow,
  SetAttendanceNoticeSettingsInput,
  SetAttendanceNoticeSettingsPayload,
  PublishAttendanceNoticeInput,
  PublishAttendanceNoticePayload,
  RecordAttendanceInput,
  RecordAttendancePayload,
} from './attendance.types';

@Resolver(() => AttendanceRecord)
export class AttendanceRecordResolver {
  @Mutation(() => RecordAttendancePayload)
  async recordAttendance(@Arg('input') input: RecordAttendanceInput, @Context() ctx: Ctx): Promise<RecordAttendancePayload> {
    return { records: await recordAttendance(ctx, input.roundId, input.entries) };
  }

  @FieldResolver(() => Person)
  person(@Root() r: AttendanceRecord, @Context() ctx: Ctx) {
    return personLoader(ctx).load(r.personId);
  }
}

@Resolver(() => AttendanceSummaryRow)
export class AttendanceSummaryResolver {
  @Query(() => [AttendanceSummaryRow])
  attendanceSummary(@Arg('regionId', () => ID) regionId: string, @Arg('month') month: string, @Context() ctx: Ctx) {
    return attendanceSummary(ctx, regionId, month);
  }

  @FieldResolver(() => Person)
  person(@Root() r: AttendanceSummaryRow, @Context() ctx: Ctx) {
    return personLoader(ctx).load(r.personId);
  }
}

@Resolver(() => AttendanceNotice)
export class AttendanceNoticeResolver {
  @Query(() => [AttendanceNotice])
  attendanceNotices(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String, { nullable: true }) month: string | null,
    @Context() ctx: Ctx,
  ) {
    return listNotices(ctx, regionId, month);
  }

  @Mutation(() => PublishAttendanceNoticePayload)
  async publishAttendanceNotice(@Arg('input') input: PublishAttendanceNoticeInput, @Context() ctx: Ctx): Promise<PublishAttendanceNoticePayload> {
    return { notice: await publishNotice(ctx, input.regionId, input.month) };
  }

  @FieldResolver(() => Region)
  region(@Root() n: AttendanceNotice, @Context() ctx: Ctx) {
    return regionLoader(ctx).load(n.regionId);
  }

  @FieldResolver(() => [AttendanceSummaryRow])
  rows(@Root() n: AttendanceNotice, @Context() ctx: Ctx) {
    return noticeRows(ctx, n.id);
  }

  @FieldResolver(() => AttendanceNotice, { nullable: true })
  supersededBy(@Root() n: AttendanceNotice, @Context() ctx: Ctx) {
    return n.supersededById ? byId(ctx, AttendanceNotice).load(n.supersededById) : null;
  }

  @FieldResolver(() => String, { description: 'Path of the spreadsheet export on this server.' })
  exportUrl(@Root() n: AttendanceNotice) {
    return exportPath(n.id);
  }
}

@Resolver(() => AttendanceNoticeSettings)
export class AttendanceNoticeSettingsResolver {
  @Query(() => AttendanceNoticeSettings, { description: "How a region's monthly attendance notices are posted (its own settings, else its nearest ancestor's, else the defaults)." })
  attendanceNoticeSettings(@Arg('regionId', () => ID) regionId: string, @Context() ctx: Ctx) {
    return getNoticeSettings(ctx, regionId);
  }

  @Mutation(() => SetAttendanceNoticeSettingsPayload, { description: "Sets a region's own notice settings: posting period (公示期), issuing office, where to raise objections." })
  async setAttendanceNoticeSettings(@Arg('input') input: SetAttendanceNoticeSettingsInput, @Context() ctx: Ctx): Promise<SetAttendanceNoticeSettingsPayload> {
    return { settings: await setNoticeSettings(ctx, input) };
  }

  @FieldResolver(() => Region)
  region(@Root() s: NoticeSettingsView, @Context() ctx: Ctx) {
    return regionLoader(ctx).load(s.regionId);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region whose settings apply (this one or the nearest above); null for the defaults.' })
  definedBy(@Root() s: NoticeSettingsView, @Context() ctx: Ctx) {
    return s.definedByRegionId ? regionLoader(ctx).load(s.definedByRegionId) : null;
  }
}
