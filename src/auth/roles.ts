import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  ORG_DEPARTMENT = 'ORG_DEPARTMENT',
  INSPECTION_OFFICE = 'INSPECTION_OFFICE',
  OFFICE_DIRECTOR = 'OFFICE_DIRECTOR',
  LEADING_GROUP_HEAD = 'LEADING_GROUP_HEAD',
  GROUP_LEADER = 'GROUP_LEADER',
  INSPECTOR = 'INSPECTOR',
}
registerEnumType(Role, { name: 'Role' });

export const ALL_ROLES = Object.values(Role);
