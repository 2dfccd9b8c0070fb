/** The kinds of leave, in the order they are listed (summaries, notices). */
export const LEAVE_TYPES = ['PERSONAL', 'SICK', 'ANNUAL', 'HOME_UNIT_RECALL', 'MARRIAGE', 'BEREAVEMENT', 'OTHER'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
