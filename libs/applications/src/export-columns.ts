import { formatInProgramZone } from '@vgbf/core';
import type { Eligibility } from './application-filters';
import type { ApplicationStatus, Region } from './entities/application.entity';

/** One application as the export query returns it (snake_case, straight from SQL). */
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

/** The SELECT list that yields ExportRow from `applications a JOIN users u`. */
export const EXPORT_SELECT = `a.id, a.status, a.personal->>'fullName' AS full_name, u.email,
  a.personal->>'phone' AS phone, a.personal->>'province' AS province, a.region,
  a.personal->>'gender' AS gender, a.personal->>'dateOfBirth' AS date_of_birth,
  a.enterprise->>'name' AS enterprise_name, a.enterprise->>'taxCode' AS tax_code,
  a.enterprise->>'sector' AS sector, a.enterprise->'foundingYear' AS founding_year,
  a.enterprise->>'employeesBand' AS employees_band, a.enterprise->>'revenueBand' AS revenue_band,
  a.hub_preferences, a.submitted_at`;

export type ExportCell = string | number | null;

export interface ExportColumn {
  header: string;
  /** Column width in the spreadsheet, in characters. */
  width: number;
  value(row: ExportRow): ExportCell;
}

const text =
  (key: keyof ExportRow) =>
  (row: ExportRow): ExportCell =>
    (row[key] as string | null) ?? null;
const hub = (rank: number) => (row: ExportRow) => row.hub_preferences[rank - 1] ?? null;

/** The columns of both formats, in order. Submitted at is Vietnam time, as staff read deadlines. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'ID', width: 38, value: text('id') },
  { header: 'Status', width: 13, value: text('status') },
  { header: 'Full name', width: 28, value: text('full_name') },
  { header: 'Email', width: 32, value: text('email') },
  { header: 'Phone', width: 14, value: text('phone') },
  { header: 'Province', width: 22, value: text('province') },
  { header: 'Region', width: 9, value: text('region') },
  { header: 'Gender', width: 10, value: text('gender') },
  { header: 'Date of birth', width: 12, value: text('date_of_birth') },
  { header: 'Enterprise', width: 36, value: text('enterprise_name') },
  { header: 'Tax code', width: 16, value: text('tax_code') },
  { header: 'Sector', width: 18, value: text('sector') },
  { header: 'Founding year', width: 9, value: (r) => (typeof r.founding_year === 'number' ? r.founding_year : null) },
  { header: 'Employees', width: 10, value: text('employees_band') },
  { header: 'Revenue (VND)', width: 12, value: text('revenue_band') },
  { header: 'Hub 1', width: 7, value: hub(1) },
  { header: 'Hub 2', width: 7, value: hub(2) },
  { header: 'Hub 3', width: 7, value: hub(3) },
  { header: 'Hub 4', width: 7, value: hub(4) },
  {
    header: 'Submitted at (Vietnam time)',
    width: 24,
    value: (r) => (r.submitted_at ? formatInProgramZone(r.submitted_at) : null),
  },
  { header: 'Eligibility', width: 11, value: text('eligibility') },
];
