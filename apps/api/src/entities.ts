import {
  Application,
  ApplicationDocument,
  ApplicationEligibilityOverride,
  ApplicationMessage,
  ApplicationNote,
  ApplicationStatusChange,
  ApplicationTag,
} from '@vgbf/applications';
import { ANNOUNCEMENT_ENTITIES } from '@vgbf/announcements';
import { AuditEntry } from '@vgbf/audit';
import { Cohort, Hub } from '@vgbf/cohorts';
import { COMMITTEE_ENTITIES } from '@vgbf/committee';
import { Fellow } from '@vgbf/fellows';
import { Session, User, UserToken } from '@vgbf/identity';
import { MENTORING_ENTITIES } from '@vgbf/mentoring';
import { MILESTONE_ENTITIES } from '@vgbf/milestones';
import { NOTIFICATION_ENTITIES } from '@vgbf/notifications';
import { OutboxMessage } from '@vgbf/outbox';
import { PLACEMENT_ENTITIES } from '@vgbf/placement';
import {
  CONSENT_ENTITIES,
  DATA_REQUEST_ENTITIES,
  PRIVACY_ACCESS_LOG_ENTITIES,
  PRIVACY_TRANSFER_ENTITIES,
} from '@vgbf/privacy';
import { REPORT_ENTITIES } from '@vgbf/reports';
import { ScheduledJobRun } from '@vgbf/scheduler';

// Every entity of the system, listed as classes: the migration CLI and the entity/migration drift
// test need the whole schema. Each module still registers its own with TypeOrmModule.forFeature.
export const ENTITIES: Function[] = [
  OutboxMessage,
  AuditEntry,
  User,
  Session,
  UserToken,
  ScheduledJobRun,
  Cohort,
  Hub,
  Application,
  ApplicationStatusChange,
  ApplicationDocument,
  ApplicationNote,
  ApplicationTag,
  ApplicationEligibilityOverride,
  ApplicationMessage,
  ...COMMITTEE_ENTITIES,
  Fellow,
  ...PLACEMENT_ENTITIES,
  ...MENTORING_ENTITIES,
  ...MILESTONE_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...REPORT_ENTITIES,
  ...ANNOUNCEMENT_ENTITIES,
  ...PRIVACY_TRANSFER_ENTITIES,
  ...PRIVACY_ACCESS_LOG_ENTITIES,
  ...DATA_REQUEST_ENTITIES,
  ...CONSENT_ENTITIES,
];
