/** The at-risk rules, by the code each flag carries (and an acknowledgement names). */
export const AT_RISK_RULES = ['milestone_overdue', 'no_confirmed_session', 'low_ratings', 'negative_feedback'] as const;
export type AtRiskRule = (typeof AT_RISK_RULES)[number];

/** config/at-risk.json: the thresholds of each rule. */
export interface AtRiskConfig {
  /** A milestone still open (or sent back) more than `days` days after its due date. */
  milestoneOverdue: { days: number };
  /** An active pair whose last confirmed session (or, without one, the pairing) is more than `days` days old. */
  noConfirmedSession: { days: number };
  /** At least `count` session ratings ≤ `atMost` among the fellow's last `amongLast` rated sessions. */
  lowRatings: { atMost: number; count: number; amongLast: number };
  /**
   * A negative answer in either side's latest checkpoint feedback. Negative per question kind:
   * rating ≤ `ratingAtMost`; yes/no = no; free text is never negative.
   */
  negativeFeedback: { ratingAtMost: number };
}

const whole = (value: unknown, min: number): boolean => Number.isInteger(value) && (value as number) >= min;

/** config/at-risk.json checked whole; throws naming every problem, so a bad file stops the start. */
export function parseAtRiskConfig(raw: unknown): AtRiskConfig {
  const problems: string[] = [];
  const c = (raw ?? {}) as Partial<Record<keyof AtRiskConfig, Record<string, unknown>>>;
  const need = (rule: keyof AtRiskConfig, field: string, min: number): void => {
    if (!whole(c[rule]?.[field], min)) problems.push(`${rule}.${field} must be a whole number ≥ ${min}`);
  };
  need('milestoneOverdue', 'days', 0);
  need('noConfirmedSession', 'days', 1);
  need('lowRatings', 'atMost', 1);
  need('lowRatings', 'count', 1);
  need('lowRatings', 'amongLast', 1);
  need('negativeFeedback', 'ratingAtMost', 1);
  const low = c.lowRatings as AtRiskConfig['lowRatings'] | undefined;
  if (low && whole(low.count, 1) && whole(low.amongLast, 1) && low.count > low.amongLast)
    problems.push('lowRatings.count cannot exceed lowRatings.amongLast');
  const known = new Set(['milestoneOverdue', 'noConfirmedSession', 'lowRatings', 'negativeFeedback']);
  for (const key of Object.keys(c)) if (!known.has(key)) problems.push(`"${key}" is not a rule`);
  if (problems.length) throw new Error(`config/at-risk.json is invalid:\n  - ${problems.join('\n  - ')}`);
  return raw as AtRiskConfig;
}
