/** The GraphQL enums of the words several features share (src/common/vocabulary.ts). */
import { registerEnumType } from 'type-graphql';
import { enumOf, RULE_CODES, SEVERITIES } from '../common/vocabulary';

export const Rule = enumOf(RULE_CODES);
registerEnumType(Rule, { name: 'Rule', description: 'Team rules of a round, then the avoidance rules (1-13 of the domain).' });

export const Severity = enumOf(SEVERITIES);
registerEnumType(Severity, { name: 'Severity', description: 'HARD refuses an assignment (unless waived); SOFT is shown and counted against the team.' });
