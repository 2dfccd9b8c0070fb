import type { FeatureModule } from '../feature';
import { Employment } from './employment.entity';
import { InterestTie } from './interest-tie.entity';
import { Person } from './person.entity';
import { Relation } from './relation.entity';
import { employmentGuard, personGuard, privateFactGuard } from './person.access';
import { EmploymentResolver, InterestTieResolver, PersonResolver, RelationResolver } from './people.resolver';
import { PeopleCorrectionsResolver } from './corrections.resolver';

export const peopleModule: FeatureModule = {
  entities: [Person, Employment, Relation, InterestTie],
  resolvers: [PersonResolver, EmploymentResolver, RelationResolver, InterestTieResolver, PeopleCorrectionsResolver],
  access: { Person: personGuard, Employment: employmentGuard, Relation: privateFactGuard, InterestTie: privateFactGuard },
};
