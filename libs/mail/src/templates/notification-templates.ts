import { SAMPLE_UNSUBSCRIBE } from './reminder-templates';
import type { Template } from './template';

const MANDATORY_FELLOW = {
  vi: 'Đây là thông báo bắt buộc, không thể tắt: cột mốc quá hạn ảnh hưởng đến chứng nhận của bạn và quy chế chương trình yêu cầu bạn được báo.',
  en: 'This notice is mandatory and cannot be turned off: an overdue milestone puts your certification at risk, and the programme rules require that you are told.',
};
const MANDATORY_ESCALATION = {
  vi: 'Đây là thông báo bắt buộc, không thể tắt: với vai trò cố vấn hoặc cán bộ chương trình, bạn có trách nhiệm theo dõi các cột mốc quá hạn.',
  en: 'This notice is mandatory and cannot be turned off: as the fellow’s mentor or programme staff, you follow up overdue milestones.',
};
const OPTIONAL = {
  vi: 'Đây là lời nhắc không bắt buộc. Để không nhận các lời nhắc như thế này nữa: {unsubscribeUrl} (thông báo bắt buộc về cột mốc quá hạn vẫn được gửi).',
  en: 'This reminder is optional. To stop optional reminders: {unsubscribeUrl} (mandatory notices about overdue milestones still come).',
};

/**
 * Milestone reminders (issue 7) and the daily digest, each in Vietnamese and English. Optional emails
 * carry {unsubscribeUrl}; mandatory ones say why they cannot be turned off. Spread into TEMPLATES.
 */
export const NOTIFICATION_TEMPLATES = {
  'milestone-due-soon': {
    vi: {
      subject: 'Cột mốc "{milestone}" đến hạn ngày {dueOn}',
      paragraphs: [
        'Chào {fullName},',
        'Cột mốc "{milestone}" của bạn đến hạn ngày {dueOn}, còn {daysLeft} ngày.',
        OPTIONAL.vi,
      ],
      action: { label: 'Mở các cột mốc của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'Milestone "{milestone}" is due on {dueOn}',
      paragraphs: [
        'Hello {fullName},',
        'Your milestone "{milestone}" is due on {dueOn}. Days left: {daysLeft}.',
        OPTIONAL.en,
      ],
      action: { label: 'Open my milestones', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      milestone: 'Market entry plan',
      dueOn: '2027-10-15',
      daysLeft: '7',
      link: 'https://vgbf.example/milestones',
      unsubscribeUrl: SAMPLE_UNSUBSCRIBE,
    },
  },
  'milestone-due-today': {
    vi: {
      subject: 'Hôm nay là hạn cột mốc "{milestone}"',
      paragraphs: ['Chào {fullName},', 'Cột mốc "{milestone}" của bạn đến hạn hôm nay, {dueOn}.', OPTIONAL.vi],
      action: { label: 'Nộp cột mốc', urlKey: 'link' },
    },
    en: {
      subject: 'Milestone "{milestone}" is due today',
      paragraphs: ['Hello {fullName},', 'Your milestone "{milestone}" is due today, {dueOn}.', OPTIONAL.en],
      action: { label: 'Submit the milestone', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      milestone: 'Market entry plan',
      dueOn: '2027-10-15',
      link: 'https://vgbf.example/milestones',
      unsubscribeUrl: SAMPLE_UNSUBSCRIBE,
    },
  },
  'milestone-overdue': {
    vi: {
      subject: 'Cột mốc "{milestone}" đã quá hạn {daysLate} ngày',
      paragraphs: [
        'Chào {fullName},',
        'Cột mốc "{milestone}" của bạn đến hạn ngày {dueOn} và chưa được nộp. Hãy nộp ngay hoặc trao đổi với cán bộ chương trình về việc gia hạn.',
        MANDATORY_FELLOW.vi,
      ],
      action: { label: 'Nộp cột mốc', urlKey: 'link' },
    },
    en: {
      subject: 'Milestone "{milestone}" is {daysLate} days overdue',
      paragraphs: [
        'Hello {fullName},',
        'Your milestone "{milestone}" was due on {dueOn} and has not been submitted. Submit it now, or talk to the programme team about an extension.',
        MANDATORY_FELLOW.en,
      ],
      action: { label: 'Submit the milestone', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      milestone: 'Market entry plan',
      dueOn: '2027-10-15',
      daysLate: '1',
      link: 'https://vgbf.example/milestones',
    },
  },
  'milestone-escalation': {
    vi: {
      subject: '{fellowName}: cột mốc "{milestone}" đã quá hạn {daysLate} ngày',
      paragraphs: [
        'Chào {fullName},',
        'Cột mốc "{milestone}" của {fellowName} đến hạn ngày {dueOn} và vẫn chưa được nộp sau {daysLate} ngày.',
        'Hãy liên hệ với {fellowName} để tìm hiểu nguyên nhân và thống nhất bước tiếp theo.',
        MANDATORY_ESCALATION.vi,
      ],
      action: { label: 'Xem cột mốc', urlKey: 'link' },
    },
    en: {
      subject: '{fellowName}: milestone "{milestone}" is {daysLate} days overdue',
      paragraphs: [
        'Hello {fullName},',
        '{fellowName}’s milestone "{milestone}" was due on {dueOn} and is still not submitted after {daysLate} days.',
        'Please get in touch with {fellowName} to find out why and agree on the next step.',
        MANDATORY_ESCALATION.en,
      ],
      action: { label: 'See the milestone', urlKey: 'link' },
    },
    sample: {
      fullName: 'Lê Thu Hà',
      fellowName: 'Nguyễn Văn An',
      milestone: 'Market entry plan',
      dueOn: '2027-10-15',
      daysLate: '7',
      link: 'https://vgbf.example/milestones',
    },
  },
  'notification-digest': {
    vi: {
      subject: 'Tóm tắt thông báo ngày {day} ({count})',
      paragraphs: [
        'Chào {fullName},',
        'Các thông báo của bạn trong ngày {day}:',
        '{items}',
        'Bạn nhận một email mỗi ngày vì đã chọn nhận tóm tắt; có thể đổi trong phần cài đặt thông báo. Để không nhận lời nhắc không bắt buộc: {unsubscribeUrl}',
      ],
      action: { label: 'Cài đặt thông báo', urlKey: 'settingsUrl' },
    },
    en: {
      subject: 'Your notifications of {day} ({count})',
      paragraphs: [
        'Hello {fullName},',
        'Your notifications of {day}:',
        '{items}',
        'You get one email a day because you chose the daily digest; change this in your notification settings. To stop optional reminders: {unsubscribeUrl}',
      ],
      action: { label: 'Notification settings', urlKey: 'settingsUrl' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      day: '2027-10-08',
      count: '2',
      items: '• Milestone "Market entry plan" is due on 2027-10-15\n• Milestone "Partner visit report" is due today',
      settingsUrl: 'https://vgbf.example/settings/notifications',
      unsubscribeUrl: SAMPLE_UNSUBSCRIBE,
    },
  },
} satisfies Record<string, Template>;
