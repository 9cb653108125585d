import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** Collects a response body as bytes, whatever its content type (supertest would decode text). */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** RFC 4180 records → arrays of fields (written here, not shared with the exporter, to check it). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field || record.length) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-40))}`);
  return records;
}

/** The machine header of a codes=true file (the language files are in export-language.e2e-spec.ts). */
const HEADER = [
  'id',
  'status',
  'full_name',
  'email',
  'phone',
  'province',
  'region',
  'gender',
  'date_of_birth',
  'enterprise',
  'tax_code',
  'sector',
  'founding_year',
  'employees_band',
  'revenue_band',
  'hub_1',
  'hub_2',
  'hub_3',
  'hub_4',
  'submitted_at',
  'eligibility',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMULA_NAME = '=HYPERLINK("http://evil.example","Bấm vào")';

describe('Staff: export of the filtered applications as CSV and XLSX (codes for machines)', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  const ids: Record<'an' | 'formula' | 'ngoc' | 'anh', string> = { an: '', formula: '', ngoc: '', anh: '' };
  const emails: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Xuất khẩu 2027')).id;
    const start = async (key: keyof typeof ids, sections: Record<string, object>): Promise<void> => {
      const who = await signIn(t, ['applicant'], key);
      emails[key] = who.email;
      const { body } = await t.http
        .post(`/api/v1/cohorts/${cohortId}/applications`)
        .set('authorization', who.bearer)
        .expect(201);
      ids[key] = body.id as string;
      for (const [section, data] of Object.entries(sections))
        await t.http
          .patch(`/api/v1/applications/${ids[key]}/${section}`)
          .set('authorization', who.bearer)
          .send(data)
          .expect(200);
    };
    await start('an', {
      personal: {
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1990-04-12',
        gender: 'male',
        province: 'Hà Nội',
        phone: '+84912345678',
        citizenship: 'VN',
      },
      enterprise: {
        name: 'Công ty TNHH Đông Á, chi nhánh "Hà Nội"',
        taxCode: '0101234567-001',
        foundingYear: 2015,
        sector: 'technology',
        employeesBand: '10-49',
        revenueBand: '3-50bn',
      },
      hubs: { ranking: ['JP', 'SG', 'KR', 'EU'] },
    });
    await start('formula', {
      personal: { fullName: FORMULA_NAME, province: 'Cần Thơ' },
      enterprise: { name: '@SUM(1+1)', sector: 'logistics' },
      hubs: { ranking: ['SG'] },
    });
    await start('ngoc', {
      personal: { fullName: 'Trần Thị Bích Ngọc', province: 'Đắk Lắk' },
      enterprise: { name: 'Hợp tác xã Cà Phê Đắk Lắk', sector: 'agriculture_food' },
      hubs: { ranking: ['KR'] },
    });
    await start('anh', {
      personal: { fullName: 'Lê Nguyên Anh', province: 'Thành phố Hồ Chí Minh' },
      enterprise: { name: 'Saigon Logistics JSC', sector: 'logistics' },
      hubs: { ranking: ['SG', 'EU'] },
    });
    // Decisions and stored text the form would not produce (a line break) come in through SQL.
    const set = (id: string, sql: string, ...params: unknown[]) =>
      t.db.query(`UPDATE applications SET ${sql} WHERE id = $1`, [id, ...params]);
    await set(ids.an, `status = 'submitted', submitted_at = '2027-03-31T16:59:00Z'`);
    await set(
      ids.formula,
      `status = 'ineligible', submitted_at = '2027-03-20T02:00:00Z', enterprise = enterprise || jsonb_build_object('name', $2::text)`,
      '@SUM(1+1)\nDòng hai',
    );
    await set(ids.anh, `status = 'withdrawn', submitted_at = '2027-03-10T02:00:00Z'`);
  });
  afterAll(() => t.close());

  // The files for machines (codes=true): stored codes, which these checks compare.
  const exportAs = (format: string, query = '') =>
    t.http
      .get(`/api/v1/applications/export?cohortId=${cohortId}&format=${format}&codes=true${query && `&${query}`}`)
      .set('authorization', staff.bearer)
      .buffer(true)
      .parse(binary);
  const csvRows = async (query = ''): Promise<string[][]> => {
    const res = await exportAs('csv', query).expect(200);
    return parseCsv((res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '')).slice(1);
  };
  const listIds = async (query = ''): Promise<string[]> => {
    const res = await t.http
      .get(`/api/v1/applications?cohortId=${cohortId}&pageSize=100${query && `&${query}`}`)
      .set('authorization', staff.bearer)
      .expect(200);
    return res.body.items.map((i: { id: string }) => i.id);
  };

  it('sends a UTF-8 CSV with a BOM as an attachment named after the cohort and the day, not cached', async () => {
    const vietnamDay = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const before = vietnamDay();
    const res = await exportAs('csv').expect(200);
    const days = new Set([before, vietnamDay()]);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...days].map((day) => `attachment; filename="applications-vgbf-xuat-khau-2027-${day}.csv"`)).toContain(
      res.headers['content-disposition'],
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(body.toString('utf8').slice(1));
    expect(header).toEqual(HEADER);
    // The list's order: newest submission first, drafts last.
    expect(rows.map((r) => r[0])).toEqual([ids.an, ids.formula, ids.anh, ids.ngoc]);
  });

  it('writes every column of a complete application, Vietnamese intact, submitted at in Vietnam time', async () => {
    const [an] = await csvRows('status=submitted');
    expect(an).toEqual([
      ids.an,
      'submitted',
      'Nguyễn Văn An',
      emails.an,
      "'+84912345678",
      'Hà Nội',
      'North',
      'male',
      '1990-04-12',
      'Công ty TNHH Đông Á, chi nhánh "Hà Nội"',
      '0101234567-001',
      'technology',
      '2015',
      '10-49',
      '3-50bn',
      'JP',
      'SG',
      'KR',
      'EU',
      '2027-03-31 23:59 (GMT+7)',
      'eligible',
    ]);
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', async () => {
    const text = (await exportAs('csv').expect(200)).body.toString('utf8') as string;
    expect(text).toContain(`,"Công ty TNHH Đông Á, chi nhánh ""Hà Nội""",`);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""Bấm vào"")",`);
    expect(text).toContain(`,"'@SUM(1+1)\nDòng hai",`);
    const formula = (await csvRows('eligibility=ineligible'))[0];
    expect(formula?.[2]).toBe(`'${FORMULA_NAME}`);
    expect(formula?.[9]).toBe("'@SUM(1+1)\nDòng hai");
    expect(formula?.[20]).toBe('ineligible');
  });

  it('selects exactly what the list selects for the same filters', async () => {
    const queries = [
      '',
      'status=submitted',
      'hub=SG',
      'hub=KR',
      'sector=logistics',
      'region=South',
      'eligibility=eligible',
      'eligibility=ineligible',
      'eligibility=unchecked',
      'q=nguyen',
      'q=dak%20lak',
      'hub=SG&eligibility=eligible',
      'status=offered',
    ];
    for (const query of queries) {
      const listed = await listIds(query);
      expect({ query, ids: (await csvRows(query)).map((r) => r[0]) }).toEqual({ query, ids: listed });
    }
    expect(await listIds('q=nguyen')).toEqual([ids.an, ids.anh]);
    expect(await listIds('status=offered')).toEqual([]);
    expect(await csvRows('status=offered')).toEqual([]);
  });

  it("writes each application's eligibility, as the list's eligibility filter has it", async () => {
    expect((await listIds('eligibility=eligible')).sort()).toEqual([ids.an, ids.anh].sort());
    expect(await listIds('eligibility=ineligible')).toEqual([ids.formula]);
    expect(await listIds('eligibility=unchecked')).toEqual([ids.ngoc]);
    const rows = await csvRows();
    expect(Object.fromEntries(rows.map((r) => [r[0], r[20]]))).toEqual({
      [ids.an]: 'eligible',
      [ids.formula]: 'ineligible',
      [ids.anh]: 'eligible',
      [ids.ngoc]: 'unchecked',
    });
  });

  it('sends an XLSX that a spreadsheet reader opens, text as text (no formulas), numbers as numbers', async () => {
    const res = await exportAs('xlsx', 'hub=SG').expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="applications-vgbf-xuat-khau-2027-\d{8}\.xlsx"$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([res.body as Buffer]));
    const sheet = workbook.getWorksheet('Applications');
    if (!sheet) throw new Error('no Applications sheet');
    const values = (n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(HEADER);
    expect(sheet.rowCount).toBe(4);
    expect(values(2)).toEqual([
      ids.an,
      'submitted',
      'Nguyễn Văn An',
      emails.an,
      '+84912345678',
      'Hà Nội',
      'North',
      'male',
      '1990-04-12',
      'Công ty TNHH Đông Á, chi nhánh "Hà Nội"',
      '0101234567-001',
      'technology',
      2015,
      '10-49',
      '3-50bn',
      'JP',
      'SG',
      'KR',
      'EU',
      '2027-03-31 23:59 (GMT+7)',
      'eligible',
    ]);
    const formulaRow = sheet.getRow(3);
    expect(formulaRow.getCell(1).value).toBe(ids.formula);
    expect(formulaRow.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(formulaRow.getCell(3).value).toBe(FORMULA_NAME);
    expect(formulaRow.getCell(10).value).toBe('@SUM(1+1)\nDòng hai');
    expect(values(4)[0]).toBe(ids.anh);
    // Empty cells stay empty: Lê Nguyên Anh gave no phone.
    expect(sheet.getRow(4).getCell(5).value).toBeNull();
  });

  it('refuses a bad format, a bad cohort id or paging with a 400 problem, before any file', async () => {
    const bad = async (query: string): Promise<string[]> => {
      const res = await t.http
        .get(`/api/v1/applications/export?${query}`)
        .set('authorization', staff.bearer)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers['content-disposition']).toBeUndefined();
      return res.body.errors.map((e: { field: string }) => e.field).sort();
    };
    expect(await bad(`cohortId=${cohortId}&format=pdf`)).toEqual(['format']);
    expect(await bad(`cohortId=${cohortId}`)).toEqual(['format']);
    expect(await bad('cohortId=nope&format=csv&eligibility=maybe')).toEqual(['cohortId', 'eligibility']);
    expect(await bad(`cohortId=${cohortId}&format=csv&page=2`)).toEqual(['page']);
  });

  it('answers 404 for a cohort that does not exist', async () => {
    const res = await t.http
      .get('/api/v1/applications/export?cohortId=00000000-0000-4000-8000-000000000000&format=csv')
      .set('authorization', staff.bearer)
      .expect(404);
    expect(res.body.code).toBe('cohort_not_found');
  });

  it('is for staff only', async () => {
    for (const role of ['applicant', 'reviewer', 'mentor', 'fellow'] as const) {
      const who = await signIn(t, [role], `export-${role}`);
      const res = await t.http
        .get(`/api/v1/applications/export?cohortId=${cohortId}&format=csv`)
        .set('authorization', who.bearer)
        .expect(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    await t.http.get(`/api/v1/applications/export?cohortId=${cohortId}&format=csv`).expect(401);
  });
});
