import type { enCheckpoints } from './en-checkpoints';

/** Văn bản tiếng Việt của các đợt phản hồi của một khóa trên trang quản lý khóa. */
export const viCheckpoints: typeof enCheckpoints = {
  checkpoints: {
    title: 'Đợt phản hồi',
    help: 'Các phiếu hai chiều mà học viên và cố vấn cùng trả lời tại những thời điểm cố định trong năm. Sửa được cho đến khi chương trình bắt đầu.',
    locked: 'Chương trình đã bắt đầu: các đợt phản hồi chỉ xem được, không sửa được.',
    checkpoint: 'Đợt {{n}}',
    titleVi: 'Tên đợt (tiếng Việt)',
    titleEn: 'Tên đợt (tiếng Anh)',
    from: 'Mở tính từ',
    anchors: { start: 'đầu năm', midpoint: 'giữa năm', end: 'cuối năm' },
    days: 'Số ngày sau (âm: trước)',
    openForDays: 'Mở trong (ngày)',
    questions: 'Câu hỏi',
    questionVi: 'Câu hỏi {{n}} (tiếng Việt)',
    questionEn: 'Câu hỏi {{n}} (tiếng Anh)',
    kind: 'Kiểu trả lời',
    kinds: { rating: 'Chấm 1–5', yes_no: 'Có / không', text: 'Văn bản' },
    required: 'Bắt buộc',
    addQuestion: 'Thêm câu hỏi',
    removeQuestion: 'Xóa câu hỏi {{n}} của đợt {{c}}',
    add: 'Thêm đợt',
    remove: 'Xóa đợt {{n}}',
    save: 'Lưu các đợt phản hồi',
    saved: 'Đã lưu các đợt phản hồi.',
    requiredText: 'Hãy viết bằng cả hai ngôn ngữ.',
    wholeDays: 'Một số ngày nguyên.',
    openRange: 'Từ 1 đến 90 ngày.',
    oneQuestion: 'Mỗi đợt cần ít nhất một câu hỏi.',
  },
};
