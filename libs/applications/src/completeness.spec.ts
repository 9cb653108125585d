import { missingFields } from './completeness';

const empty = { personal: {}, enterprise: {}, languages: {}, hubPreferences: [], essays: {}, referees: [] };

describe(missingFields.name, () => {
  it('lists every required field of an empty draft', () => {
    expect(missingFields(empty)).toEqual([
      'personal.fullName',
      'personal.dateOfBirth',
      'personal.gender',
      'personal.province',
      'personal.phone',
      'personal.citizenship',
      'enterprise.name',
      'enterprise.taxCode',
      'enterprise.foundingYear',
      'enterprise.sector',
      'enterprise.employeesBand',
      'enterprise.revenueBand',
      'languages',
      'hubs.ranking',
      'essays.motivation',
      'essays.marketEntryPlan',
      'essays.ambassador',
      'referees.0',
      'referees.1',
    ]);
  });

  it('counts a blank string as missing, any one language as enough, and referees one by one', () => {
    const missing = missingFields({
      ...empty,
      personal: { fullName: '  ' },
      languages: { jlpt: 'N2' },
      referees: [{ name: 'A', email: 'a@b.vn', relation: 'x' }],
    });
    expect(missing).toContain('personal.fullName');
    expect(missing).not.toContain('languages');
    expect(missing).toContain('referees.1');
    expect(missing).not.toContain('referees.0');
  });
});
