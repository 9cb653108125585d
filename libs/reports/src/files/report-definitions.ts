import { type LabelLanguage, hubLabel, labelOf } from '@vgbf/config';
import type { RawBuilder } from 'kysely';
import { type ProgressInput, type ProgressRow, progressStatement } from '../data-access/progress';
import {
  mentoringActivityStatement,
  milestoneStatusStatement,
  selectionOutcomeStatement,
} from '../data-access/report-rows';
import type { ReportKind } from '../entities/report-job.entity';
import type { ReportColumn } from './report-writers';

/** What a report reads (one statement of data-access/, read through a cursor) and the columns it writes. */
export interface ReportDefinition<Row = Record<string, unknown>> {
  sheet: Record<LabelLanguage, string>;
  /** The statement for one cohort; `progress` is the progress statement's input for it (its now, time zone, rules). */
  statement(cohortId: string, progress: ProgressInput): RawBuilder<Row>;
  columns: Array<ReportColumn<Row>>;
}

const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** A stored code by its label in the reader's language (config/vocabulary.json). */
const label = (enumeration: string, v: unknown, language: LabelLanguage): string | null =>
  typeof v === 'string' ? labelOf(enumeration, v, language) : null;
const YES_NO: Record<LabelLanguage, [string, string]> = { vi: ['Có', 'Không'], en: ['Yes', 'No'] };
const yesNo = (v: unknown, language: LabelLanguage): string => YES_NO[language][v ? 0 : 1];

export const progressColumns: Array<ReportColumn<ProgressRow>> = [
  { header: { vi: 'Học viên', en: 'Fellow' }, width: 28, value: (r) => r.full_name },
  { header: { vi: 'Hub', en: 'Hub' }, value: (r, l) => (r.hub_code ? hubLabel(r.hub_code, l) : r.hub) },
  { header: { vi: 'Cột mốc', en: 'Milestones' }, value: (r) => r.milestones },
  { header: { vi: 'Đến hạn tính đến nay', en: 'Due to date' }, value: (r) => r.due },
  { header: { vi: 'Đã duyệt trong số đến hạn', en: 'Approved of due' }, value: (r) => r.approved_due },
  { header: { vi: '% đã duyệt', en: '% approved' }, value: (r) => r.percent_approved },
  { header: { vi: 'Quá hạn', en: 'Overdue' }, value: (r) => r.overdue },
  { header: { vi: 'Buổi gặp đã xác nhận', en: 'Confirmed sessions' }, value: (r) => r.confirmed_sessions },
  {
    header: { vi: 'Số ngày từ buổi gặp xác nhận gần nhất', en: 'Days since last confirmed session' },
    value: (r) => r.days_since_session,
  },
  { header: { vi: 'Điểm đánh giá trung bình', en: 'Average rating' }, value: (r) => r.average_rating },
  {
    header: { vi: 'Dấu hiệu có nguy cơ', en: 'At-risk flags' },
    width: 40,
    value: (r, l) => r.flags.map((f) => labelOf('atRiskRule', f.rule, l)).join(', '),
  },
];

type Row = Record<string, unknown>;

/**
 * The reports, each in the requester's language: headers, sheet names and every code (modes,
 * topics, statuses, regions, sectors, hubs) by its label. Times are Vietnam time (GMT+7).
 */
export const REPORT_DEFINITIONS: Record<ReportKind, ReportDefinition> = {
  cohort_progress: {
    sheet: { vi: 'Tiến độ', en: 'Progress' },
    statement: (_cohortId, progress) => progressStatement(progress) as RawBuilder<unknown> as RawBuilder<Row>,
    columns: progressColumns as unknown as Array<ReportColumn<Row>>,
  },
  mentoring_activity: {
    sheet: { vi: 'Buổi gặp', en: 'Sessions' },
    statement: (cohortId, { timeZone }) => mentoringActivityStatement(cohortId, timeZone),
    columns: [
      { header: { vi: 'Học viên', en: 'Fellow' }, width: 28, value: (r) => text(r.fellow) },
      { header: { vi: 'Cố vấn', en: 'Mentor' }, width: 28, value: (r) => text(r.mentor) },
      { header: { vi: 'Thời điểm (GMT+7)', en: 'Held at (GMT+7)' }, width: 18, value: (r) => text(r.held_at) },
      { header: { vi: 'Số phút', en: 'Minutes' }, value: (r) => num(r.duration_minutes) },
      { header: { vi: 'Hình thức', en: 'Mode' }, value: (r, l) => label('sessionMode', r.mode, l) },
      {
        header: { vi: 'Chủ đề', en: 'Topics' },
        width: 30,
        value: (r, l) =>
          [
            ...((r.topics as string[] | null) ?? []).filter((t) => t !== 'other').map((t) => labelOf('sessionTopic', t, l)),
            ...(typeof r.other_topic === 'string' && r.other_topic ? [r.other_topic] : []),
          ].join(', '),
      },
      { header: { vi: 'Đã xác nhận', en: 'Confirmed' }, value: (r, l) => yesNo(r.confirmed, l) },
      { header: { vi: 'Đánh giá', en: 'Rating' }, value: (r) => num(r.rating) },
    ],
  },
  milestone_status: {
    sheet: { vi: 'Cột mốc', en: 'Milestones' },
    statement: (cohortId, { now, timeZone }) => milestoneStatusStatement(cohortId, now, timeZone),
    columns: [
      { header: { vi: 'Học viên', en: 'Fellow' }, width: 28, value: (r) => text(r.fellow) },
      { header: { vi: 'Mã', en: 'Code' }, value: (r) => text(r.code) },
      {
        header: { vi: 'Tên cột mốc', en: 'Title' },
        width: 30,
        value: (r, l) => text((r.title as Record<LabelLanguage, string> | null)?.[l] ?? null),
      },
      { header: { vi: 'Hạn', en: 'Due on' }, value: (r) => text(r.due_on) },
      { header: { vi: 'Trạng thái xử lý', en: 'State' }, value: (r, l) => label('milestoneState', r.state, l) },
      { header: { vi: 'Tình trạng hôm nay', en: 'Status today' }, value: (r, l) => label('milestoneStatus', r.status, l) },
      { header: { vi: 'Ngày duyệt', en: 'Approved on' }, value: (r) => text(r.approved_on) },
    ],
  },
  selection_outcome: {
    sheet: { vi: 'Tuyển chọn', en: 'Selection' },
    statement: (cohortId, { timeZone }) => selectionOutcomeStatement(cohortId, timeZone),
    columns: [
      { header: { vi: 'Ứng viên', en: 'Applicant' }, width: 28, value: (r) => text(r.full_name) },
      { header: { vi: 'Miền', en: 'Region' }, value: (r, l) => label('region', r.region, l) },
      { header: { vi: 'Lĩnh vực', en: 'Sector' }, value: (r, l) => label('sector', r.sector, l) },
      { header: { vi: 'Trạng thái', en: 'Status' }, value: (r, l) => label('applicationStatus', r.status, l) },
      { header: { vi: 'Ngày nộp', en: 'Submitted on' }, value: (r) => text(r.submitted_on) },
      { header: { vi: 'Học viên', en: 'Fellow' }, value: (r, l) => yesNo(r.fellow, l) },
    ],
  },
};

/** "VGBF 2027" → "vgbf-2027": a file name part without diacritics or spaces. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'cohort';
}
