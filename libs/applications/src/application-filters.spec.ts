import { applicationFilters } from './application-filters';

describe(applicationFilters.name, () => {
  const cohortId = '00000000-0000-4000-8000-000000000001';

  it('numbers the placeholders in the order of the values', () => {
    const { where, params } = applicationFilters({ cohortId, status: 'submitted', region: 'North', q: ' an ' });
    expect(params).toEqual([cohortId, 'submitted', 'North', 'an']);
    expect(where).toContain('a.status = $2');
    expect(where).toContain('a.region = $3');
    expect(where).toContain('vgbf_fold($4)');
  });

  it('filters eligibility without a parameter', () => {
    const { where, params } = applicationFilters({ cohortId, eligibility: 'eligible' });
    expect(params).toEqual([cohortId]);
    expect(where).toBe(`a.cohort_id = $1 AND (a.submitted_at IS NOT NULL AND a.status <> 'ineligible')`);
  });

  it('escapes LIKE wildcards in the search text', () => {
    expect(applicationFilters({ cohortId, q: '100%_\\' }).params[1]).toBe('100\\%\\_\\\\');
  });
});
