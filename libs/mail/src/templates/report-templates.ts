import type { Template } from './template';

/** The reports' emails (the weekly cohort report), each in Vietnamese and English. */
export const REPORT_TEMPLATES = {
  'weekly-report': {
    vi: {
      subject: 'Báo cáo tuần {week}: {cohort}',
      paragraphs: [
        'Chào {fullName},',
        '{cohort} tuần {week}: {fellows} học viên, {percentApproved} cột mốc đến hạn đã được duyệt, {overdue} cột mốc quá hạn.',
        'Buổi cố vấn trong 7 ngày qua: {sessionsLastWeek} ({confirmedLastWeek} đã xác nhận). Cột mốc đến hạn trong 14 ngày tới: {upcoming}.',
        'Học viên cần chú ý: {atRisk}. Chi tiết trong bảng dưới đây và trong tệp Excel đính kèm (mỗi chủ đề một trang).',
      ],
      table: { dataKey: 'atRiskTable' },
    },
    en: {
      subject: 'Weekly report {week}: {cohort}',
      paragraphs: [
        'Hello {fullName},',
        '{cohort}, week {week}: {fellows} fellows, {percentApproved} of milestones due approved, {overdue} milestones overdue.',
        'Mentoring sessions in the last 7 days: {sessionsLastWeek} ({confirmedLastWeek} confirmed). Milestones due in the next 14 days: {upcoming}.',
        'Fellows at risk: {atRisk}. The table below lists them with the reasons; the attached Excel file has one sheet per topic.',
      ],
      table: { dataKey: 'atRiskTable' },
    },
    sample: {
      fullName: 'Lê Thu Hà',
      cohort: 'VGBF 2027',
      week: '2027-W41',
      fellows: '100',
      percentApproved: '87%',
      overdue: '6',
      sessionsLastWeek: '41',
      confirmedLastWeek: '35',
      upcoming: '12',
      atRisk: '3',
      atRiskTable: JSON.stringify([
        ['Fellow', 'Rule', 'Reasons'],
        ['Nguyễn Văn An', 'Milestone overdue', 'M3 due 2027-09-01 (20 days)'],
      ]),
    },
  },
} satisfies Record<string, Template>;
