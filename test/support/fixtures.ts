import { TestServer } from './server';

/** Small builders over the GraphQL API, as ADMIN, for test data. */
export async function createRegion(t: TestServer, code: string, name: string, level: string, parentId: string | null = null): Promise<string> {
  const d = await t.admin('mutation($i: CreateRegionInput!) { createRegion(input: $i) { region { id } } }', { i: { code, name, level, parentId } });
  return d.createRegion.region.id;
}

export async function createUnit(t: TestServer, regionId: string, name: string, kind = 'DEPARTMENT', extra: Record<string, unknown> = {}): Promise<string> {
  const d = await t.admin('mutation($i: CreateUnitInput!) { createUnit(input: $i) { unit { id } } }', { i: { regionId, name, kind, ...extra } });
  return d.createUnit.unit.id;
}

export async function createPerson(t: TestServer, regionId: string, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const d = await t.admin('mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }', { i: { regionId, name, ...extra } });
  return d.createPerson.person.id;
}

export async function addEmployment(t: TestServer, personId: string, unitId: string, post: string, startedOn: string, endedOn: string | null = null, leadership = false): Promise<string> {
  const d = await t.admin('mutation($i: AddEmploymentInput!) { addEmployment(input: $i) { employment { id } } }', {
    i: { personId, unitId, post, leadership, startedOn, endedOn },
  });
  return d.addEmployment.employment.id;
}

export async function addRelation(t: TestServer, personId: string, relatedPersonId: string, kind: string): Promise<string> {
  const d = await t.admin('mutation($i: AddRelationInput!) { addRelation(input: $i) { relation { id } } }', { i: { personId, relatedPersonId, kind } });
  return d.addRelation.relation.id;
}

/** A city with two counties, each with a township: the usual shape of test data. */
export async function basicRegions(t: TestServer, prefix = 'R') {
  const city = await createRegion(t, `${prefix}-C`, '江州市', 'CITY');
  const countyA = await createRegion(t, `${prefix}-A`, '东安县', 'COUNTY', city);
  const countyB = await createRegion(t, `${prefix}-B`, '西平县', 'COUNTY', city);
  const townA = await createRegion(t, `${prefix}-A1`, '城关镇', 'TOWNSHIP', countyA);
  return { city, countyA, countyB, townA };
}
