import { openCohort } from '../support/cohorts';
import { type TestFellow, createFellows, createMentor, pairUp } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const PROFILE = {
  organisation: 'Sojitz Vietnam',
  title: 'Director',
  sectors: ['logistics'],
  expertise: ['export_logistics', 'legal'],
  languages: ['ja', 'vi'],
  city: 'Tokyo',
  timeZone: 'Asia/Tokyo',
  capacity: 3,
  availableFrom: '2027-09-01',
  availableTo: '2028-08-31',
};

describe('Mentors: profiles and declared conflicts', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let fellows: TestFellow[];

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.db.query<Array<{ n: string }>>(sql, params))[0].n);
  const as = (who: SignedIn) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('authorization', who.bearer),
    post: (path: string, body: object) => t.http.post(`/api/v1${path}`).set('authorization', who.bearer).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api/v1${path}`).set('authorization', who.bearer).send(body),
    delete: (path: string) => t.http.delete(`/api/v1${path}`).set('authorization', who.bearer),
  });

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Mentors')).id;
    fellows = await createFellows(t, cohortId, staff, [
      { fullName: 'Trần Văn Đức', enterpriseName: 'Đức Logistics', sector: 'logistics' },
      { fullName: 'Lê Thị Hoa', enterpriseName: 'Hoa Fintech', sector: 'fintech' },
    ]);
  });
  afterAll(() => t.close());

  describe('staff create and edit profiles', () => {
    it('POST /mentors invites a new mentor by email and writes the profile, audited, in one go', async () => {
      const email = `chau.${Date.now()}@mentor.example.vn`;
      const res = await as(staff).post('/mentors', {
        email,
        fullName: '  Phạm Minh  Châu ',
        language: 'vi',
        ...PROFILE,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email,
        fullName: 'Phạm Minh Châu',
        language: 'vi',
        invitationPending: true,
        ...PROFILE,
        bio: null,
        active: true,
        activePairings: 0,
      });
      const userId = res.body.userId as string;
      const [outbox] = await t.db.query<Array<{ payload: { template: string; language: string } }>>(
        `SELECT payload FROM outbox WHERE payload->>'to' = $1`,
        [email],
      );
      expect(outbox.payload).toMatchObject({ template: 'invitation', language: 'vi' });
      expect(
        await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'mentor.created'`, [userId]),
      ).toBe(1);
      expect((await as(staff).get(`/mentors/${userId}`)).body).toMatchObject({ userId, ...PROFILE });

      // The same email again is a conflict, and nothing more is written.
      const again = await as(staff).post('/mentors', { email, fullName: 'Châu', language: 'vi', ...PROFILE });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('mentor_exists');
      expect(await count(`SELECT count(*) AS n FROM outbox WHERE payload->>'to' = $1`, [email])).toBe(1);
    });

    it('POST /mentors gives an existing account the mentor role instead of a second account', async () => {
      const reviewer = await signIn(t, ['reviewer'], 'reviewer');
      const res = await as(staff).post('/mentors', {
        email: reviewer.email,
        fullName: 'X',
        language: 'en',
        timeZone: 'Europe/Berlin',
        languages: ['de'],
      });
      expect(res.status).toBe(201);
      // A person who has set a password is no longer waiting for an invitation (identity's user_accounts_v).
      expect(res.body).toMatchObject({
        userId: reviewer.id,
        invitationPending: false,
        capacity: 2,
        sectors: [],
        city: null,
      });
      const [user] = await t.db.query<Array<{ roles: string[] }>>(`SELECT roles FROM users WHERE id = $1`, [
        reviewer.id,
      ]);
      expect(user.roles).toEqual(['reviewer', 'mentor']);
    });

    const base = { email: 'bad.input@mentor.example.vn', fullName: 'Bad Input', language: 'en', ...PROFILE };
    it.each([
      ['a time zone that is not IANA', { timeZone: 'GMT+7 Hanoi' }, 'timeZone'],
      ['a three-letter language', { languages: ['vie'] }, 'languages'],
      ['no language', { languages: [] }, 'languages'],
      ['capacity 0', { capacity: 0 }, 'capacity'],
      ['capacity 11', { capacity: 11 }, 'capacity'],
      ['capacity 2.5', { capacity: 2.5 }, 'capacity'],
      ['availableTo before availableFrom', { availableTo: '2027-08-31' }, 'availableTo'],
      ['a day that does not exist', { availableFrom: '2027-02-30' }, 'availableFrom'],
      ['an unknown sector', { sectors: ['mining'] }, 'sectors'],
      ['an unknown expertise', { expertise: ['astrology'] }, 'expertise'],
      ['an invitation language other than vi or en', { language: 'fr' }, 'language'],
      ['a bad email', { email: 'not-an-email' }, 'email'],
      ['null capacity', { capacity: null }, 'capacity'],
      ['an unknown field', { salary: 1 }, 'salary'],
      ['a name of zero-width characters only', { fullName: '\u200B\u200C\u200D' }, 'fullName'],
    ])('POST /mentors refuses %s with a 400 naming the field, writing nothing', async (_name, change, field) => {
      const before = await count(`SELECT count(*) AS n FROM mentor_profiles`);
      const res = await as(staff).post('/mentors', { ...base, ...change });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field, message: expect.any(String), code: expect.any(String) }),
        ]),
      );
      expect(await count(`SELECT count(*) AS n FROM mentor_profiles`)).toBe(before);
      expect(await count(`SELECT count(*) AS n FROM users WHERE email = $1`, [base.email])).toBe(0);
    });

    it('PATCH /mentors/:userId changes the fields given (null clears one), audited with before and after', async () => {
      const mentor = await createMentor(t, { city: 'Singapore', capacity: 2 });
      const res = await as(staff).patch(`/mentors/${mentor.id}`, { capacity: 4, city: null, active: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ capacity: 4, city: null, active: false, timeZone: 'Asia/Singapore' });
      const [audit] = await t.db.query<Array<{ actor_id: string; before: unknown; after: unknown }>>(
        `SELECT actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action = 'mentor.updated'`,
        [mentor.id],
      );
      expect(audit).toEqual({
        actor_id: staff.id,
        before: { city: 'Singapore', capacity: 2, active: true },
        after: { city: null, capacity: 4, active: false, source: 'api' },
      });
    });

    it.each([
      ['capacity 11', { capacity: 11 }, 'capacity'],
      ['a bad time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['null languages', { languages: null }, 'languages'],
      ['availableTo before the stored availableFrom', { availableTo: '2027-01-01' }, 'availableTo'],
      ['an unknown field', { email: 'x@y.vn' }, 'email'],
    ])('PATCH /mentors/:userId refuses %s with a 400, changing nothing', async (_name, body, field) => {
      const mentor = await createMentor(t);
      await t.db.query(`UPDATE mentor_profiles SET available_from = '2027-09-01' WHERE user_id = $1`, [mentor.id]);
      const before = await t.db.query(`SELECT * FROM mentor_profiles WHERE user_id = $1`, [mentor.id]);
      const res = await as(staff).patch(`/mentors/${mentor.id}`, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field, message: expect.any(String), code: expect.any(String) }),
        ]),
      );
      expect(await t.db.query(`SELECT * FROM mentor_profiles WHERE user_id = $1`, [mentor.id])).toEqual(before);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1`, [mentor.id])).toBe(0);
    });

    it('an unknown mentor is a 404', async () => {
      const res = await as(staff).get('/mentors/00000000-0000-4000-8000-000000000000');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('mentor_not_found');
    });
  });

  describe('the staff list', () => {
    let nguyen: SignedIn;
    let smith: SignedIn;

    beforeAll(async () => {
      nguyen = await createMentor(
        t,
        {
          fullName: 'Nguyễn Đình Khoa',
          organisation: 'Ngân hàng Á Châu',
          sectors: ['fintech'],
          expertise: ['finance'],
          languages: ['vi', 'ko'],
          city: 'Seoul',
          timeZone: 'Asia/Seoul',
        },
        'khoa',
      );
      smith = await createMentor(
        t,
        { fullName: 'Jane Smith', sectors: ['healthcare'], expertise: ['esg'], languages: ['en'], city: null },
        'smith',
      );
      await pairUp(t, cohortId, fellows[1].id, nguyen.id);
    });

    const ids = async (query: string) => {
      const res = await as(staff).get(`/mentors?${query}`);
      expect(res.status).toBe(200);
      return (res.body as Array<{ userId: string }>).map((m) => m.userId);
    };

    it('searches names and organisations without diacritics or case', async () => {
      expect(await ids('q=nguyen dinh')).toEqual([nguyen.id]);
      expect(await ids(`q=${encodeURIComponent('ngan hang a chau')}`)).toEqual([nguyen.id]);
      expect(await ids(`q=${encodeURIComponent('NGUYỄN')}`)).toEqual([nguyen.id]);
      expect(await ids(`q=${encodeURIComponent(smith.email.slice(0, 12))}`)).toEqual([smith.id]);
    });

    it('filters by sector, expertise, language, city and active, and counts active pairings', async () => {
      expect(await ids('sector=fintech')).toEqual([nguyen.id]);
      expect(await ids('expertise=esg')).toEqual([smith.id]);
      expect(await ids('language=ko')).toEqual([nguyen.id]);
      expect(await ids('city=seoul')).toEqual([nguyen.id]);
      expect(await ids('q=khoa&active=false')).toEqual([]);
      expect(await ids('q=khoa&active=true')).toEqual([nguyen.id]);
      const [row] = (await as(staff).get('/mentors?q=khoa')).body as Array<{ activePairings: number }>;
      expect(row.activePairings).toBe(1);
    });

    it('refuses a bad filter with a 400 naming it', async () => {
      const res = await as(staff).get('/mentors?sector=mining&active=maybe');
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['active', 'sector']);
    });
  });

  describe('a mentor keeps their own profile', () => {
    it('reads and edits only their own (GET/PATCH /mentors/me), never `active` nor anyone else’s', async () => {
      const mentor = await createMentor(t, { capacity: 2 });
      const other = await createMentor(t, { capacity: 2 });
      const me = await as(mentor).get('/mentors/me');
      expect(me.status).toBe(200);
      expect(me.body.userId).toBe(mentor.id);

      const res = await as(mentor).patch('/mentors/me', { capacity: 1, bio: 'Logistics in Japan for 20 years' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ userId: mentor.id, capacity: 1, bio: 'Logistics in Japan for 20 years' });
      const [audit] = await t.db.query<Array<{ actor_id: string }>>(
        `SELECT actor_id FROM audit_log WHERE entity_id = $1 AND action = 'mentor.updated'`,
        [mentor.id],
      );
      expect(audit.actor_id).toBe(mentor.id);

      const active = await as(mentor).patch('/mentors/me', { active: false });
      expect(active.status).toBe(400);
      expect(active.body.errors).toEqual([
        expect.objectContaining({ field: 'active', message: expect.any(String), code: 'validation.unknown_property' }),
      ]);
      const badZone = await as(mentor).patch('/mentors/me', { timeZone: 'Hanoi' });
      expect(badZone.status).toBe(400);

      // Staff routes are closed to mentors, so another mentor's profile cannot be read or changed.
      expect((await as(mentor).patch(`/mentors/${other.id}`, { capacity: 5 })).status).toBe(403);
      expect((await as(mentor).get(`/mentors/${other.id}`)).status).toBe(403);
      expect((await as(mentor).get('/mentors')).status).toBe(403);
      expect((await as(mentor).post('/mentors', {})).status).toBe(403);
      const [stored] = await t.db.query<Array<{ capacity: number; active: boolean }>>(
        `SELECT capacity, active FROM mentor_profiles WHERE user_id = $1`,
        [other.id],
      );
      expect(stored).toEqual({ capacity: 2, active: true });
    });

    it('a mentor without a profile yet gets a 404 for /mentors/me', async () => {
      const invited = await signIn(t, ['mentor'], 'bare-mentor');
      expect((await as(invited).get('/mentors/me')).status).toBe(404);
      expect((await as(invited).patch('/mentors/me', { capacity: 2 })).status).toBe(404);
    });
  });

  describe('conflicts', () => {
    it('a mentor finds active fellows (name, enterprise, sector only) and declares a conflict with one', async () => {
      const mentor = await createMentor(t);
      const directory = await as(mentor).get(`/mentors/me/fellows-directory?cohortId=${cohortId}&q=duc`);
      expect(directory.status).toBe(200);
      expect(directory.body).toEqual([
        {
          fellowId: fellows[0].id,
          fullName: 'Trần Văn Đức',
          enterpriseName: 'Đức Logistics',
          sector: 'logistics',
          cohortId,
          cohortName: 'VGBF Mentors',
        },
      ]);
      expect(JSON.stringify(directory.body)).not.toContain(fellows[0].email);

      const res = await as(mentor).post('/mentors/me/conflicts', {
        fellowId: fellows[0].id,
        reason: 'My former employee',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        mentorId: mentor.id,
        fellowId: fellows[0].id,
        fellowName: 'Trần Văn Đức',
        reason: 'My former employee',
        declaredBy: mentor.id,
        declaredByMentor: true,
      });
      // Declaring again keeps the first declaration.
      const again = await as(mentor).post('/mentors/me/conflicts', { fellowId: fellows[0].id, reason: 'Other' });
      expect(again.body).toMatchObject({ id: res.body.id, reason: 'My former employee' });
      expect(await count(`SELECT count(*) AS n FROM mentor_conflicts WHERE mentor_id = $1`, [mentor.id])).toBe(1);
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'mentor_conflict.declared'`,
          [mentor.id],
        ),
      ).toBe(1);
      expect((await as(mentor).get('/mentors/me/conflicts')).body).toHaveLength(1);
      expect((await as(staff).get(`/mentors/${mentor.id}/conflicts`)).body).toEqual([res.body]);
    });

    it('staff declare, list and remove a mentor’s conflicts, audited', async () => {
      const mentor = await createMentor(t);
      const declared = await as(staff).post(`/mentors/${mentor.id}/conflicts`, {
        fellowId: fellows[1].id,
        reason: 'Same family',
      });
      expect(declared.status).toBe(201);
      expect(declared.body).toMatchObject({ declaredBy: staff.id, declaredByMentor: false });
      const list = await as(staff).get(`/mentors/${mentor.id}/conflicts`);
      expect(list.body.map((c: { id: string }) => c.id)).toEqual([declared.body.id]);

      // A conflict is removed only under its own mentor.
      const other = await createMentor(t);
      expect((await as(staff).delete(`/mentors/${other.id}/conflicts/${declared.body.id}`)).status).toBe(404);
      expect((await as(mentor).delete(`/mentors/${mentor.id}/conflicts/${declared.body.id}`)).status).toBe(403);
      const removed = await as(staff).delete(`/mentors/${mentor.id}/conflicts/${declared.body.id}`);
      expect(removed.status).toBe(204);
      expect(await count(`SELECT count(*) AS n FROM mentor_conflicts WHERE mentor_id = $1`, [mentor.id])).toBe(0);
      const actions = await t.db.query<Array<{ action: string; actor_id: string }>>(
        `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY created_at, id`,
        [mentor.id],
      );
      expect(actions).toEqual([
        { action: 'mentor_conflict.declared', actor_id: staff.id },
        { action: 'mentor_conflict.removed', actor_id: staff.id },
      ]);
    });

    it.each([
      ['a fellowId that is not a UUID', { fellowId: 'abc', reason: 'x' }, 400, 'fellowId'],
      ['an empty reason', { fellowId: '00000000-0000-4000-8000-000000000000', reason: '   ' }, 400, 'reason'],
      ['no body', {}, 400, 'fellowId'],
      ['an unknown fellow', { fellowId: '00000000-0000-4000-8000-000000000000', reason: 'x' }, 404, null],
    ])('refuses %s, writing nothing', async (_name, body, status, field) => {
      const mentor = await createMentor(t);
      for (const res of [
        await as(mentor).post('/mentors/me/conflicts', body),
        await as(staff).post(`/mentors/${mentor.id}/conflicts`, body),
      ]) {
        expect(res.status).toBe(status);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        if (field)
          expect(res.body.errors).toEqual(
            expect.arrayContaining([
              expect.objectContaining({ field, message: expect.any(String), code: expect.any(String) }),
            ]),
          );
      }
      expect(await count(`SELECT count(*) AS n FROM mentor_conflicts WHERE mentor_id = $1`, [mentor.id])).toBe(0);
    });

    it('staff cannot declare a conflict for an account that is not a mentor', async () => {
      const reviewer = await signIn(t, ['reviewer'], 'not-mentor');
      const res = await as(staff).post(`/mentors/${reviewer.id}/conflicts`, { fellowId: fellows[0].id, reason: 'x' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_a_mentor');
    });

    it('a fellow or a reviewer can use none of it', async () => {
      const reviewer = await signIn(t, ['reviewer'], 'rev');
      expect((await as(reviewer).get('/mentors/me/fellows-directory')).status).toBe(403);
      expect((await as(reviewer).post('/mentors/me/conflicts', {})).status).toBe(403);
    });
  });
});
