import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  ORG_DEPARTMENT = 'ORG_DEPARTMENT',
  INSPECTION_OFFICE = 'INSPECTION_OFFICE',
  OFFICE_DIRECTOR = 'OFFICE_DIRECTOR',
  LEADING_GROUP_HEAD = 'LEADING_GROUP_HEAD',
  GROUP_LEADER = 'GROUP_LEADER',
  INSPECTOR = 'INSPECTOR',
  SECURITY_ADMIN = 'SECURITY_ADMIN',
  AUDIT_ADMIN = 'AUDIT_ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    SECURITY_ADMIN: { description: "Accounts' roles and regions, password resets, unlocks, sessions, security settings." },
    AUDIT_ADMIN: { description: 'Reads and exports the audit log, and nothing else.' },
  },
});

export const ALL_ROLES = Object.values(Role);
