import type { Translation } from './en';
import { viApplications } from './vi-applications';
import { viCommittee } from './vi-committee';
import { viStaffProgramme } from './vi-staff-programme';
import { viProgramme } from './vi-programme';
import { viMilestones } from './vi-milestones';
import { viShell } from './vi-shell';
import { viCohorts } from './vi-cohorts';
import { viAdmin } from './vi-admin';
import { viApplicant } from './vi-applicant';
import { viStaffNotes } from './vi-staff-notes';
import { viA11y } from './vi-a11y';
import { viAnnouncements } from './vi-announcements';
import { viDataRequests } from './vi-data-requests';
import { viVocabulary } from './vi-vocabulary';
import { viCheckpoints } from './vi-checkpoints';
import { viProposals } from './vi-proposals';
import { viPrivacyTransfers } from './vi-privacy-transfers';
import { viConsent } from './vi-consent';

/** Vietnamese texts (the program's first language). Same keys as en.ts. */
export const vi: Translation = {
  app: {
    name: 'VGBF Cohort',
    programme: 'Vietnam Global Biz Fellows',
    skipToContent: 'Chuyển đến nội dung',
    loading: 'Đang tải…',
  },
  language: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
    saved: 'Đã lưu ngôn ngữ.',
  },
  nav: {
    home: 'Trang chủ',
    account: 'Tài khoản của tôi',
    login: 'Đăng nhập',
    register: 'Đăng ký',
    logout: 'Đăng xuất',
    menu: 'Menu tài khoản',
    myApplications: 'Hồ sơ của tôi',
    applications: 'Hồ sơ ứng tuyển',
    reviews: 'Hồ sơ tôi chấm',
    committee: 'Hội đồng tuyển chọn',
    selection: 'Tuyển chọn và thư mời',
  },
  fields: {
    email: 'Email',
    password: 'Mật khẩu',
    newPassword: 'Mật khẩu mới',
    confirmPassword: 'Nhập lại mật khẩu mới',
    currentPassword: 'Mật khẩu hiện tại',
    fullName: 'Họ và tên',
    fullNamePlaceholder: 'Nguyễn Văn An',
    showPassword: 'Hiện hoặc ẩn mật khẩu',
  },
  validation: {
    required: 'Vui lòng điền thông tin này.',
    email: 'Nhập một địa chỉ email hợp lệ, ví dụ an.nguyen@example.vn.',
    passwordLength: 'Dùng ít nhất {{min}} ký tự.',
    passwordsDiffer: 'Hai mật khẩu không giống nhau.',
  },
  errors: {
    title: 'Đã có lỗi xảy ra',
    network: 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
    generic: 'Yêu cầu không thành công. Vui lòng thử lại sau giây lát.',
    missingToken: 'Đường link bị thiếu. Hãy mở lại link từ email.',
  },
  login: {
    title: 'Đăng nhập',
    subtitle: 'Chào mừng bạn trở lại Vietnam Global Biz Fellows.',
    submit: 'Đăng nhập',
    forgot: 'Quên mật khẩu?',
    noAccount: 'Chưa có tài khoản?',
    register: 'Đăng ký',
    sessionEnded: 'Bạn đã đăng xuất.',
  },
  register: {
    title: 'Tạo tài khoản',
    subtitle: 'Ứng tuyển Vietnam Global Biz Fellows: bắt đầu bằng một tài khoản.',
    passwordHint: 'Ít nhất {{min}} ký tự; một câu ngắn vừa dễ nhớ vừa khó đoán.',
    submit: 'Tạo tài khoản',
    haveAccount: 'Đã có tài khoản?',
    login: 'Đăng nhập',
    doneTitle: 'Hãy kiểm tra email',
    done: 'Chúng tôi đã gửi email đến {{email}}. Hãy mở email để tiếp tục: trong đó có đường link xác nhận tài khoản mới hoặc, nếu địa chỉ này đã có tài khoản, hướng dẫn đăng nhập.',
  },
  verify: {
    title: 'Xác nhận email',
    working: 'Đang xác nhận email của bạn…',
    doneTitle: 'Đã xác nhận email',
    done: 'Tài khoản của bạn đã được kích hoạt. Bạn có thể đăng nhập ngay.',
    login: 'Đến trang đăng nhập',
  },
  forgot: {
    title: 'Quên mật khẩu',
    subtitle: 'Nhập email của tài khoản, chúng tôi sẽ gửi cho bạn đường link để đặt mật khẩu mới.',
    submit: 'Gửi đường link',
    doneTitle: 'Hãy kiểm tra email',
    done: 'Nếu {{email}} có tài khoản, đường link đặt lại mật khẩu đang được gửi đến. Link sẽ sớm hết hạn.',
    back: 'Quay lại đăng nhập',
  },
  reset: {
    title: 'Đặt mật khẩu mới',
    submit: 'Lưu mật khẩu mới',
    doneTitle: 'Đã đổi mật khẩu',
    done: 'Mật khẩu mới đã được lưu. Hãy đăng nhập bằng mật khẩu này.',
    login: 'Đến trang đăng nhập',
  },
  invitation: {
    title: 'Nhận lời mời',
    subtitle: 'Bạn được mời tham gia Vietnam Global Biz Fellows. Hãy chọn mật khẩu cho tài khoản của bạn.',
    submit: 'Nhận lời mời và đặt mật khẩu',
    doneTitle: 'Chào mừng bạn',
    done: 'Tài khoản của bạn đã sẵn sàng. Hãy đăng nhập bằng email và mật khẩu vừa chọn.',
    login: 'Đến trang đăng nhập',
  },
  account: {
    title: 'Tài khoản của tôi',
    profile: 'Hồ sơ',
    languageTitle: 'Ngôn ngữ',
    languageHelp: 'Ngôn ngữ của trang web và của các email chúng tôi gửi cho bạn.',
    passwordTitle: 'Đổi mật khẩu',
    passwordHelp: 'Các thiết bị khác đang đăng nhập sẽ bị đăng xuất.',
    passwordSubmit: 'Đổi mật khẩu',
    passwordDone: 'Mật khẩu của bạn đã được thay đổi.',
  },
  home: {
    greeting: 'Xin chào, {{name}}',
    intro: 'Đây là không gian của bạn tại Vietnam Global Biz Fellows.',
    rolesLabel: 'Vai trò của bạn',
    comingSoon: 'Sắp ra mắt',
    open: 'Mở',
  },
  roles: {
    applicant: 'Ứng viên',
    reviewer: 'Hội đồng tuyển chọn',
    mentor: 'Cố vấn',
    fellow: 'Học viên',
    staff: 'Cán bộ chương trình',
    admin: 'Quản trị viên',
  },
  roleCards: {
    applicant:
      'Hồ sơ ứng tuyển của bạn sẽ ở đây: điền trong nhiều ngày, tải tài liệu lên, xếp hạng các hub, nộp trước hạn chót và theo dõi trạng thái.',
    reviewer:
      'Các hồ sơ được phân công cho bạn: khai báo xung đột lợi ích, chấm ẩn danh từng hồ sơ theo thang điểm, nhận xét và khuyến nghị.',
    mentor: 'Các học viên bạn cố vấn: ghi lại từng buổi gặp, trả lời các đợt phản hồi, cập nhật hồ sơ cố vấn của bạn.',
    fellow: 'Hub và thời gian của bạn, mục tiêu, cố vấn: xác nhận và đánh giá các buổi gặp, trả lời các đợt phản hồi.',
    staff:
      'Các khóa sẽ được điều hành từ đây: thời gian nhận hồ sơ, hub, hội đồng, tuyển chọn, phân bổ, ghép cố vấn và báo cáo.',
    admin: 'Người dùng, vai trò, lời mời và cài đặt hệ thống sẽ được quản lý ở đây.',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    back: 'Về trang chủ',
  },
  ...viApplications,
  ...viCommittee,
  ...viStaffProgramme,
  ...viProgramme,
  ...viMilestones,
  ...viShell,
  ...viCohorts,
  ...viAdmin,
  ...viApplicant,
  ...viStaffNotes,
  ...viA11y,
  ...viAnnouncements,
  ...viVocabulary,
  ...viCheckpoints,
  ...viProposals,
  ...viPrivacyTransfers,
  ...viDataRequests,
  ...viConsent,
};
