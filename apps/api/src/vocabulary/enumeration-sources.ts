/**
 * Which vocabulary enumeration each `export const X = ['…', …] as const` list of the libs feeds,
 * or `null` for a list people never read (internal keys, column names, benchmark generators).
 * The vocabulary test reads the lists from the source itself, so a new list fails the test until
 * it is mapped here and labelled in config/vocabulary.json.
 */
export const ENUMERATION_SOURCES: Record<string, string | null> = {
  // applications
  APPLICATION_STATUSES: 'applicationStatus',
  BOARD_STATUSES: 'applicationStatus',
  REVIEWABLE_STATUSES: 'applicationStatus',
  FINAL_STATUSES: 'applicationStatus',
  REGIONS: 'region',
  SECTORS: 'sector',
  GENDERS: 'gender',
  EMPLOYEE_BANDS: 'employeesBand',
  REVENUE_BANDS: 'revenueBand',
  ENGLISH_TESTS: 'languageTest',
  JLPT_LEVELS: 'jlptLevel',
  DOCUMENT_KINDS: 'documentKind',
  SINGLE_DOCUMENT_KINDS: 'documentKind',
  ELIGIBILITIES: 'eligibility',
  EXPORT_FORMATS: 'reportFormat',
  // identity and access
  ROLES: 'role',
  ASSIGNABLE_ROLES: 'role',
  INVITABLE_ROLES: 'role',
  FEEDBACK_AUTHOR_ROLES: 'role',
  MILESTONE_AUDIENCES: 'role',
  USER_STATUSES: 'userStatus',
  INVITATION_STATES: 'invitationState',
  LANGUAGES: 'uiLanguage',
  LABEL_LANGUAGES: 'uiLanguage',
  // cohorts
  COHORT_STATUSES: 'cohortStatus',
  ELIGIBILITY_RULE_CODES: 'eligibilityRule',
  LANGUAGE_TESTS: 'languageTest',
  // committee and selection
  RECOMMENDATIONS: 'recommendation',
  REVIEW_STATUSES: 'reviewStatus',
  DECISIONS: 'committeeDecision',
  SCORE_KINDS: 'scoreKind',
  SELECTION_SCORE_KINDS: 'scoreKind',
  OFFER_STATUSES: 'offerStatus',
  WAITLIST_STATUSES: 'waitlistStatus',
  ASSIGNMENT_SOURCES: 'assignmentSource',
  CONFLICT_SOURCES: 'conflictSource',
  CONFLICT_STATUSES: 'conflictStatus',
  SHARE_ATTRIBUTES: 'shareAttribute',
  SELECTION_RUN_STATUSES: 'runStatus',
  PLACEMENT_RUN_STATUSES: 'runStatus',
  MATCHING_RUN_STATUSES: 'runStatus',
  // programme year
  FELLOW_STATUSES: 'fellowStatus',
  PAIRING_STATUSES: 'pairingStatus',
  SESSION_TOPICS: 'sessionTopic',
  SESSION_MODES: 'sessionMode',
  PLANNED_SESSION_STATUSES: 'plannedSessionStatus',
  EXPERTISE_AREAS: 'expertiseArea',
  REMATCH_STATUSES: 'rematchStatus',
  REMATCH_DECISIONS: 'rematchStatus',
  PAIR_CONSTRAINT_KINDS: 'constraintKind',
  CONSTRAINT_KINDS: 'constraintKind',
  QUESTION_KINDS: 'questionKind',
  CHECKPOINT_ANCHORS: 'checkpointAnchor',
  CHECKPOINT_STATES: 'checkpointState',
  MILESTONE_STATUSES: 'milestoneStatus',
  MILESTONE_STATES: 'milestoneState',
  REMINDABLE_STATES: 'milestoneState',
  REVIEW_DECISIONS: 'milestoneState',
  MILESTONE_EVENTS: 'milestoneEvent',
  EVIDENCE_KINDS: 'evidenceKind',
  MILESTONE_REVIEWERS: 'milestoneReviewer',
  DUE_ANCHORS: 'dueAnchor',
  CERTIFICATION_PILLARS: 'certificationPillar',
  DELIVERIES: 'delivery',
  // announcements and messages
  AUDIENCES: 'announcementAudience',
  ANNOUNCEMENT_TEMPLATES: 'announcementTemplate',
  APPLICANT_MESSAGE_TEMPLATES: 'applicantMessageTemplate',
  // reports and jobs
  AT_RISK_RULES: 'atRiskRule',
  REPORT_KINDS: 'reportKind',
  REPORT_FORMATS: 'reportFormat',
  REPORT_JOB_STATUSES: 'jobStatus',
  OUTBOX_STATUSES: 'jobStatus',
  SCHEDULED_RUN_OUTCOMES: 'jobStatus',
  // personal data
  PURPOSES: 'consentPurpose',
  ANNOUNCEMENT_PURPOSES: 'consentPurpose',
  REQUIRED_TO_APPLY: 'consentPurpose',
  DATA_CATEGORIES: 'dataCategory',
  // never shown to people
  NODE_ENVS: null, // configuration
  LOG_LEVELS: null, // configuration
  CONSENT_STATES: null, // worded by the web's consent.state.* texts
  CONSENT_ACTIONS: null, // worded by the web's consent.state.* texts
  CONSENT_CHANNELS: null, // worded by the web's consent.channel.* texts
  TOKEN_PURPOSES: null, // a token's internal purpose; emails carry the words
  REVIEW_REMINDER_KINDS: null, // reminder keys; the email templates carry the words
  REMINDER_KINDS: null,
  MENTORING_REMINDER_KINDS: null,
  MILESTONE_STEPS: null,
  AUDIT_CSV_COLUMNS: null, // machine columns of the audit export
  MENTOR_CSV_COLUMNS: null, // the import file's column names, documented as such
  PROFILE_FIELDS: null, // field names
  NOT_NULL_FIELDS: null,
  REDACTED_PATHS: null, // log redaction
  INSTANCE_REGIONS: null, // benchmark instance generator
  INSTANCE_SECTORS: null,
  INSTANCE_HUBS: null,
  ENCRYPTED_SESSION_COLUMNS: null, // column names (encryption at rest)
  PLACEMENT_TRANSFER_CATEGORIES: 'dataCategory',
  PAIRING_TRANSFER_CATEGORIES: 'dataCategory',
  TRANSFER_CSV_COLUMNS: null, // machine columns of the transfer register's export
  // Shown through the web's transfers.* / accessLog.* texts (both languages) until they move to the vocabulary.
  RECIPIENT_KINDS: null,
  TRANSFER_BASES: null,
  ACCESS_RESOURCES: null,
  ACCESS_ROLES: null,
  // privacy: people's requests (the web words them under dataRequests.*; emails carry the kind in words)
  REQUEST_KINDS: null,
  REQUEST_CHANNELS: null,
  REQUEST_STATES: null,
  REQUEST_ACTIONS: null,
  OPEN_STATES: null,
  DATA_REQUEST_REMINDER_STEPS: null,
};
