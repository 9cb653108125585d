import { OPTIONAL_REMINDER, SAMPLE_UNSUBSCRIBE } from './reminder-templates';
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
        'Cán bộ chương trình đã xác nhận nơi làm việc của bạn trong {cohort}: {hub} ({city}), lựa chọn {rank} của bạn.',
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
        'Cán bộ chương trình đã chuyển nơi làm việc của bạn trong {cohort} từ {previousHub} sang {hub} ({city}).',
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
        'Cán bộ chương trình đã ghép bạn với {otherName} ({otherRole}) trong {cohort}.',
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
    codes: { otherRole: 'role' },
  },
  'mentoring-mentor-inactive': {
    vi: {
      subject: 'Đã {days} ngày chưa có buổi cố vấn nào với {fellowName}',
      paragraphs: [
        'Chào {fullName},',
        'Từ {since} chưa có buổi gặp nào giữa bạn và {fellowName} được ghi lại.',
        'Nếu hai bạn đã gặp, hãy ghi lại buổi gặp; nếu chưa, hãy hẹn buổi tiếp theo.',
        'Đây là thông báo bắt buộc, không thể tắt: quy chế chương trình yêu cầu cố vấn được báo khi việc cố vấn bị gián đoạn.',
      ],
      action: { label: 'Mở trang cố vấn', urlKey: 'link' },
    },
    en: {
      subject: 'No mentoring session with {fellowName} in {days} days',
      paragraphs: [
        'Hello {fullName},',
        'No session with {fellowName} has been logged since {since}.',
        'If you have met, please log the session; if not, please arrange the next one.',
        'This notice is mandatory and cannot be turned off: the programme rules require that mentors are told when mentoring has lapsed.',
      ],
      action: { label: 'Open mentoring', urlKey: 'link' },
    },
    sample: {
      fullName: 'Kenji Sato',
      fellowName: 'Nguyễn Văn An',
      since: '2027-10-02',
      days: '30',
      link: 'https://vgbf.example/mentoring',
    },
  },
  'mentoring-sessions-unconfirmed': {
    vi: {
      subject: '{pending} buổi cố vấn đang chờ bạn xác nhận',
      paragraphs: [
        'Chào {fullName},',
        '{mentorName} đã ghi lại {pending} buổi gặp mà bạn chưa xác nhận.',
        'Hãy xác nhận (và đánh giá nếu muốn) để cán bộ chương trình theo dõi được việc cố vấn.',
        OPTIONAL_REMINDER.vi,
      ],
      action: { label: 'Xác nhận các buổi gặp', urlKey: 'link' },
    },
    en: {
      subject: '{pending} mentoring sessions await your confirmation',
      paragraphs: [
        'Hello {fullName},',
        '{mentorName} has logged {pending} sessions that you have not confirmed yet.',
        'Please confirm them (and rate them if you like) so the programme team can follow the mentoring.',
        OPTIONAL_REMINDER.en,
      ],
      action: { label: 'Confirm sessions', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      mentorName: 'Kenji Sato',
      pending: '2',
      link: 'https://vgbf.example/mentoring',
      unsubscribeUrl: SAMPLE_UNSUBSCRIBE,
    },
  },
  'mentoring-session-upcoming': {
    vi: {
      subject: 'Ngày mai: buổi cố vấn với {otherName}',
      paragraphs: [
        'Chào {fullName},',
        'Bạn có buổi gặp với {otherName} lúc {startsAt} (giờ Việt Nam), {minutes} phút, {mode}.',
        'Nội dung: {agenda}',
        'Nếu cần đổi giờ hoặc huỷ, hãy làm trên trang cố vấn để cả hai cùng thấy.',
        OPTIONAL_REMINDER.vi,
      ],
      action: { label: 'Mở trang cố vấn', urlKey: 'link' },
    },
    en: {
      subject: 'Tomorrow: your mentoring session with {otherName}',
      paragraphs: [
        'Hello {fullName},',
        'You meet {otherName} at {startsAt} (Vietnam time), for {minutes} minutes, {mode}.',
        'Agenda: {agenda}',
        'To reschedule or cancel, do it on the mentoring page so you both see it.',
        OPTIONAL_REMINDER.en,
      ],
      action: { label: 'Open the mentoring page', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      otherName: 'Kenji Sato',
      startsAt: '2027-10-02 14:00',
      minutes: '60',
      mode: 'video',
      agenda: 'Distributor shortlist',
      link: 'https://vgbf.example/programme',
      unsubscribeUrl: SAMPLE_UNSUBSCRIBE,
    },
  },
  'milestone-submitted': {
    vi: {
      subject: '{fellowName} đã nộp minh chứng: {milestone}',
      paragraphs: [
        'Chào {fullName},',
        '{fellowName} đã nộp minh chứng cho cột mốc "{milestone}" (lần {version}, hạn {dueOn}).',
        'Hãy xem và phê duyệt hoặc yêu cầu chỉnh sửa.',
      ],
      action: { label: 'Mở danh sách chờ duyệt', urlKey: 'link' },
    },
    en: {
      subject: '{fellowName} submitted evidence: {milestone}',
      paragraphs: [
        'Hello {fullName},',
        '{fellowName} has submitted evidence for the milestone "{milestone}" (version {version}, due {dueOn}).',
        'Please review it: approve it or ask for changes.',
      ],
      action: { label: 'Open the review queue', urlKey: 'link' },
    },
    sample: {
      fullName: 'Kenji Sato',
      fellowName: 'Nguyễn Văn An',
      milestone: 'Market immersion plan',
      version: '1',
      dueOn: '2027-10-01',
      link: 'https://vgbf.example/milestones/review-queue',
    },
  },
  'milestone-approved': {
    vi: {
      subject: 'Cột mốc đã được duyệt: {milestone}',
      paragraphs: [
        'Chào {fullName},',
        'Minh chứng của bạn cho cột mốc "{milestone}" (lần {version}) đã được phê duyệt.',
        'Nhận xét: {comment}',
      ],
      action: { label: 'Xem các cột mốc của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'Milestone approved: {milestone}',
      paragraphs: [
        'Hello {fullName},',
        'Your evidence for the milestone "{milestone}" (version {version}) has been approved.',
        'Comment: {comment}',
      ],
      action: { label: 'Open my milestones', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      milestone: 'Market immersion plan',
      version: '2',
      comment: 'A clear plan, well grounded in the distributor interviews.',
      link: 'https://vgbf.example/programme/milestones',
    },
  },
  'milestone-changes-requested': {
    vi: {
      subject: 'Cần chỉnh sửa minh chứng: {milestone}',
      paragraphs: [
        'Chào {fullName},',
        'Người duyệt đề nghị bạn chỉnh sửa minh chứng cho cột mốc "{milestone}" (lần {version}).',
        'Nhận xét: {comment}',
        'Hãy nộp lại khi đã sẵn sàng.',
      ],
      action: { label: 'Xem các cột mốc của tôi', urlKey: 'link' },
    },
    en: {
      subject: 'Changes requested: {milestone}',
      paragraphs: [
        'Hello {fullName},',
        'A reviewer has asked for changes to your evidence for the milestone "{milestone}" (version {version}).',
        'Comment: {comment}',
        'Please submit again when it is ready.',
      ],
      action: { label: 'Open my milestones', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      milestone: 'Market immersion plan',
      version: '1',
      comment: 'Please add the list of distributors you will meet and when.',
      link: 'https://vgbf.example/programme/milestones',
    },
  },
} satisfies Record<string, Template>;
