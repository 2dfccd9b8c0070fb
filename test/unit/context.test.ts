import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { Access } from '../../src/auth/access';
import { Role } from '../../src/auth/roles';
import { systemClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config';
import { createContext, Ctx } from '../../src/context';
import type { Database } from '../../src/db/data-source';
import { byId } from '../../src/db/loaders';
import { Region } from '../../src/regions/region.entity';

/** An EntityManager stand-in that records which one a read went to. */
function fakeEm(name: string, reads: string[]): EntityManager {
  return { findBy: async () => (reads.push(name), []) } as unknown as EntityManager;
}

/** Apollo gives resolvers a shallow copy of the context value: same prototype, own properties copied. */
const copyOf = (ctx: Ctx): Ctx => Object.assign(Object.create(Object.getPrototypeOf(ctx)), ctx);

function makeCtx(base: EntityManager): Ctx {
  return createContext({
    requestId: 'r',
    locale: 'zh',
    account: { id: 'a', username: 'a', roles: [Role.ADMIN], regionIds: [], regionPaths: [], personId: null },
    db: { dataSource: { manager: base }, dialect: 'sqlite' } as unknown as Database,
    clock: systemClock,
    config: loadConfig({ NODE_ENV: 'test' }),
    log: {} as Logger,
    // As the server builds it: the access checks hold the original context.
    makeAccess: (c, a) => new Access(a, (id) => byId(c, Region).load(id)),
  });
}

describe('request context and the copy resolvers get', () => {
  test('the transaction set on the copy is the one the access checks read through', async () => {
    const reads: string[] = [];
    const ctx = makeCtx(fakeEm('base', reads));
    const copy = copyOf(ctx);
    copy.em = fakeEm('transaction', reads);
    copy.resetLoaders();
    await ctx.auth.regionInScope('r1');
    await byId(copy, Region).load('r2');
    expect(reads).toEqual(['transaction', 'transaction']);
    expect(ctx.em).toBe(copy.em);
  });

  test('ids touched through either are the ones the copy holds, also after it takes a new set', () => {
    const ctx = makeCtx(fakeEm('base', []));
    const copy = copyOf(ctx);
    copy.touched = new Set();
    copy.touch('created', null, undefined);
    ctx.touch('other');
    expect([...copy.touched]).toEqual(['created', 'other']);
  });

  test('loaders are shared, and emptied for both', () => {
    const ctx = makeCtx(fakeEm('base', []));
    const copy = copyOf(ctx);
    const make = () => new DataLoader<string, string>(async (ks) => ks);
    const first = ctx.loader('k', make);
    expect(copy.loader('k', make)).toBe(first);
    copy.resetLoaders();
    expect(ctx.loader('k', make)).not.toBe(first);
  });

  test('security events, work after the transaction and private reads noted through a copy are the original’s', async () => {
    const ctx = makeCtx(fakeEm('base', []));
    const copy = copyOf(ctx);
    copy.events = [];
    copy.recordEvent({ kind: 'SIGN_OUT' as never });
    copy.notePrivateRead(['p2', null, 'p1']);
    ctx.notePrivateRead(['p1']);
    const done: string[] = [];
    copy.afterTransaction(async () => void done.push('recorded'));
    expect(ctx.events.map((e) => e.kind)).toEqual(['SIGN_OUT']);
    expect([...ctx.privateReads].sort()).toEqual(['p1', 'p2']);
    const work = ctx.takeAfterTransaction();
    expect(copy.takeAfterTransaction()).toEqual([]);
    for (const w of work) await w();
    expect(done).toEqual(['recorded']);
  });
});
