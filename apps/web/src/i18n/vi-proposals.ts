import type { enProposals } from './en-proposals';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Lời của bảng đề xuất dùng chung (apps/web/src/components/proposals): tuyển chọn, phân bổ, ghép cặp. */
export const viProposals: Texts<typeof enProposals> = {
  proposals: {
    status: { proposed: 'Đề xuất', confirmed: 'Đã xác nhận', approved: 'Đã duyệt', superseded: 'Đã thay thế' },
    save: 'Lưu',
    cancel: 'Hủy',
    staleTitle: 'Đề xuất này đã cũ',
    compare: {
      title: 'So sánh hai đề xuất',
      help: 'Chọn hai lần chạy: ai có trong đề xuất này mà không có trong đề xuất kia, tổng điểm và tỷ lệ của chúng.',
      left: 'Đề xuất A',
      right: 'Đề xuất B',
      pickTwo: 'Hãy chọn hai đề xuất khác nhau.',
    },
  },
};
