import type { Template } from './template';

/**
 * Emails whose subject and body staff wrote (issue 13): an announcement to a cohort's applicants,
 * fellows or mentors, and a message to one applicant. Staff text is filled in as data, so it is
 * escaped in HTML like any other value and never read as a placeholder. Spread into TEMPLATES.
 */
export const MESSAGE_TEMPLATES = {
  announcement: {
    vi: {
      subject: '{subject}',
      paragraphs: [
        'Chào {fullName},',
        '{body}',
        'Đây là thông báo của cán bộ chương trình gửi tới {audience} của {cohort}. Thông báo chương trình luôn được gửi, không phụ thuộc cài đặt nhắc nhở của bạn; bạn cũng xem lại được trên trang chủ.',
      ],
      action: { label: 'Mở trang chủ', urlKey: 'link' },
    },
    en: {
      subject: '{subject}',
      paragraphs: [
        'Hello {fullName},',
        '{body}',
        'This is a notice from the programme staff to the {audience} of {cohort}. Programme notices are always sent, whatever your reminder settings; you can read it again on your home page.',
      ],
      action: { label: 'Open my home page', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      subject: 'VGBF 2027: orientation day',
      body: 'The orientation day takes place on 15 September in Hanoi.\nPlease confirm your attendance.',
      audience: 'fellows',
      cohort: 'VGBF 2027',
      link: 'https://vgbf.example/',
    },
  },
  'applicant-message': {
    vi: {
      subject: '{subject}',
      paragraphs: [
        'Chào {fullName},',
        '{body}',
        '{sender} — cán bộ chương trình Vietnam Global Biz Fellows, về hồ sơ {cohort} của bạn.',
      ],
      action: { label: 'Mở hồ sơ của tôi', urlKey: 'link' },
    },
    en: {
      subject: '{subject}',
      paragraphs: [
        'Hello {fullName},',
        '{body}',
        '{sender} — Vietnam Global Biz Fellows programme staff, about your {cohort} application.',
      ],
      action: { label: 'Open my application', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      subject: 'Your VGBF 2027 application: a document is missing',
      body: 'Your application lacks the business registration certificate. Please upload it before the deadline.',
      sender: 'Lê Thu Hà',
      cohort: 'VGBF 2027',
      link: 'https://vgbf.example/apply',
    },
  },
} satisfies Record<string, Template>;
