// What the running cohort's people write: session notes, action items, ratings' comments and
// checkpoint answers, in English and Vietnamese. Plain phrase lists, picked by demo-programme.ts.
import type { SessionTopic } from '@vgbf/mentoring';

type Lang = 'vi' | 'en';

/** Session notes by topic: what was discussed, as a mentor jots it down. */
export const NOTES: Record<Exclude<SessionTopic, 'other'>, Record<Lang, string[]>> = {
  market_entry: {
    en: [
      'Walked through the first three target buyers and how they source today.',
      'Compared a distributor against a direct sales office for the first year.',
      'Reviewed the pricing sheet against two local competitors.',
    ],
    vi: [
      'Rà soát ba nhóm khách hàng mục tiêu đầu tiên và cách họ đang tìm nguồn hàng.',
      'So sánh phương án nhà phân phối với văn phòng bán hàng trực tiếp trong năm đầu.',
      'Đối chiếu bảng giá với hai đối thủ tại thị trường sở tại.',
    ],
  },
  legal_compliance: {
    en: [
      'Went through labelling and import registration; the checklist is shorter than feared.',
      'Discussed the distribution agreement draft, especially exclusivity and termination.',
    ],
    vi: [
      'Xem lại quy định nhãn mác và đăng ký nhập khẩu; danh mục hồ sơ ngắn hơn dự kiến.',
      'Góp ý dự thảo hợp đồng phân phối, nhất là điều khoản độc quyền và chấm dứt.',
    ],
  },
  finance_fundraising: {
    en: [
      'Looked at trade finance options for the first container and the bank’s documents.',
      'Practised the investor pitch; the unit economics slide needs real numbers.',
    ],
    vi: [
      'Tìm hiểu các phương án tài trợ thương mại cho lô hàng đầu tiên và hồ sơ ngân hàng cần.',
      'Tập thuyết trình gọi vốn; slide hiệu quả đơn vị cần số liệu thực tế.',
    ],
  },
  partnerships: {
    en: [
      'Mapped the trade fair contacts and agreed which three to follow up first.',
      'Prepared the introduction to a possible co-packing partner.',
    ],
    vi: [
      'Lập danh sách liên hệ từ hội chợ và thống nhất ba đối tác cần liên hệ lại trước.',
      'Chuẩn bị buổi giới thiệu với một đối tác gia công đóng gói tiềm năng.',
    ],
  },
  marketing_sales: {
    en: [
      'Reworked the product one-pager for local buyers; less about the factory, more about the customer.',
      'Reviewed the marketplace listing and the first month of sales data.',
    ],
    vi: [
      'Viết lại tờ giới thiệu sản phẩm cho khách hàng sở tại; bớt nói về nhà máy, nói nhiều hơn về khách hàng.',
      'Xem lại gian hàng trên sàn thương mại điện tử và số liệu bán hàng tháng đầu.',
    ],
  },
  operations_logistics: {
    en: [
      'Compared sea and air freight for the samples; consolidating with another shipper saves a third.',
      'Went through the cold-chain requirements and the customs broker’s quote.',
    ],
    vi: [
      'So sánh vận chuyển đường biển và hàng không cho hàng mẫu; ghép container giúp tiết kiệm một phần ba.',
      'Rà soát yêu cầu chuỗi lạnh và báo giá của đại lý hải quan.',
    ],
  },
  esg: {
    en: ['Discussed what buyers here ask about traceability and the carbon footprint of shipping.'],
    vi: ['Trao đổi về yêu cầu truy xuất nguồn gốc và dấu chân carbon mà người mua ở đây thường hỏi.'],
  },
  leadership: {
    en: ['Talked about running the team in Vietnam from abroad: weekly rhythm and who decides what.'],
    vi: ['Trao đổi cách điều hành đội ngũ ở Việt Nam khi đang ở nước ngoài: nhịp họp hằng tuần và phân quyền.'],
  },
  networking: {
    en: ['Went to the chamber’s monthly breakfast together; two useful introductions.'],
    vi: ['Cùng tham dự buổi cà phê doanh nhân hằng tháng của phòng thương mại; có hai mối giới thiệu hữu ích.'],
  },
};

/** What "other" sessions were about. */
export const OTHER_TOPICS: Record<Lang, string[]> = {
  en: ['Visa extension for a second trip', 'Finding a flat for the family'],
  vi: ['Gia hạn thị thực cho chuyến đi thứ hai', 'Tìm nhà ở cho gia đình'],
};

export const OTHER_NOTES: Record<Lang, string[]> = {
  en: ['Practical matters this time; back to the market plan next session.'],
  vi: ['Lần này chủ yếu là việc cá nhân; buổi sau quay lại kế hoạch thị trường.'],
};

export const ACTION_ITEMS: Record<Lang, string[]> = {
  en: [
    'Send the updated price list',
    'Book meetings with two distributors',
    'Ask the customs broker for a written quote',
    'Draft the one-page company profile in English',
    'Share the trade fair contact list',
    'Prepare three questions for the bank',
    'Order samples for the buyer visit',
  ],
  vi: [
    'Gửi bảng giá cập nhật',
    'Đặt lịch gặp hai nhà phân phối',
    'Xin báo giá bằng văn bản từ đại lý hải quan',
    'Soạn hồ sơ năng lực một trang bằng tiếng Anh',
    'Chia sẻ danh sách liên hệ từ hội chợ',
    'Chuẩn bị ba câu hỏi cho ngân hàng',
    'Đặt hàng mẫu cho buổi gặp khách',
  ],
};

/** The fellow's comment on a rating, by how good it was. */
export const RATING_COMMENTS: Record<Lang, { good: string[]; poor: string[] }> = {
  en: {
    good: ['Very practical, thank you!', 'Exactly what I needed this week.', 'Great introductions.'],
    poor: ['We ran out of time for my questions.', 'Too general for my situation.'],
  },
  vi: {
    good: ['Rất thiết thực, cảm ơn anh chị!', 'Đúng điều em cần trong tuần này.', 'Những mối giới thiệu rất quý.'],
    poor: ['Buổi này hơi vội, chưa kịp hỏi hết.', 'Nội dung còn chung chung so với tình hình của em.'],
  },
};

/** Answers to the checkpoints' free-text questions, by question code; others fall back to `_`. */
export const TEXT_ANSWERS: Record<Lang, Record<string, string[]>> = {
  en: {
    first_goal: ['A first order from a local distributor.', 'A registered product and a price list buyers accept.'],
    change: ['More time between sessions to do the homework.', 'Meeting in person once a month would help.'],
    _: ['Good so far.'],
  },
  vi: {
    first_goal: [
      'Có đơn hàng đầu tiên từ một nhà phân phối sở tại.',
      'Hoàn tất đăng ký sản phẩm và có bảng giá phù hợp.',
    ],
    change: ['Cần thêm thời gian giữa các buổi để làm bài tập.', 'Gặp trực tiếp mỗi tháng một lần sẽ tốt hơn.'],
    _: ['Mọi việc đang tốt.'],
  },
};
