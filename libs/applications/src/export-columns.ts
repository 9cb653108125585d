import { type LabelLanguage, hubLabel, labelOf } from '@vgbf/config';
import { formatInProgramZone } from '@vgbf/core';
import type { Eligibility } from './data-access/application-filters';
import type { ApplicationStatus, Region } from './entities/application.entity';

/** One application as the export query (data-access/application-lists.ts) returns it (snake_case, straight from SQL). */
export interface ExportRow {
  id: string;
  status: ApplicationStatus;
  full_name: string | null;
  email: string;
  phone: string | null;
  province: string | null;
  region: Region | null;
  gender: string | null;
  date_of_birth: string | null;
  enterprise_name: string | null;
  tax_code: string | null;
  sector: string | null;
  /** jsonb number, parsed by the driver. */
  founding_year: number | null;
  employees_band: string | null;
  revenue_band: string | null;
  hub_preferences: string[];
  submitted_at: Date | null;
  eligibility: Eligibility;
}

export type ExportCell = string | number | null;

/**
 * How a file speaks: in Vietnamese or English (headers and values from config/vocabulary.json),
 * or `codes` for machines (the row's own keys as headers, stored codes as values).
 */
export type ExportLanguage = LabelLanguage | 'codes';

export interface ExportColumn {
  /** The machine header (codes files). */
  key: string;
  header: Record<LabelLanguage, string>;
  /** Column width in the spreadsheet, in characters. */
  width: number;
  value(row: ExportRow, language: ExportLanguage): ExportCell;
}

const text =
  (key: keyof ExportRow) =>
  (row: ExportRow): ExportCell =>
    (row[key] as string | null) ?? null;
/** A code shown by its label in `enumeration` (the code itself in a codes file). */
const labelled =
  (key: keyof ExportRow, enumeration: string) =>
  (row: ExportRow, language: ExportLanguage): ExportCell => {
    const code = row[key] as string | null;
    return code === null || language === 'codes' ? code : labelOf(enumeration, code, language);
  };
const hub = (rank: number) => (row: ExportRow, language: ExportLanguage) => {
  const code = row.hub_preferences[rank - 1] ?? null;
  return code === null || language === 'codes' ? code : hubLabel(code, language);
};
const hubColumn = (rank: number): ExportColumn => ({
  key: `hub_${rank}`,
  header: { vi: `Nguyện vọng ${rank}`, en: `Hub ${rank}` },
  width: 12,
  value: hub(rank),
});

/** The columns of both formats, in order. Submitted at is Vietnam time, as staff read deadlines. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'id', header: { vi: 'Mã hồ sơ', en: 'ID' }, width: 38, value: text('id') },
  {
    key: 'status',
    header: { vi: 'Trạng thái', en: 'Status' },
    width: 18,
    value: labelled('status', 'applicationStatus'),
  },
  { key: 'full_name', header: { vi: 'Họ và tên', en: 'Full name' }, width: 28, value: text('full_name') },
  { key: 'email', header: { vi: 'Email', en: 'Email' }, width: 32, value: text('email') },
  { key: 'phone', header: { vi: 'Số điện thoại', en: 'Phone' }, width: 14, value: text('phone') },
  { key: 'province', header: { vi: 'Tỉnh/thành phố', en: 'Province' }, width: 22, value: text('province') },
  { key: 'region', header: { vi: 'Miền', en: 'Region' }, width: 11, value: labelled('region', 'region') },
  { key: 'gender', header: { vi: 'Giới tính', en: 'Gender' }, width: 10, value: labelled('gender', 'gender') },
  { key: 'date_of_birth', header: { vi: 'Ngày sinh', en: 'Date of birth' }, width: 12, value: text('date_of_birth') },
  { key: 'enterprise', header: { vi: 'Doanh nghiệp', en: 'Enterprise' }, width: 36, value: text('enterprise_name') },
  { key: 'tax_code', header: { vi: 'Mã số thuế', en: 'Tax code' }, width: 16, value: text('tax_code') },
  { key: 'sector', header: { vi: 'Lĩnh vực', en: 'Sector' }, width: 22, value: labelled('sector', 'sector') },
  {
    key: 'founding_year',
    header: { vi: 'Năm thành lập', en: 'Founding year' },
    width: 9,
    value: (r) => (typeof r.founding_year === 'number' ? r.founding_year : null),
  },
  {
    key: 'employees_band',
    header: { vi: 'Số lao động', en: 'Employees' },
    width: 16,
    value: labelled('employees_band', 'employeesBand'),
  },
  {
    key: 'revenue_band',
    header: { vi: 'Doanh thu năm', en: 'Annual revenue' },
    width: 20,
    value: labelled('revenue_band', 'revenueBand'),
  },
  hubColumn(1),
  hubColumn(2),
  hubColumn(3),
  hubColumn(4),
  {
    key: 'submitted_at',
    header: { vi: 'Thời điểm nộp (giờ Việt Nam)', en: 'Submitted at (Vietnam time)' },
    width: 24,
    value: (r) => (r.submitted_at ? formatInProgramZone(r.submitted_at) : null),
  },
  {
    key: 'eligibility',
    header: { vi: 'Điều kiện', en: 'Eligibility' },
    width: 16,
    value: labelled('eligibility', 'eligibility'),
  },
];

/** A column's header in the file's language. */
export const headerOf = (column: ExportColumn, language: ExportLanguage): string =>
  language === 'codes' ? column.key : column.header[language];
