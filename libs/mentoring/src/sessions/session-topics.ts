/** What a mentoring session may be about: a fixed list, so staff can count sessions per topic. */
export const SESSION_TOPICS = [
  'market_entry',
  'legal_compliance',
  'finance_fundraising',
  'partnerships',
  'marketing_sales',
  'operations_logistics',
  'esg',
  'leadership',
  'networking',
  'other',
] as const;
export type SessionTopic = (typeof SESSION_TOPICS)[number];
