import { buildSchema, graphql } from 'graphql';
import { guardSchema, unclassifiedTypes } from '../../src/access/guard';
import { getSchema } from '../../src/schema';
import { allAccess } from '../../src/modules';

/** The read guard on a small schema: wherever a guarded type is returned, its guard decides. */
const SDL = `
  type Secret { id: ID! note: String }
  type Box { secret: Secret secrets: [Secret!]! grid: [[Secret!]!]! label: String }
  type SetSecretPayload { secret: Secret }
  type Query { secret(id: ID!): Secret box: Box! }
  type Mutation { setSecret: SetSecretPayload! }
`;
const rows = [
  { id: 'a', note: 'mine' },
  { id: 'b', note: 'theirs' },
  { id: 'c', note: 'mine too' },
];
const guard = { view: (_ctx: unknown, s: { id: string; note: string }) => (s.id === 'b' ? null : s.id === 'c' ? Promise.resolve({ ...s, note: 'narrowed' }) : s) };

function run(source: string) {
  const schema = guardSchema(buildSchema(SDL), { Secret: guard, Box: 'part' });
  const rootValue = {
    secret: ({ id }: { id: string }) => Promise.resolve(rows.find((r) => r.id === id) ?? null),
    box: { secret: rows[1], secrets: rows, grid: [rows, [rows[1]]], label: 'x' },
    setSecret: { secret: rows[1] },
  };
  return graphql({ schema, source, rootValue, contextValue: {} });
}

describe('guardSchema', () => {
  test('filters root, nested, list, nested-list and payload fields, sync and async', async () => {
    expect((await run('{ a: secret(id: "a") { note } b: secret(id: "b") { note } c: secret(id: "c") { note } }')).data).toEqual({
      a: { note: 'mine' },
      b: null,
      c: { note: 'narrowed' },
    });
    const box = await run('{ box { secret { id } secrets { id note } grid { id } label } }');
    expect(box.errors).toBeUndefined();
    expect(box.data!.box).toEqual({
      secret: null,
      secrets: [
        { id: 'a', note: 'mine' },
        { id: 'c', note: 'narrowed' },
      ],
      grid: [[{ id: 'a' }, { id: 'c' }], []],
      label: 'x',
    });
    expect((await run('mutation { setSecret { secret { id } } }')).data).toEqual({ setSecret: { secret: null } });
  });

  test('refuses a schema with an object type no feature classified', () => {
    expect(unclassifiedTypes(buildSchema(SDL), { Secret: guard })).toEqual(['Box']);
    expect(() => guardSchema(buildSchema(SDL), { Secret: guard })).toThrow(/Box/);
  });

  test("every object type of the service's schema has a read rule", async () => {
    expect(unclassifiedTypes(await getSchema(), allAccess())).toEqual([]);
  });
});
