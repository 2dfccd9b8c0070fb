import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { EnumColumn, Identified, RefColumn } from '../db/columns';
import { RELATION_KINDS, RelationKindName } from './rules/relation-kinds';

export const RelationKind = Object.fromEntries(RELATION_KINDS.map((k) => [k, k])) as { [K in RelationKindName]: K };
registerEnumType(RelationKind, {
  name: 'RelationKind',
  description:
    "What relatedPerson is to person: PARENT means relatedPerson is person's parent.\n" +
    'The inverse holds without being stored (PARENT/CHILD, GRANDPARENT/GRANDCHILD,\n' +
    'UNCLE_AUNT/NEPHEW_NIECE, PARENT_IN_LAW/CHILD_IN_LAW; the rest are symmetric).',
});

/**
 * A relation between two persons, stored once with the lower person id first (the kind is
 * inverted to match), so that the same pair cannot be stored twice in opposite directions.
 */
@ObjectType()
@Entity('relations')
@Index(['personId', 'relatedPersonId', 'kind'], { unique: true })
@Index(['relatedPersonId'])
export class Relation extends Identified {
  @RefColumn({ name: 'person_id' }) personId!: string;
  @RefColumn({ name: 'related_person_id' }) relatedPersonId!: string;
  @Field(() => RelationKind) @EnumColumn() kind!: RelationKindName;
}
