import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { msg } from './i18n';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  /** Counted only when the field is selected (a getter the GraphQL field reads). */
  readonly totalCount: number | Promise<number>;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Builds the Relay connection and edge types `${name}Connection` / `${name}Edge` for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => Int) totalCount!: number | Promise<number>;
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType as ClassType<ConnectionShape<T>>;
}

export interface PageArgs {
  first: number;
  after?: string | null;
}

export const MAX_PAGE = 100;

function encodeCursor(key: (string | number)[] | { o: string; k: (string | number)[] }): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor of a tagged order is `{ o: tag, k: key }`, of an untagged one the bare key. */
function decodeCursor(cursor: string, width: number, tag?: string): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (tag) {
    const named = (key ?? {}) as { o?: unknown; k?: unknown };
    if (named.o !== undefined && named.o !== tag) throw badInput('after', msg('分页游标属于另一种排序', 'The cursor belongs to another order of the list'));
    key = named.k;
  }
  if (Array.isArray(key) && key.length === width && key.every((k) => ['string', 'number'].includes(typeof k))) return key;
  throw badInput('after', msg('分页游标无效', 'The cursor is not valid'));
}

export function assertPageArgs(args: PageArgs) {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) {
    throw badInput('first', msg(`first 必须在 1 到 ${MAX_PAGE} 之间`, `first must be between 1 and ${MAX_PAGE}`));
  }
}

export interface PageOrder<T> {
  /** Columns of the sort key, e.g. ['p.name', 'p.id']; the last one must be unique. */
  columns: string[];
  /** The same key read from a row. */
  key: (row: T) => (string | number)[];
  descending?: boolean;
  /** Names the order in its cursors (a list with several orders), so that another order's cursor is refused. */
  tag?: string;
}

/** A page whose total is counted on first read, so a query that does not select it costs no statement. */
class Page<T> implements ConnectionShape<T> {
  private counted: Promise<number> | undefined;
  constructor(
    private readonly count: () => Promise<number>,
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
  ) {}
  get totalCount(): Promise<number> {
    return (this.counted ??= this.count());
  }
}

export interface PaginateOptions {
  /**
   * Set when a join of the query can repeat a row of the main alias: the count is then of
   * DISTINCT ids and the page goes through TypeORM's `take` (a DISTINCT id subquery). Without
   * it (joins to one row each, such as the region of `withinRegion`), a plain COUNT(*) and LIMIT.
   */
  joinsRepeatRows?: boolean;
}

/**
 * Keyset pagination over a query builder. The default order is the id column of the main alias
 * (ids are UUIDv7, so this is creation order). Costs one statement for the page, and one for the
 * total when `totalCount` is read and the page does not already show it (a first page without a
 * next one holds every row).
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  order?: PageOrder<T>,
  opts: PaginateOptions = {},
): Promise<ConnectionShape<T>> {
  assertPageArgs(args);
  const alias = qb.alias;
  const ord: PageOrder<T> = order ?? { columns: [`${alias}.id`], key: (row) => [row.id] };
  const dir = ord.descending ? 'DESC' : 'ASC';
  const counter = qb.clone();
  const page = qb.clone();
  if (args.after) {
    const key = decodeCursor(args.after, ord.columns.length, ord.tag);
    // (c1, c2, …) > (k1, k2, …) written portably as a disjunction of prefixes.
    const op = ord.descending ? '<' : '>';
    const ors: string[] = [];
    const params: Record<string, unknown> = {};
    ord.columns.forEach((col, i) => {
      const parts = ord.columns.slice(0, i).map((c, j) => `${c} = :__k${j}`);
      parts.push(`${col} ${op} :__k${i}`);
      ors.push(`(${parts.join(' AND ')})`);
      params[`__k${i}`] = key[i];
    });
    page.andWhere(`(${ors.join(' OR ')})`, params);
  }
  ord.columns.forEach((col, i) => (i === 0 ? page.orderBy(col, dir) : page.addOrderBy(col, dir)));
  const rows = await (opts.joinsRepeatRows ? page.take(args.first + 1) : page.limit(args.first + 1)).getMany();
  const hasNextPage = rows.length > args.first;
  const nodes = rows.slice(0, args.first);
  const edges = nodes.map((node) => ({ cursor: ord.tag ? encodeCursor({ o: ord.tag, k: ord.key(node) }) : encodeCursor(ord.key(node)), node }));
  const count = async () => {
    if (!args.after && !hasNextPage) return nodes.length;
    if (opts.joinsRepeatRows) return counter.getCount();
    const row = await counter.select('COUNT(*)', 'n').orderBy().getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  };
  return new Page(count, edges, {
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
}

/**
 * Pagination of a list computed whole (e.g. ranked by a rule rather than by columns): the cursor
 * is the position in the list plus `fingerprint`, a short digest of the list, so that a cursor of
 * a list that has changed since is refused instead of skipping or repeating items.
 */
export function paginateList<T>(items: readonly T[], args: PageArgs, fingerprint: string): ConnectionShape<T> {
  assertPageArgs(args);
  let from = 0;
  if (args.after) {
    const [position, fp] = decodeCursor(args.after, 2);
    if (fp !== fingerprint) {
      throw badInput('after', msg('列表在翻页期间已变化，请从第一页重新查看', 'The list has changed since this cursor was given; start again from the first page'));
    }
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) throw badInput('after', msg('分页游标无效', 'The cursor is not valid'));
    from = position + 1;
  }
  const nodes = items.slice(from, from + args.first);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor([from + i, fingerprint]), node }));
  return {
    totalCount: items.length,
    edges,
    pageInfo: {
      hasNextPage: from + args.first < items.length,
      hasPreviousPage: from > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
