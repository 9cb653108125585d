import type { AtRiskRule } from '../progress/at-risk-rules';

type Lang = 'vi' | 'en';
type Reason = Record<string, unknown>;

export const RULE_LABELS: Record<AtRiskRule, Record<Lang, string>> = {
  milestone_overdue: { vi: 'Cột mốc quá hạn', en: 'Milestone overdue' },
  no_confirmed_session: { vi: 'Không có buổi cố vấn được xác nhận', en: 'No confirmed mentoring session' },
  low_ratings: { vi: 'Đánh giá buổi gặp thấp', en: 'Low session ratings' },
  negative_feedback: { vi: 'Phản hồi tiêu cực', en: 'Negative feedback' },
};

const answerText = (answer: unknown, lang: Lang): string =>
  answer === false ? (lang === 'vi' ? 'không' : 'no') : JSON.stringify(answer);

/** One flag's reasons as a short line, e.g. "M3 due 2027-09-01 (20 days overdue)". */
export function reasonsText(rule: AtRiskRule, reasons: Reason[], lang: Lang): string {
  switch (rule) {
    case 'milestone_overdue':
      return reasons
        .map((r) =>
          lang === 'vi'
            ? `${String(r.code)} hạn ${String(r.dueOn)} (quá ${String(r.daysOverdue)} ngày)`
            : `${String(r.code)} due ${String(r.dueOn)} (${String(r.daysOverdue)} days overdue)`,
        )
        .join('; ');
    case 'no_confirmed_session':
      return reasons
        .map((r) =>
          lang === 'vi'
            ? `${String(r.days)} ngày không có buổi được xác nhận`
            : `${String(r.days)} days without a confirmed session`,
        )
        .join('; ');
    case 'low_ratings':
      return `${lang === 'vi' ? 'đánh giá' : 'ratings'} ${reasons.map((r) => String(r.rating)).join(', ')}`;
    case 'negative_feedback':
      return reasons
        .map((r) => `${String(r.authorRole)} ${String(r.checkpoint)}: ${String(r.question)} = ${answerText(r.answer, lang)}`)
        .join('; ');
  }
}
