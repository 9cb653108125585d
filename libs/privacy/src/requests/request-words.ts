import type { RequestKind } from './request-deadlines';

/** A request's kind as the person reads it in an email, in their language. */
export const KIND_WORDS: Record<RequestKind, { vi: string; en: string }> = {
  access: { vi: 'truy cập dữ liệu', en: 'data access' },
  correction: { vi: 'chỉnh sửa dữ liệu', en: 'data correction' },
  deletion: { vi: 'xóa dữ liệu', en: 'data deletion' },
  withdrawal: { vi: 'rút lại sự đồng ý', en: 'consent withdrawal' },
  restriction: { vi: 'hạn chế xử lý dữ liệu', en: 'restriction of processing' },
  objection: { vi: 'phản đối xử lý dữ liệu', en: 'objection to processing' },
};
