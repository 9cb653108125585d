/**
 * The purposes a person consents to, one by one (Law 91/2025/QH15: consent is given separately for each
 * purpose, never pre-ticked). Each has its own versioned notice (libs/privacy) and the processing that
 * needs it asks the ConsentLedger before it happens.
 */
export const PURPOSES = [
  /** Processing the application: eligibility, completeness, the programme's staff reading it. */
  'application',
  /** Sharing the (redacted) application with the selection committee's reviewers. */
  'review',
  /** Making personal data available abroad: hubs, their partners, mentors abroad (a cross-border transfer). */
  'abroad',
  /** Being listed in the alumni directory other fellows and alumni see. */
  'alumni_directory',
  /** Programme communications: announcements, reminders, digests beyond the mandatory notices. */
  'communications',
  /** Optional marketing: news of other programmes, events, partners' offers. */
  'marketing',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const isPurpose = (value: unknown): value is Purpose =>
  typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);

/**
 * The categories of personal data the system holds — the rows of the data map (config), the columns of
 * the access export, the transfer register's "which categories", the retention rules.
 */
export const DATA_CATEGORIES = [
  /** Name, date of birth, gender, citizenship. */
  'identity',
  /** Email, phone, province. */
  'contact',
  /** Images or numbers of identity documents: sensitive data under the law. */
  'identity_document',
  /** The enterprise: name, tax code, sector, figures. */
  'enterprise',
  /** Essays, languages, referees, hub preferences. */
  'application_content',
  /** Uploaded files: CV, business registration and others. */
  'documents',
  /** The committee's reviews, scores, interview notes. */
  'assessments',
  /** The programme year: placement, milestones, evidence, feedback. */
  'programme',
  /** Mentoring sessions' notes, action items and ratings. */
  'mentoring_notes',
  /** Emails sent, notification preferences. */
  'communications',
  /** The account: sign-in sessions, roles, tokens. */
  'account',
  /** The audit trail of actions taken by or about the person. */
  'audit',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const isDataCategory = (value: unknown): value is DataCategory =>
  typeof value === 'string' && (DATA_CATEGORIES as readonly string[]).includes(value);
