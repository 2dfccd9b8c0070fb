/** A person's code (the office's file number): unique within the person's region. */
import { Ctx } from '../context';
import { badInput, conflict } from '../common/errors';
import { msg } from '../common/i18n';
import { Person } from './person.entity';
import { normalizeCode } from './rules/corrections';

/** The code as stored, or BAD_USER_INPUT on `field`. */
export function checkedCode(code: string | null | undefined, field: string): string | null {
  const c = normalizeCode(code);
  if (!c.ok) throw badInput(field, c.message);
  return c.value;
}

export const codeTaken = (code: string) =>
  conflict(msg(`本地区已有编号为“${code}”的人员`, `Another person of this region already has the code "${code}"`));

/** CONFLICT when another person of the region holds the code (the unique index is the last word). */
export async function assertCodeFree(ctx: Ctx, regionId: string, code: string | null, personId: string | null) {
  if (code === null) return;
  const holder = await ctx.em.findOneBy(Person, { regionId, code });
  if (holder && holder.id !== personId) throw codeTaken(code);
}
