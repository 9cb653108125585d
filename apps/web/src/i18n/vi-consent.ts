import type { enConsent } from './en-consent';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Văn bản tiếng Việt về thông báo quyền riêng tư và sự đồng ý (issue 17). */
export const viConsent: Texts<typeof enConsent> = {
  consent: {
    nav: 'Quyền riêng tư',
    title: 'Quyền riêng tư',
    intro:
      'Chương trình VGBF xin sự đồng ý của bạn riêng cho từng mục đích dưới đây. Không mục nào được đánh dấu sẵn: bạn có thể đồng ý hoặc rút lại sự đồng ý bất cứ lúc nào, và việc rút lại sẽ dừng mọi xử lý phụ thuộc vào nó kể từ lúc đó.',
    requiredToApply: 'Cần để ứng tuyển',
    optional: 'Không bắt buộc',
    state: { given: 'Đã đồng ý', withdrawn: 'Đã rút lại', lapsed: 'Cần đồng ý lại', none: 'Chưa đồng ý' },
    channel: {
      registration: 'biểu mẫu đăng ký',
      account: 'trang tài khoản',
      staff: 'cán bộ chương trình thay mặt bạn',
      seed: 'hồ sơ của chương trình',
    },
    recorded: 'Thông báo phiên bản {{version}}, {{at}}, qua {{channel}}.',
    lapsedNote:
      'Thông báo đã thay đổi quan trọng (phiên bản {{version}}). Vui lòng đọc lại và đồng ý lần nữa nếu bạn chấp thuận.',
    readNotice: 'Đọc thông báo (phiên bản {{version}})',
    hideNotice: 'Ẩn thông báo',
    give: 'Tôi đồng ý',
    withdraw: 'Rút lại sự đồng ý',
    registerTitle: 'Sự đồng ý của bạn',
    applyNeededTitle: 'Cần sự đồng ý của bạn để ứng tuyển',
    applyNeeded:
      'Để tiếp nhận và xử lý hồ sơ ứng tuyển, chương trình cần bạn đồng ý với mục đích dưới đây. Hãy đọc thông báo, đánh dấu vào ô nếu bạn đồng ý, rồi hồ sơ của bạn sẽ được tạo.',
    applyAgreeAndStart: 'Tôi đồng ý — bắt đầu hồ sơ',
    registerIntro:
      'Đánh dấu những mục đích bạn đồng ý. Xử lý hồ sơ ứng tuyển là cần thiết để ứng tuyển; các mục khác không bắt buộc và bạn có thể thay đổi sau tại trang tài khoản.',
    announcementPurpose: 'Ai được nhận',
    announcementPurposeHint:
      'Thông báo của chương trình gửi đến mọi người trong nhóm; tin tức và tiếp thị chỉ gửi người đã đồng ý.',
    announcementNotice: 'Thông báo của chương trình (bắt buộc)',
    staff: {
      nav: 'Thông báo quyền riêng tư',
      title: 'Thông báo quyền riêng tư và sự đồng ý',
      intro:
        'Mỗi mục đích có một thông báo bằng tiếng Việt và tiếng Anh. Phiên bản mới được đánh dấu là thay đổi quan trọng sẽ yêu cầu mọi người đồng ý lại: sự đồng ý trước đó không còn hiệu lực cho đến khi họ đồng ý lại.',
      purpose: 'Mục đích',
      version: 'Phiên bản hiện hành',
      standing: 'Đang đồng ý',
      lapsed: 'Cần đồng ý lại',
      withdrawn: 'Đã rút lại',
      newVersion: 'Phiên bản mới',
      versionLine: 'Phiên bản {{version}} ngày {{at}}',
      material: 'Thay đổi quan trọng',
      publishTitle: 'Công bố phiên bản mới',
      titleVi: 'Tiêu đề (tiếng Việt)',
      titleEn: 'Tiêu đề (tiếng Anh)',
      bodyVi: 'Nội dung thông báo (tiếng Việt)',
      bodyEn: 'Nội dung thông báo (tiếng Anh)',
      changeNote: 'Điểm thay đổi (cho cán bộ)',
      materialLabel: 'Thay đổi quan trọng: yêu cầu mọi người đồng ý lại',
      publish: 'Công bố',
      published: 'Đã công bố phiên bản {{version}}.',
      personTitle: 'Sự đồng ý',
      onBehalfReason: 'Người đó đã cho biết bằng cách nào (bắt buộc)',
      history: 'Lịch sử',
    },
  },
};
