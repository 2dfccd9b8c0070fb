/**
 * Withdrawing a declaration and revoking a waiver. Both are kept (with who, when and why) and
 * stop being in force at once: a withdrawn declaration no longer makes a finding (rule 6), a
 * revoked waiver no longer lets its finding through, in the check, the matrix and the teams'
 * violations alike. The same avoidance may be declared or waived again afterwards.
 */
import { Ctx } from '../context';
import { conflict, forbidden, unknownId } from '../common/errors';
import { msg } from '../common/i18n';
import { requiredText } from '../common/validate';
import { byId } from '../db/loaders';
import { lockRows } from '../db/locks';
import { Role } from '../auth/roles';
import { noteForAudit } from '../audit/audit.service';
import { Round } from '../rounds/round.entity';
import { AvoidanceDeclaration, AvoidanceWaiver } from './avoidance.entity';
import { assertOpen } from './avoidance.service';

export const DECLARATION = msg('回避申请', 'avoidance declaration');
export const WAIVER = msg('回避豁免', 'avoidance waiver');

/**
 * Withdraws a declaration: by an office that may declare in the round's region, or by the person
 * who declared it for themselves. Any other declaration is, to this account, no such declaration.
 */
export async function withdrawAvoidanceDeclaration(ctx: Ctx, input: { declarationId: string; reason: string }): Promise<AvoidanceDeclaration> {
  const account = ctx.auth.signedIn();
  const ownRole = ctx.auth.hasRole(Role.INSPECTOR, Role.GROUP_LEADER);
  if (!ownRole && !ctx.auth.has('declaration:write')) {
    throw forbidden(msg('只有巡察办或本人可以撤回回避申请', 'Only the inspection office or the person themselves may withdraw a declaration'));
  }
  const found = await ctx.em.findOneBy(AvoidanceDeclaration, { id: input.declarationId });
  const round = found ? await byId(ctx, Round).load(found.roundId) : null;
  const own = !!found && ownRole && ctx.auth.isSelf(found.personId) && found.declaredBy === account.id;
  const office = !!round && ctx.auth.has('declaration:write') && (await ctx.auth.covers(round.regionId));
  if (!found || !round || !(own || office)) throw unknownId('declarationId', DECLARATION, input.declarationId);
  const reason = requiredText(input.reason, 'reason', 500);
  await lockRows(ctx.em, AvoidanceDeclaration, [found.id]);
  const declaration = (await ctx.em.findOneBy(AvoidanceDeclaration, { id: found.id }))!;
  if (declaration.withdrawnAt) throw conflict(msg('该回避申请已撤回', 'This declaration has already been withdrawn'));
  assertOpen(round);
  const changes = { activeRoundId: null, withdrawnAt: ctx.clock.now(), withdrawnBy: account.id, withdrawalReason: reason };
  await ctx.em.update(AvoidanceDeclaration, { id: declaration.id }, changes);
  noteForAudit(ctx, reason);
  ctx.touch(declaration.id, declaration.personId, declaration.roundId);
  return Object.assign(declaration, changes);
}

/** Revokes a waiver (the office director of the round's region). */
export async function revokeAvoidanceWaiver(ctx: Ctx, input: { waiverId: string; reason: string }): Promise<AvoidanceWaiver> {
  const account = ctx.auth.require('waiver:write');
  const found = await ctx.em.findOneBy(AvoidanceWaiver, { id: input.waiverId });
  const round = found ? await byId(ctx, Round).load(found.roundId) : null;
  if (!found || !round || !(await ctx.auth.covers(round.regionId))) throw unknownId('waiverId', WAIVER, input.waiverId);
  const reason = requiredText(input.reason, 'reason', 500);
  await lockRows(ctx.em, AvoidanceWaiver, [found.id]);
  const waiver = (await ctx.em.findOneBy(AvoidanceWaiver, { id: found.id }))!;
  if (waiver.revokedAt) throw conflict(msg('该豁免已撤销', 'This waiver has already been revoked'));
  assertOpen(round);
  const changes = { activeRoundId: null, revokedAt: ctx.clock.now(), revokedBy: account.id, revocationReason: reason };
  await ctx.em.update(AvoidanceWaiver, { id: waiver.id }, changes);
  noteForAudit(ctx, reason);
  ctx.touch(waiver.id, waiver.personId, waiver.roundId);
  return Object.assign(waiver, changes);
}
