import { registerEnumType } from 'type-graphql';
import { enumOf, ROLES } from '../common/vocabulary';

export const Role = enumOf(ROLES);
export type Role = (typeof Role)[keyof typeof Role];
registerEnumType(Role, { name: 'Role' });

export const ALL_ROLES = Object.values(Role);
