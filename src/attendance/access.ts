/**
 * Who reads attendance: attendance:read in the region (the round's, the notice's), the account
 * that recorded a record, and the person it is about. Summary rows are read with their notice
 * or with the region's summary, which attendance:read in scope asks for.
 */
import type { Guard } from '../access/guard';
import { byId } from '../db/loaders';
import { Round } from '../rounds/round.entity';
import { AttendanceNotice, AttendanceRecord } from './attendance.entity';

export const recordGuard: Guard<AttendanceRecord> = {
  async view(ctx, r) {
    if (!ctx.account) return null;
    if (r.recordedBy === ctx.account.id || ctx.auth.isSelf(r.personId)) return r;
    if (!ctx.auth.has('attendance:read')) return null;
    const round = await byId(ctx, Round).load(r.roundId);
    return round && (await ctx.auth.covers(round.regionId)) ? r : null;
  },
};

export const noticeGuard: Guard<AttendanceNotice> = {
  async view(ctx, n) {
    return ctx.auth.has('attendance:read') && (await ctx.auth.covers(n.regionId)) ? n : null;
  },
};
