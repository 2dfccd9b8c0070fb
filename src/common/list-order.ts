/**
 * Sort orders of the lists: each list names its own fields in an enum `<List>OrderField`
 * (documented value by value in the schema) and takes `orderBy: <List>Order` with a field and a
 * direction. Every order ends with the id, so it is total and stable under cursor pagination;
 * a cursor of one order is refused by another.
 */
import { ClassType, Field, InputType, registerEnumType } from 'type-graphql';
import { ObjectLiteral } from 'typeorm';
import type { PageOrder } from './pagination';

export const OrderDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type OrderDirection = (typeof OrderDirection)[keyof typeof OrderDirection];
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'ASC: A to Z, earliest first; DESC: the reverse.',
  valuesConfig: { ASC: { description: 'Ascending.' }, DESC: { description: 'Descending.' } },
});

export interface ListOrder<F extends string> {
  field: F;
  direction?: OrderDirection | null;
}

/**
 * Registers the enum `${name}Field` of a list's sort fields (each with its description) and
 * builds the input `${name} { field, direction = ASC }`.
 */
export function OrderInput<F extends string>(name: string, fields: Record<F, string>, description: string) {
  const values = Object.fromEntries(Object.keys(fields).map((k) => [k, k])) as Record<F, F>;
  registerEnumType(values, {
    name: `${name}Field`,
    description: `The fields of ${name}.`,
    valuesConfig: Object.fromEntries(Object.entries(fields).map(([k, d]) => [k, { description: d as string }])) as never,
  });
  @InputType(name, { description })
  class OrderInputType {
    @Field(() => values) field!: F;
    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) direction?: OrderDirection | null;
  }
  return OrderInputType as ClassType<ListOrder<F>>;
}

/**
 * The page order of `order` (or of `fallback` when the client gave none): `orders` maps each
 * field to its sort key columns and the same key read from a row (the id last).
 */
export function pageOrderOf<T extends ObjectLiteral, F extends string>(
  orders: Record<F, Omit<PageOrder<T>, 'descending'>>,
  order: ListOrder<F> | null | undefined,
  fallback: Required<ListOrder<F>>,
): PageOrder<T> {
  const chosen = order ?? fallback;
  const direction = chosen.direction ?? OrderDirection.ASC;
  // The list's own order keeps plain cursors; any other names itself in them.
  const isDefault = chosen.field === fallback.field && direction === fallback.direction;
  return { ...orders[chosen.field], descending: direction === OrderDirection.DESC, tag: isDefault ? undefined : `${chosen.field} ${direction}` };
}
