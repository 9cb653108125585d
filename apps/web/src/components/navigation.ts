import type { ParseKeys } from 'i18next';
import { matchPath } from 'react-router';
import type { Role } from '../api/client';

/**
 * Every page of the app in one place: its path, its label, who may open it and where it sits in the
 * navigation. The sidebar, the breadcrumbs, the page titles and the route guard (RequireUser) read
 * this list, so a new page needs only a route in App.tsx and an entry here.
 */

/** Groups in the order the sidebar shows them: each role's own work, then the cohort's lifecycle for staff. */
export const NAV_GROUPS = [
  'application',
  'review',
  'mentoring',
  'programme',
  'cohorts',
  'committee',
  'placement',
  'year',
  'reports',
  'administration',
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  path: string;
  label: ParseKeys;
  /** Who may open it; none = anyone signed in. */
  roles?: readonly Role[];
  group?: NavGroup;
  /** A detail page: not in the sidebar, shown under its parent in the breadcrumbs. */
  parent?: string;
  /** A public page (log in, register…): no guard, no breadcrumbs. */
  public?: boolean;
  /** Staff pages that work on one cohort (?cohortId=): links carry the current cohort. */
  cohortScoped?: boolean;
  /** Served by the API, not the app (a full page load). */
  external?: boolean;
}

const STAFF: readonly Role[] = ['staff', 'admin'];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home' },
  // Applicant
  { path: '/apply', label: 'nav.myApplications', roles: ['applicant'], group: 'application' },
  { path: '/applications/:id', label: 'shell.pages.application', roles: ['applicant'], parent: '/apply' },
  // Reviewer
  { path: '/reviews', label: 'nav.reviews', roles: ['reviewer'], group: 'review' },
  { path: '/reviews/:assignmentId', label: 'shell.pages.review', roles: ['reviewer'], parent: '/reviews' },
  // Mentor
  { path: '/mentoring', label: 'myMentoring.nav', roles: ['mentor'], group: 'mentoring' },
  { path: '/reviews/milestones', label: 'milestones.staffNav', roles: ['mentor'], group: 'mentoring' },
  { path: '/mentoring/profile', label: 'mentorProfile.nav', roles: ['mentor'], group: 'mentoring' },
  {
    path: '/mentoring/fellows/:fellowId/milestones',
    label: 'shell.pages.fellowMilestones',
    roles: ['mentor'],
    parent: '/mentoring',
  },
  // Fellow
  { path: '/programme', label: 'myProgramme.nav', roles: ['fellow'], group: 'programme' },
  { path: '/milestones', label: 'milestones.nav', roles: ['fellow'], group: 'programme' },
  // Staff, along the cohort's lifecycle
  { path: '/staff/cohorts', label: 'shell.pages.cohorts', roles: STAFF, group: 'cohorts' },
  { path: '/staff/cohorts/new', label: 'cohorts.new', roles: STAFF, parent: '/staff/cohorts' },
  { path: '/staff/cohorts/:id', label: 'shell.pages.cohort', roles: STAFF, parent: '/staff/cohorts' },
  { path: '/staff/applications', label: 'nav.applications', roles: STAFF, group: 'cohorts', cohortScoped: true },
  {
    path: '/staff/applications/:id',
    label: 'shell.pages.application',
    roles: STAFF,
    parent: '/staff/applications',
  },
  { path: '/staff/committee', label: 'nav.committee', roles: STAFF, group: 'committee', cohortScoped: true },
  { path: '/staff/selection', label: 'nav.selection', roles: STAFF, group: 'committee', cohortScoped: true },
  {
    path: '/staff/placement',
    label: 'staffProgramme.nav.placement',
    roles: STAFF,
    group: 'placement',
    cohortScoped: true,
  },
  { path: '/staff/mentors', label: 'staffProgramme.nav.mentors', roles: STAFF, group: 'placement' },
  {
    path: '/staff/matching',
    label: 'staffProgramme.nav.matching',
    roles: STAFF,
    group: 'placement',
    cohortScoped: true,
  },
  {
    path: '/staff/mentoring',
    label: 'staffProgramme.nav.mentoring',
    roles: STAFF,
    group: 'year',
    cohortScoped: true,
  },
  {
    path: '/staff/mentoring/pairs/:pairingId',
    label: 'shell.pages.pair',
    roles: STAFF,
    parent: '/staff/mentoring',
  },
  { path: '/staff/milestones', label: 'milestones.staffNav', roles: STAFF, group: 'year', cohortScoped: true },
  {
    path: '/staff/fellows/:fellowId/milestones',
    label: 'shell.pages.fellowMilestones',
    roles: STAFF,
    parent: '/staff/milestones',
  },
  { path: '/staff/dashboard', label: 'dashboard.nav', roles: STAFF, group: 'reports', cohortScoped: true },
  {
    path: '/staff/announcements',
    label: 'announcements.staffNav',
    roles: STAFF,
    group: 'year',
    cohortScoped: true,
  },
  { path: '/staff/data-requests', label: 'dataRequests.staffNav', roles: STAFF, group: 'administration' },
  {
    path: '/staff/data-requests/:id',
    label: 'dataRequests.detail.title',
    roles: STAFF,
    parent: '/staff/data-requests',
  },
  // Administration
  // Staff see the console too (accounts, reviewer and mentor invitations, the audit log); the admin-only actions are admins'.
  { path: '/admin', label: 'shell.pages.admin', roles: STAFF, group: 'administration' },
  { path: '/admin/queues', label: 'shell.pages.queues', roles: STAFF, group: 'administration', external: true },
  { path: '/staff/privacy/transfers', label: 'transfers.nav', roles: STAFF, group: 'administration' },
  { path: '/staff/privacy/access-log', label: 'accessLog.nav', roles: STAFF, group: 'administration' },
  { path: '/staff/privacy', label: 'consent.staff.nav', roles: STAFF, group: 'administration' },
  // Everyone signed in (in the user menu)
  { path: '/account', label: 'nav.account' },
  { path: '/announcements', label: 'announcements.nav' },
  { path: '/settings/notifications', label: 'notificationSettings.title' },
  { path: '/account/data-access', label: 'accessLog.mine.nav' },
  { path: '/my-data', label: 'dataRequests.nav' },
  { path: '/settings/privacy', label: 'consent.nav' },
  // Visitors
  { path: '/login', label: 'login.title', public: true },
  { path: '/register', label: 'register.title', public: true },
  { path: '/verify-email', label: 'verify.title', public: true },
  { path: '/forgot-password', label: 'forgot.title', public: true },
  { path: '/reset-password', label: 'reset.title', public: true },
  { path: '/accept-invitation', label: 'invitation.title', public: true },
];

const params = (item: NavItem) => item.path.split('/').filter((part) => part.startsWith(':')).length;

/**
 * The entry for a location: the exact page (a static path before a parameter, as the router ranks
 * them: /reviews/milestones is not /reviews/:assignmentId), else the closest section above it (an /admin/… page).
 */
export function findNavItem(pathname: string): NavItem | undefined {
  const exact = NAV_ITEMS.filter((item) => !item.external && matchPath({ path: item.path, end: true }, pathname)).sort(
    (a, b) => params(a) - params(b),
  )[0];
  if (exact) return exact;
  return NAV_ITEMS.filter(
    (item) => item.path !== '/' && !item.external && matchPath({ path: item.path, end: false }, pathname),
  ).sort((a, b) => b.path.length - a.path.length)[0];
}

export function canOpen(item: NavItem, roles: readonly Role[]): boolean {
  return !item.roles || item.roles.some((role) => roles.includes(role));
}

/** The sidebar for these roles: each group's items, groups in lifecycle order, empty groups left out. */
export function navigationFor(roles: readonly Role[]): Array<{ group: NavGroup; items: NavItem[] }> {
  return NAV_GROUPS.map((group) => ({
    group,
    items: NAV_ITEMS.filter((item) => item.group === group && canOpen(item, roles)),
  })).filter((g) => g.items.length > 0);
}

/** Home › group › parent › page, for the breadcrumbs (the page last). */
export function trailOf(item: NavItem): NavItem[] {
  const trail: NavItem[] = [item];
  let parent = item.parent ? NAV_ITEMS.find((i) => i.path === item.parent) : undefined;
  while (parent) {
    trail.unshift(parent);
    parent = parent.parent ? NAV_ITEMS.find((i) => i.path === parent?.parent) : undefined;
  }
  return trail;
}
