import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const HEADER =
  'email,full_name,language,organisation,title,sectors,expertise,languages,city,time_zone,capacity,available_from,available_to';

interface Row {
  email: string;
  line: string;
}

const tag = Math.random().toString(36).slice(2, 8);
const email = (i: number) => `mentor${i}.${tag}@import.example.vn`;

/** A good row; `title` may hold a quoted newline (the row then spans two lines of the file). */
function goodRow(i: number, title = 'Partner'): Row {
  return {
    email: email(i),
    line: [
      email(i),
      `"Nguyễn Thị Mỹ ${i}"`,
      i % 2 ? 'vi' : 'en',
      `"Công ty Luật ""Đông Á"", chi nhánh ${i}"`,
      title,
      'technology;fintech',
      'legal; finance',
      'vi;EN',
      i % 3 ? 'Tokyo' : '',
      i % 3 ? 'Asia/Tokyo' : 'Asia/Ho_Chi_Minh',
      String(1 + (i % 4)),
      '2027-09-01',
      '2028-08-31',
    ].join(','),
  };
}

const csvOf = (rows: Row[]) => `\uFEFF${HEADER}\r\n${rows.map((r) => r.line).join('\r\n')}\r\n`;

function upload(t: TestApp, who: SignedIn, content: string | Buffer, filename = 'mentors.csv') {
  return t.http
    .post('/api/v1/mentors/import')
    .set('authorization', who.bearer)
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), {
      filename,
      contentType: 'text/csv',
    });
}

describe('Mentor CSV import and export', () => {
  let t: TestApp;
  let staff: SignedIn;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.db.query<Array<{ n: string }>>(sql, params))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
  });
  afterAll(() => t.close());

  it('imports the 17 good rows of 20, reports the 3 bad ones by line with their reasons, and changes nothing else', async () => {
    const usersBefore = await count(`SELECT count(*) AS n FROM users`);
    const rows: Row[] = [];
    for (let i = 0; i < 20; i++) rows.push(goodRow(i, i === 2 ? '"Partner,\nHead of Legal"' : 'Partner'));
    // Bad rows 4 (bad zone), 10 (capacity out of range), 16 (not an ISO 639-1 code, and to before from).
    rows[4] = {
      email: email(4),
      line: rows[4].line.replace('Asia/Tokyo', 'Asia/Atlantis').replace('Asia/Ho_Chi_Minh', 'Asia/Atlantis'),
    };
    rows[10] = { email: email(10), line: rows[10].line.replace(/,\d,2027-09-01/, ',11,2027-09-01') };
    rows[16] = {
      email: email(16),
      line: rows[16].line.replace('vi;EN', 'vi;english').replace('2028-08-31', '2027-01-01'),
    };
    // Row 2's title spans two lines: every row after it starts one line further down.
    const lineOf = (i: number) => i + 2 + (i > 2 ? 1 : 0);

    const res = await upload(t, staff, csvOf(rows));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 17, created: 17, updated: 0, unchanged: 0 });
    expect(res.body.rejected).toEqual([
      {
        line: lineOf(4),
        email: email(4),
        errors: [
          {
            field: 'time_zone',
            message: 'timeZone must be an IANA time zone, e.g. Asia/Tokyo',
            code: 'validation.is_time_zone',
            params: {},
          },
        ],
      },
      {
        line: lineOf(10),
        email: email(10),
        // The limit travels as a param, so the web words it in the reader's language.
        errors: [
          { field: 'capacity', message: expect.stringMatching(/10/), code: 'validation.max', params: { max: 10 } },
        ],
      },
      {
        line: lineOf(16),
        email: email(16),
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'languages', message: expect.stringMatching(/ISO 639-1/) }),
          expect.objectContaining({
            field: 'available_to',
            message: 'availableTo must be on or after availableFrom',
          }),
        ]),
      },
    ]);

    const good = rows.map((r) => r.email).filter((_, i) => ![4, 10, 16].includes(i));
    const bad = [email(4), email(10), email(16)];
    expect(await count(`SELECT count(*) AS n FROM mentor_profiles`)).toBe(17);
    expect(await count(`SELECT count(*) AS n FROM users`)).toBe(usersBefore + 17);
    expect(await count(`SELECT count(*) AS n FROM users WHERE email = ANY($1)`, [bad])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM users WHERE email = ANY($1) AND 'mentor' = ANY(roles)`, [good])).toBe(
      17,
    );
    // Each new mentor is invited through the outbox, and each write is audited.
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE payload->>'to' = ANY($1)`, [good])).toBe(17);
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE payload->>'to' = ANY($1)`, [bad])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'mentor.created'`)).toBe(17);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'invitation.created'`)).toBe(17);
    const [summary] = await t.db.query<Array<{ actor_id: string; after: Record<string, unknown> }>>(
      `SELECT actor_id, after FROM audit_log WHERE action = 'mentor.imported'`,
    );
    expect(summary).toMatchObject({
      actor_id: staff.id,
      after: {
        filename: 'mentors.csv',
        rows: 20,
        imported: 17,
        created: 17,
        rejectedLines: [lineOf(4), lineOf(10), lineOf(16)],
      },
    });

    // The row was read as written: quoted commas and quotes, the two-line title, lists, defaults, "anywhere".
    const [row2] = await t.db.query<Array<Record<string, unknown>>>(
      `SELECT u.full_name, u.language, p.organisation, p.title, p.sectors, p.expertise, p.languages, p.city, p.time_zone,
              p.capacity FROM mentor_profiles p JOIN users u ON u.id = p.user_id WHERE u.email = $1`,
      [email(3)],
    );
    expect(row2).toEqual({
      full_name: 'Nguyễn Thị Mỹ 3',
      language: 'vi',
      organisation: 'Công ty Luật "Đông Á", chi nhánh 3',
      title: 'Partner',
      sectors: ['technology', 'fintech'],
      expertise: ['legal', 'finance'],
      languages: ['vi', 'en'],
      city: null,
      time_zone: 'Asia/Ho_Chi_Minh',
      capacity: 4,
    });
    const [multi] = await t.db.query<Array<{ title: string }>>(
      `SELECT p.title FROM mentor_profiles p JOIN users u ON u.id = p.user_id WHERE u.email = $1`,
      [email(2)],
    );
    expect(multi.title).toBe('Partner, Head of Legal');
  });

  it('exports the same columns as UTF-8 with a BOM, and importing the export changes nothing', async () => {
    const exported = await t.http.get('/api/v1/mentors/export.csv').set('authorization', staff.bearer).buffer(true);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="mentors-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = Buffer.isBuffer(exported.body) ? exported.body.toString('utf8') : exported.text;
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(text).toContain('Nguyễn Thị Mỹ 3');
    // One line each: the two-line title was stored with its newline folded to a space.
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 17);

    const audits = await count(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'mentor.%'`);
    const stamps = await t.db.query(`SELECT user_id, updated_at FROM mentor_profiles ORDER BY user_id`);
    const res = await upload(t, staff, Buffer.from(text, 'utf8'), 'export.csv');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 17, created: 0, updated: 0, unchanged: 17, rejected: [] });
    expect(await t.db.query(`SELECT user_id, updated_at FROM mentor_profiles ORDER BY user_id`)).toEqual(stamps);
    // Only the import's own summary row is added.
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'mentor.%'`)).toBe(audits + 1);
  });

  it('updates an existing mentor by email (any case) and audits what changed', async () => {
    const row = goodRow(0);
    const changed = row.line
      .replace(email(0), email(0).toUpperCase())
      .replace(',en,', ',vi,')
      .replace(',1,2027', ',3,2027');
    const res = await upload(t, staff, csvOf([{ email: email(0), line: changed }]));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 1, created: 0, updated: 1, unchanged: 0, rejected: [] });
    const [audit] = await t.db.query<Array<{ before: unknown; after: unknown }>>(
      `SELECT a.before, a.after FROM audit_log a JOIN users u ON u.id::text = a.entity_id
        WHERE a.action = 'mentor.updated' AND u.email = $1`,
      [email(0)],
    );
    expect(audit).toEqual({ before: { capacity: 1 }, after: { capacity: 3, source: 'import' } });
    expect(await count(`SELECT count(*) AS n FROM mentor_profiles`)).toBe(17);
  });

  it('refuses every row of an email listed twice, naming both lines', async () => {
    const a = goodRow(100);
    const b = { email: email(100), line: goodRow(100).line.replace(email(100), email(100).toUpperCase()) };
    const res = await upload(t, staff, csvOf([a, goodRow(101), b]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, created: 1 });
    const twice = {
      field: 'email',
      message: expect.stringContaining('lines 2, 4'),
      code: 'validation.csv_repeated_email',
      params: { lines: [2, 4] },
    };
    expect(res.body.rejected).toEqual([
      { line: 2, email: email(100), errors: [twice] },
      { line: 4, email: email(100).toUpperCase(), errors: [twice] },
    ]);
    expect(await count(`SELECT count(*) AS n FROM users WHERE email_normalized = $1`, [email(100)])).toBe(0);
  });

  it('a file of bad rows only imports nothing and still answers with the report', async () => {
    const before = await count(`SELECT count(*) AS n FROM mentor_profiles`);
    const res = await upload(t, staff, csvOf([{ email: 'x', line: 'not-an-email,,de,,,,,,,Mars/Base,0,,' }]));
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(0);
    expect(res.body.rejected[0].errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['email', 'full_name', 'language', 'languages', 'time_zone', 'capacity']),
    );
    expect(await count(`SELECT count(*) AS n FROM mentor_profiles`)).toBe(before);
  });

  it('writes nothing at all when a write fails halfway', async () => {
    // A trigger makes the third row's insert fail, after two rows (accounts, invitations, profiles) were written.
    await t.db.query(`
      CREATE FUNCTION test_fail_mentor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.organisation = 'FAIL-WRITE' THEN RAISE EXCEPTION 'write failed on purpose'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_fail_mentor BEFORE INSERT ON mentor_profiles FOR EACH ROW EXECUTE FUNCTION test_fail_mentor();`);
    try {
      const rows = [goodRow(200), goodRow(201), goodRow(202)];
      rows[2] = {
        email: email(202),
        line: rows[2].line.replace('"Công ty Luật ""Đông Á"", chi nhánh 202"', 'FAIL-WRITE'),
      };
      const emails = rows.map((r) => r.email);
      const profiles = await count(`SELECT count(*) AS n FROM mentor_profiles`);
      const audits = await count(`SELECT count(*) AS n FROM audit_log`);

      const res = await upload(t, staff, csvOf(rows));

      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(await count(`SELECT count(*) AS n FROM users WHERE email = ANY($1)`, [emails])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM outbox WHERE payload->>'to' = ANY($1)`, [emails])).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM mentor_profiles`)).toBe(profiles);
      expect(await count(`SELECT count(*) AS n FROM audit_log`)).toBe(audits);
    } finally {
      await t.db.query(`DROP TRIGGER test_fail_mentor ON mentor_profiles; DROP FUNCTION test_fail_mentor();`);
    }
  });

  describe('a file that is not a mentor CSV is refused whole with a 400 problem', () => {
    it.each([
      ['a wrong header', 'email,name\r\na@b.vn,A\r\n', 'header', /full_name is missing/],
      ['an unknown column', `${HEADER},salary\r\n`, 'header', /"salary" is not a mentor column/],
      ['an empty file', '', 'file', /empty/],
      ['an unclosed quote', `${HEADER}\r\n"a@b.vn,x\r\n`, 'file', /not a readable CSV/],
      ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]), 'file', /UTF-8/],
    ])('%s', async (_name, content, field, message) => {
      const before = await count(`SELECT count(*) AS n FROM audit_log`);
      const res = await upload(t, staff, content);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('invalid_mentor_file');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]),
      );
      expect(await count(`SELECT count(*) AS n FROM audit_log`)).toBe(before);
    });

    it('without a file (not multipart)', async () => {
      const res = await t.http.post('/api/v1/mentors/import').set('authorization', staff.bearer).send({});
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'file', message: expect.stringMatching(/multipart/) }),
      ]);
    });

    it.each([
      [
        'a second file',
        (r: ReturnType<typeof upload>) => r.attach('file', Buffer.from(csvOf([goodRow(401)]), 'utf8'), 'more.csv'),
      ],
      [
        'a second file under another name',
        (r: ReturnType<typeof upload>) => r.attach('other', Buffer.from(csvOf([goodRow(401)]), 'utf8'), 'more.csv'),
      ],
      ['a field after the file', (r: ReturnType<typeof upload>) => r.field('note', 'x')],
    ])('with %s: refused as a whole, the first file not imported either', async (_name, extend) => {
      const res = await extend(upload(t, staff, csvOf([goodRow(400)])));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('invalid_mentor_file');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'unexpected_part' })]);
      expect(await count(`SELECT count(*) AS n FROM users WHERE email IN ($1, $2)`, [email(400), email(401)])).toBe(0);
    });

    it('with the file under another name', async () => {
      const res = await t.http
        .post('/api/v1/mentors/import')
        .set('authorization', staff.bearer)
        .attach('csv', Buffer.from(csvOf([goodRow(402)]), 'utf8'), {
          filename: 'mentors.csv',
          contentType: 'text/csv',
        });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'unexpected_part' })]);
      expect(await count(`SELECT count(*) AS n FROM users WHERE email = $1`, [email(402)])).toBe(0);
    });

    it('over 2,000 rows', async () => {
      const rows = Array.from({ length: 2001 }, (_, i) => goodRow(1000 + i));
      const res = await upload(t, staff, csvOf(rows));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: 'file',
          message: expect.stringMatching(/2001 rows; at most 2000/),
          code: 'validation.csv_too_many_rows',
          params: { rows: 2001, max: 2000 },
        }),
      ]);
    });

    it('in Vietnamese for a Vietnamese reader: each column error in words, the column named', async () => {
      const res = await upload(t, staff, 'email,name\r\na@b.vn,A\r\n').set('accept-language', 'vi');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          {
            field: 'header',
            message: 'Thiếu cột full_name.',
            code: 'validation.csv_missing_column',
            params: { column: 'full_name' },
          },
          {
            field: 'header',
            message: 'Cột “name” không phải là cột của danh sách cố vấn.',
            code: 'validation.csv_unknown_column',
            params: { column: 'name' },
          },
        ]),
      );
    });

    it('over 1 MB answers 413', async () => {
      const res = await upload(t, staff, `${HEADER}\r\n${'x'.repeat(1024 * 1024)}\r\n`);
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('mentor_file_too_large');
    });
  });

  it('is for staff: a mentor can neither import nor export', async () => {
    const mentor = await signIn(t, ['mentor'], 'mentor');
    expect((await upload(t, mentor, csvOf([goodRow(300)]))).status).toBe(403);
    expect((await t.http.get('/api/v1/mentors/export.csv').set('authorization', mentor.bearer)).status).toBe(403);
    expect(await count(`SELECT count(*) AS n FROM users WHERE email = $1`, [email(300)])).toBe(0);
  });
});
