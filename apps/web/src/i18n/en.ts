import { enApplications } from './en-applications';
import { enCommittee } from './en-committee';
import { enStaffProgramme } from './en-staff-programme';
import { enProgramme } from './en-programme';
import { enMilestones } from './en-milestones';
import { enShell } from './en-shell';
import { enCohorts } from './en-cohorts';
import { enAdmin } from './en-admin';
import { enApplicant } from './en-applicant';
import { enStaffNotes } from './en-staff-notes';
import { enA11y } from './en-a11y';
import { enAnnouncements } from './en-announcements';
import { enDataRequests } from './en-data-requests';
import { enVocabulary } from './en-vocabulary';
import { enCheckpoints } from './en-checkpoints';
import { enProposals } from './en-proposals';
import { enPrivacyTransfers } from './en-privacy-transfers';
import { enConsent } from './en-consent';
/** English texts. vi.ts must have exactly the same keys (the type checker enforces it). */
export const en = {
  app: {
    name: 'VGBF Cohort',
    programme: 'Vietnam Global Biz Fellows',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
  },
  language: {
    label: 'Language',
    vi: 'Tiếng Việt',
    en: 'English',
    saved: 'Language saved.',
  },
  nav: {
    home: 'Home',
    account: 'My account',
    login: 'Log in',
    register: 'Register',
    logout: 'Log out',
    menu: 'Account menu',
    myApplications: 'My applications',
    applications: 'Applications',
    reviews: 'My reviews',
    committee: 'Selection committee',
    selection: 'Selection and offers',
  },
  fields: {
    email: 'Email',
    password: 'Password',
    newPassword: 'New password',
    confirmPassword: 'Repeat the new password',
    currentPassword: 'Current password',
    fullName: 'Full name',
    fullNamePlaceholder: 'Nguyễn Văn An',
    showPassword: 'Show or hide the password',
  },
  validation: {
    required: 'Fill this in.',
    email: 'Enter a valid email address, like an.nguyen@example.vn.',
    passwordLength: 'Use at least {{min}} characters.',
    passwordsDiffer: 'The two passwords are not the same.',
  },
  errors: {
    title: 'Something went wrong',
    network: 'The server cannot be reached. Check your connection and try again.',
    generic: 'The request failed. Try again in a moment.',
    missingToken: 'This link is incomplete. Open it again from the email.',
  },
  login: {
    title: 'Log in',
    subtitle: 'Welcome back to Vietnam Global Biz Fellows.',
    submit: 'Log in',
    forgot: 'Forgot your password?',
    noAccount: 'No account yet?',
    register: 'Register',
    sessionEnded: 'You are logged out.',
  },
  register: {
    title: 'Create your account',
    subtitle: 'Apply to Vietnam Global Biz Fellows: start with an account.',
    passwordHint: 'At least {{min}} characters; a short sentence is easy to remember and hard to guess.',
    submit: 'Create account',
    haveAccount: 'Already have an account?',
    login: 'Log in',
    doneTitle: 'Check your email',
    done: 'We sent an email to {{email}}. Open it to continue: it has a link to confirm your new account or, if this address already has an account, how to log in.',
  },
  verify: {
    title: 'Confirm your email',
    working: 'Confirming your email…',
    doneTitle: 'Email confirmed',
    done: 'Your account is active. You can log in now.',
    login: 'Go to log in',
  },
  forgot: {
    title: 'Forgot your password',
    subtitle: 'Enter the email of your account and we will send you a link to choose a new password.',
    submit: 'Send the link',
    doneTitle: 'Check your email',
    done: 'If an account exists for {{email}}, a link to reset the password is on its way. It expires soon.',
    back: 'Back to log in',
  },
  reset: {
    title: 'Choose a new password',
    submit: 'Save the new password',
    doneTitle: 'Password changed',
    done: 'Your new password is saved. Log in with it.',
    login: 'Go to log in',
  },
  invitation: {
    title: 'Accept your invitation',
    subtitle: 'You have been invited to Vietnam Global Biz Fellows. Choose a password for your account.',
    submit: 'Accept and set password',
    doneTitle: 'Welcome aboard',
    done: 'Your account is ready. Log in with your email and the password you chose.',
    login: 'Go to log in',
  },
  account: {
    title: 'My account',
    profile: 'Profile',
    languageTitle: 'Language',
    languageHelp: 'The language of this site and of the emails we send you.',
    passwordTitle: 'Change password',
    passwordHelp: 'Your other signed-in devices will be logged out.',
    passwordSubmit: 'Change password',
    passwordDone: 'Your password is changed.',
  },
  home: {
    greeting: 'Hello, {{name}}',
    intro: 'This is your space in Vietnam Global Biz Fellows.',
    rolesLabel: 'Your roles',
    comingSoon: 'Coming soon',
    open: 'Open',
  },
  roles: {
    applicant: 'Applicant',
    reviewer: 'Selection committee',
    mentor: 'Mentor',
    fellow: 'Fellow',
    staff: 'Programme staff',
    admin: 'Administrator',
  },
  roleCards: {
    applicant:
      'Your application will be here: fill it in over several days, upload documents, rank hubs, submit before the deadline and follow its status.',
    reviewer:
      'The applications assigned to you: declare conflicts of interest, score each one blind on the rubric, comment and recommend.',
    mentor:
      'Your fellows: log each mentoring session, answer the feedback checkpoints, keep your mentor profile up to date.',
    fellow:
      'Your hub and dates, your goals, your mentor: confirm and rate your sessions, answer the feedback checkpoints.',
    staff:
      'Cohorts will be run from here: application windows, hubs, reviewers, selection, placement, mentor matching and reports.',
    admin: 'Users, roles, invitations and system settings will be managed here.',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to home',
  },
  ...enApplications,
  ...enCommittee,
  ...enStaffProgramme,
  ...enProgramme,
  ...enMilestones,
  ...enShell,
  ...enCohorts,
  ...enAdmin,
  ...enApplicant,
  ...enStaffNotes,
  ...enA11y,
  ...enAnnouncements,
  ...enVocabulary,
  ...enCheckpoints,
  ...enProposals,
  ...enPrivacyTransfers,
  ...enDataRequests,
  ...enConsent,
};

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
export type Translation = Texts<typeof en>;
