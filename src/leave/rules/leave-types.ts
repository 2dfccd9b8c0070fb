/** The kinds of leave, in the order they are listed (summaries, notices). */
export type LeaveType = 'PERSONAL' | 'SICK' | 'ANNUAL' | 'HOME_UNIT_RECALL' | 'MARRIAGE' | 'BEREAVEMENT' | 'OTHER';
export const LEAVE_TYPES: readonly LeaveType[] = ['PERSONAL', 'SICK', 'ANNUAL', 'HOME_UNIT_RECALL', 'MARRIAGE', 'BEREAVEMENT', 'OTHER'];
