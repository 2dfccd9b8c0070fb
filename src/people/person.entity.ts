import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BeforeInsert, Entity, Index } from 'typeorm';
import { BoolColumn, DateColumn, EnumColumn, Identified, RefColumn, StringColumn } from '../db/columns';
import { LocalDateScalar } from '../common/scalars';
import { enumOf, GENDERS } from '../common/vocabulary';
import { RANKS } from './rules/rank';
import { NAME_SORT_LENGTH, nameSortKey } from './rules/name-sort';

export const Gender = enumOf(GENDERS);
export type Gender = (typeof Gender)[keyof typeof Gender];
registerEnumType(Gender, { name: 'Gender' });

/** Ranks in ascending order. */
export const Rank = enumOf(RANKS);
export type Rank = (typeof Rank)[keyof typeof Rank];
registerEnumType(Rank, {
  name: 'Rank',
  description: 'Ranks in ascending order: 科员, 副科级, 正科级, 副处级(副县级), 正处级(正县级), 副厅级, 正厅级.',
});
// Rank order, names and comparisons are in people/rules/rank.ts.

@ObjectType({ description: 'Anyone the service knows: pool members, their relatives, leaders and staff of units.' })
@Entity('persons')
@Index(['regionId', 'name'])
@Index('uq_persons_region_code', ['regionId', 'code'], { unique: true })
@Index('ix_persons_name_sort', ['nameSort', 'id'])
export class Person extends Identified {
  @RefColumn({ name: 'region_id' }) regionId!: string;
  @Field() @StringColumn(100) name!: string;
  /**
   * The name's pinyin sort key (rules/name-sort.ts), written with the name wherever it is
   * written (`personName`); not in the API.
   */
  @StringColumn(NAME_SORT_LENGTH, { name: 'name_sort' }) nameSort!: string;
  @Field(() => Gender, { nullable: true }) @EnumColumn({ nullable: true }) gender!: Gender | null;
  /** Readable only by the office roles and the person (field resolver). */
  @DateColumn({ nullable: true, name: 'birth_date' }) birthDate!: string | null;
  @RefColumn({ nullable: true, name: 'hometown_region_id' }) hometownRegionId!: string | null;
  @Field(() => Rank, { nullable: true }) @EnumColumn({ nullable: true }) rank!: Rank | null;
  @Field() @BoolColumn({ name: 'full_time_inspector' }) fullTimeInspector!: boolean;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of the latest promotion (新提拔).' })
  @DateColumn({ nullable: true, name: 'newly_promoted_on' })
  newlyPromotedOn!: string | null;
  @Field({ description: 'Young reserve cadre (年轻后备干部).' }) @BoolColumn({ name: 'young_reserve' }) youngReserve!: boolean;
  /** Shown where the person is seen in full (a narrower view leaves it out). */
  @Field(() => String, { nullable: true, description: "The office's own identifier for the person (e.g. a personnel file number); unique in its region." })
  @StringColumn(50, { nullable: true })
  code!: string | null;

  /** A person inserted as an entity without its key gets it here (tests, generated data). */
  @BeforeInsert()
  fillNameSort() {
    if (this.nameSort === undefined) this.nameSort = nameSortKey(this.name);
  }
}

/** A name with its sort key, for every write of a person's name. */
export function personName(name: string): Pick<Person, 'name' | 'nameSort'> {
  return { name, nameSort: nameSortKey(name) };
}
