import type { enStaffNotes } from './en-staff-notes';

/** Văn bản tiếng Việt của phần chỉ dành cho cán bộ trên một hồ sơ: liên hệ, ghi chú nội bộ, nhãn. */
export const viStaffNotes: typeof enStaffNotes = {
  staffNotes: {
    title: 'Liên hệ, ghi chú và nhãn',
    staffOnly: 'Chỉ cán bộ',
    email: 'Email',
    phone: 'Điện thoại',
    language: 'Ngôn ngữ',
    tags: 'Nhãn',
    tagsHelp: 'Tối đa 10; chữ thường, chữ số và dấu gạch ngang. Nhấn Enter sau mỗi nhãn.',
    saveTags: 'Lưu nhãn',
    newNote: 'Ghi chú nội bộ (không bao giờ hiện cho ứng viên hay người chấm)',
    addNote: 'Thêm ghi chú',
    none: 'Chưa có ghi chú nội bộ.',
    by: '{{name}} · {{at}}',
    override: {
      open: 'Ghi đè điều kiện tham gia',
      reason: 'Lý do',
      help: 'Ứng viên khi đó được nộp hồ sơ dù một điều kiện của khóa không đạt. Có ghi nhật ký.',
      confirm: 'Xác nhận ghi đè',
      cancel: 'Hủy',
      shown: 'Cán bộ đã ghi đè điều kiện tham gia: {{reason}} ({{name}}, {{at}})',
    },
  },
};
