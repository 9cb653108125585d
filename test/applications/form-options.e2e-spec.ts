import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { signIn } from '../support/users';

describe('GET /applications/form-options', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the choices the section endpoints accept, provinces with their regions', async () => {
    const { body } = await t.http.get('/api/v1/applications/form-options').expect(200);
    expect(body.provinces).toHaveLength(63);
    expect(body.provinces).toContainEqual({ name: 'Đà Nẵng', region: 'Central' });
    expect(body.provinces).toContainEqual({ name: 'Hà Nội', region: 'North' });
    expect(body.sectors).toContain('fintech');
    expect(body.essayLimits).toEqual({ motivation: 500, marketEntryPlan: 800, ambassador: 400 });
  });

  it('offers only values the personal section accepts, with the region the server derives', async () => {
    const staff = await signIn(t, ['staff'], 'staff');
    const applicant = await signIn(t, ['applicant'], 'applicant');
    const cohort = await openCohort(t, staff, 'VGBF Options', { closesInDays: 10 });
    const { body: app } = await t.http
      .post(`/api/v1/cohorts/${cohort.id}/applications`)
      .set('authorization', applicant.bearer)
      .expect(201);
    const { body: options } = await t.http.get('/api/v1/applications/form-options').expect(200);
    const genders = options.genders as string[];
    for (const [i, province] of (options.provinces as Array<{ name: string; region: string }>).entries()) {
      const gender = genders[i % genders.length];
      const { body } = await t.http
        .patch(`/api/v1/applications/${app.id}/personal`)
        .set('authorization', applicant.bearer)
        .send({ province: province.name, gender })
        .expect(200);
      expect({ province: province.name, region: body.region }).toEqual({
        province: province.name,
        region: province.region,
      });
    }
  });
});
