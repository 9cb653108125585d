import { PROBLEM_CATALOGUES } from '@vgbf/core';
import { openCohort } from '../support/cohorts';
import { ProbeController } from '../support/probe.controller';
import { type TestApp, createTestApp } from '../support/test-app';
import { signIn } from '../support/users';

const bad = { email: 'not-an-email', rank: 9, referees: [{ name: 'A very long name', email: 'x@y.vn' }] };

describe('Problems in the caller’s language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ controllers: [ProbeController] });
  });
  afterAll(() => t.close());

  it('gives every field error a stable code and the params of its rule, in English by default', async () => {
    const res = await t.http.post('/api/v1/probe').send(bad).expect(400);
    expect(res.headers['content-language']).toBe('en');
    expect(res.body).toMatchObject({ code: 'validation_failed', detail: 'The request has invalid fields.' });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'validation.is_email', params: {}, message: 'email must be an email' },
        { field: 'rank', code: 'validation.max', params: { max: 4 }, message: 'rank must not be greater than 4' },
        {
          field: 'referees.0.name',
          code: 'validation.max_length',
          params: { max: 10 },
          message: 'name must be shorter than or equal to 10 characters',
        },
      ]),
    );
  });

  it('answers Accept-Language: vi with the Vietnamese catalogue’s words, codes and params unchanged', async () => {
    const res = await t.http
      .post('/api/v1/probe')
      .set('accept-language', 'vi-VN,vi;q=0.9,en;q=0.5')
      .send(bad)
      .expect(400);
    expect(res.headers['content-language']).toBe('vi');
    expect(res.body.detail).toBe(PROBLEM_CATALOGUES.vi.validation_failed);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'email',
          code: 'validation.is_email',
          message: 'Phải là địa chỉ email hợp lệ.',
        }),
        expect.objectContaining({ field: 'rank', code: 'validation.max', params: { max: 4 }, message: 'Tối đa là 4.' }),
        expect.objectContaining({ field: 'referees.0.name', message: 'Tối đa 10 ký tự.' }),
      ]),
    );
  });

  it('words a domain error and a password rule in Vietnamese, and keeps English for other languages', async () => {
    const vi = await t.http.get('/api/v1/probe/conflict').set('accept-language', 'vi').expect(409);
    // The closing time travels as a param, so the Vietnamese sentence names it too.
    expect(vi.body).toMatchObject({
      code: 'deadline_passed',
      params: { closedAt: '2027-03-31 23:59 (GMT+7)' },
      detail: 'Đã hết hạn nộp hồ sơ lúc 2027-03-31 23:59 (GMT+7); hồ sơ không thể thay đổi nữa.',
    });
    const fr = await t.http.get('/api/v1/probe/conflict').set('accept-language', 'fr-FR').expect(409);
    expect(fr.body.detail).toBe('The application window closed at 2027-03-31 23:59 (GMT+7).');

    const weak = await t.http
      .post('/api/v1/auth/register')
      .set('accept-language', 'vi')
      .send({ email: 'weak@example.vn', password: 'password123', fullName: 'Trần Thị Lan' })
      .expect(400);
    expect(weak.body.code).toBe('weak_password');
    expect(weak.body.errors).toEqual([
      expect.objectContaining({
        field: 'password',
        code: 'validation.password_common',
        message: PROBLEM_CATALOGUES.vi['validation.password_common'],
      }),
    ]);
    const rows = await t.db.query(`SELECT 1 FROM users WHERE email = 'weak@example.vn'`);
    expect(rows).toHaveLength(0);
  });

  it('gives a service’s own field errors their code too: a rubric anchor in one language only', async () => {
    const staff = await signIn(t, ['staff']);
    const { id } = await openCohort(t, staff, 'VGBF Words');
    const url = `/api/v1/cohorts/${id}/review-round/rubric`;
    const before = (await t.http.get(`/api/v1/cohorts/${id}/review-round`).set('authorization', staff.bearer)).body;
    const rubric = {
      criteria: [{ code: 'grit', title: { vi: 'Bền bỉ', en: 'Grit' }, weight: 1, anchors: { '1': { vi: 'Bỏ cuộc' } } }],
    };
    const res = await t.http.put(url).set('authorization', staff.bearer).set('accept-language', 'vi').send(rubric);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_rubric' });
    expect(res.body.errors).toEqual([
      {
        field: 'criteria.0.anchors.1',
        code: 'validation.anchor_languages',
        params: {},
        message: 'Cần có nội dung bằng cả tiếng Việt và tiếng Anh.',
      },
    ]);
    const after = (await t.http.get(`/api/v1/cohorts/${id}/review-round`).set('authorization', staff.bearer)).body;
    expect(after.rubric).toEqual(before.rubric);
  });

  it('words an unknown route and a refused method too', async () => {
    const missing = await t.http.get('/api/v1/no-such-thing').set('accept-language', 'vi').expect(404);
    expect(missing.body).toMatchObject({ code: 'not_found', detail: PROBLEM_CATALOGUES.vi.not_found });
    const method = await t.http.delete('/api/v1/probe').set('accept-language', 'vi').expect(405);
    expect(method.body).toMatchObject({ code: 'method_not_allowed', detail: PROBLEM_CATALOGUES.vi.method_not_allowed });
  });
});
