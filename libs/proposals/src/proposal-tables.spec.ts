import type { ConstraintTableSpec } from './constraint-table';
import type { ProposalTableSpec } from './proposal-runs';

/**
 * A type test: tsc checks this file (specs are in the tsconfig), so each `@ts-expect-error` below fails
 * the typecheck the day the line it marks compiles. The kernel's SQL names the use's table and columns
 * from its spec; the spec is checked against db.types.ts, so a renamed column breaks the use's build.
 */
const runs: ProposalTableSpec[] = [
  { table: 'matching_runs', confirmed: 'approved', label: 'Proposal' },
  { table: 'placement_runs', confirmed: 'confirmed', label: 'Proposal' },
  // @ts-expect-error matching_runs records approved_by/approved_at, not confirmed_*
  { table: 'matching_runs', confirmed: 'confirmed', label: 'Proposal' },
  // @ts-expect-error pairings has no input, result or created_by: not a runs table
  { table: 'pairings', confirmed: 'confirmed', label: 'Proposal' },
];

const constraints: ConstraintTableSpec[] = [
  { table: 'matching_constraints', subject: 'fellow_id', target: 'mentor_id' },
  // @ts-expect-error matching_constraints has no hub_id
  { table: 'matching_constraints', subject: 'fellow_id', target: 'hub_id' },
  // @ts-expect-error mentor_conflicts has no kind or note: not a constraints table
  { table: 'mentor_conflicts', subject: 'fellow_id', target: 'mentor_id' },
];

describe('ProposalTableSpec and ConstraintTableSpec', () => {
  it('accept the schema’s runs and constraints tables (the refused ones are checked by tsc above)', () => {
    expect(runs.filter((r) => r.table === 'matching_runs').map((r) => r.confirmed)).toContain('approved');
    expect(constraints[0].target).toBe('mentor_id');
  });
});
