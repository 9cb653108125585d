/** Mail providers anyone can use: sharing one says nothing about knowing each other. */
export const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.com.vn',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'zoho.com',
  'yandex.com',
  'gmx.com',
  'mail.com',
  'naver.com',
  'daum.net',
  'qq.com',
  '163.com',
  'fpt.vn',
  'vnn.vn',
]);

/** Legal forms that say nothing about which enterprise it is. */
const LEGAL_FORMS = [
  'cong ty trach nhiem huu han',
  'cong ty co phan',
  'cong ty tnhh',
  'cong ty cp',
  'tnhh mtv',
  'tnhh',
  'hop tac xa',
  'doanh nghiep tu nhan',
  'cong ty',
  'joint stock company',
  'co., ltd',
  'co ltd',
  'company limited',
  'jsc',
  'ltd',
  'llc',
  'inc',
];

/** Lower case without Vietnamese diacritics (đ → d), single spaces: the same fold the search uses. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** An enterprise's name without its legal form or punctuation, for comparing two spellings of it. */
export function enterpriseKey(name: string): string {
  let key = fold(name).replace(/[.,()"'“”&-]/g, ' ');
  for (const form of LEGAL_FORMS)
    key = key.replace(new RegExp(`(^| )${form.replace(/[.,]/g, ' ').trim()}( |$)`, 'g'), ' ');
  return key.replace(/\s+/g, ' ').trim();
}

export const emailDomain = (email: string): string => email.trim().toLowerCase().split('@').pop() ?? '';

/**
 * A domain that says nothing about who someone works with: a public mail provider, a documentation or
 * test name (RFC 2606/6761: example.*, *.test, *.example, *.invalid, *.localhost) or a local one (*.local).
 */
export function isSharedDomain(domain: string): boolean {
  return (
    PUBLIC_MAIL_DOMAINS.has(domain) ||
    domain.split('.')[0] === 'example' ||
    /\.(test|example|invalid|localhost|local)$/.test(domain)
  );
}

export interface ApplicantFacts {
  applicationId: string;
  email: string;
  enterpriseName: string | null;
  refereeEmails: string[];
}

export interface ReviewerFacts {
  reviewerId: string;
  email: string;
  organisation: string | null;
}

export interface DetectedConflict {
  applicationId: string;
  reviewerId: string;
  reason: string;
}

/**
 * Likely conflicts between reviewers and applicants, with the reason staff will read: the reviewer
 * works for the applicant's enterprise, shares a private email domain with the applicant, or is one of
 * the applicant's referees. Pure; staff confirm or dismiss what it finds.
 */
export function detectConflicts(applicants: ApplicantFacts[], reviewers: ReviewerFacts[]): DetectedConflict[] {
  const found: DetectedConflict[] = [];
  for (const reviewer of reviewers) {
    const reviewerEmail = reviewer.email.trim().toLowerCase();
    const reviewerDomain = emailDomain(reviewerEmail);
    const organisation = reviewer.organisation ? enterpriseKey(reviewer.organisation) : '';
    for (const applicant of applicants) {
      const reasons: string[] = [];
      if (organisation && applicant.enterpriseName && enterpriseKey(applicant.enterpriseName) === organisation) {
        reasons.push(`same enterprise: ${applicant.enterpriseName}`);
      }
      if (!isSharedDomain(reviewerDomain) && emailDomain(applicant.email) === reviewerDomain) {
        reasons.push(`same email domain: ${reviewerDomain}`);
      }
      if (applicant.refereeEmails.some((e) => e.trim().toLowerCase() === reviewerEmail)) {
        reasons.push('the reviewer is one of the applicant’s referees');
      }
      if (reasons.length) {
        found.push({
          applicationId: applicant.applicationId,
          reviewerId: reviewer.reviewerId,
          reason: reasons.join('; '),
        });
      }
    }
  }
  return found;
}

export interface Acquaintances {
  /** People and organisations, as a reviewer wrote them. */
  names: string[];
  emails: string[];
}

export interface ApplicantIdentityFacts {
  applicationId: string;
  fullName: string | null;
  enterpriseName: string | null;
  email: string;
}

const nameTokens = (name: string): string =>
  fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');

/**
 * The applications a reviewer's declaration names: an applicant's whole name (diacritics, case and word
 * order ignored), their enterprise (legal form ignored) or their email. A part of a name ("Nguyễn") names
 * nobody, so a reviewer cannot sweep a surname across the cohort. Pure.
 */
export function matchDeclaration(
  declared: Acquaintances,
  applicants: ApplicantIdentityFacts[],
): Array<{ applicationId: string; named: string }> {
  const matches: Array<{ applicationId: string; named: string }> = [];
  for (const applicant of applicants) {
    const person = applicant.fullName ? nameTokens(applicant.fullName) : '';
    const enterprise = applicant.enterpriseName ? enterpriseKey(applicant.enterpriseName) : '';
    const named =
      declared.names.find((n) => {
        const key = enterpriseKey(n);
        return (person && nameTokens(n) === person) || (enterprise && key === enterprise);
      }) ?? declared.emails.find((e) => e.trim().toLowerCase() === applicant.email.trim().toLowerCase());
    if (named) matches.push({ applicationId: applicant.applicationId, named });
  }
  return matches;
}
