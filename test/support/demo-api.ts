import type { DemoApi, DemoWorld } from '../../src/demo/api';
import { ok } from './graphql-client';
import { TestServer } from './server';

/** The API a demo seed gets, over the test server: ADMIN, or another account signed in. */
export function demoApi(t: TestServer, world: DemoWorld): DemoApi {
  return {
    gql: (q, v) => t.admin(q, v),
    async as(username, password) {
      const token = await t.login(username, password);
      return async (q, v) => ok(await t.gql(q, v, { token }));
    },
    world,
  };
}
