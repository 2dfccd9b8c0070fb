/**
 * The read guard: every GraphQL field whose type is a private object passes what its resolver
 * returns through that type's guard, wherever the field is (root, nested, payload, list). A
 * resolver cannot forget the check, and a new field of a guarded type is covered the day it is
 * added. What a guard hides looks exactly like a missing row: null, or an item left out of a
 * list.
 */
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  GraphQLFieldResolver,
  GraphQLOutputType,
  GraphQLSchema,
  isListType,
  isObjectType,
} from 'graphql';
import type { Ctx } from '../context';

type Awaitable<T> = T | PromiseLike<T>;

export interface Guard<T extends object = any> {
  /** What the signed-in account may see of `value`: itself, a narrower view of it, or null. */
  view(ctx: Ctx, value: T): Awaitable<T | null>;
}

/**
 * How a GraphQL object type is read: its guard; 'public' reference data (regions, units,
 * specialties, the calendar); or 'part' of what returns it (a payload, a connection, an edge,
 * a sub-object only reachable through a guarded or scoped parent).
 */
export type TypeAccess = Guard | 'public' | 'part';

export type { PersonGrant } from '../context';

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as PromiseLike<unknown> | null)?.then === 'function';

/** Types of the schema's machinery, never data. */
const MACHINERY = new Set(['Query', 'Mutation', 'Subscription', 'Node_']);

/** Payloads, connections and edges belong to the field that returns them. */
const isWrapper = (name: string) => /(Payload|Connection|Edge)$/.test(name);

/** The object types of `schema` that `access` does not classify. */
export function unclassifiedTypes(schema: GraphQLSchema, access: Record<string, TypeAccess>): string[] {
  return Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__') && !MACHINERY.has(t.name) && !isWrapper(t.name) && !(t.name in access))
    .map((t) => t.name)
    .sort();
}

const keep = (xs: unknown[]) => xs.filter((x) => x != null);

/** Passes a resolved value (an object, a list of them, nested lists) through a guard. */
function filter(guard: Guard, ctx: Ctx, type: GraphQLOutputType, value: unknown): unknown {
  if (value == null || value instanceof Error) return value;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    // Views known at once stay synchronous: no promise per item of a large list.
    const items: unknown[] = [];
    let waiting = false;
    for (const item of value as Iterable<unknown>) {
      const v = filter(guard, ctx, inner.ofType, item);
      if (isThenable(v)) waiting = true;
      items.push(v);
    }
    return waiting ? Promise.all(items).then(keep) : keep(items);
  }
  if (isThenable(value)) return value.then((v) => filter(guard, ctx, type, v));
  return guard.view(ctx, value as object);
}

/**
 * Wraps every field of the schema that returns a guarded type. Refuses a schema with an object
 * type that no feature classified.
 */
export function guardSchema(schema: GraphQLSchema, access: Record<string, TypeAccess>): GraphQLSchema {
  const missing = unclassifiedTypes(schema, access);
  if (missing.length > 0) throw new Error(`GraphQL object types without a read rule (src/access): ${missing.join(', ')}`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = access[getNamedType(field.type).name];
      if (!rule || typeof rule === 'string') continue;
      const resolve: GraphQLFieldResolver<unknown, Ctx> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        // A refusal is always answered as a rejected promise, never thrown: graphql-js 16 leaves
        // the promises of a list's other items unhandled when one item's field throws at once
        // (the views below are often synchronous), and an unhandled rejection ends the process.
        try {
          const out = resolve(source, args, ctx, info);
          return isThenable(out) ? out.then((v) => filter(rule, ctx, field.type, v)) : filter(rule, ctx, field.type, out);
        } catch (e) {
          return Promise.reject(e);
        }
      };
    }
  }
  return schema;
}
