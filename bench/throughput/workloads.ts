/** The queries of the throughput benchmark, sent byte for byte the same to the service and to the bare server. */

/** W1: a county's persons, a page of 20 with the total, their posts and the posts' units. */
export const W1 = `query W1($region: ID!) { persons(filter: { regionId: $region }, first: 20) { totalCount
  edges { cursor node { id name gender rank fullTimeInspector employments { post leadership startedOn endedOn unit { id name kind } } } }
  pageInfo { hasNextPage endCursor } } }`;

/** W2: a page of 100 persons of the city with their region, posts, units, relations and the related persons' names. */
export const W2 = `query W2($region: ID!) { persons(filter: { regionId: $region }, first: 100) {
  edges { node { id name rank region { id name } employments { post startedOn endedOn unit { id name } } relations { kind relatedPerson { id name } } } }
  pageInfo { hasNextPage endCursor } } }`;

/** R: a round with its teams, their targets, members and people, and every rule each team breaks. */
export const R = `query R($id: ID!) { round(id: $id) { id name status startsOn endsOn
  teams { id name targets { id name } members { id role joinedOn person { id name rank } }
    violations { rule severity message person { id name } unit { id name } } } } }`;

export type WorkloadName = 'W1' | 'W2' | 'R';
export const QUERIES: Record<WorkloadName, string> = { W1, W2, R };
