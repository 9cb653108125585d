import type { enApplicant } from './en-applicant';

/** Vietnamese texts of the applicant's gaps (issue 13): summary, confirmation, PDF, resend, history. */
export const viApplicant: typeof enApplicant = {
  resend: {
    title: 'Gửi lại email xác nhận',
    help: 'Liên kết đã hết hạn, hoặc bạn không tìm thấy email? Chúng tôi có thể gửi liên kết mới.',
    submit: 'Gửi lại email xác nhận',
    doneTitle: 'Hãy kiểm tra email',
    done: 'Nếu {{email}} có tài khoản chưa được xác nhận, một liên kết mới đang được gửi đến. Các liên kết trước không còn dùng được.',
  },
  summary: {
    title: 'Hồ sơ của bạn như hội đồng sẽ đọc',
    edit: 'Sửa {{step}}',
    empty: 'Chưa điền',
    years: '{{year}}',
    english: '{{test}} {{score}}',
    topik: 'Cấp {{level}}',
    choice: '{{rank}}. {{hub}}',
    referee: '{{name}} · {{email}} · {{relation}}',
    noDocuments: 'Chưa tải lên tài liệu nào',
  },
  confirmSubmit: {
    title: 'Nộp hồ sơ của bạn?',
    final: 'Nộp hồ sơ là bước cuối cùng: sau khi nộp, bạn không thể sửa câu trả lời hay tài liệu nữa.',
    check: 'Nếu chưa chắc chắn, hãy xem lại bản tóm tắt một lần nữa.',
    cancel: 'Tiếp tục chỉnh sửa',
    confirm: 'Đồng ý, nộp hồ sơ',
  },
  pdf: {
    download: 'Tải về bản PDF',
  },
  historySentence: {
    draft: 'Hồ sơ của bạn được trả về trạng thái nháp.',
    submitted: 'Bạn đã nộp hồ sơ.',
    ineligible: 'Hồ sơ của bạn không đáp ứng điều kiện tham gia.',
    under_review: 'Hội đồng tuyển chọn bắt đầu xét hồ sơ của bạn.',
    shortlisted: 'Bạn đã vào danh sách phỏng vấn.',
    interviewed: 'Buổi phỏng vấn của bạn đã được ghi nhận.',
    offered: 'Bạn nhận được lời mời tham gia khóa.',
    waitlisted: 'Bạn có tên trong danh sách chờ.',
    rejected: 'Lần này bạn chưa được chọn.',
    accepted: 'Bạn đã nhận lời mời.',
    declined: 'Bạn đã từ chối lời mời.',
    withdrawn: 'Bạn đã rút hồ sơ.',
  },
};
