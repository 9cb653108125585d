import { missingFields } from './completeness';
import type { DocumentKind } from './entities/application-document.entity';

const empty = { personal: {}, enterprise: {}, languages: {}, hubPreferences: [], essays: {}, referees: [] };

describe(missingFields.name, () => {
  it('lists every required field of an empty draft', () => {
    expect(missingFields(empty, [])).toEqual([
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
      'documents.cv',
      'documents.businessRegistration',
    ]);
  });

  it('counts a blank string as missing, any one language as enough, and referees one by one', () => {
    const missing = missingFields(
      {
        ...empty,
        personal: { fullName: '  ' },
        languages: { jlpt: 'N2' },
        referees: [{ name: 'A', email: 'a@b.vn', relation: 'x' }],
      },
      [],
    );
    expect(missing).toContain('personal.fullName');
    expect(missing).not.toContain('languages');
    expect(missing).toContain('referees.1');
    expect(missing).not.toContain('referees.0');
  });

  it('needs a CV and a business registration; other documents count for neither', () => {
    const documentsMissing = (kinds: DocumentKind[]) =>
      missingFields(
        empty,
        kinds.map((kind) => ({ kind })),
      ).filter((f) => f.startsWith('documents.'));
    expect(documentsMissing(['other', 'cv'])).toEqual(['documents.businessRegistration']);
    expect(documentsMissing(['other', 'other'])).toEqual(['documents.cv', 'documents.businessRegistration']);
    expect(documentsMissing(['business_registration', 'cv'])).toEqual([]);
  });
});
