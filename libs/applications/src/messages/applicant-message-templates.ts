/** The templates staff start a message to an applicant from; staff may edit subject and body before sending. */
export const APPLICANT_MESSAGE_TEMPLATES = ['missing-document', 'clarification-needed', 'free-text'] as const;
export type ApplicantMessageTemplate = (typeof APPLICANT_MESSAGE_TEMPLATES)[number];

type Text = { subject: string; body: string };

/** {cohort} and {deadline} are filled when the template is offered; what staff send is plain text. */
const TEXTS: Record<ApplicantMessageTemplate, Record<'vi' | 'en', Text>> = {
  'missing-document': {
    vi: {
      subject: 'Hồ sơ {cohort}: còn thiếu giấy tờ',
      body: 'Hồ sơ của bạn còn thiếu giấy tờ sau: …\n\nVui lòng tải giấy tờ lên trong tài khoản của bạn trước hạn nộp {deadline}.',
    },
    en: {
      subject: 'Your {cohort} application: a document is missing',
      body: 'Your application is missing the following document: …\n\nPlease upload it in your account before the deadline, {deadline}.',
    },
  },
  'clarification-needed': {
    vi: {
      subject: 'Hồ sơ {cohort}: cần bạn làm rõ thông tin',
      body: 'Chúng tôi cần bạn làm rõ thông tin sau trong hồ sơ: …\n\nVui lòng cập nhật hồ sơ hoặc liên hệ cán bộ chương trình trước {deadline}.',
    },
    en: {
      subject: 'Your {cohort} application: please clarify',
      body: 'We need you to clarify the following in your application: …\n\nPlease update your application or contact the programme staff before {deadline}.',
    },
  },
  'free-text': {
    vi: { subject: 'Hồ sơ {cohort} của bạn', body: '' },
    en: { subject: 'Your {cohort} application', body: '' },
  },
};

/** A template's subject and body in one language, with the cohort's name and deadline filled in. */
export function applicantMessageText(
  template: ApplicantMessageTemplate,
  language: 'vi' | 'en',
  values: { cohort: string; deadline: string },
): Text {
  const fill = (s: string): string => s.replace(/\{(cohort|deadline)\}/g, (_, k: 'cohort' | 'deadline') => values[k]);
  const text = TEXTS[template][language];
  return { subject: fill(text.subject), body: fill(text.body) };
}
