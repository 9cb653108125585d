import { Readable } from 'node:stream';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@vgbf/storage';
import { openCohort } from '../support/cohorts';
import { minimalPdf } from '../support/documents';
import { type TestFellow, createFellows, createMentor, logInFellow, pairUp } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';
import { readZip } from '../support/zip';

/** Collects a binary response body (the ZIP) into a Buffer. */
const binary = (res: import('superagent').Response, done: (error: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('The access export: one ZIP with everything about the person, nobody else’s', () => {
  let t: TestApp;
  let staff: SignedIn;
  let reviewer: SignedIn;
  let person: TestFellow;
  let other: TestFellow;
  let personSession: SignedIn;
  let otherSession: SignedIn;
  let cv: Buffer;
  let documentId: string;
  let requestId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    reviewer = await signIn(t, ['reviewer'], 'reviewer');
    const cohortId = (await openCohort(t, staff, 'VGBF Export')).id;
    [person, other] = await createFellows(t, cohortId, staff, [
      { fullName: 'Trần Thị Xuất Khẩu', enterpriseName: 'Công ty Xuất Khẩu' },
      { fullName: 'Phạm Văn Người Khác', enterpriseName: 'Công ty Người Khác' },
    ]);
    personSession = await logInFellow(t, person!);
    otherSession = await logInFellow(t, other!);
    const storage = t.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    // Each has a stored CV; a review of each application; a mentor and a logged session.
    for (const who of [person!, other!]) {
      const content = minimalPdf(`CV of ${who.fullName}`);
      const stored = await storage.put(Readable.from([content]), { prefix: 'documents' });
      const [doc] = await t.db.query<Array<{ id: string }>>(
        `INSERT INTO application_documents (application_id, kind, filename, size_bytes, sha256, storage_key, uploaded_by)
         VALUES ($1, 'cv', 'cv.pdf', $2, $3, $4, $5) RETURNING id`,
        [who.applicationId, stored.size, stored.sha256, stored.key, who.userId],
      );
      if (who === person) {
        cv = content;
        documentId = doc.id;
      }
      await t.db.query(
        `WITH a AS (
           INSERT INTO review_assignments (cohort_id, application_id, reviewer_id, source) VALUES ($1, $2, $3, 'manual') RETURNING id
         )
         INSERT INTO reviews (assignment_id, cohort_id, scores, weighted_score, comment, recommendation)
         SELECT id, $1, '{}', 4.2, $4, 'yes' FROM a`,
        [cohortId, who.applicationId, reviewer.id, `Strong plan from ${who.fullName}`],
      );
      const mentor = await createMentor(t, {}, `mentor-${who.id.slice(0, 4)}`);
      const pairingId = await pairUp(t, cohortId, who.id, mentor.id);
      await t.db.query(
        `INSERT INTO mentoring_sessions (pairing_id, held_at, duration_minutes, mode, notes, logged_by)
         VALUES ($1, now() - interval '2 days', 60, 'video', $2, $3)`,
        [pairingId, `Notes about ${who.fullName}`, mentor.id],
      );
    }
    const res = await t.http
      .post('/api/v1/me/data-requests')
      .set('authorization', personSession.bearer)
      .send({ kind: 'access', details: 'Xin gửi tôi toàn bộ dữ liệu.' })
      .expect(201);
    requestId = res.body.id;
  }, 120_000);
  afterAll(() => t.close());

  const download = (who: SignedIn) =>
    t.http.get(`/api/v1/data-requests/${requestId}/export`).set('authorization', who.bearer).buffer(true).parse(binary);

  it('is not ready before the request is completed', async () => {
    const res = await download(personSession);
    expect(res.status).toBe(409);
  });

  it('is the person’s or staff’s: anyone else gets a 404', async () => {
    await t.http.post(`/api/v1/data-requests/${requestId}/acknowledge`).set('authorization', staff.bearer).expect(200);
    await t.http
      .post(`/api/v1/data-requests/${requestId}/complete`)
      .set('authorization', staff.bearer)
      .send({ answer: 'Tệp dữ liệu của bạn đã sẵn sàng.' })
      .expect(200);
    expect((await download(otherSession)).status).toBe(404);
    expect((await download(reviewer)).status).toBe(404);
    const byStaff = await download(staff);
    expect(byStaff.status).toBe(200);
    expect(byStaff.headers['content-type']).toBe('application/zip');
  });

  it('holds their rows from every table that mentions them, their files byte-equal, and nobody else’s data', async () => {
    const res = await download(personSession);
    expect(res.status).toBe(200);
    const zip = readZip(res.body as Buffer);
    const table = (name: string) =>
      JSON.parse(zip.get(`data/${name}.json`)?.toString('utf8') ?? 'null') as Array<Record<string, unknown>>;

    expect(table('users').map((u) => u.id)).toEqual([person.userId]);
    expect(table('users')[0]).not.toHaveProperty('password_hash');
    expect(table('applications').map((a) => a.id)).toEqual([person.applicationId]);
    expect(table('application_documents').map((d) => d.id)).toEqual([documentId]);
    expect(table('application_documents')[0]).not.toHaveProperty('storage_key');
    expect(table('fellows').map((f) => f.id)).toEqual([person.id]);
    expect(table('review_assignments')).toHaveLength(1);
    expect(table('review_assignments')[0]).not.toHaveProperty('reviewer_id');
    expect(table('reviews').map((r) => r.comment)).toEqual([`Strong plan from ${person.fullName}`]);
    expect(table('pairings')).toHaveLength(1);
    expect(table('mentoring_sessions').map((s) => s.notes)).toEqual([`Notes about ${person.fullName}`]);
    expect(table('sessions').length).toBeGreaterThan(0);
    expect(table('data_requests').map((r) => r.id)).toEqual([requestId]);
    expect(table('audit_log').length).toBeGreaterThan(0);
    // Their CV, byte for byte.
    expect(zip.get(`files/applications/${person.applicationId}/${documentId}-cv.pdf`)?.equals(cv)).toBe(true);
    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as {
      tables: Array<{ table: string; excluded: Record<string, string> }>;
    };
    expect(manifest.tables.find((m) => m.table === 'users')?.excluded.password_hash).toMatch(/hash/);

    // Nothing of the other person's.
    const everything = [...zip.values()].map((b) => b.toString('latin1')).join('\n');
    const text = [...zip.entries()]
      .filter(([n]) => n.endsWith('.json'))
      .map(([, b]) => b.toString('utf8'))
      .join('\n');
    for (const value of [other.email, other.fullName, other.userId, other.applicationId, 'Công ty Người Khác'])
      expect(text).not.toContain(value);
    expect(everything).not.toContain(`CV of ${other.fullName}`);
    expect(text).toContain(person.fullName);
  });
});
