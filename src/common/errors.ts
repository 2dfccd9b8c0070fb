import { Msg, msg } from './i18n';

/** The error codes clients see in `extensions.code`. They never change. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

/**
 * An expected failure raised by a service: bad input, missing rights, a missing row or a state
 * conflict. The GraphQL layer maps it to an error with `extensions.code` (and `extensions.field`)
 * and a message in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Msg,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const badInput = (field: string | undefined, text: Msg, details?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', text, field, details);

export const conflict = (text: Msg, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', text, undefined, details);

export const forbidden = (text: Msg = msg('没有执行此操作的权限', 'You are not allowed to do this')) =>
  new AppError('FORBIDDEN', text);

export const unauthenticated = (text: Msg = msg('请先登录', 'Please sign in first')) =>
  new AppError('UNAUTHENTICATED', text);

/** `what` names the kind of thing, e.g. msg('人员', 'person'). */
export const notFound = (what: Msg, id?: string, field?: string) =>
  new AppError(
    'NOT_FOUND',
    msg(`${what.zh}不存在${id ? `：${id}` : ''}`, `No such ${what.en}${id ? `: ${id}` : ''}`),
    field,
  );

/** An unknown id given in an input field is bad input, not a missing resource. */
export const unknownId = (field: string, what: Msg, id: string) =>
  badInput(field, msg(`${what.zh}不存在：${id}`, `No such ${what.en}: ${id}`));

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
