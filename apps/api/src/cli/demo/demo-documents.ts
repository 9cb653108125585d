import type { Rng } from './random';

/** A PDF a demo applicant uploaded: its kind, its name, the text of its one page, when. */
export interface DemoDocument {
  kind: 'cv' | 'business_registration';
  filename: string;
  lines: string[];
  uploadedAt: Date;
}

interface Author {
  fullName: string;
  email: string;
  language: 'vi' | 'en';
  personal: Record<string, unknown>;
  enterprise: Record<string, unknown>;
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The documents of `kinds`, uploaded one after the other between `from` and `to`. */
export function documentsFor(
  rng: Rng,
  who: Author,
  kinds: Array<DemoDocument['kind']>,
  from: Date,
  to: Date,
): DemoDocument[] {
  const { personal: p, enterprise: e } = who;
  const span = to.getTime() - from.getTime();
  const times = kinds.map(() => from.getTime() + span * rng.float()).sort((a, b) => a - b);
  return kinds.map((kind, i) => ({
    kind,
    uploadedAt: new Date(Math.floor(times[i] / 1000) * 1000),
    ...(kind === 'cv'
      ? {
          filename: `CV ${who.fullName}.pdf`,
          lines: [
            'Curriculum vitae',
            who.fullName,
            `Born ${text(p.dateOfBirth)}, ${text(p.province)}`,
            `${text(p.phone)}  ${who.email}`,
            `Founder and director, ${text(e.name)} (since ${text(e.foundingYear)})`,
            'VGBF demo data: a made-up person.',
          ],
        }
      : {
          filename:
            who.language === 'vi'
              ? `Giấy chứng nhận ĐKDN ${text(e.taxCode)}.pdf`
              : `Business registration ${text(e.taxCode)}.pdf`,
          lines: [
            'Giay chung nhan dang ky doanh nghiep (Certificate of enterprise registration)',
            text(e.name),
            `Ma so doanh nghiep (enterprise code): ${text(e.taxCode)}`,
            `Dang ky lan dau (first registered): ${text(e.foundingYear)}`,
            `Nguoi dai dien theo phap luat (legal representative): ${who.fullName}`,
            'VGBF demo data: not a real enterprise.',
          ],
        }),
  }));
}
