import { TestServer } from './server';
import { GqlResult } from './graphql-client';

export const LEAVE_FIELDS = `id status type startDate startHalf endDate endHalf workingDays reason overdue returnedOn
  person { id name } region { id }
  approvalSteps { order role status comment decidedAt decidedBy { username } }`;

export const REQUEST = `mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { leave { ${LEAVE_FIELDS} } } }`;
export const DECIDE = `mutation($i: DecideLeaveInput!) { decideLeave(input: $i) { leave { ${LEAVE_FIELDS} } } }`;
export const CANCEL = `mutation($i: CancelLeaveInput!) { cancelLeave(input: $i) { leave { ${LEAVE_FIELDS} } } }`;
export const REPORT_BACK = `mutation($i: ReportBackInput!) { reportBack(input: $i) { leave { ${LEAVE_FIELDS} } } }`;
export const GET = `query($id: ID!) { leaveRequest(id: $id) { ${LEAVE_FIELDS} } }`;
export const LIST = `query($f: LeaveFilter!, $first: Int!, $after: String) { leaveRequests(filter: $f, first: $first, after: $after) {
  totalCount edges { cursor node { ${LEAVE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
export const SET_POLICY = `mutation($i: SetLeavePolicyInput!) { setLeavePolicy(input: $i) { policy { region { id } tiers { upToWorkingDays approverRoles } } } }`;
export const POLICY = `query($r: ID!) { leavePolicy(regionId: $r) { region { id } definedBy { id } tiers { upToWorkingDays approverRoles } } }`;

export interface Span {
  startDate: string;
  startHalf?: 'AM' | 'PM';
  endDate?: string;
  endHalf?: 'AM' | 'PM';
}

/** A request input: whole days by default, a personal leave. */
export function leaveInput(regionId: string, personId: string, s: Span, extra: Record<string, unknown> = {}) {
  return {
    regionId,
    personId,
    type: 'PERSONAL',
    startDate: s.startDate,
    startHalf: s.startHalf ?? 'AM',
    endDate: s.endDate ?? s.startDate,
    endHalf: s.endHalf ?? 'PM',
    reason: '家中有事',
    ...extra,
  };
}

export async function request(t: TestServer, token: string, input: ReturnType<typeof leaveInput>): Promise<GqlResult> {
  return t.gql(REQUEST, { i: input }, { token });
}

/** Requests leave and returns it, failing on any error. */
export async function requestOk(t: TestServer, token: string, input: ReturnType<typeof leaveInput>) {
  const r = await request(t, token, input);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.requestLeave.leave;
}

export async function decideOk(t: TestServer, token: string, leaveId: string, approve = true, comment: string | null = null) {
  const r = await t.gql(DECIDE, { i: { leaveId, approve, comment } }, { token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.decideLeave.leave;
}
