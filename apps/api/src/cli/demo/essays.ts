import type { Rng } from './random';

/** What an essay may mention about its author. */
export interface EssayContext {
  language: 'vi' | 'en';
  fullName: string;
  enterprise: string;
  /** What the enterprise does, in the essay's language. */
  activity: string;
  province: string;
  foundingYear: number;
  yearsRunning: number;
  /** Export markets' names in the essay's language; empty when it sells at home only. */
  markets: string[];
  hubName: string;
  hubCity: string;
  partner: string;
  /** How many people the enterprise employs. */
  headcount: number;
}

export interface Essays {
  motivation: string;
  marketEntryPlan: string;
  ambassador: string;
}

type Paragraph = (c: EssayContext, rng: Rng) => string;
type Pools = Record<'motivationOpen' | 'motivationWhy' | 'motivationClose' | 'plan' | 'ambassador', Paragraph[]>;

const COUNTRY_NAMES: Record<string, [vi: string, en: string]> = {
  JP: ['Nhật Bản', 'Japan'],
  SG: ['Singapore', 'Singapore'],
  KR: ['Hàn Quốc', 'South Korea'],
  US: ['Hoa Kỳ', 'the United States'],
  CN: ['Trung Quốc', 'China'],
  DE: ['Đức', 'Germany'],
  FR: ['Pháp', 'France'],
  NL: ['Hà Lan', 'the Netherlands'],
  AU: ['Úc', 'Australia'],
  TH: ['Thái Lan', 'Thailand'],
  MY: ['Malaysia', 'Malaysia'],
  ID: ['Indonesia', 'Indonesia'],
  TW: ['Đài Loan', 'Taiwan'],
  AE: ['UAE', 'the UAE'],
  GB: ['Anh', 'the United Kingdom'],
  CA: ['Canada', 'Canada'],
  KH: ['Campuchia', 'Cambodia'],
  LA: ['Lào', 'Laos'],
  PH: ['Philippines', 'the Philippines'],
  IN: ['Ấn Độ', 'India'],
};

export function countryNames(codes: string[], language: 'vi' | 'en'): string[] {
  return codes.map((code) => COUNTRY_NAMES[code]?.[language === 'vi' ? 0 : 1] ?? code);
}

const list = (items: string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const VI: Pools = {
  motivationOpen: [
    (c) =>
      `Tôi là ${c.fullName}, người sáng lập ${c.enterprise}, doanh nghiệp chuyên ${c.activity} thành lập năm ${c.foundingYear} tại ${c.province}.`,
    (c) =>
      `Năm ${c.foundingYear}, tôi cùng hai người bạn thành lập ${c.enterprise} tại ${c.province} với mong muốn đưa sản phẩm Việt ra thế giới. Đến nay công ty có ${c.headcount} người lao động.`,
    (c) =>
      `Sau ${c.yearsRunning} năm điều hành ${c.enterprise}, một doanh nghiệp ${c.activity}, tôi nhận ra rằng muốn đi xa thì doanh nghiệp phải thay đổi từ cách quản trị đến cách bán hàng.`,
  ],
  motivationWhy: [
    (c) =>
      c.markets.length
        ? `Chúng tôi đã xuất khẩu sang ${list(c.markets, 'và')}, nhưng phần lớn qua trung gian. Tôi còn thiếu kinh nghiệm quản trị theo chuẩn quốc tế, đặc biệt là pháp lý thương mại và đàm phán với đối tác nước ngoài.`
        : `Hiện sản phẩm của chúng tôi mới chỉ bán trong nước. Tôi còn thiếu kinh nghiệm quản trị theo chuẩn quốc tế, đặc biệt là pháp lý thương mại và đàm phán với đối tác nước ngoài.`,
    (c) =>
      `Điều tôi cần nhất lúc này không phải là vốn mà là hiểu biết thực tế về cách doanh nghiệp ở ${c.hubName} vận hành, ra quyết định và xây dựng chuỗi cung ứng bền vững.`,
    () =>
      `Khách hàng quốc tế ngày càng yêu cầu minh bạch về nguồn gốc và tác động môi trường. Tôi muốn học cách đưa tiêu chuẩn ESG vào hoạt động hằng ngày thay vì chỉ làm báo cáo cho đẹp.`,
  ],
  motivationClose: [
    (c) =>
      `Tôi tin rằng thời gian làm việc tại ${c.hubCity} cùng sự hướng dẫn của các chuyên gia sẽ giúp tôi và đội ngũ bước sang một giai đoạn phát triển mới.`,
    (c) =>
      `Chương trình VGBF là cơ hội để tôi học hỏi trực tiếp, xây dựng mạng lưới và mang kinh nghiệm đó về chia sẻ với cộng đồng doanh nghiệp trẻ ở ${c.province}.`,
  ],
  plan: [
    (c) =>
      `Giai đoạn 1 (tháng 1–3): nghiên cứu thị trường ${c.hubName}, làm việc với ${c.partner} và gặp ít nhất 20 nhà phân phối tiềm năng; rà soát các tiêu chuẩn, chứng nhận và quy định nhập khẩu áp dụng cho lĩnh vực ${c.activity}.`,
    () =>
      `Giai đoạn 2 (tháng 4–6): bán thử cho hai đến ba khách hàng đầu tiên, điều chỉnh bao bì, giá và điều khoản thanh toán cho phù hợp; thuê một chuyên gia pháp lý địa phương để chuẩn hóa hợp đồng mẫu.`,
    (c, rng) =>
      `Giai đoạn 3 (từ tháng 7): tìm đối tác phân phối độc quyền hoặc mở văn phòng đại diện tại ${c.hubCity}. Mục tiêu là doanh thu từ ${c.hubName} đạt ${rng.int(10, 30)}% tổng doanh thu sau hai năm.`,
    (c) =>
      `Rủi ro lớn nhất là chi phí tuân thủ và thời gian xây dựng lòng tin với khách hàng ${c.hubName}. Chúng tôi sẽ giảm rủi ro bằng cách đi từng bước nhỏ, đo lường kết quả mỗi quý và dựa vào mạng lưới của chương trình.`,
  ],
  ambassador: [
    (c) =>
      `Sau khi trở về, tôi sẽ tổ chức các buổi chia sẻ hằng quý cho hội doanh nhân trẻ ${c.province} về kinh nghiệm kinh doanh tại ${c.hubName}.`,
    (_c, rng) =>
      `Tôi cam kết hỗ trợ ít nhất ${rng.int(5, 15)} doanh nghiệp nhỏ trong ngành tiếp cận thị trường quốc tế, từ khâu chuẩn bị hồ sơ đến buổi gặp đối tác đầu tiên.`,
    (c) =>
      `Tôi cũng muốn là cầu nối giữa cộng đồng người Việt tại ${c.hubCity} và doanh nghiệp trong nước, giới thiệu hình ảnh một Việt Nam năng động, đáng tin cậy.`,
  ],
};

const EN: Pools = {
  motivationOpen: [
    (c) =>
      `I am ${c.fullName}, founder of ${c.enterprise}, a company in ${c.province} working in ${c.activity} since ${c.foundingYear}.`,
    (c) =>
      `In ${c.foundingYear} two friends and I started ${c.enterprise} in ${c.province} to bring Vietnamese products to the world. Today we employ ${c.headcount} people.`,
    (c) =>
      `After ${c.yearsRunning} years running ${c.enterprise}, I have learned that growing abroad means changing how we manage as much as how we sell.`,
  ],
  motivationWhy: [
    (c) =>
      c.markets.length
        ? `We already export to ${list(c.markets, 'and')}, mostly through intermediaries. What I lack is management practice at international standards, above all commercial law and negotiation with foreign partners.`
        : `We sell only in Vietnam so far. What I lack is management practice at international standards, above all commercial law and negotiation with foreign partners.`,
    (c) =>
      `What I need most is not capital but first-hand knowledge of how companies in ${c.hubName} run, decide and build sustainable supply chains.`,
    () =>
      `International buyers increasingly ask for transparency about origin and environmental impact. I want to learn how to make ESG part of daily operations rather than a yearly report.`,
  ],
  motivationClose: [
    (c) =>
      `I believe working in ${c.hubCity} with experienced mentors will take my team and me into a new stage of growth.`,
    (c) =>
      `VGBF is a chance to learn on the job, build a network, and bring that experience home to young entrepreneurs in ${c.province}.`,
  ],
  plan: [
    (c) =>
      `Phase 1 (months 1–3): study the ${c.hubName} market, work with ${c.partner}, and meet at least 20 potential distributors; review the standards, certifications and import rules that apply to ${c.activity}.`,
    () =>
      `Phase 2 (months 4–6): pilot with two or three first customers, adapt packaging, pricing and payment terms, and have a local lawyer standardise our contracts.`,
    (c, rng) =>
      `Phase 3 (from month 7): sign an exclusive distributor or open a representative office in ${c.hubCity}, aiming for ${rng.int(10, 30)}% of revenue from ${c.hubName} within two years.`,
    (c) =>
      `The main risks are compliance costs and the time it takes to earn the trust of buyers in ${c.hubName}; we will move in small steps, measure every quarter and lean on the programme's network.`,
  ],
  ambassador: [
    (c) =>
      `Back home I will run quarterly sessions for the young entrepreneurs' association of ${c.province} on doing business in ${c.hubName}.`,
    (_c, rng) =>
      `I commit to helping at least ${rng.int(5, 15)} small companies in my industry reach international markets, from preparing their documents to their first partner meeting.`,
    (c) =>
      `I also want to connect the Vietnamese community in ${c.hubCity} with companies at home, and show a dynamic, reliable Vietnam.`,
  ],
};

/** Three essays from varied paragraphs, well within the word limits. */
export function writeEssays(rng: Rng, c: EssayContext): Essays {
  const t = c.language === 'vi' ? VI : EN;
  // A few of the pool's paragraphs, in the pool's order (they read as a sequence).
  const some = (pool: Paragraph[], min: number): string => {
    const chosen = new Set(rng.sample(pool, rng.int(min, pool.length)));
    return pool
      .filter((p) => chosen.has(p))
      .map((p) => p(c, rng))
      .join('\n\n');
  };
  const title = c.language === 'vi' ? `Kế hoạch thâm nhập thị trường ${c.hubName}` : `Entering ${c.hubName}`;
  return {
    motivation: [
      rng.pick(t.motivationOpen)(c, rng),
      some(t.motivationWhy, 1),
      rng.pick(t.motivationClose)(c, rng),
    ].join('\n\n'),
    // The phases keep their order; only how many are written varies.
    marketEntryPlan: [title, ...t.plan.slice(0, rng.int(3, t.plan.length)).map((p) => p(c, rng))].join('\n\n'),
    ambassador: some(t.ambassador, 1),
  };
}
