import { openCohort } from '../support/cohorts';
import { type TestFellow, createFellows, createMentor, logInFellow } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

interface TransferBody {
  subjectUserId: string;
  subjectName: string | null;
  cohortId: string | null;
  cohortName: string | null;
  sourceKind: string;
  sourceId: string;
  recipientKind: string;
  recipientName: string;
  country: string;
  categories: string[];
  basis: string;
}

/**
 * The transfer register (issue 17): confirming a placement with a hub abroad and approving a pairing
 * with a mentor abroad each record a row, in their transaction, once; a hub or a mentor in Vietnam
 * records none. Only staff and admins read the register, filtered, and export it as CSV.
 */
describe('Transfer register', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let fellows: TestFellow[];
  let tokyoMentor: SignedIn;
  let hanoiMentor: SignedIn;

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    post: (url: string) => t.http.post(url).set('authorization', who.bearer),
  });
  const register = async (query = ''): Promise<TransferBody[]> =>
    (await as(staff).get(`/api/v1/privacy/transfers?pageSize=100${query}`).expect(200)).body.items;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, `VGBF Transfers ${Math.random().toString(36).slice(2, 6)}`)).id;
    // No minimum per hub, and Singapore moved (for this test) to Vietnam's time zone: a hub at home.
    await t.db.query(`UPDATE hubs SET minimum_fellows = 0 WHERE cohort_id = $1`, [cohortId]);
    await t.db.query(`UPDATE hubs SET time_zone = 'Asia/Ho_Chi_Minh' WHERE cohort_id = $1 AND code = 'SG'`, [cohortId]);
    fellows = await createFellows(t, cohortId, staff, [
      {
        fullName: 'Nguyễn Thị Lan',
        hubs: ['JP', 'SG', 'KR', 'EU'],
        languages: ['en', 'ja'],
        certificates: [
          { test: 'JLPT', level: 'N2' },
          { test: 'IELTS', level: '7' },
        ],
      },
      { fullName: 'Trần Văn Minh', hubs: ['SG', 'JP', 'KR', 'EU'], certificates: [{ test: 'IELTS', level: '7' }] },
      { fullName: 'Lê Thu Hà', hubs: ['EU', 'SG', 'JP', 'KR'], certificates: [{ test: 'IELTS', level: '7' }] },
    ]);
    tokyoMentor = await createMentor(
      t,
      { fullName: 'Sato Kenji', organisation: 'JETRO', timeZone: 'Asia/Tokyo', city: 'Tokyo', capacity: 3 },
      'tokyo',
    );
    hanoiMentor = await createMentor(
      t,
      { fullName: 'Phạm Quốc Bảo', timeZone: 'Asia/Ho_Chi_Minh', city: 'Hà Nội', capacity: 3 },
      'hanoi',
    );
  }, 90_000);
  afterAll(() => t.close());

  it('confirming a placement records a row per fellow placed abroad, none for a hub at home, once', async () => {
    const placement = `/api/v1/cohorts/${cohortId}/placement`;
    const proposal = await as(staff).post(`${placement}/proposals`).send({}).expect(201);
    await as(staff).post(`${placement}/proposals/${proposal.body.id}/confirm`).expect(200);

    const placed = await t.db.query<Array<{ id: string; user_id: string; code: string; hub_id: string }>>(
      `SELECT f.id, f.user_id, h.code, h.id AS hub_id FROM fellows f JOIN hubs h ON h.id = f.hub_id WHERE f.cohort_id = $1`,
      [cohortId],
    );
    expect(placed).toHaveLength(3);
    const abroad = placed.filter((p) => p.code !== 'SG');
    expect(placed.some((p) => p.code === 'SG')).toBe(true);
    expect(abroad.length).toBeGreaterThan(0);
    const rows = await register(`&cohortId=${cohortId}`);
    expect(
      rows
        .filter((r) => r.sourceKind === 'placement')
        .map((r) => r.sourceId)
        .sort(),
    ).toEqual(abroad.map((p) => `${p.id}:${p.hub_id}`).sort());
    const country = { JP: 'JP', KR: 'KR', EU: 'DE' } as Record<string, string>;
    for (const p of abroad) {
      expect(rows.find((r) => r.sourceId === `${p.id}:${p.hub_id}`)).toMatchObject({
        subjectUserId: p.user_id,
        subjectName: fellows.find((f) => f.userId === p.user_id)!.fullName,
        cohortId,
        recipientKind: 'hub',
        country: country[p.code],
        basis: 'consent',
        categories: ['identity', 'contact', 'enterprise', 'application_content', 'programme'],
      });
    }
  });

  it('approving a matching records a row per pairing with a mentor abroad, none for a mentor in Vietnam', async () => {
    const matching = `/api/v1/cohorts/${cohortId}/matching`;
    const proposal = await as(staff).post(`${matching}/proposals`).send({}).expect(201);
    await as(staff).post(`${matching}/proposals/${proposal.body.id}/approve`).expect(200);
    const pairs = await t.db.query<Array<{ id: string; mentor_id: string; user_id: string }>>(
      `SELECT p.id, p.mentor_id, f.user_id FROM pairings p JOIN fellows f ON f.id = p.fellow_id WHERE p.cohort_id = $1`,
      [cohortId],
    );
    expect(pairs.length).toBeGreaterThan(0);
    const rows = await register(`&cohortId=${cohortId}&recipientKind=mentor`);
    const abroad = pairs.filter((p) => p.mentor_id === tokyoMentor.id);
    expect(rows.map((r) => r.sourceId).sort()).toEqual(abroad.map((p) => p.id).sort());
    for (const r of rows) {
      expect(r).toMatchObject({ sourceKind: 'pairing', country: 'JP', recipientName: 'Sato Kenji (JETRO)' });
    }
    expect(rows.some((r) => r.recipientName.includes('Phạm Quốc Bảo'))).toBe(false);
    void hanoiMentor;
  });

  it('filters by cohort, country and recipient kind, and exports the same rows as CSV', async () => {
    const all = await register(`&cohortId=${cohortId}`);
    const japan = await register(`&cohortId=${cohortId}&country=jp`);
    expect(japan.length).toBeGreaterThan(0);
    expect(japan).toEqual(all.filter((r) => r.country === 'JP'));
    expect(await register(`&cohortId=${cohortId}&recipientKind=hub_partner`)).toEqual([]);
    const other = (await openCohort(t, staff, `VGBF Other ${Math.random().toString(36).slice(2, 6)}`)).id;
    expect(await register(`&cohortId=${other}`)).toEqual([]);

    const csv = await as(staff).get(`/api/v1/privacy/transfers/export.csv?cohortId=${cohortId}&country=JP`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="transfer-register-/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'transferred_at,subject_user_id,subject_name,cohort,source_kind,source_id,recipient_kind,recipient_name,country,categories,basis',
    );
    expect(lines).toHaveLength(japan.length + 1);
    expect(lines.slice(1).every((l) => l.includes(',JP,'))).toBe(true);

    const countries = await as(staff).get('/api/v1/privacy/transfers/countries').expect(200);
    expect(countries.body.countries).toEqual([...new Set(all.map((r) => r.country))].sort());
  });

  it.each([
    ['country=Japan', 'country'],
    ['country=J1', 'country'],
    ['recipientKind=partner', 'recipientKind'],
    ['cohortId=not-a-uuid', 'cohortId'],
    ['page=0', 'page'],
  ])('refuses the filter %s with a 400 naming the field', async (query, field) => {
    for (const url of [`/api/v1/privacy/transfers?${query}`, `/api/v1/privacy/transfers/export.csv?${query}`]) {
      const res = await as(staff).get(url).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('is for staff and admins only: fellows, mentors, reviewers and applicants get 403; nobody signed in 401', async () => {
    const admin = await signIn(t, ['admin'], 'admin');
    await as(admin).get('/api/v1/privacy/transfers').expect(200);
    const fellow = await logInFellow(t, fellows[0]);
    for (const who of [
      fellow,
      tokyoMentor,
      await signIn(t, ['reviewer'], 'reviewer'),
      await signIn(t, ['applicant']),
    ]) {
      for (const url of [
        '/api/v1/privacy/transfers',
        '/api/v1/privacy/transfers/export.csv',
        '/api/v1/privacy/transfers/countries',
      ])
        await as(who).get(url).expect(403);
    }
    await t.http.get('/api/v1/privacy/transfers').expect(401);
  });
});
