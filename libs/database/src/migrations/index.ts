import { Identity1795466610549 } from './1795466610549-Identity';
import { AuditLogAndInvitations1795467942087 } from './1795467942087-AuditLogAndInvitations';
import { ScheduledJobRuns1795467992837 } from './1795467992837-ScheduledJobRuns';
import { CohortsAndHubs1795469527302 } from './1795469527302-CohortsAndHubs';
import { Applications1795470234585 } from './1795470234585-Applications';
import { ApplicationSubmission1795470950908 } from './1795470950908-ApplicationSubmission';
import { ApplicationSearch1795471088039 } from './1795471088039-ApplicationSearch';
import { ApplicationReminders1795471231405 } from './1795471231405-ApplicationReminders';
import { ApplicationDocuments1795473892252 } from './1795473892252-ApplicationDocuments';
import { Committee1795475453850 } from './1795475453850-Committee';
import { SelectionOffers1795476256554 } from './1795476256554-SelectionOffers';
import { MilestonesNotificationsReports1795483243887 } from './1795483243887-MilestonesNotificationsReports';
import { FellowsPlacementMentoring1795481874031 } from './1795481874031-FellowsPlacementMentoring';
import { ReviewWeightedScore1795477700532 } from './1795477700532-ReviewWeightedScore';
import { ApplicationSubmissionReopened1796613799412 } from './1796613799412-ApplicationSubmissionReopened';
import { UserDeactivation1796700000000 } from './1796700000000-UserDeactivation';
import { ApplicationNotesTags1796700100000 } from './1796700100000-ApplicationNotesTags';
import { PlannedSessions1796700425000 } from './1796700425000-PlannedSessions';
import { CohortFeedbackCheckpoints1796720300000 } from './1796720300000-CohortFeedbackCheckpoints';
import { ReviewDrafts1796710000000 } from './1796710000000-ReviewDrafts';
import { AnnouncementsApplicantMessages1796720312000 } from './1796720312000-AnnouncementsApplicantMessages';
import { OwnedReadViews1796730000000 } from './1796730000000-OwnedReadViews';
import { ReportViews1796730100000 } from './1796730100000-ReportViews';
import { ConflictDeclarations1796613891254 } from './1796613891254-ConflictDeclarations';
import { HubVietnameseName1796617252524 } from './1796617252524-HubVietnameseName';
import { ReminderLog1796731500000 } from './1796731500000-ReminderLog';
import { OwnerReadViewsMentoring1796731600000 } from './1796731600000-OwnerReadViewsMentoring';
import { OutboxDeliveriesView1796732100000 } from './1796732100000-OutboxDeliveriesView';
import { CohortScopedCommitteeReads1796750100000 } from './1796750100000-CohortScopedCommitteeReads';
import { CommitteeReadViews1796740300000 } from './1796740300000-CommitteeReadViews';
import { CohortReadIndexes1796750700000 } from './1796750700000-CohortReadIndexes';
import { MilestoneStatusFunction1796760400000 } from './1796760400000-MilestoneStatusFunction';
import { PersonalDataTransfersAccessLog1796806000000 } from './1796806000000-PersonalDataTransfersAccessLog';
import { DataRequests1796805000000 } from './1796805000000-DataRequests';
import { PrivacyConsents1796804000000 } from './1796804000000-PrivacyConsents';

// Every migration, in order, as a class (not a glob) so it loads the same in Jest, dist/ and bundles.
// `npm run migration:generate -- libs/database/src/migrations/<Name>` writes a new file here; add it to this list.
export const MIGRATIONS: Function[] = [
  Identity1795466610549,
  AuditLogAndInvitations1795467942087,
  ScheduledJobRuns1795467992837,
  CohortsAndHubs1795469527302,
  Applications1795470234585,
  ApplicationSubmission1795470950908,
  ApplicationSearch1795471088039,
  ApplicationReminders1795471231405,
  ApplicationDocuments1795473892252,
  Committee1795475453850,
  SelectionOffers1795476256554,
  ReviewWeightedScore1795477700532,
  FellowsPlacementMentoring1795481874031,
  MilestonesNotificationsReports1795483243887,
  ApplicationSubmissionReopened1796613799412,
  ConflictDeclarations1796613891254,
  HubVietnameseName1796617252524,
  UserDeactivation1796700000000,
  ApplicationNotesTags1796700100000,
  PlannedSessions1796700425000,
  ReviewDrafts1796710000000,
  CohortFeedbackCheckpoints1796720300000,
  AnnouncementsApplicantMessages1796720312000,
  OwnedReadViews1796730000000,
  ReportViews1796730100000,
  ReminderLog1796731500000,
  OwnerReadViewsMentoring1796731600000,
  OutboxDeliveriesView1796732100000,
  CommitteeReadViews1796740300000,
  CohortScopedCommitteeReads1796750100000,
  CohortReadIndexes1796750700000,
  MilestoneStatusFunction1796760400000,
  PersonalDataTransfersAccessLog1796806000000,
  DataRequests1796805000000,
  PrivacyConsents1796804000000,
];
