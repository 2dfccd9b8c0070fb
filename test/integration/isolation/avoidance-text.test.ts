/**
 * Relations are private, also inside avoidance texts. County A's current team has a member whose
 * wife holds a leadership post in a target unit (KIN_IN_TARGET, hard, not waived). The office
 * roles (those that read relations: INSPECTION_OFFICE, OFFICE_DIRECTOR, ORG_DEPARTMENT) read the
 * finding with the wife's name, the relation and a path step through her; the leading group's
 * head, the team's group leader and an inspector on the team read the rule, the severity and the
 * unit, and a sentence without her: no name, no relation word, no step through her, in Chinese
 * and in English. The finance specialist on that team and the removed member are the wife's
 * classmates (PERSONAL_TIE, soft): the concerns of a composition proposal and of a candidate.
 * Roles that may not ask a field get nothing that names her.
 *
 * The fields that carry avoidance text are found in the schema (every field returning
 * AvoidanceFinding or Violation); each must have a way to be asked in READS below, so a new one
 * fails the first test until it is covered.
 */
import { getNamedType, GraphQLSchema, isObjectType } from 'graphql';
import { COUNTY_ROLES, CountyRole, IsolationWorld, useIsolationWorld } from '../../support/isolation-world';
import { walkAs } from '../../support/isolation-walk';
import { TestServer } from '../../support/server';

const CARRIERS = ['AvoidanceFinding', 'Violation'];
const OFFICE = ['INSPECTION_OFFICE', 'OFFICE_DIRECTOR', 'ORG_DEPARTMENT'] as const;
const OTHERS = ['LEADING_GROUP_HEAD', 'GROUP_LEADER', 'INSPECTOR'] as const;
const RELATION_WORDS = /配偶|妻子|丈夫|夫妻|姐妹|兄弟|同学|\b(spouse|wife|husband|sibling|sister|brother|classmate)\b/i;
/** The offices that compose teams (round:write): the readers of proposals and candidates. */
const COMPOSING = ['INSPECTION_OFFICE', 'OFFICE_DIRECTOR'] as const;

const FINDING = 'rule severity waived explanation person { id name } unit { id name } path { label person { id name } unit { id name } }';
const VIOLATION = 'rule severity message person { id name } unit { id name }';

interface Finding {
  rule: string;
  severity: string;
  unit: { id: string; name: string } | null;
  person: { id: string; name: string } | null;
  explanation?: string;
  message?: string;
  path?: { label: string; person: { id: string; name: string } | null }[];
}

interface Read {
  /** The roles of A that may ask it. */
  roles: readonly CountyRole[];
  query: string;
  variables: (w: IsolationWorld) => Record<string, unknown>;
  findings: (data: any) => Finding[];
  /**
   * Who the finding is about: the member (his wife) or the spare (her brother) for KIN_IN_TARGET,
   * the finance specialist or the removed member (her classmates) for PERSONAL_TIE.
   */
  subject: 'member' | 'spare' | 'finance' | 'extra';
  /** The finding asked for: KIN_IN_TARGET, hard, unless said. */
  rule?: 'PERSONAL_TIE';
}

const CANDIDATES = (what: string) =>
  `query($t: ID!) { candidates(filter: { teamId: $t, role: MEMBER, includeIneligible: true }, first: 100) { edges { node { ${what} { ${VIOLATION} } } } } }`;

/** How each field carrying avoidance text is asked, with a finding caused by a relative in it. */
const READS: Record<string, Read> = {
  'Query.avoidanceCheck': {
    roles: OFFICE,
    query: `query($p: ID!, $u: ID!, $r: ID!) { avoidanceCheck(personId: $p, unitId: $u, roundId: $r) { ${FINDING} } }`,
    variables: (w) => ({ p: w.A.persons.member, u: w.A.units.fin, r: w.A.rounds.current }),
    findings: (d) => d.avoidanceCheck,
    subject: 'member',
  },
  'Query.avoidanceMatrix': {
    roles: OFFICE,
    query: `query($ps: [ID!]!, $us: [ID!]!, $r: ID!) { avoidanceMatrix(personIds: $ps, unitIds: $us, roundId: $r) { ${FINDING} } }`,
    variables: (w) => ({ ps: [w.A.persons.member, w.A.persons.finance], us: [w.A.units.fin, w.A.units.aud], r: w.A.rounds.current }),
    findings: (d) => d.avoidanceMatrix,
    subject: 'member',
  },
  'Team.violations': {
    roles: COUNTY_ROLES,
    query: `query($id: ID!) { team(id: $id) { violations { ${VIOLATION} } } }`,
    variables: (w) => ({ id: w.A.teams.current }),
    findings: (d) => d.team.violations,
    subject: 'member',
  },
  'AdvanceRoundPayload.violations': {
    roles: ['INSPECTION_OFFICE', 'OFFICE_DIRECTOR'],
    // Refused (a hard finding blocks it): the round stays in planning.
    query: `mutation($id: ID!) { advanceRound(input: { roundId: $id, to: AUTHORIZED }) { round { status } violations { ${VIOLATION} } } }`,
    variables: (w) => ({ id: w.A.rounds.current }),
    findings: (d) => d.advanceRound.violations,
    subject: 'member',
  },
  'AssignTeamMemberPayload.violations': {
    roles: ['INSPECTION_OFFICE', 'OFFICE_DIRECTOR'],
    // Refused: the spare's sister (the member's wife) holds a post in a target unit; nothing is written.
    query: `mutation($t: ID!, $p: ID!) { assignTeamMember(input: { teamId: $t, personId: $p, role: MEMBER }) { membership { id } violations { ${VIOLATION} } } }`,
    variables: (w) => ({ t: w.A.teams.current, p: w.A.persons.spare }),
    findings: (d) => d.assignTeamMember.violations,
    subject: 'spare',
  },
  'Candidate.refusals': {
    roles: COMPOSING,
    query: CANDIDATES('refusals'),
    variables: (w) => ({ t: w.A.teams.current }),
    findings: (d) => d.candidates.edges.flatMap((e: any) => e.node.refusals),
    subject: 'spare',
  },
  'Candidate.concerns': {
    roles: COMPOSING,
    query: CANDIDATES('concerns'),
    variables: (w) => ({ t: w.A.teams.current }),
    findings: (d) => d.candidates.edges.flatMap((e: any) => e.node.concerns),
    subject: 'extra',
    rule: 'PERSONAL_TIE',
  },
  'ProposedTeam.concerns': {
    roles: COMPOSING,
    query: `query($id: ID!) { compositionProposal(id: $id) { teams { concerns { ${VIOLATION} } } } }`,
    variables: (w) => ({ id: w.A.proposal }),
    findings: (d) => d.compositionProposal.teams.flatMap((t: any) => t.concerns),
    subject: 'finance',
    rule: 'PERSONAL_TIE',
  },
};

let t: TestServer;
let w: IsolationWorld;
let schema: GraphQLSchema;
useIsolationWorld((x) => ({ t, w, schema } = x));

const textOf = (f: Finding) => [f.explanation ?? f.message ?? '', ...(f.path ?? []).map((s) => s.label)].join(' | ');

async function ask(read: Read, role: CountyRole, lang: string) {
  const r = await t.gql(read.query, read.variables(w), { token: w.A.accounts[role].token, lang });
  return r;
}

/** The finding (KIN_IN_TARGET unless the read says) of the read's subject for the finance bureau. */
function kinFinding(read: Read, data: any): Finding | undefined {
  const subject = w.A.persons[read.subject];
  const rule = read.rule ?? 'KIN_IN_TARGET';
  return (data ? read.findings(data) : []).find((f) => f.rule === rule && f.unit?.id === w.A.units.fin && f.person?.id === subject);
}
const expected = (read: Read) => ({ rule: read.rule ?? 'KIN_IN_TARGET', severity: read.rule ? 'SOFT' : 'HARD', unit: { id: w.A.units.fin } });

test('every field that carries avoidance text is asked here', () => {
  const carriers: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const f of Object.values(type.getFields())) if (CARRIERS.includes(getNamedType(f.type).name)) carriers.push(`${type.name}.${f.name}`);
  }
  expect(carriers.sort()).toEqual(Object.keys(READS).sort());
});

describe.each(Object.entries(READS))('%s', (_name, read) => {
  const office = OFFICE.filter((r) => read.roles.includes(r));
  const others = OTHERS.filter((r) => read.roles.includes(r));

  if (office.length > 0) {
    test.each(office.flatMap((role) => [[role, 'zh'] as const, [role, 'en'] as const]))('%s (%s) reads the relative: name, relation and path step', async (role, lang) => {
      const r = await ask(read, role, lang);
      expect(r.errors).toBeUndefined();
      const wife = w.A.names[w.A.persons.spouse];
      const f = kinFinding(read, r.data);
      expect(f).toMatchObject(expected(read));
      expect(textOf(f!)).toContain(wife);
      expect(textOf(f!)).toMatch(RELATION_WORDS);
      if (f!.path) expect(f!.path.map((s) => s.person?.id)).toContain(w.A.persons.spouse);
    });
  }

  if (others.length > 0) {
    test.each(others.flatMap((role) => [[role, 'zh'] as const, [role, 'en'] as const]))(
      '%s (%s) reads the rule, severity and unit, and a sentence without the relative',
      async (role, lang) => {
        const r = await ask(read, role, lang);
        const f = kinFinding(read, r.data);
        expect(f).toMatchObject(expected(read));
        const answer = JSON.stringify(r);
        const naming = read.findings(r.data).filter((g) => RELATION_WORDS.test(textOf(g)) || (g.path ?? []).some((s) => s.person?.id === w.A.persons.spouse));
        expect({
          relativeNamed: answer.includes(w.A.names[w.A.persons.spouse]),
          relativeId: answer.includes(w.A.persons.spouse),
          relationWords: naming.map((g) => `${g.rule}: ${textOf(g)}`),
        }).toEqual({ relativeNamed: false, relativeId: false, relationWords: [] });
      },
    );
  }

  const refused = COUNTY_ROLES.filter((r) => !read.roles.includes(r));
  if (refused.length > 0) {
    test.each(refused)('%s, which may not ask it, gets nothing naming the relative', async (role) => {
      const answer = JSON.stringify(await ask(read, role, 'zh'));
      expect({ relativeNamed: answer.includes(w.A.names[w.A.persons.spouse]), relativeId: answer.includes(w.A.persons.spouse) }).toEqual({
        relativeNamed: false,
        relativeId: false,
      });
    });
  }
});

/**
 * The city cadre on A's current team is the wife's classmate; A's office reads the cadre (a city
 * person) in part, not the cadre's relations. The proposal's concerns give it the sentence the
 * team's violations give it: without her.
 */
test("a proposal's concerns read as the team's violations do, for a member whose relations the office may not read", async () => {
  const token = w.A.accounts.INSPECTION_OFFICE.token;
  const tie = (fs: Finding[]) => fs.find((f) => f.rule === 'PERSONAL_TIE' && f.person?.id === w.cityCadre.id && f.unit?.id === w.A.units.fin);
  for (const lang of ['zh', 'en']) {
    const team = await t.gql(`query($id: ID!) { team(id: $id) { violations { ${VIOLATION} } } }`, { id: w.A.teams.current }, { token, lang });
    const proposal = await t.gql(READS['ProposedTeam.concerns'].query, { id: w.A.proposal }, { token, lang });
    const [inTeam, inProposal] = [tie(team.data!.team.violations), tie(READS['ProposedTeam.concerns'].findings(proposal.data))];
    expect(inTeam).toBeDefined();
    expect(textOf(inTeam!)).not.toContain(w.A.names[w.A.persons.spouse]);
    expect(inProposal?.message).toEqual(inTeam!.message);
  }
});

/**
 * Wherever else these roles reach an avoidance text (a round's teams, their own teams through
 * `me`, anything the schema leads to within six levels), it holds no relative and no relation
 * word; nor the interest tie behind an INTEREST_TIE finding, a private fact as well.
 */
describe.each(OTHERS)('%s, walking the whole schema', (role) => {
  const walked = new Map<string, Promise<{ texts: { type: string; rule: string; text: string }[]; answers: string[] }>>();
  /** The avoidance texts the role meets anywhere (walked once per role). */
  const textsMet = () => {
    if (!walked.has(role)) {
      walked.set(
        role,
        (async () => {
          const { walker } = await walkAs(t, schema, w, role);
          const texts: { type: string; rule: string; text: string }[] = [];
          const collect = (x: any): void => {
            if (Array.isArray(x)) x.forEach(collect);
            else if (x && typeof x === 'object') {
              if (CARRIERS.includes(x.__typename)) texts.push({ type: x.__typename, rule: x.rule, text: [x.explanation, x.message].filter(Boolean).join(' ') });
              Object.values(x).forEach(collect);
            }
          };
          for (const r of walker.responses) collect(r.result.data);
          return { texts, answers: walker.responses.map((r) => JSON.stringify(r.result)) };
        })(),
      );
    }
    return walked.get(role)!;
  };
  const lines = (xs: { type: string; rule: string; text: string }[]) => [...new Set(xs.map((x) => `${x.type} ${x.rule}: ${x.text}`))];

  test('meets the finding but no text naming the relative or the relation, and never her id', async () => {
    const { texts, answers } = await textsMet();
    expect(texts.some((x) => x.rule === 'KIN_IN_TARGET')).toBe(true);
    const wife = w.A.names[w.A.persons.spouse];
    expect(lines(texts.filter((x) => x.text.includes(wife) || RELATION_WORDS.test(x.text)))).toEqual([]);
    expect(answers.filter((a) => a.includes(w.A.persons.spouse)).length).toBe(0);
  });

  test("meets no text holding a person's interest tie", async () => {
    const { texts } = await textsMet();
    expect(texts.some((x) => x.rule === 'INTEREST_TIE')).toBe(true);
    const tie = w.A.planted.find((m) => m.what === "A's interest-tie")!.value;
    expect(lines(texts.filter((x) => x.text.includes(tie)))).toEqual([]);
  });
});
