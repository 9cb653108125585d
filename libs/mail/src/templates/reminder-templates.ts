import type { Template } from './template';

/**
 * What every reminder says at its foot: an optional one how to stop it ({unsubscribeUrl}, also sent as
 * the one-click List-Unsubscribe header), a mandatory one why it cannot be turned off. The reminder
 * pipeline refuses a family whose optional step's template offers no unsubscribe link, or whose
 * mandatory step's template offers one (libs/notifications reminder-templates check).
 */
export const OPTIONAL_REMINDER = {
  vi: 'Đây là lời nhắc không bắt buộc. Để không nhận các lời nhắc không bắt buộc nữa: {unsubscribeUrl} (thông báo bắt buộc vẫn được gửi).',
  en: 'This reminder is optional. To stop optional reminders: {unsubscribeUrl} (mandatory notices still come).',
};

/** The unsubscribe link of the staff preview's sample data. */
export const SAMPLE_UNSUBSCRIBE = 'https://vgbf.example/api/v1/notifications/unsubscribe?token=sample';

const DEADLINE_SAMPLE = {
  fullName: 'Nguyễn Văn An',
  cohort: 'VGBF 2027',
  deadline: '2027-03-31 23:59 (GMT+7)',
  daysLeft: '7',
};
const REVIEW_SAMPLE = {
  fullName: 'Lê Thu Hà',
  cohort: 'VGBF 2027',
  pending: '4',
  deadline: '2027-04-30 23:59 (GMT+7)',
  link: 'https://vgbf.example/reviews',
};

/** The application-deadline and review-deadline reminder families: a week-ahead optional one, a last call. */
export const REMINDER_TEMPLATES = {
  'deadline-reminder': {
    vi: {
      subject: 'Còn {daysLeft} ngày để nộp hồ sơ {cohort}',
      paragraphs: [
        'Chào {fullName},',
        'Hồ sơ {cohort} của bạn vẫn là bản nháp. Hạn nộp là {deadline}.',
        'Hãy hoàn thành các mục còn thiếu và nộp hồ sơ trước hạn; sau thời điểm đó hồ sơ không thể chỉnh sửa.',
        OPTIONAL_REMINDER.vi,
      ],
    },
    en: {
      subject: '{daysLeft} days left to submit your {cohort} application',
      paragraphs: [
        'Hello {fullName},',
        'Your {cohort} application is still a draft. The deadline is {deadline}.',
        'Complete the missing sections and submit before then; after the deadline it can no longer change.',
        OPTIONAL_REMINDER.en,
      ],
    },
    sample: { ...DEADLINE_SAMPLE, unsubscribeUrl: SAMPLE_UNSUBSCRIBE },
  },
  'deadline-last-call': {
    vi: {
      subject: 'Nhắc lần cuối: hạn nộp hồ sơ {cohort} là {deadline}',
      paragraphs: [
        'Chào {fullName},',
        'Hồ sơ {cohort} của bạn vẫn là bản nháp, còn {daysLeft} ngày đến hạn nộp ({deadline}).',
        'Hồ sơ chưa nộp trước hạn sẽ không được xét; sau thời điểm đó hồ sơ không thể chỉnh sửa.',
        'Đây là thông báo bắt buộc, không thể tắt: là lời nhắc cuối cùng trước khi hồ sơ không thể nộp được nữa.',
      ],
    },
    en: {
      subject: 'Last call: the {cohort} application deadline is {deadline}',
      paragraphs: [
        'Hello {fullName},',
        'Your {cohort} application is still a draft; days left until the deadline ({deadline}): {daysLeft}.',
        'An application not submitted by then is not considered, and it can no longer change.',
        'This notice is mandatory and cannot be turned off: it is the last call before your application can no longer be submitted.',
      ],
    },
    sample: { ...DEADLINE_SAMPLE, daysLeft: '1' },
  },
  'review-reminder': {
    vi: {
      subject: 'Còn {pending} hồ sơ {cohort} chờ bạn chấm',
      paragraphs: [
        'Chào {fullName},',
        'Bạn còn {pending} hồ sơ {cohort} chưa chấm. Hạn chấm là {deadline}.',
        'Sau hạn này, điểm không thể gửi hoặc sửa nữa.',
        OPTIONAL_REMINDER.vi,
      ],
      action: { label: 'Mở danh sách hồ sơ', urlKey: 'link' },
    },
    en: {
      subject: '{pending} {cohort} applications await your review',
      paragraphs: [
        'Hello {fullName},',
        'You have {pending} {cohort} applications still to review. The review deadline is {deadline}.',
        'After the deadline reviews can no longer be submitted or changed.',
        OPTIONAL_REMINDER.en,
      ],
      action: { label: 'Open my assignments', urlKey: 'link' },
    },
    sample: { ...REVIEW_SAMPLE, unsubscribeUrl: SAMPLE_UNSUBSCRIBE },
  },
  'review-last-call': {
    vi: {
      subject: 'Nhắc lần cuối: còn {pending} hồ sơ {cohort} chờ bạn chấm',
      paragraphs: [
        'Chào {fullName},',
        'Bạn còn {pending} hồ sơ {cohort} chưa chấm. Hạn chấm là {deadline}; sau hạn này, điểm không thể gửi hoặc sửa nữa.',
        'Đây là thông báo bắt buộc, không thể tắt: hội đồng tuyển chọn cần điểm của mọi người chấm trước hạn.',
      ],
      action: { label: 'Mở danh sách hồ sơ', urlKey: 'link' },
    },
    en: {
      subject: 'Last call: {pending} {cohort} applications await your review',
      paragraphs: [
        'Hello {fullName},',
        'You have {pending} {cohort} applications still to review. The review deadline is {deadline}; after it reviews can no longer be submitted or changed.',
        'This notice is mandatory and cannot be turned off: the selection committee needs every member’s reviews by the deadline.',
      ],
      action: { label: 'Open my assignments', urlKey: 'link' },
    },
    sample: REVIEW_SAMPLE,
  },
} satisfies Record<string, Template>;
