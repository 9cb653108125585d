import ExcelJS from 'exceljs';
import { progressColumns } from '../files/report-definitions';
import type { ProgressRow } from '../progress/progress.sql';
import { RULE_LABELS, reasonsText } from './flag-text';
import type { WeeklyRow } from './weekly-report.sql';

type SheetRow = Array<string | number | null>;

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: SheetRow[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(12, h.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
}

/** The weekly report's attachment: one sheet per topic (progress, at risk, sessions, upcoming milestones). */
export async function weeklyWorkbook(progress: ProgressRow[], weekly: WeeklyRow): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addSheet(
    workbook,
    'Progress',
    // One attachment for every recipient: in English for now (the email itself is in theirs).
    progressColumns.map((c) => c.header.en),
    progress.map((r) => progressColumns.map((c) => c.value(r, 'en') as string | number | null)),
  );
  addSheet(
    workbook,
    'At risk',
    ['Fellow', 'Hub', 'Rule', 'Reasons', 'Acknowledged'],
    progress.flatMap((r) =>
      r.flags.map((f) => [
        r.full_name,
        r.hub,
        RULE_LABELS[f.rule].en,
        reasonsText(f.rule, f.reasons, 'en'),
        r.acknowledgements[f.rule]?.note ?? null,
      ]),
    ),
  );
  addSheet(
    workbook,
    'Sessions',
    ['Fellow', 'Mentor', 'Last 7 days', 'Total', 'Confirmed', 'Last held on'],
    weekly.sessions.map((s) => [s.fellow, s.mentor, s.lastWeek, s.total, s.confirmed, s.lastHeldOn]),
  );
  addSheet(
    workbook,
    'Upcoming milestones',
    ['Fellow', 'Code', 'Title', 'Due on', 'Status'],
    weekly.upcoming.map((m) => [m.fellow, m.code, m.title, m.dueOn, m.status]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
