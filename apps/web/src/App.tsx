import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { LanguageFromAccount, PageLoader, RequireUser } from './auth/session';
import { Layout } from './components/Layout';
import { ApplicationPage } from './applications/ApplicationPage';
import { ApplyPage } from './applications/ApplyPage';
import { AccountPage } from './pages/AccountPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './components/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { UnsubscribePage } from './pages/UnsubscribePage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
import { ApplicationDetailPage } from './staff/ApplicationDetailPage';
import { ApplicationsListPage } from './staff/ApplicationsListPage';
import { CohortPage } from './cohorts/CohortPage';
import { CohortsListPage } from './cohorts/CohortsListPage';
import { NewCohortPage } from './cohorts/NewCohortPage';
import { CommitteePage } from './committee/CommitteePage';
import { ReviewPage } from './committee/ReviewPage';
import { ReviewsPage } from './committee/ReviewsPage';
import { SelectionPage } from './committee/SelectionPage';
import { MatchingPage } from './staff-programme/MatchingPage';
import { MentoringPage as StaffMentoringPage } from './staff-programme/MentoringPage';
import { MentorsPage } from './staff-programme/MentorsPage';
import { PairActivityPage } from './staff-programme/PairActivityPage';
import { PlacementPage } from './staff-programme/PlacementPage';
import { MentoringPage } from './programme/MentoringPage';
import { MentorProfilePage } from './programme/MentorProfilePage';
import { ProgrammePage } from './programme/ProgrammePage';
import { FellowMilestonesPage, MilestonesPage } from './milestones/MilestonesPage';
import { ReviewQueuePage } from './milestones/ReviewQueuePage';
import { NotificationSettingsPage } from './settings/NotificationSettingsPage';
import { AdminPage } from './admin/AdminPage';
import { AnnouncementsPage } from './announcements/AnnouncementsPage';
import { StaffAnnouncementsPage } from './announcements/StaffAnnouncementsPage';
import { TransfersPage } from './privacy-transfers/TransfersPage';
import { AccessLogPage } from './privacy-transfers/AccessLogPage';
import { MyDataAccessPage } from './privacy-transfers/MyDataAccessPage';
import { DataRequestPage } from './privacy-requests/DataRequestPage';
import { MyDataPage } from './privacy-requests/MyDataPage';
import { StaffDataRequestsPage } from './privacy-requests/StaffDataRequestsPage';
import { PrivacyPage } from './privacy-consent/PrivacyPage';
import { StaffNoticesPage } from './privacy-consent/StaffNoticesPage';

// The dashboard's charts (recharts) are a large bundle only staff need: loaded when the page opens.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

export function App() {
  return (
    <>
      <LanguageFromAccount />
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<RequireUser>{(user) => <HomePage user={user} />}</RequireUser>} />
          <Route path="account" element={<RequireUser>{(user) => <AccountPage user={user} />}</RequireUser>} />
          <Route path="apply" element={<RequireUser>{() => <ApplyPage />}</RequireUser>} />
          <Route path="applications/:id" element={<RequireUser>{() => <ApplicationPage />}</RequireUser>} />
          <Route path="staff/applications" element={<RequireUser>{() => <ApplicationsListPage />}</RequireUser>} />
          <Route path="staff/applications/:id" element={<RequireUser>{() => <ApplicationDetailPage />}</RequireUser>} />
          <Route path="reviews" element={<RequireUser>{() => <ReviewsPage />}</RequireUser>} />
          <Route path="reviews/:assignmentId" element={<RequireUser>{() => <ReviewPage />}</RequireUser>} />
          <Route path="announcements" element={<RequireUser>{() => <AnnouncementsPage />}</RequireUser>} />
          <Route path="staff/announcements" element={<RequireUser>{() => <StaffAnnouncementsPage />}</RequireUser>} />
          <Route path="my-data" element={<RequireUser>{() => <MyDataPage />}</RequireUser>} />
          <Route path="staff/data-requests" element={<RequireUser>{() => <StaffDataRequestsPage />}</RequireUser>} />
          <Route path="staff/data-requests/:id" element={<RequireUser>{() => <DataRequestPage />}</RequireUser>} />
          <Route path="staff/cohorts" element={<RequireUser>{() => <CohortsListPage />}</RequireUser>} />
          <Route path="staff/cohorts/new" element={<RequireUser>{() => <NewCohortPage />}</RequireUser>} />
          <Route path="staff/cohorts/:id" element={<RequireUser>{() => <CohortPage />}</RequireUser>} />
          <Route path="staff/committee" element={<RequireUser>{() => <CommitteePage />}</RequireUser>} />
          <Route path="staff/selection" element={<RequireUser>{() => <SelectionPage />}</RequireUser>} />
          <Route path="staff/placement" element={<RequireUser>{() => <PlacementPage />}</RequireUser>} />
          <Route path="staff/matching" element={<RequireUser>{() => <MatchingPage />}</RequireUser>} />
          <Route path="staff/mentors" element={<RequireUser>{() => <MentorsPage />}</RequireUser>} />
          <Route path="staff/mentoring" element={<RequireUser>{() => <StaffMentoringPage />}</RequireUser>} />
          <Route
            path="staff/mentoring/pairs/:pairingId"
            element={<RequireUser>{() => <PairActivityPage />}</RequireUser>}
          />
          <Route path="mentoring" element={<RequireUser>{() => <MentoringPage />}</RequireUser>} />
          <Route path="mentoring/profile" element={<RequireUser>{() => <MentorProfilePage />}</RequireUser>} />
          <Route path="programme" element={<RequireUser>{() => <ProgrammePage />}</RequireUser>} />
          <Route path="milestones" element={<RequireUser>{() => <MilestonesPage />}</RequireUser>} />
          <Route path="reviews/milestones" element={<RequireUser>{() => <ReviewQueuePage />}</RequireUser>} />
          <Route path="staff/milestones" element={<RequireUser>{() => <ReviewQueuePage staffView />}</RequireUser>} />
          <Route
            path="mentoring/fellows/:fellowId/milestones"
            element={<RequireUser>{() => <FellowMilestonesPage />}</RequireUser>}
          />
          <Route
            path="staff/fellows/:fellowId/milestones"
            element={<RequireUser>{() => <FellowMilestonesPage />}</RequireUser>}
          />
          <Route
            path="staff/dashboard"
            element={
              <RequireUser>
                {() => (
                  <Suspense fallback={<PageLoader />}>
                    <DashboardPage />
                  </Suspense>
                )}
              </RequireUser>
            }
          />
          <Route
            path="settings/notifications"
            element={<RequireUser>{() => <NotificationSettingsPage />}</RequireUser>}
          />
          <Route path="settings/privacy" element={<RequireUser>{() => <PrivacyPage />}</RequireUser>} />
          <Route path="staff/privacy" element={<RequireUser>{() => <StaffNoticesPage />}</RequireUser>} />
          <Route path="admin" element={<RequireUser>{(user) => <AdminPage user={user} />}</RequireUser>} />
          <Route path="admin/:tab" element={<RequireUser>{(user) => <AdminPage user={user} />}</RequireUser>} />
          <Route path="staff/privacy/transfers" element={<RequireUser>{() => <TransfersPage />}</RequireUser>} />
          <Route path="staff/privacy/access-log" element={<RequireUser>{() => <AccessLogPage />}</RequireUser>} />
          <Route path="account/data-access" element={<RequireUser>{() => <MyDataAccessPage />}</RequireUser>} />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="verify-email" element={<VerifyEmailPage />} />
          <Route path="unsubscribe" element={<UnsubscribePage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="reset-password" element={<SetPasswordPage key="reset" purpose="reset" />} />
          <Route path="accept-invitation" element={<SetPasswordPage key="invitation" purpose="invitation" />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
