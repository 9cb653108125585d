/**
 * The derived status of a milestone (`m`) on the calendar day `today` (a SQL date expression):
 * overdue / due_soon are never stored. Written here once until libs/milestones exports its own
 * expression; every reports query reads it from here, so switching is one line.
 */
export const DUE_SOON_DAYS = 7;

export const milestoneStatusSql = (m: string, today: string): string =>
  `CASE WHEN ${m}.state IN ('open', 'changes_requested') AND ${m}.due_on < ${today} THEN 'overdue'
        WHEN ${m}.state IN ('open', 'changes_requested') AND ${m}.due_on <= ${today} + ${DUE_SOON_DAYS} THEN 'due_soon'
        WHEN ${m}.state IN ('open', 'changes_requested') THEN 'upcoming'
        ELSE ${m}.state END`;
