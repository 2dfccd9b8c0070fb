import pino from 'pino';
import { Access } from '../../src/auth/access';
import type { Config } from '../../src/config';
import { createContext, Ctx } from '../../src/context';
import { byId } from '../../src/db/loaders';
import { Region } from '../../src/regions/region.entity';
import { allPersonGrants } from '../../src/modules';
import { TestServer } from './server';

/** A request context outside HTTP, as ADMIN, for calling a service directly against the test database. */
export function serviceContext(t: TestServer): Ctx {
  return createContext({
    requestId: 'test',
    locale: 'zh',
    account: { id: 'test', username: 'test', roles: ['ADMIN'] as never, regionIds: [], regionPaths: [], personId: null },
    db: t.server.db,
    clock: t.clock,
    config: {} as Config,
    log: pino({ level: 'silent' }),
    makeAccess: (c, a) => new Access(a, (id) => byId(c, Region).load(id)),
    personGrants: allPersonGrants(),
  });
}
