/** The GraphQL enums of the words several features share (src/common/vocabulary.ts). */
import { registerEnumType } from 'type-graphql';
import { enumOf, RULE_CODES, SEVERITIES } from '../common/vocabulary';

export const Rule = enumOf(RULE_CODES);
registerEnumType(Rule, {
  name: 'Rule',
  description: "Team rules of a round, then the avoidance rules (1-13 of the domain), then the composition's cost terms.",
  valuesConfig: {
    LEADER_NOT_ROTATED: { description: "The leader led a team in the region's previous round (组长不固定)." },
    ROTATION_FAIRNESS: { description: 'The person served rounds in the last three years (rotation fairness).' },
    NEWLY_PROMOTED: { description: 'A newly promoted cadre who has not served yet (expected to serve one or two rounds): a discount.' },
  },
});

export const Severity = enumOf(SEVERITIES);
registerEnumType(Severity, { name: 'Severity', description: 'HARD refuses an assignment (unless waived); SOFT is shown and counted against the team.' });
