import type { Template } from './template';

/**
 * The programme year's emails (placement, mentoring), each in Vietnamese and English. Same shape as
 * the entries of TEMPLATES, which spreads them in.
 */
export const PROGRAMME_TEMPLATES = {
  'placement-confirmed': {
    vi: {
      subject: 'Nơi bạn sẽ đến trong {cohort}: {hub}',
      paragraphs: [
        'Chào {fullName},',
        'Ban điều phối đã xác nhận nơi làm việc của bạn trong {cohort}: {hub} ({city}), lựa chọn {rank} của bạn.',
        'Chương trình của bạn từ {startDate} đến {endDate}. Trang của bạn có chi tiết và các bước chuẩn bị.',
      ],
      action: { label: 'Xem trang của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'Your {cohort} hub: {hub}',
      paragraphs: [
        'Hello {fullName},',
        'The programme team has confirmed your placement in {cohort}: {hub} ({city}), your choice {rank}.',
        'Your programme runs from {startDate} to {endDate}. Your page has the details and what to prepare.',
      ],
      action: { label: 'Open my programme', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      cohort: 'VGBF 2027',
      hub: 'Japan',
      city: 'Tokyo',
      rank: '1',
      startDate: '2027-09-01',
      endDate: '2028-08-31',
      link: 'https://vgbf.example/programme',
    },
  },
  'placement-changed': {
    vi: {
      subject: 'Nơi làm việc của bạn trong {cohort} đã thay đổi: {hub}',
      paragraphs: [
        'Chào {fullName},',
        'Ban điều phối đã chuyển nơi làm việc của bạn trong {cohort} từ {previousHub} sang {hub} ({city}).',
        'Lý do: {reason}',
      ],
      action: { label: 'Xem trang của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'Your {cohort} hub has changed: {hub}',
      paragraphs: [
        'Hello {fullName},',
        'The programme team has moved your {cohort} placement from {previousHub} to {hub} ({city}).',
        'Reason: {reason}',
      ],
      action: { label: 'Open my programme', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      cohort: 'VGBF 2027',
      previousHub: 'Japan',
      hub: 'South Korea',
      city: 'Seoul',
      reason: 'Partner capacity in Tokyo was reduced.',
      link: 'https://vgbf.example/programme',
    },
  },
  'pairing-approved': {
    vi: {
      subject: 'Cặp cố vấn của bạn trong {cohort}: {otherName}',
      paragraphs: [
        'Chào {fullName},',
        'Ban điều phối đã ghép bạn với {otherName} ({otherRole}) trong {cohort}.',
        'Vì sao: {reasons}.',
        'Hãy liên hệ qua {otherEmail} để hẹn buổi đầu tiên.',
      ],
      action: { label: 'Mở trang cố vấn', urlKey: 'link' },
    },
    en: {
      subject: 'Your {cohort} mentoring pair: {otherName}',
      paragraphs: [
        'Hello {fullName},',
        'The programme team has paired you with {otherName} ({otherRole}) in {cohort}.',
        'Why: {reasons}.',
        'Write to {otherEmail} to arrange your first session.',
      ],
      action: { label: 'Open mentoring', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      cohort: 'VGBF 2027',
      otherName: 'Kenji Sato',
      otherRole: 'mentor',
      otherEmail: 'kenji.sato@example.jp',
      reasons: 'same sector: fintech; both speak Japanese; both in Tokyo',
      link: 'https://vgbf.example/mentoring',
    },
  },
} satisfies Record<string, Template>;
