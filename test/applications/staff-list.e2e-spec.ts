import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const PEOPLE = [
  {
    name: 'Nguyễn Văn An',
    enterprise: 'Công ty TNHH Đông Á',
    province: 'Hà Nội',
    sector: 'technology',
    hubs: ['JP', 'SG'],
  },
  {
    name: 'Trần Thị Bích Ngọc',
    enterprise: 'Hợp tác xã Cà Phê Đắk Lắk',
    province: 'Đắk Lắk',
    sector: 'agriculture_food',
    hubs: ['KR'],
  },
  {
    name: 'Lê Nguyên Anh',
    enterprise: 'Saigon Logistics JSC',
    province: 'Thành phố Hồ Chí Minh',
    sector: 'logistics',
    hubs: ['SG', 'EU'],
  },
  {
    name: 'Phạm Đức Anh',
    enterprise: 'Nguyễn Gia Textiles',
    province: 'Đà Nẵng',
    sector: 'textiles_fashion',
    hubs: ['EU'],
  },
];

describe('Staff: applications list, diacritic-insensitive search, pipeline', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF List', { closesInDays: 10 })).id;
    for (const [i, p] of PEOPLE.entries()) {
      const who = await signIn(t, ['applicant'], `p${i}`);
      const { body } = await t.http
        .post(`/api/v1/cohorts/${cohortId}/applications`)
        .set('authorization', who.bearer)
        .expect(201);
      const id = body.id as string;
      const patch = (section: string, data: object) =>
        t.http.patch(`/api/v1/applications/${id}/${section}`).set('authorization', who.bearer).send(data).expect(200);
      await patch('personal', { fullName: p.name, province: p.province });
      await patch('enterprise', { name: p.enterprise, sector: p.sector });
      await patch('hubs', { ranking: p.hubs });
      if (i === 0)
        await t.db.query(`UPDATE applications SET status = 'submitted', submitted_at = now() WHERE id = $1`, [id]);
    }
  });
  afterAll(() => t.close());

  const list = (query: string) =>
    t.http.get(`/api/v1/applications?cohortId=${cohortId}&${query}`).set('authorization', staff.bearer);
  const names = (res: { body: { items: Array<{ fullName: string }> } }) => res.body.items.map((i) => i.fullName).sort();

  it('finds "Nguyễn Văn An" from "nguyen van an", ignoring diacritics and case', async () => {
    expect(names(await list('q=nguyen%20van%20an').expect(200))).toEqual(['Nguyễn Văn An']);
    expect(names(await list(`q=${encodeURIComponent('NGUYỄN VĂN AN')}`).expect(200))).toEqual(['Nguyễn Văn An']);
  });

  it('searches enterprise names too, and folds đ to d', async () => {
    expect(names(await list('q=dong%20a').expect(200))).toEqual(['Nguyễn Văn An']);
    expect(names(await list('q=dak%20lak').expect(200))).toEqual(['Trần Thị Bích Ngọc']);
    expect(names(await list('q=nguyen').expect(200))).toEqual(['Lê Nguyên Anh', 'Nguyễn Văn An', 'Phạm Đức Anh']);
    expect(names(await list('q=100%25').expect(200))).toEqual([]);
  });

  it('filters by status, hub, sector and region, and paginates', async () => {
    expect(names(await list('status=submitted'))).toEqual(['Nguyễn Văn An']);
    expect(names(await list('hub=SG'))).toEqual(['Lê Nguyên Anh', 'Nguyễn Văn An']);
    expect(names(await list('sector=logistics'))).toEqual(['Lê Nguyên Anh']);
    expect(names(await list('region=Central'))).toEqual(['Phạm Đức Anh', 'Trần Thị Bích Ngọc']);
    const page = await list('pageSize=3&page=2').expect(200);
    expect(page.body.meta).toEqual({ page: 2, pageSize: 3, total: 4, pageCount: 2 });
    expect(page.body.items).toHaveLength(1);
    expect((await list('pageSize=3&page=5').expect(200)).body.meta.total).toBe(4);
  });

  it('counts the pipeline per status in SQL', async () => {
    const res = await t.http
      .get(`/api/v1/applications/pipeline?cohortId=${cohortId}`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(res.body.total).toBe(4);
    expect(res.body.counts).toMatchObject({ draft: 3, submitted: 1, offered: 0 });
  });

  it('refuses bad filters with 400', async () => {
    const res = await t.http
      .get('/api/v1/applications?cohortId=nope&status=lost&region=West&eligibility=maybe')
      .set('authorization', staff.bearer)
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'cohortId',
      'eligibility',
      'region',
      'status',
    ]);
  });

  // Last: it rules one applicant ineligible, which the pipeline counts above do not expect.
  it('filters by eligibility: submitted and not ruled out, ruled out, never submitted', async () => {
    await t.db.query(
      `UPDATE applications SET status = 'ineligible', submitted_at = now() WHERE personal->>'fullName' = $1`,
      ['Trần Thị Bích Ngọc'],
    );
    expect(names(await list('eligibility=eligible').expect(200))).toEqual(['Nguyễn Văn An']);
    expect(names(await list('eligibility=ineligible').expect(200))).toEqual(['Trần Thị Bích Ngọc']);
    expect(names(await list('eligibility=unchecked').expect(200))).toEqual(['Lê Nguyên Anh', 'Phạm Đức Anh']);
    expect(names(await list('eligibility=unchecked&hub=EU').expect(200))).toEqual(['Lê Nguyên Anh', 'Phạm Đức Anh']);
    expect(names(await list('eligibility=eligible&region=Central').expect(200))).toEqual([]);
  });
});
