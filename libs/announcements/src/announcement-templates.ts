/** The templates staff start an announcement from; staff may edit subject and body in both languages. */
export const ANNOUNCEMENT_TEMPLATES = ['deadline-approaching', 'event', 'free-text'] as const;
export type AnnouncementTemplate = (typeof ANNOUNCEMENT_TEMPLATES)[number];

type Text = { subject: string; body: string };

/** {cohort} and {deadline} are filled when the template is offered; what staff send is plain text. */
const TEXTS: Record<AnnouncementTemplate, Record<'vi' | 'en', Text>> = {
  'deadline-approaching': {
    vi: {
      subject: '{cohort}: sắp đến hạn',
      body: 'Hạn nộp hồ sơ {cohort} là {deadline}.\n\nHãy hoàn thành và nộp hồ sơ trước thời điểm đó; sau hạn, hồ sơ không thể chỉnh sửa.',
    },
    en: {
      subject: '{cohort}: the deadline is approaching',
      body: 'The {cohort} application deadline is {deadline}.\n\nPlease complete and submit your application before then; after the deadline it can no longer change.',
    },
  },
  event: {
    vi: {
      subject: '{cohort}: mời bạn tham dự sự kiện',
      body: 'Cán bộ chương trình trân trọng mời bạn tham dự: …\n\nThời gian: …\nĐịa điểm: …\n\nVui lòng xác nhận tham dự.',
    },
    en: {
      subject: '{cohort}: you are invited to an event',
      body: 'The programme staff invite you to: …\n\nWhen: …\nWhere: …\n\nPlease confirm your attendance.',
    },
  },
  'free-text': {
    vi: { subject: '{cohort}: thông báo', body: '' },
    en: { subject: '{cohort}: announcement', body: '' },
  },
};

/** A template's subject and body in one language, with the cohort's name and deadline filled in. */
export function announcementText(
  template: AnnouncementTemplate,
  language: 'vi' | 'en',
  values: { cohort: string; deadline: string },
): Text {
  const fill = (s: string): string => s.replace(/\{(cohort|deadline)\}/g, (_, k: 'cohort' | 'deadline') => values[k]);
  const text = TEXTS[template][language];
  return { subject: fill(text.subject), body: fill(text.body) };
}

/** How the email names the audience, in each language. */
export const AUDIENCE_WORDS: Record<'applicants' | 'fellows' | 'mentors', Record<'vi' | 'en', string>> = {
  applicants: { vi: 'các ứng viên', en: 'applicants' },
  fellows: { vi: 'các học viên', en: 'fellows' },
  mentors: { vi: 'các cố vấn', en: 'mentors' },
};
