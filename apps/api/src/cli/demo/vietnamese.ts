import type { Region } from '@vgbf/applications';
import type { Rng } from './random';

/** Family names with rough shares of the population; Hoàng/Huỳnh and Vũ/Võ lean North/South. */
const FAMILY_NAMES: Record<Region, ReadonlyArray<readonly [string, number]>> = (() => {
  const common: Array<[string, number]> = [
    ['Nguyễn', 38],
    ['Trần', 11],
    ['Lê', 9.5],
    ['Phạm', 7],
    ['Phan', 4.5],
    ['Đặng', 2.1],
    ['Bùi', 2],
    ['Đỗ', 1.4],
    ['Hồ', 1.3],
    ['Ngô', 1.3],
    ['Dương', 1],
    ['Đinh', 0.8],
    ['Trương', 0.8],
    ['Lý', 0.5],
    ['Mai', 0.5],
    ['Đào', 0.5],
    ['Trịnh', 0.4],
    ['Hà', 0.4],
    ['Lâm', 0.4],
    ['Cao', 0.4],
    ['Lương', 0.3],
    ['Tạ', 0.3],
  ];
  return {
    North: [...common, ['Hoàng', 4.5], ['Huỳnh', 0.4], ['Vũ', 3.5], ['Võ', 0.4]],
    Central: [...common, ['Hoàng', 2], ['Huỳnh', 2], ['Vũ', 1], ['Võ', 3]],
    South: [...common, ['Hoàng', 0.8], ['Huỳnh', 4.5], ['Vũ', 0.6], ['Võ', 3.5]],
  };
})();

const MIDDLE_NAMES = {
  male: [
    ['Văn', 24],
    ['Minh', 12],
    ['Đức', 10],
    ['Hữu', 8],
    ['Quốc', 8],
    ['Công', 6],
    ['Thanh', 6],
    ['Hoàng', 5],
    ['Gia', 5],
    ['Đình', 5],
    ['Quang', 5],
    ['Trọng', 4],
    ['Anh', 4],
    ['Xuân', 3],
    ['Tuấn', 3],
    ['Ngọc', 2],
  ],
  female: [
    ['Thị', 30],
    ['Ngọc', 12],
    ['Thu', 8],
    ['Thanh', 8],
    ['Minh', 6],
    ['Phương', 5],
    ['Hồng', 5],
    ['Thùy', 5],
    ['Bảo', 4],
    ['Khánh', 4],
    ['Mai', 4],
    ['Kim', 4],
    ['Hoài', 3],
    ['Diệu', 3],
    ['Quỳnh', 3],
  ],
} as const satisfies Record<'male' | 'female', ReadonlyArray<readonly [string, number]>>;

/** A second middle name, as in "Trần Ngọc Bảo Anh" (never Văn or Thị). */
const SECOND_MIDDLE = {
  male: ['Minh', 'Hoàng', 'Gia', 'Anh', 'Đức', 'Quang', 'Nhật'],
  female: ['Bảo', 'Minh', 'Phương', 'Khánh', 'Ngọc', 'Thảo', 'Thu'],
} as const;

const GIVEN_NAMES = {
  male: [
    'An',
    'Bảo',
    'Bình',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Đông',
    'Hải',
    'Hiếu',
    'Hoàng',
    'Huy',
    'Hùng',
    'Khang',
    'Khoa',
    'Khôi',
    'Kiên',
    'Long',
    'Lộc',
    'Luân',
    'Nam',
    'Nghĩa',
    'Nhân',
    'Phát',
    'Phong',
    'Phúc',
    'Quân',
    'Quang',
    'Sơn',
    'Tài',
    'Thành',
    'Thắng',
    'Thịnh',
    'Toàn',
    'Trí',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
  ],
  female: [
    'Anh',
    'Ánh',
    'Chi',
    'Diệp',
    'Dung',
    'Duyên',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Huyền',
    'Hương',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Ly',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Nhi',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Quỳnh',
    'Tâm',
    'Thảo',
    'Thủy',
    'Trâm',
    'Trang',
    'Trinh',
    'Uyên',
    'Vân',
    'Vy',
    'Yến',
  ],
} as const;

export interface VietnameseName {
  fullName: string;
  family: string;
  given: string;
  sex: 'male' | 'female';
}

/** A full name whose middle and given names fit the sex, e.g. "Lê Thị Thu Hằng" or "Huỳnh Minh Khoa". */
export function vietnameseName(rng: Rng, sex: 'male' | 'female', region: Region): VietnameseName {
  const family = rng.weighted(FAMILY_NAMES[region]);
  let first: string = rng.weighted(MIDDLE_NAMES[sex]);
  while (first === family) first = rng.weighted(MIDDLE_NAMES[sex]);
  const middle = [first];
  if (middle[0] !== 'Văn' && middle[0] !== 'Thị' && rng.chance(0.12)) {
    const second = rng.pick(SECOND_MIDDLE[sex]);
    if (second !== middle[0]) middle.push(second);
  }
  let given: string = rng.pick(GIVEN_NAMES[sex]);
  while (given === family || middle.includes(given)) given = rng.pick(GIVEN_NAMES[sex]);
  return { fullName: [family, ...middle, given].join(' ').normalize('NFC'), family, given, sex };
}

/** Names of foreign referees (hub partners, mentors met abroad). */
export const FOREIGN_NAMES = [
  'Tan Wei Ming',
  'Rachel Goh',
  'Kenji Watanabe',
  'Yuki Sato',
  'Kim Min-jun',
  'Park Ji-woo',
  'Anna Müller',
  'Lukas Schneider',
  'Sophie Dubois',
  'Daniel Lim',
];

/** "Nguyễn Văn An" → "nguyen van an": what staff type, and the base of demo email addresses. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Where applicants come from: the big economic centres weigh more; every province appears. */
export const PROVINCE_WEIGHTS: Record<string, number> = {
  'Thành phố Hồ Chí Minh': 60,
  'Hà Nội': 50,
  'Đà Nẵng': 14,
  'Hải Phòng': 9,
  'Cần Thơ': 7,
  'Bình Dương': 7,
  'Đồng Nai': 5,
  'Khánh Hòa': 4,
  'Thừa Thiên Huế': 4,
  'Lâm Đồng': 4,
  'Quảng Ninh': 4,
  'Bắc Ninh': 4,
  'Nghệ An': 3,
  'Đắk Lắk': 3,
  'Bà Rịa - Vũng Tàu': 3,
};
export const OTHER_PROVINCE_WEIGHT = 1;

/** The first digits of enterprise tax codes issued in a province (others: any of 10–63). */
export const TAX_CODE_PREFIXES: Record<string, string> = {
  'Hà Nội': '01',
  'Hải Phòng': '02',
  'Thành phố Hồ Chí Minh': '03',
  'Đà Nẵng': '04',
  'Cần Thơ': '18',
  'Thừa Thiên Huế': '33',
  'Đồng Nai': '36',
  'Bình Dương': '37',
  'Khánh Hòa': '42',
  'Lâm Đồng': '58',
};

/** Mobile prefixes after +84 (Viettel, Vinaphone, MobiFone, Vietnamobile, Gmobile). */
export const MOBILE_PREFIXES = [
  '32', '33', '34', '35', '36', '37', '38', '39', '86', '96', '97', '98',
  '81', '82', '83', '84', '85', '88', '91', '94',
  '70', '76', '77', '78', '79', '89', '90', '93',
  '56', '58', '59',
]; // prettier-ignore

interface SectorWords {
  /** Words in enterprise names, e.g. "Công ty TNHH Cà phê …". */
  nameWords: string[];
  vi: string;
  en: string;
}

/** Per sector: words for enterprise names and what the enterprise does, in Vietnamese and English. */
export const SECTOR_WORDS: Record<string, SectorWords> = {
  agriculture_food: {
    nameWords: ['Nông sản', 'Cà phê', 'Thực phẩm', 'Hạt điều', 'Trà', 'Hồ tiêu', 'Thủy sản', 'Trái cây'],
    vi: 'chế biến và xuất khẩu nông sản',
    en: 'processing and exporting farm produce',
  },
  manufacturing: {
    nameWords: ['Cơ khí', 'Bao bì', 'Nhựa', 'Gỗ nội thất', 'Gốm sứ', 'Sản xuất'],
    vi: 'sản xuất linh kiện và sản phẩm công nghiệp',
    en: 'manufacturing components and industrial goods',
  },
  technology: {
    nameWords: ['Công nghệ', 'Phần mềm', 'Giải pháp số', 'Công nghệ thông tin'],
    vi: 'phát triển phần mềm và giải pháp chuyển đổi số',
    en: 'building software and digital transformation services',
  },
  fintech: {
    nameWords: ['Công nghệ Tài chính', 'Thanh toán số'],
    vi: 'cung cấp giải pháp thanh toán và tài chính số',
    en: 'providing digital payment and finance services',
  },
  logistics: {
    nameWords: ['Logistics', 'Vận tải', 'Giao nhận'],
    vi: 'vận tải, kho bãi và giao nhận quốc tế',
    en: 'freight, warehousing and international forwarding',
  },
  retail_ecommerce: {
    nameWords: ['Thương mại Điện tử', 'Thương mại', 'Bán lẻ'],
    vi: 'bán lẻ đa kênh và thương mại điện tử',
    en: 'omnichannel retail and e-commerce',
  },
  tourism_hospitality: {
    nameWords: ['Du lịch', 'Lữ hành', 'Khách sạn'],
    vi: 'du lịch trải nghiệm và dịch vụ lưu trú',
    en: 'experiential travel and hospitality',
  },
  healthcare: {
    nameWords: ['Dược phẩm', 'Thiết bị Y tế', 'Chăm sóc Sức khỏe'],
    vi: 'dược phẩm và dịch vụ chăm sóc sức khỏe',
    en: 'pharmaceuticals and healthcare services',
  },
  education: {
    nameWords: ['Giáo dục', 'Đào tạo', 'Giáo dục Trực tuyến'],
    vi: 'đào tạo kỹ năng và giáo dục trực tuyến',
    en: 'skills training and online education',
  },
  energy_environment: {
    nameWords: ['Năng lượng Xanh', 'Năng lượng Mặt trời', 'Môi trường', 'Tái chế'],
    vi: 'năng lượng tái tạo và xử lý chất thải',
    en: 'renewable energy and waste recycling',
  },
  textiles_fashion: {
    nameWords: ['Dệt may', 'Thời trang', 'Thổ cẩm'],
    vi: 'thiết kế và sản xuất thời trang bền vững',
    en: 'designing and making sustainable fashion',
  },
  creative_media: {
    nameWords: ['Truyền thông', 'Sáng tạo', 'Thiết kế', 'Nội dung Số'],
    vi: 'sản xuất nội dung và dịch vụ sáng tạo',
    en: 'content production and creative services',
  },
  other: {
    nameWords: ['Dịch vụ', 'Tư vấn', 'Đầu tư'],
    vi: 'tư vấn và dịch vụ doanh nghiệp',
    en: 'business consulting and services',
  },
};

/** How common each sector is among applicants. */
export const SECTOR_WEIGHTS: Record<string, number> = {
  agriculture_food: 14,
  manufacturing: 10,
  technology: 16,
  fintech: 5,
  logistics: 7,
  retail_ecommerce: 9,
  tourism_hospitality: 6,
  healthcare: 6,
  education: 6,
  energy_environment: 6,
  textiles_fashion: 6,
  creative_media: 5,
  other: 4,
};

/** The distinctive part of an enterprise name. */
const BRAND_ROOTS = [
  'An Khang', 'Bình Minh', 'Đại Dương', 'Sao Mai', 'Hoàng Gia', 'Phú Quý', 'Tân Tiến', 'Trường Sơn',
  'Sông Hàn', 'Hương Giang', 'Cửu Long', 'Tây Bắc', 'Việt Xanh', 'Lam Sơn', 'Kim Ngân', 'Hải Đăng',
  'Thiên Ân', 'Nam Việt', 'Đông Á', 'Bạch Đằng', 'Hồng Lam', 'Mê Kông', 'Ánh Dương', 'Phúc Lộc',
  'Trí Việt', 'Nhật Minh', 'Vạn Xuân', 'Đất Việt', 'Sen Vàng', 'Lúa Vàng', 'Cao Nguyên', 'Bản Việt',
  'Tây Nguyên', 'Phương Nam', 'Hạ Long', 'Sông Hồng', 'Trà My', 'Ngọc Lan', 'Thái Bình Dương', 'Hưng Phát',
  'Gia Bảo', 'Tâm An', 'Minh Tâm', 'Đồng Xanh', 'Mây Trắng', 'Hòa Bình', 'Tràng An', 'Sơn Trà',
]; // prettier-ignore

/** A plausible enterprise name for a sector, e.g. "Công ty Cổ phần Công nghệ Sao Mai". */
export function enterpriseName(rng: Rng, sector: string): string {
  const word = rng.pick(SECTOR_WORDS[sector]?.nameWords ?? ['Dịch vụ']);
  const root = rng.pick(BRAND_ROOTS);
  const form =
    sector === 'agriculture_food' && rng.chance(0.12)
      ? 'Hợp tác xã'
      : rng.weighted([
          ['Công ty TNHH', 55],
          ['Công ty Cổ phần', 36],
          ['Công ty TNHH MTV', 9],
        ] as const);
  return `${form} ${word} ${root}`.normalize('NFC');
}

/** Where exports go. */
export const EXPORT_MARKETS = [
  'JP', 'SG', 'KR', 'US', 'CN', 'DE', 'FR', 'NL', 'AU', 'TH', 'MY', 'ID', 'TW', 'AE', 'GB', 'CA', 'KH', 'LA', 'PH', 'IN',
]; // prettier-ignore

/** Hub names as a Vietnamese essay writes them; unknown hubs keep their configured name. */
export const HUB_NAMES_VI: Record<string, string> = {
  SG: 'Singapore',
  JP: 'Nhật Bản',
  KR: 'Hàn Quốc',
  EU: 'châu Âu',
};

export const REFEREE_RELATIONS = {
  vi: [
    'Giám đốc cũ',
    'Cố vấn khởi nghiệp',
    'Đối tác kinh doanh',
    'Giảng viên đại học',
    'Chủ tịch hội doanh nhân trẻ tỉnh',
    'Nhà đầu tư thiên thần',
    'Khách hàng lâu năm',
  ],
  en: ['Former manager', 'Startup mentor', 'Business partner', 'University lecturer', 'Angel investor', 'Key customer'],
} as const;
