import type { Template } from './template';

/**
 * People's requests about their personal data (issue 17): the answers to the person, and the staff
 * reminders before the legal deadline and the escalation after it. {kind} arrives already in the
 * recipient's language. The staff ones are mandatory (a legal deadline), and say so.
 */
const PERSON_SAMPLE = {
  fullName: 'Nguyễn Văn An',
  kind: 'truy cập dữ liệu',
  receivedOn: '2026-12-07',
  dueOn: '2026-12-28',
  link: 'https://vgbf.example/my-data',
};
const STAFF_SAMPLE = {
  fullName: 'Lê Thu Hà',
  person: 'Nguyễn Văn An',
  kind: 'truy cập dữ liệu',
  dueOn: '2026-12-28',
  link: 'https://vgbf.example/staff/data-requests/sample',
};

const MANDATORY = {
  vi: 'Đây là thông báo bắt buộc, không thể tắt: yêu cầu của chủ thể dữ liệu có thời hạn theo luật.',
  en: 'This notice is mandatory and cannot be turned off: a data subject’s request has a legal deadline.',
};

export const DATA_REQUEST_TEMPLATES = {
  'data-request-acknowledged': {
    vi: {
      subject: 'Chúng tôi đã tiếp nhận yêu cầu {kind} của bạn',
      paragraphs: [
        'Chào {fullName},',
        'Chương trình VGBF đã tiếp nhận yêu cầu {kind} của bạn (gửi ngày {receivedOn}).',
        'Chúng tôi sẽ trả lời bạn chậm nhất vào ngày {dueOn}. Bạn theo dõi yêu cầu tại trang "Dữ liệu của tôi".',
      ],
      action: { label: 'Dữ liệu của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'We have received your {kind} request',
      paragraphs: [
        'Hello {fullName},',
        'The VGBF programme has received your {kind} request (made on {receivedOn}).',
        'We will answer by {dueOn} at the latest. You can follow it on the "My data" page.',
      ],
      action: { label: 'My data', urlKey: 'link' },
    },
    sample: PERSON_SAMPLE,
  },
  'data-request-extended': {
    vi: {
      subject: 'Yêu cầu {kind} của bạn được gia hạn đến {dueOn}',
      paragraphs: [
        'Chào {fullName},',
        'Chúng tôi cần thêm thời gian để hoàn thành yêu cầu {kind} của bạn. Thời hạn mới là {dueOn}.',
        'Lý do: {reason}',
      ],
      action: { label: 'Dữ liệu của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'Your {kind} request is extended until {dueOn}',
      paragraphs: [
        'Hello {fullName},',
        'We need more time to complete your {kind} request. The new deadline is {dueOn}.',
        'Reason: {reason}',
      ],
      action: { label: 'My data', urlKey: 'link' },
    },
    sample: { ...PERSON_SAMPLE, reason: 'Đối tác tại Singapore cần xóa bản sao hồ sơ.' },
  },
  'data-request-completed': {
    vi: {
      subject: 'Yêu cầu {kind} của bạn đã hoàn thành',
      paragraphs: ['Chào {fullName},', 'Yêu cầu {kind} của bạn (gửi ngày {receivedOn}) đã hoàn thành.', '{answer}'],
      action: { label: 'Dữ liệu của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'Your {kind} request is complete',
      paragraphs: ['Hello {fullName},', 'Your {kind} request (made on {receivedOn}) is complete.', '{answer}'],
      action: { label: 'My data', urlKey: 'link' },
    },
    sample: { ...PERSON_SAMPLE, answer: 'Bạn có thể tải tệp dữ liệu của mình tại trang "Dữ liệu của tôi".' },
  },
  'data-request-refused': {
    vi: {
      subject: 'Yêu cầu {kind} của bạn không được thực hiện',
      paragraphs: [
        'Chào {fullName},',
        'Chúng tôi không thể thực hiện yêu cầu {kind} của bạn (gửi ngày {receivedOn}).',
        'Lý do: {reason}',
        'Nếu không đồng ý, bạn có thể khiếu nại với Bộ Công an (cơ quan chuyên trách bảo vệ dữ liệu cá nhân).',
      ],
      action: { label: 'Dữ liệu của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'Your {kind} request was refused',
      paragraphs: [
        'Hello {fullName},',
        'We cannot carry out your {kind} request (made on {receivedOn}).',
        'Reason: {reason}',
        'If you disagree, you may complain to the Ministry of Public Security (the personal data protection authority).',
      ],
      action: { label: 'My data', urlKey: 'link' },
    },
    sample: { ...PERSON_SAMPLE, reason: 'Hồ sơ đang được lưu theo nghĩa vụ pháp lý đến hết năm 2027.' },
  },
  'data-request-due-soon': {
    vi: {
      subject: 'Sắp đến hạn: yêu cầu {kind} của {person} ({dueOn})',
      paragraphs: [
        'Chào {fullName},',
        'Yêu cầu {kind} của {person} phải được xử lý trước ngày {dueOn} (ngày làm việc, theo Nghị định 356/2025).',
        MANDATORY.vi,
      ],
      action: { label: 'Mở yêu cầu', urlKey: 'link' },
    },
    en: {
      subject: 'Due soon: {person}’s {kind} request ({dueOn})',
      paragraphs: [
        'Hello {fullName},',
        '{person}’s {kind} request must be handled by {dueOn} (working days, Decree 356/2025).',
        MANDATORY.en,
      ],
      action: { label: 'Open the request', urlKey: 'link' },
    },
    sample: STAFF_SAMPLE,
  },
  'data-request-overdue': {
    vi: {
      subject: 'Quá hạn: yêu cầu {kind} của {person} (hạn {dueOn})',
      paragraphs: [
        'Chào {fullName},',
        'Yêu cầu {kind} của {person} đã quá hạn luật định ({dueOn}). Hãy xử lý ngay hoặc gia hạn có lý do.',
        MANDATORY.vi,
      ],
      action: { label: 'Mở yêu cầu', urlKey: 'link' },
    },
    en: {
      subject: 'Overdue: {person}’s {kind} request (due {dueOn})',
      paragraphs: [
        'Hello {fullName},',
        '{person}’s {kind} request is past its legal deadline ({dueOn}). Handle it now, or extend it with a reason.',
        MANDATORY.en,
      ],
      action: { label: 'Open the request', urlKey: 'link' },
    },
    sample: STAFF_SAMPLE,
  },
} satisfies Record<string, Template>;
