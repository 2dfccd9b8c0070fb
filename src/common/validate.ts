import { badInput } from './errors';
import { msg } from './i18n';

/** Trims a required text input; BAD_USER_INPUT on `field` when empty or too long. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const v = (value ?? '').trim();
  if (!v) throw badInput(field, msg(`${field} 不能为空`, `${field} must not be empty`));
  if (v.length > max) throw badInput(field, msg(`${field} 不能超过 ${max} 个字符`, `${field} must be at most ${max} characters`));
  return v;
}

/** Trims an optional text input to null when empty. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (v.length > max) throw badInput(field, msg(`${field} 不能超过 ${max} 个字符`, `${field} must be at most ${max} characters`));
  return v;
}
