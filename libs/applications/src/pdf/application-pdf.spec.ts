import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import type { ApplicationView } from '../dto/application.view';
import { renderApplicationPdf, wrap } from './application-pdf';

const view = (over: Partial<ApplicationView> = {}): ApplicationView => ({
  id: '6f0a3c1e-0000-4000-8000-000000000001',
  cohortId: '6f0a3c1e-0000-4000-8000-000000000002',
  cohortName: 'Khóa Đà Nẵng 2027',
  status: 'submitted',
  personal: { fullName: 'Nguyễn Thị Ánh Tuyết', province: 'Thừa Thiên Huế', gender: 'female' },
  region: 'Central',
  enterprise: { name: 'Công ty Cổ phần Nước mắm Phú Quốc', sector: 'agriculture_food', exportMarkets: ['JP', 'KR'] },
  languages: { english: { test: 'IELTS', score: 7 } },
  hubPreferences: ['TYO'],
  essays: { motivation: 'Tôi muốn đưa nước mắm truyền thống ra thế giới.\n\nĐoạn thứ hai.' },
  referees: [{ name: 'Trần Văn Đức', email: 'duc@example.vn', relation: 'Nhà đầu tư' }],
  documents: [{ id: 'd1', kind: 'cv', filename: 'CV-Tuyết.pdf', size: 1000, uploadedAt: '2027-03-01T00:00:00Z' }],
  missing: [],
  flags: [],
  complete: true,
  submittedAt: '2027-03-31T16:30:00.000Z',
  submissionReopenedUntil: null,
  updatedAt: '2027-03-31T16:30:00.000Z',
  ...over,
});

describe(renderApplicationPdf.name, () => {
  it('renders with an embedded font (the text itself is read back in test/applications/applicant-views), titled with the cohort and the applicant', async () => {
    const bytes = await renderApplicationPdf({
      view: view(),
      language: 'vi',
      hubNames: new Map([['TYO', 'Tokyo (Tokyo)']]),
      generatedAt: new Date('2027-04-01T00:00:00Z'),
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeLessThanOrEqual(2);
    expect(doc.getTitle()).toBe('Hồ sơ ứng tuyển · Khóa Đà Nẵng 2027 · Nguyễn Thị Ánh Tuyết');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toContain('vi-VN');
  });

  it('flows a long essay over several pages, in English labels for an English speaker', async () => {
    const long = Array.from({ length: 900 }, (_, i) => `từ${i}`).join(' ');
    const bytes = await renderApplicationPdf({
      view: view({ essays: { motivation: long, marketEntryPlan: long, ambassador: long } }),
      language: 'en',
      hubNames: new Map(),
      generatedAt: new Date(),
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    expect(doc.getTitle()).toBe('Application · Khóa Đà Nẵng 2027 · Nguyễn Thị Ánh Tuyết');
  });
});

describe(wrap.name, () => {
  it('wraps words to the width and cuts a word longer than a line', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrap(`short words here ${'x'.repeat(200)}`, font, 10, 100);
    expect(lines.every((line) => font.widthOfTextAtSize(line, 10) <= 100)).toBe(true);
    expect(lines.join('')).toContain('x'.repeat(10));
    expect(lines.join('').replace(/ /g, '')).toBe(`shortwordshere${'x'.repeat(200)}`);
  });
});
