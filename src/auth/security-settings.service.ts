import { Ctx } from '../context';
import { badInput } from '../common/errors';
import { AuditKind } from '../audit/audit.entity';
import { ALL_ROLES } from './roles';
import { SECURITY_SETTINGS_ID, SecuritySettingsRow } from './security-settings.entity';
import { parseStoredSettings, SecuritySettingsData, settingOutOfRange, settingsDiff } from './rules/security-settings';

/** The settings in force: those the request's session load brought, or read now. */
export async function loadSecuritySettings(ctx: Pick<Ctx, 'em' | 'securitySettings'>): Promise<SecuritySettingsData> {
  if (ctx.securitySettings) return ctx.securitySettings;
  const row = await ctx.em.findOneBy(SecuritySettingsRow, { id: SECURITY_SETTINGS_ID });
  return parseStoredSettings(row?.value, ALL_ROLES);
}

export async function getSecuritySettings(ctx: Ctx): Promise<SecuritySettingsData> {
  ctx.auth.require('securitySettings:read');
  return loadSecuritySettings(ctx);
}

/** Changes the fields given; the rest keep their values. Recorded with every value before and after. */
export async function setSecuritySettings(ctx: Ctx, change: Partial<SecuritySettingsData>): Promise<SecuritySettingsData> {
  ctx.auth.require('securitySettings:write');
  const bad = settingOutOfRange(change);
  if (bad) throw badInput(bad.field, bad.text);
  const qb = ctx.em.createQueryBuilder(SecuritySettingsRow, 's').where('s.id = :id', { id: SECURITY_SETTINGS_ID });
  if (ctx.dialect === 'mysql') qb.setLock('pessimistic_write');
  const row = await qb.getOne();
  const before = parseStoredSettings(row?.value, ALL_ROLES);
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined && v !== null));
  const after: SecuritySettingsData = { ...before, ...given };
  after.totpRequiredRoles = [...new Set(after.totpRequiredRoles)];
  await ctx.em.save(SecuritySettingsRow, { id: SECURITY_SETTINGS_ID, value: JSON.stringify(after), updatedAt: ctx.clock.now() });
  const diff = settingsDiff(before, after);
  if (Object.keys(diff).length) ctx.recordEvent({ kind: AuditKind.SECURITY_SETTINGS_CHANGED, details: diff });
  return after;
}

