import type { FeatureModule } from '../modules';
import { Employment } from './employment.entity';
import { InterestTie } from './interest-tie.entity';
import { Person } from './person.entity';
import { Relation } from './relation.entity';
import { EmploymentResolver, InterestTieResolver, PersonResolver, RelationResolver } from './people.resolver';

export const peopleModule: FeatureModule = {
  entities: [Person, Employment, Relation, InterestTie],
  resolvers: [PersonResolver, EmploymentResolver, RelationResolver, InterestTieResolver],
};
