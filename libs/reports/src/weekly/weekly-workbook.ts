import { type LabelLanguage, hubLabel, labelOf } from '@vgbf/config';
import ExcelJS from 'exceljs';
import { progressColumns } from '../files/report-definitions';
import type { ProgressRow } from '../data-access/progress';
import { RULE_LABELS, reasonsText } from './flag-text';
import type { WeeklyRow } from '../data-access/weekly';

type SheetRow = Array<string | number | null>;

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: SheetRow[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(12, h.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
}

/** The sheets' names and headers, in the glossary's words. */
const WORDS = {
  vi: {
    sheets: ['Tiến độ', 'Có nguy cơ', 'Buổi gặp', 'Cột mốc sắp đến hạn'],
    atRisk: ['Học viên', 'Hub', 'Dấu hiệu', 'Lý do', 'Ghi nhận'],
    sessions: ['Học viên', 'Cố vấn', '7 ngày qua', 'Tổng', 'Đã xác nhận', 'Buổi gặp gần nhất'],
    upcoming: ['Học viên', 'Mã', 'Tên cột mốc', 'Hạn', 'Tình trạng'],
  },
  en: {
    sheets: ['Progress', 'At risk', 'Sessions', 'Upcoming milestones'],
    atRisk: ['Fellow', 'Hub', 'Rule', 'Reasons', 'Acknowledged'],
    sessions: ['Fellow', 'Mentor', 'Last 7 days', 'Total', 'Confirmed', 'Last held on'],
    upcoming: ['Fellow', 'Code', 'Title', 'Due on', 'Status'],
  },
} as const satisfies Record<LabelLanguage, Record<string, readonly string[]>>;

/**
 * The weekly report's attachment in one language: one sheet per topic (progress, at risk, sessions,
 * upcoming milestones), every code (rules, hubs, statuses) by its label.
 */
export async function weeklyWorkbook(
  progress: ProgressRow[],
  weekly: WeeklyRow,
  language: LabelLanguage,
): Promise<Buffer> {
  const words = WORDS[language];
  const hub = (r: ProgressRow) => (r.hub_code ? hubLabel(r.hub_code, language) : r.hub);
  const workbook = new ExcelJS.Workbook();
  addSheet(
    workbook,
    words.sheets[0],
    progressColumns.map((c) => c.header[language]),
    progress.map((r) => progressColumns.map((c) => c.value(r, language) as string | number | null)),
  );
  addSheet(
    workbook,
    words.sheets[1],
    [...words.atRisk],
    progress.flatMap((r) =>
      r.flags.map((f) => [
        r.full_name,
        hub(r),
        RULE_LABELS[f.rule][language],
        reasonsText(f.rule, f.reasons, language),
        r.acknowledgements[f.rule]?.note ?? null,
      ]),
    ),
  );
  addSheet(
    workbook,
    words.sheets[2],
    [...words.sessions],
    weekly.sessions.map((s) => [s.fellow, s.mentor, s.lastWeek, s.total, s.confirmed, s.lastHeldOn]),
  );
  addSheet(
    workbook,
    words.sheets[3],
    [...words.upcoming],
    weekly.upcoming.map((m) => [m.fellow, m.code, m.title[language], m.dueOn, labelOf('milestoneStatus', m.status, language)]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
