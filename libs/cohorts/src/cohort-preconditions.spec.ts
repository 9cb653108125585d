import { cohortBlockers, programmeEndDate } from './cohort-preconditions';

describe(cohortBlockers.name, () => {
  const cohort = {
    applicationClosesAt: new Date('2027-03-31T16:59:00Z'),
    programmeStartDate: '2027-09-01',
    trackMonths: 9,
    hubs: 4,
  };
  const before = new Date('2027-03-31T16:58:00Z');
  const after = new Date('2027-03-31T16:59:00Z');

  it('starts reviewing only once the window has closed', () => {
    expect(cohortBlockers(cohort, 'open', 'reviewing', before, '2027-03-31')).toEqual([
      { code: 'window_not_closed', params: { closesAt: '2027-03-31T16:59:00.000Z' } },
    ]);
    expect(cohortBlockers(cohort, 'open', 'reviewing', after, '2027-03-31')).toEqual([]);
  });

  it('opens only with a hub, starts the programme on its date and closes after its end', () => {
    expect(cohortBlockers({ ...cohort, hubs: 0 }, 'draft', 'open', before, '2027-01-01')[0]?.code).toBe('no_hubs');
    expect(cohortBlockers(cohort, 'selecting', 'running', after, '2027-08-31')[0]?.code).toBe('programme_not_started');
    expect(cohortBlockers(cohort, 'selecting', 'running', after, '2027-09-01')).toEqual([]);
    expect(cohortBlockers(cohort, 'running', 'closed', after, '2028-05-31')).toEqual([
      { code: 'programme_not_ended', params: { programmeEndDate: '2028-06-01' } },
    ]);
    expect(cohortBlockers(cohort, 'running', 'closed', after, '2028-06-01')).toEqual([]);
    // Closing a cohort that never ran needs nothing.
    expect(cohortBlockers(cohort, 'open', 'closed', before, '2027-01-01')).toEqual([]);
  });
});

describe(programmeEndDate.name, () => {
  it('adds the track’s months to the start day', () => {
    expect(programmeEndDate('2027-09-01', 6)).toBe('2028-03-01');
    expect(programmeEndDate('2027-01-15', 12)).toBe('2028-01-15');
  });
});
