import { typedSql } from '@vgbf/database';
import { type ApplicationFilters, applicationFilters } from './application-filters';

const compiled = (filters: ApplicationFilters) =>
  typedSql.selectFrom('applications as a').select('a.id').where(applicationFilters(filters)).compile();

describe(applicationFilters.name, () => {
  const cohortId = '00000000-0000-4000-8000-000000000001';

  it('binds every value, in the order of the conditions', () => {
    const { sql, parameters } = compiled({ cohortId, status: 'submitted', region: 'North', q: ' an ' });
    expect(parameters).toEqual([cohortId, 'submitted', 'North', 'an']);
    expect(sql).toContain('"a"."status" = $2');
    expect(sql).toContain('"a"."region" = $3');
    expect(sql).toContain('vgbf_fold($4)');
  });

  it("searches the trigram index's expression, its keys literals", () => {
    expect(compiled({ cohortId, q: 'an' }).sql).toContain(
      `vgbf_fold(coalesce("a"."personal"->>'fullName', '') || ' ' || coalesce("a"."enterprise"->>'name', '')) LIKE '%' || vgbf_fold($2) || '%'`,
    );
  });

  it('filters eligibility without a parameter', () => {
    const { sql, parameters } = compiled({ cohortId, eligibility: 'eligible' });
    expect(parameters).toEqual([cohortId]);
    expect(sql).toContain(
      `where ("a"."cohort_id" = $1 and ("a"."submitted_at" is not null and "a"."status" <> 'ineligible'))`,
    );
  });

  it('escapes LIKE wildcards in the search text', () => {
    expect(compiled({ cohortId, q: '100%_\\' }).parameters[1]).toBe('100\\%\\_\\\\');
  });
});
