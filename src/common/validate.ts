import { badInput } from './errors';
import { msg } from './i18n';

/**
 * What free text may hold. A name is one line of visible text: no control characters (Cc), no
 * format characters (Cf: bidi overrides, zero-width spaces and joiners, soft hyphens), no line
 * or paragraph separators. Longer text (reasons, comments, descriptions) may also hold newlines
 * and tabs (a CRLF is kept as LF). Neither may hold a lone surrogate, and both are stored in NFC
 * so that the same word is always the same string.
 */
export type TextKind = 'name' | 'text';

const LONE_SURROGATE = /\p{Cs}/u;
const NOT_IN_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const NOT_IN_TEXT = /[^\P{Cc}\n\t]/u;

function clean(value: string | null | undefined, field: string, max: number, kind: TextKind): string {
  let v = (value ?? '').trim();
  if (LONE_SURROGATE.test(v)) {
    throw badInput(field, msg(`${field} 含有无效的字符编码（孤立的代理项）`, `${field} holds an invalid character (a lone surrogate)`));
  }
  if (kind === 'text') v = v.replace(/\r\n/g, '\n');
  const forbidden = (kind === 'name' ? NOT_IN_NAME : NOT_IN_TEXT).exec(v);
  if (forbidden) {
    const code = `U+${forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw badInput(
      field,
      kind === 'name'
        ? msg(`${field} 不能含有控制字符或不可见的格式字符（${code}）`, `${field} must not hold control or invisible format characters (${code})`)
        : msg(`${field} 不能含有换行和制表符以外的控制字符（${code}）`, `${field} must not hold control characters other than newline and tab (${code})`),
    );
  }
  v = v.normalize('NFC');
  if (v.length > max) throw badInput(field, msg(`${field} 不能超过 ${max} 个字符`, `${field} must be at most ${max} characters`));
  return v;
}

/** A required text input, trimmed and checked (see TextKind); BAD_USER_INPUT on `field` when empty, too long or holding what it may not. */
export function requiredText(value: string | null | undefined, field: string, max: number, kind: TextKind = 'text'): string {
  const v = clean(value, field, max, kind);
  if (!v) throw badInput(field, msg(`${field} 不能为空`, `${field} must not be empty`));
  return v;
}

/** An optional text input, trimmed and checked as requiredText; null when empty. */
export function optionalText(value: string | null | undefined, field: string, max: number, kind: TextKind = 'text'): string | null {
  return clean(value, field, max, kind) || null;
}

/** A required name: requiredText of kind 'name'. */
export const requiredName = (value: string | null | undefined, field: string, max: number) => requiredText(value, field, max, 'name');

/** An optional name: optionalText of kind 'name'. */
export const optionalName = (value: string | null | undefined, field: string, max: number) => optionalText(value, field, max, 'name');
