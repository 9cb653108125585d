import type { enVocabulary } from './en-vocabulary';

/** Các từ của biểu đồ và bộ chọn hiển thị từ vựng. Cùng khóa với en-vocabulary.ts. */
export const viVocabulary: typeof enVocabulary = {
  charts: {
    axis: {
      stage: 'Giai đoạn',
      people: 'Số người',
      fellows: 'Học viên',
      week: 'Tuần bắt đầu (thứ Hai)',
      month: 'Tháng',
      milestones: 'Cột mốc',
      sessions: 'Buổi gặp',
    },
    unknown: 'Chưa cho biết',
  },
  vocabulary: { loading: 'Đang tải…' },
};
