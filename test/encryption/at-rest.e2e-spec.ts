import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { FieldCipher, FileCipher, Keyring, fieldContext, readFileHeader } from '@vgbf/encryption';
import { LocalDiskStorage } from '@vgbf/storage';
import { EncryptionRotation } from '../../apps/api/src/cli/rotation/encryption-rotation';
import { RotationModule } from '../../apps/api/src/cli/rotation/rotation.module';
import { COMPLETE_SECTIONS, draftApplication } from '../support/applications';
import { openCohort } from '../support/cohorts';
import { minimalPdf, uploadDocument } from '../support/documents';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';
import { type Pairs, mentoringPairs, sessionBody } from '../mentoring/mentoring-setup';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const spec = (...keys: Array<[string, Buffer]>) => keys.map(([id, key]) => `${id}:${key.toString('base64')}`).join(',');

const NOTES = 'Bàn chiến lược vào thị trường Nhật Bản với nhà phân phối Osaka';
const COMMENT = 'Rất thực tế, cảm ơn anh';

/**
 * Documents and the sessions' notes at rest (issue 17): the bytes on disk and the column in SQL are
 * not plaintext, the API gives plaintext to whoever may read it, and after a key rotation the old
 * values still read; the rotation command brings everything under the new key so the old key can go.
 */
describe('Sensitive data at rest', () => {
  let before: TestApp; // the process before the rotation: k1 only
  let after: TestApp; // the same database and storage, restarted with k1 and k2, k2 active
  let p: Pairs;
  let applicant: SignedIn;
  let applicationId: string;
  const pdf = minimalPdf('CV of Nguyễn Thị Hoa, 0912345678');
  let documentId: string;
  let storageKey: string;
  let sessionId: string;
  let legacySessionId: string;
  let legacyKey: string;

  const rawSession = async (t: TestApp, id: string) =>
    (
      await t.db.query<Array<{ notes: string; rating_comment: string | null }>>(
        `SELECT notes, rating_comment FROM mentoring_sessions WHERE id = $1`,
        [id],
      )
    )[0];
  const onDisk = (t: TestApp, key: string) => readFileSync(join(t.env.STORAGE_DIR, 'objects', ...key.split('/')));
  const sessionsOf = (t: TestApp, who: SignedIn) =>
    t.http.get(`/api/v1/mentoring/pairs/${p.pairings[0]}/sessions`).set('authorization', who.bearer).expect(200);
  const download = (t: TestApp, who: SignedIn, id = documentId) =>
    t.http
      .get(`/api/v1/applications/${applicationId}/documents/${id}`)
      .set('authorization', who.bearer)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    before = await createTestApp({ env: { DATA_ENCRYPTION_KEYS: spec(['k1', k1]), DATA_ENCRYPTION_ACTIVE_KEY: 'k1' } });
    p = await mentoringPairs(before, 1);
    applicant = await signIn(before, ['applicant'], 'applicant');
    const cohort = await openCohort(before, p.staff, `VGBF At rest ${Math.random().toString(36).slice(2, 6)}`);
    applicationId = await draftApplication(before, applicant, cohort.id, COMPLETE_SECTIONS, { documents: false });
  }, 90_000);
  afterAll(async () => {
    await after?.close();
    await before?.close();
  });

  it('stores a document encrypted on disk and gives the owner and staff the PDF as uploaded', async () => {
    const res = await uploadDocument(before, applicant, applicationId, 'cv', pdf).expect(201);
    documentId = res.body.id;
    [{ storage_key: storageKey }] = await before.db.query(
      `SELECT storage_key FROM application_documents WHERE id = $1`,
      [documentId],
    );
    const raw = onDisk(before, storageKey);
    expect(readFileHeader(raw)?.keyId).toBe('k1');
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(raw.includes(Buffer.from('0912345678'))).toBe(false);
    expect(raw.includes(pdf.subarray(0, 200))).toBe(false);
    expect((await download(before, applicant).expect(200)).body).toEqual(pdf);
    expect((await download(before, p.staff).expect(200)).body).toEqual(pdf);
    // Encryption changes nothing about who may read it.
    const stranger = await signIn(before, ['applicant'], 'stranger');
    await download(before, stranger).expect(404);
  });

  it('stores the session notes and the rating comment encrypted in SQL; the pair reads them in plaintext', async () => {
    const logged = await before.http
      .post(`/api/v1/mentoring/pairs/${p.pairings[0]}/sessions`)
      .set('authorization', p.mentors[0].bearer)
      .send(sessionBody({ notes: NOTES }))
      .expect(201);
    sessionId = logged.body.id;
    expect(logged.body.notes).toBe(NOTES);
    await before.http
      .post(`/api/v1/mentoring/sessions/${sessionId}/confirm`)
      .set('authorization', p.fellowSessions[0].bearer)
      .send({ rating: 5, comment: COMMENT })
      .expect(200);

    const raw = await rawSession(before, sessionId);
    expect(raw.notes).toMatch(/^v1:k1:/);
    expect(raw.notes).not.toContain('Nhật');
    expect(raw.rating_comment).toMatch(/^v1:k1:/);
    expect(raw.rating_comment).not.toContain('thực tế');
    // Nor does the audit trail keep them in plaintext.
    const audit = await before.db.query(
      `SELECT coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_log WHERE entity_id = $1`,
      [sessionId],
    );
    for (const { t } of audit as Array<{ t: string }>) expect(t).not.toMatch(/Nhật|thực tế/);

    for (const who of [p.mentors[0], p.fellowSessions[0]]) {
      const [session] = (await sessionsOf(before, who)).body;
      expect(session).toMatchObject({ notes: NOTES, ratingComment: COMMENT });
    }
  });

  it('still reads values stored before encryption (plaintext rows and files)', async () => {
    [{ id: legacySessionId }] = await before.db.query(
      `INSERT INTO mentoring_sessions (pairing_id, held_at, duration_minutes, mode, topics, logged_by, notes)
       VALUES ($1, now() - interval '20 days', 30, 'online', '{market_entry}', $2, 'Ghi chú cũ, chưa mã hóa') RETURNING id`,
      [p.pairings[0], p.mentors[0].id],
    );
    const notes = (await sessionsOf(before, p.mentors[0])).body.map((s: { notes: string }) => s.notes);
    expect(notes).toContain('Ghi chú cũ, chưa mã hóa');

    // A file written by the storage before it encrypted, recorded as the application's other document.
    const plain = await new LocalDiskStorage(before.env.STORAGE_DIR).init();
    legacyKey = (await plain.put(Readable.from([pdf]), { prefix: `applications/${applicationId}` })).key;
    const [{ id }] = await before.db.query(
      `INSERT INTO application_documents (application_id, kind, filename, size_bytes, sha256, storage_key, uploaded_by)
       SELECT application_id, 'other', 'old.pdf', size_bytes, sha256, $2, uploaded_by FROM application_documents WHERE id = $1
       RETURNING id`,
      [documentId, legacyKey],
    );
    expect(onDisk(before, legacyKey).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await download(before, applicant, id).expect(200)).body).toEqual(pdf);
  });

  it('after a rotation to k2 (k1 still listed) old values read, and the command re-encrypts all under k2, once', async () => {
    after = await createTestApp({
      env: {
        DATABASE_URL: before.env.DATABASE_URL,
        STORAGE_DIR: before.env.STORAGE_DIR,
        DATA_ENCRYPTION_KEYS: spec(['k1', k1], ['k2', k2]),
        DATA_ENCRYPTION_ACTIVE_KEY: 'k2',
      },
      imports: [RotationModule],
    });
    const [session] = (await sessionsOf(after, p.fellowSessions[0])).body;
    expect(session).toMatchObject({ notes: NOTES, ratingComment: COMMENT });
    expect((await download(after, applicant).expect(200)).body).toEqual(pdf);

    const report = await after.app.get(EncryptionRotation).run({ batchSize: 1 });
    expect(report.columns).toEqual([{ columns: 'mentoring_sessions.notes, rating_comment', scanned: 2, rewritten: 2 }]);
    expect(report.files).toEqual({ scanned: 2, rewritten: 2 });
    const again = await after.app.get(EncryptionRotation).run();
    expect(again.columns[0]).toMatchObject({ rewritten: 0 });
    expect(again.files).toEqual({ scanned: 2, rewritten: 0 });

    // Everything is under k2: a keyring without k1 opens every value and file.
    const k2only = new Keyring([{ id: 'k2', key: k2 }], 'k2');
    const cipher = new FieldCipher(k2only);
    for (const id of [sessionId, legacySessionId]) {
      const raw = await rawSession(after, id);
      expect(raw.notes).toMatch(/^v1:k2:/);
      cipher.decrypt(raw.notes, fieldContext('mentoring_sessions', 'notes', id));
    }
    expect(
      cipher.decrypt(
        (await rawSession(after, sessionId)).notes,
        fieldContext('mentoring_sessions', 'notes', sessionId),
      ),
    ).toBe(NOTES);
    const storage = await new LocalDiskStorage(after.env.STORAGE_DIR, new FileCipher(k2only)).init();
    for (const key of [storageKey, legacyKey]) {
      expect(readFileHeader(onDisk(after, key))?.keyId).toBe('k2');
      expect(await buffer(await storage.get(key))).toEqual(pdf);
    }
  });
});
