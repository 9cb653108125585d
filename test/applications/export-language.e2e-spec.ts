import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

/** Collects a response body as bytes, whatever its content type. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The export's CSV as rows of fields (no field here holds a comma, quote or line break). */
const csv = (res: Response): string[][] =>
  (res.body as Buffer)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));

/** What a person must never read in a file meant for people: snake_case codes and band codes. */
const RAW_CODE = /^([a-z]+(_[a-z]+)+|[<>]?\d+(-\d+)?bn|\d+-\d+|\d+\+|North|Central|South|male|female|[A-Z]{2})$/;

const VI_HEADER = [
  'Mã hồ sơ',
  'Trạng thái',
  'Họ và tên',
  'Email',
  'Số điện thoại',
  'Tỉnh/thành phố',
  'Miền',
  'Giới tính',
  'Ngày sinh',
  'Doanh nghiệp',
  'Mã số thuế',
  'Lĩnh vực',
  'Năm thành lập',
  'Số lao động',
  'Doanh thu năm',
  'Nguyện vọng 1',
  'Nguyện vọng 2',
  'Nguyện vọng 3',
  'Nguyện vọng 4',
  'Thời điểm nộp (giờ Việt Nam)',
  'Điều kiện',
];

describe("Staff: the applications export in the requester's language", () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let id = '';
  let email = '';

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Ngôn ngữ 2027')).id;
    const who = await signIn(t, ['applicant'], 'lan');
    email = who.email;
    const { body } = await t.http
      .post(`/api/v1/cohorts/${cohortId}/applications`)
      .set('authorization', who.bearer)
      .expect(201);
    id = body.id as string;
    const sections = {
      personal: { fullName: 'Phạm Thị Lan', gender: 'female', province: 'Hải Phòng', dateOfBirth: '1988-01-02' },
      enterprise: { name: 'Công ty Cảng Xanh', sector: 'logistics', employeesBand: '50-199', revenueBand: '<3bn' },
      hubs: { ranking: ['KR', 'JP'] },
    };
    for (const [section, data] of Object.entries(sections))
      await t.http
        .patch(`/api/v1/applications/${id}/${section}`)
        .set('authorization', who.bearer)
        .send(data)
        .expect(200);
    await t.db.query(
      `UPDATE applications SET status = 'under_review', submitted_at = '2027-03-31T16:59:00Z' WHERE id = $1`,
      [id],
    );
  });
  afterAll(() => t.close());

  const exportAs = (format: 'csv' | 'xlsx', query = '', acceptLanguage?: string) => {
    const req = t.http
      .get(`/api/v1/applications/export?cohortId=${cohortId}&format=${format}${query && `&${query}`}`)
      .set('authorization', staff.bearer);
    if (acceptLanguage) void req.set('accept-language', acceptLanguage);
    return req.buffer(true).parse(binary);
  };

  it('speaks Vietnamese by default: headers and every value from the vocabulary, no raw code', async () => {
    const [header, row] = csv(await exportAs('csv').expect(200));
    expect(header).toEqual(VI_HEADER);
    expect(row).toEqual([
      id,
      'Đang xét duyệt',
      'Phạm Thị Lan',
      email,
      '',
      'Hải Phòng',
      'Miền Bắc',
      'Nữ',
      '1988-01-02',
      'Công ty Cảng Xanh',
      '',
      'Logistics',
      '',
      '50–199 lao động',
      'Dưới 3 tỷ đồng',
      'Hàn Quốc',
      'Nhật Bản',
      '',
      '',
      '2027-03-31 23:59 (GMT+7)',
      'Đủ điều kiện',
    ]);
    expect((row ?? []).filter((cell) => RAW_CODE.test(cell))).toEqual([]);
  });

  it('follows Accept-Language for API users, and an explicit lang above it', async () => {
    const [enHeader, enRow] = csv(await exportAs('csv', '', 'en-US,en;q=0.9').expect(200));
    expect(enHeader?.slice(0, 3)).toEqual(['ID', 'Status', 'Full name']);
    expect(enRow?.[1]).toBe('Under review');
    expect(enRow?.slice(6, 8)).toEqual(['North', 'Female']);
    expect(enRow?.slice(13, 17)).toEqual(['50–199 employees', 'Under 3 billion VND', 'South Korea', 'Japan']);
    expect(enRow?.[20]).toBe('Eligible');

    const [viHeader, viRow] = csv(await exportAs('csv', 'lang=vi', 'en-US').expect(200));
    expect(viHeader).toEqual(VI_HEADER);
    expect(viRow?.[1]).toBe('Đang xét duyệt');
    // A language the programme does not speak falls back to Vietnamese.
    expect(csv(await exportAs('csv', '', 'fr-FR').expect(200))[0]).toEqual(VI_HEADER);
  });

  it('writes the XLSX in the language asked for, sheet name included', async () => {
    const read = async (query: string): Promise<ExcelJS.Workbook> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.read(Readable.from([(await exportAs('xlsx', query).expect(200)).body as Buffer]));
      return workbook;
    };
    const en = (await read('lang=en')).getWorksheet('Applications');
    expect((en?.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['ID', 'Status', 'Full name']);
    expect((en?.getRow(2).values as unknown[]).slice(15, 17)).toEqual(['Under 3 billion VND', 'South Korea']);
    const vi = (await read('')).getWorksheet('Hồ sơ');
    expect((vi?.getRow(1).values as unknown[]).slice(1)).toEqual(VI_HEADER);
    expect((vi?.getRow(2).values as unknown[]).slice(2, 3)).toEqual(['Đang xét duyệt']);
  });

  it('gives machines the stored codes with codes=true', async () => {
    const [header, row] = csv(await exportAs('csv', 'codes=true&lang=vi').expect(200));
    expect(header?.slice(0, 2)).toEqual(['id', 'status']);
    expect(row?.[1]).toBe('under_review');
    expect(row?.slice(14, 17)).toEqual(['<3bn', 'KR', 'JP']);
  });

  it('refuses a language or a codes value it does not know with a 400 problem, before any file', async () => {
    const res = await exportAs('csv', 'lang=fr&codes=yes').expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    const body = JSON.parse((res.body as Buffer).toString('utf8')) as { errors: Array<{ field: string }> };
    expect(body.errors.map((e) => e.field).sort()).toEqual(['codes', 'lang']);
  });
});
