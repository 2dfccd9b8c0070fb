/**
 * Work bounds of one GraphQL request beyond graphql-armor's: at most one of a heavy root field
 * per operation (aliases included), and the query cost counted with the operation's variables.
 *
 * graphql-armor's cost limit runs as a validation rule, which sees the document but not the
 * variables: `first: $n` counted as 1 where `first: 100` counts 100. Here the same rule (armor's
 * own, so the figures do not drift) runs once the operation is known, on a copy of the document
 * whose `first`/`last` variables are replaced by their values.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  DocumentNode,
  FieldNode,
  GraphQLError,
  GraphQLSchema,
  IntValueNode,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  validate,
  ValidationRule,
  visit,
} from 'graphql';
import { AppError } from '../common/errors';
import { msg } from '../common/i18n';
import { serverError } from './errors';

/** The query field `name` at most once per operation (two aliases of it are refused with `refusal()`). */
export function atMostOneRootField(name: string, refusal: () => AppError): ValidationRule {
  return (context) => ({
    OperationDefinition(op) {
      if (op.operation !== 'query') return;
      const keys = new Set<string>();
      const nodes: FieldNode[] = [];
      const spread = new Set<string>();
      const walk = (set: SelectionSetNode) => {
        for (const s of set.selections) {
          if (s.kind === Kind.FIELD) {
            if (s.name.value === name) {
              keys.add(s.alias?.value ?? name);
              nodes.push(s);
            }
          } else if (s.kind === Kind.INLINE_FRAGMENT) {
            walk(s.selectionSet);
          } else if (!spread.has(s.name.value)) {
            spread.add(s.name.value);
            const fragment = context.getFragment(s.name.value);
            if (fragment) walk(fragment.selectionSet);
          }
        }
      };
      walk(op.selectionSet);
      if (keys.size > 1) {
        const error = refusal();
        context.reportError(new GraphQLError(error.message, { nodes, originalError: error }));
      }
    },
  });
}

export interface CostOptions {
  maxCost: number;
  objectCost: number;
  scalarCost: number;
  depthCostFactor: number;
}

const PAGE_ARGS = new Set(['first', 'last']);

/** The operation's cost by armor's rule, with `first`/`last` variables (or their defaults) as literals. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: CostOptions,
): number {
  const defaults = new Map((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.defaultValue]));
  const literal = (name: string): IntValueNode | undefined => {
    const v = variables[name];
    if (Number.isInteger(v)) return { kind: Kind.INT, value: String(v) };
    const d = v === undefined ? defaults.get(name) : undefined;
    return d?.kind === Kind.INT ? d : undefined;
  };
  const withValues = visit(
    { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] },
    {
      Argument(node) {
        if (!PAGE_ARGS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
        const value = literal(node.value.name.value);
        return value ? { ...node, value } : undefined;
      },
    },
  );
  let cost = 0;
  const measure = costLimitRule({ ...options, maxCost: Number.POSITIVE_INFINITY, onAccept: [(_ctx: unknown, { n }: { n: number }) => void (cost = n)] });
  validate(schema, withValues, [measure as unknown as ValidationRule]);
  return cost;
}

/** Refuses an operation whose cost, variables included, is over `options.maxCost` (as a validation failure). */
export function costLimit(options: CostOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, options);
          if (cost > options.maxCost) {
            throw serverError(
              'GRAPHQL_VALIDATION_FAILED',
              msg(`查询的代价 ${cost} 超过上限 ${options.maxCost}，请减少每页条数或所选字段`, `Query cost limit of ${options.maxCost} exceeded, found ${cost}: ask for fewer rows per page or fewer fields`),
            );
          }
        },
      };
    },
  };
}
