import type { INestApplicationContext } from '@nestjs/common';
import { COMPLETE_SECTIONS } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { minimalPdf, uploadDocument } from '../support/documents';
import { Inbox, uniqueEmail } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

const PASSWORD = 'Cần Thơ gạo trắng nước trong 2027';

/** The applicant's whole journey on the real services: the account, the draft, the documents, one submission. */
describe('An applicant from registration to one submitted application', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let cohortId: string;
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    const staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Journey', { closesInDays: 14 })).id;
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('registers, drafts over several saves, uploads PDFs (not a renamed .exe), submits twice with one key: once', async () => {
    const email = uniqueEmail('thao');
    await t.http
      .post('/api/v1/auth/register')
      .send({
        email,
        password: PASSWORD,
        fullName: 'Lâm Thị Thảo',
        language: 'vi',
        consents: ['application', 'review'],
      })
      .expect(202);
    const [verification] = await inbox.waitFor(email);
    const token = new URL(
      /https?:\/\/\S+verify-email\?token=[\w-]+/.exec(verification?.text ?? '')?.[0] ?? '',
    ).searchParams.get('token');
    await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(204);
    const login = await t.http.post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    const who = { bearer: `Bearer ${login.body.token as string}`, email } as SignedIn;
    const as = <T extends { set(name: string, value: string): T }>(req: T) => req.set('authorization', who.bearer);

    const { body: started } = await as(t.http.post(`/api/v1/cohorts/${cohortId}/applications`)).expect(201);
    const id = started.id as string;
    const patch = (section: string, body: object) =>
      as(t.http.patch(`/api/v1/applications/${id}/${section}`))
        .send(body)
        .expect(200);

    // First evening: half of two sections. Next evening: the rest, section by section.
    const { personal, enterprise, ...rest } = COMPLETE_SECTIONS;
    await patch('personal', { fullName: 'Lâm Thị Thảo', dateOfBirth: personal.dateOfBirth });
    await patch('enterprise', { name: 'Công ty TNHH Gạo Miền Tây', taxCode: enterprise.taxCode });
    await patch('personal', { ...personal, fullName: 'Lâm Thị Thảo', gender: 'female', province: 'Cần Thơ' });
    await patch('enterprise', { ...enterprise, name: 'Công ty TNHH Gạo Miền Tây' });
    for (const [section, body] of Object.entries(rest)) await patch(section, body);
    const { body: drafted } = await as(t.http.get(`/api/v1/applications/${id}`)).expect(200);
    expect(drafted).toMatchObject({ status: 'draft', region: 'South', complete: false });
    expect(drafted.missing).toEqual(['documents.cv', 'documents.businessRegistration']);

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 0x41)]);
    const refused = await uploadDocument(t, who, id, 'cv', exe, 'cv.pdf').expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'invalid_document' })]);
    await uploadDocument(t, who, id, 'cv', minimalPdf('CV Lâm Thị Thảo'), 'CV.pdf').expect(201);
    await uploadDocument(t, who, id, 'business_registration', minimalPdf('GCN ĐKDN'), 'GCN.pdf').expect(201);
    const { rows } = {
      rows: await t.db.query(`SELECT kind FROM application_documents WHERE application_id = $1`, [id]),
    };
    expect(rows.map((r: { kind: string }) => r.kind).sort()).toEqual(['business_registration', 'cv']);

    const key = `journey-${id}`;
    const submit = () => as(t.http.post(`/api/v1/applications/${id}/submit`)).set('idempotency-key', key);
    const first = await submit().expect(200);
    const retried = await submit().expect(200);
    expect(retried.body).toEqual(first.body);
    expect(first.body).toMatchObject({ status: 'submitted', complete: true });

    const changes = await t.db.query(
      `SELECT from_status, to_status FROM application_status_changes WHERE application_id = $1`,
      [id],
    );
    expect(changes).toEqual([{ from_status: 'draft', to_status: 'submitted' }]);
    const outbox = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'template' = 'application-submitted'`,
    );
    expect(outbox[0].n).toBe(1);
    await inbox.waitFor(email, 2); // the verification, then the confirmation
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a second confirmation would have arrived by now
    const confirmations = (await inbox.emailsTo(email)).filter((m) => m.subject.includes('VGBF Journey'));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.text).toContain('Lâm Thị Thảo');
  });
});
