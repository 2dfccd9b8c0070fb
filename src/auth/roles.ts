import { registerEnumType } from 'type-graphql';
import { enumOf, ROLES } from '../common/vocabulary';

export const Role = enumOf(ROLES);
export type Role = (typeof Role)[keyof typeof Role];
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    SECURITY_ADMIN: { description: "Accounts' roles and regions, password resets, unlocks, sessions, security settings." },
    AUDIT_ADMIN: { description: 'Reads and exports the audit log, and nothing else.' },
  },
});

export const ALL_ROLES = Object.values(Role);
