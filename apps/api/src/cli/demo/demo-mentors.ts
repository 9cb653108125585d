// The running cohort's mentors: made-up people at the kind of organisations that advise fellows in
// each hub (trade agencies, law firms, banks, logistics companies), and a few Vietnamese abroad.

export interface DemoMentor {
  email: string;
  fullName: string;
  /** The language of the account, of their session notes and of their feedback. */
  language: 'vi' | 'en';
  organisation: string;
  title: string;
  /** The application form's sectors (SECTORS). */
  sectors: string[];
  /** EXPERTISE_AREAS. */
  expertise: string[];
  /** ISO 639-1. */
  languages: string[];
  /** A hub city, or null for "anywhere" (remote). */
  city: string | null;
  /** IANA time zone. */
  timeZone: string;
  capacity: number;
}

/** The demo mentor account, paired with the demo fellow. */
export const DEMO_MENTOR_EMAIL = 'mentor@vgbf.local';
export const DEMO_FELLOW_EMAIL = 'fellow@vgbf.local';

const m = (
  fullName: string,
  language: 'vi' | 'en',
  organisation: string,
  title: string,
  sectors: string[],
  expertise: string[],
  languages: string[],
  place: [string | null, string],
  capacity: number,
  email?: string,
): DemoMentor => ({
  email:
    email ??
    `${fullName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')}@mentors.vgbf.local`,
  fullName,
  language,
  organisation,
  title,
  sectors,
  expertise,
  languages,
  city: place[0],
  timeZone: place[1],
  capacity,
});

const TOKYO: [string, string] = ['Tokyo', 'Asia/Tokyo'];
const SEOUL: [string, string] = ['Seoul', 'Asia/Seoul'];
const SINGAPORE: [string, string] = ['Singapore', 'Asia/Singapore'];
const BERLIN: [string, string] = ['Berlin', 'Europe/Berlin'];

/** Twenty-five mentors; the first is the demo mentor account (mentor@vgbf.local), the others are seeded in bulk. */
export const DEMO_MENTORS: readonly DemoMentor[] = [
  m('Sarah Tanaka', 'en', 'JETRO', 'Senior trade advisor', ['agriculture_food', 'retail_ecommerce'], ['export_logistics', 'marketing', 'legal'], ['en', 'ja'], TOKYO, 3, DEMO_MENTOR_EMAIL),
  m('Kenji Watanabe', 'en', 'JETRO', 'Market entry advisor', ['manufacturing', 'technology'], ['export_logistics', 'operations'], ['ja', 'en'], TOKYO, 3),
  m('Yuki Sato', 'en', 'Nishimura & Asahi', 'Partner, corporate', ['technology', 'fintech', 'healthcare'], ['legal', 'fundraising'], ['ja', 'en'], TOKYO, 2),
  m('Hiroshi Nakamura', 'en', 'Sumitomo Mitsui Banking Corporation', 'Head of ASEAN desk', ['manufacturing', 'energy_environment'], ['finance', 'fundraising'], ['ja', 'en'], TOKYO, 2),
  m('Aiko Yamamoto', 'en', 'Rakuten', 'Marketplace partnerships lead', ['retail_ecommerce', 'creative_media'], ['marketing', 'technology'], ['ja', 'en'], ['Osaka', 'Asia/Tokyo'], 3),
  m('Takeshi Mori', 'en', 'Nippon Express', 'Cold-chain solutions manager', ['agriculture_food', 'logistics'], ['export_logistics', 'operations'], ['ja', 'en'], TOKYO, 2),
  m('Nguyễn Minh Tuấn', 'vi', 'Hội Doanh nhân Việt Nam tại Nhật Bản', 'Phó chủ tịch', ['agriculture_food', 'tourism_hospitality', 'textiles_fashion'], ['marketing', 'operations', 'legal'], ['vi', 'ja', 'en'], TOKYO, 3),
  m('Kim Min-jun', 'en', 'KOTRA', 'Investment advisor', ['technology', 'manufacturing'], ['export_logistics', 'fundraising'], ['ko', 'en'], SEOUL, 3),
  m('Park Ji-woo', 'en', 'Kim & Chang', 'Senior foreign attorney', ['fintech', 'healthcare', 'education'], ['legal', 'esg'], ['ko', 'en'], SEOUL, 2),
  m('Lee Seo-yeon', 'en', 'Shinhan Bank', 'Vice president, SME banking', ['retail_ecommerce', 'fintech'], ['finance', 'fundraising'], ['ko', 'en'], SEOUL, 2),
  m('Choi Hyun-woo', 'en', 'CJ Logistics', 'Cross-border logistics manager', ['logistics', 'agriculture_food', 'retail_ecommerce'], ['export_logistics', 'operations'], ['ko', 'en'], ['Busan', 'Asia/Seoul'], 2),
  m('Trần Thị Bích Ngọc', 'vi', 'Hội Doanh nhân Việt Nam tại Hàn Quốc', 'Tổng thư ký', ['textiles_fashion', 'creative_media', 'tourism_hospitality'], ['marketing', 'operations'], ['vi', 'ko', 'en'], SEOUL, 3),
  m('Tan Wei Ming', 'en', 'Enterprise Singapore', 'Regional director, Indochina', ['technology', 'logistics', 'energy_environment'], ['export_logistics', 'fundraising', 'esg'], ['en', 'zh'], SINGAPORE, 3),
  m('Rachel Goh', 'en', 'Rajah & Tann', 'Partner, technology and IP', ['technology', 'fintech', 'creative_media'], ['legal'], ['en', 'zh'], SINGAPORE, 2),
  m('Daniel Lim', 'en', 'DBS Bank', 'Head of SME trade finance', ['fintech', 'manufacturing', 'agriculture_food'], ['finance', 'fundraising'], ['en'], SINGAPORE, 3),
  m('Priya Nair', 'en', 'PSA International', 'Head of customer solutions', ['logistics', 'retail_ecommerce'], ['export_logistics', 'operations', 'esg'], ['en'], SINGAPORE, 2),
  m('Phan Quốc Khánh', 'vi', 'Grab', 'Product director', ['technology', 'retail_ecommerce', 'tourism_hospitality'], ['technology', 'marketing'], ['vi', 'en'], SINGAPORE, 2),
  m('Anna Müller', 'en', 'Germany Trade & Invest', 'Senior manager, Asia-Pacific', ['manufacturing', 'energy_environment', 'healthcare'], ['export_logistics', 'esg'], ['de', 'en'], BERLIN, 3),
  m('Lukas Schneider', 'en', 'Hengeler Mueller', 'Counsel, EU trade law', ['agriculture_food', 'textiles_fashion', 'manufacturing'], ['legal', 'esg'], ['de', 'en', 'fr'], BERLIN, 2),
  m('Katrin Weber', 'en', 'Deutsche Bank', 'Director, trade and working capital', ['manufacturing', 'energy_environment'], ['finance', 'fundraising'], ['de', 'en'], ['Frankfurt', 'Europe/Berlin'], 2),
  m('Jonas Fischer', 'en', 'DB Schenker', 'Head of ocean freight, Asia–Europe', ['logistics', 'textiles_fashion', 'agriculture_food'], ['export_logistics', 'operations'], ['de', 'en'], BERLIN, 2),
  m('Võ Thanh Hương', 'vi', 'Đồng Xuân Center', 'Giám đốc phát triển', ['retail_ecommerce', 'agriculture_food', 'textiles_fashion'], ['marketing', 'operations', 'export_logistics'], ['vi', 'de', 'en'], BERLIN, 3),
  m('Đỗ Quang Vinh', 'vi', 'Mekong Capital Partners', 'Venture partner', ['technology', 'education', 'healthcare'], ['fundraising', 'finance', 'technology'], ['vi', 'en'], [null, 'America/Los_Angeles'], 3),
  m('Hoàng Mai Phương', 'vi', 'Monash University', 'Adjunct professor, sustainable supply chains', ['energy_environment', 'agriculture_food'], ['esg', 'operations'], ['vi', 'en'], [null, 'Australia/Melbourne'], 2),
  m('Sophie Dubois', 'en', 'Business France', 'Export advisor, food and beverage', ['agriculture_food', 'tourism_hospitality'], ['marketing', 'export_logistics'], ['fr', 'en'], [null, 'Europe/Paris'], 2),
]; // prettier-ignore
