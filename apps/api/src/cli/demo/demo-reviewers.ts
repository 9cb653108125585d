// The demo's selection committee: made-up people at the kind of organisations that sit on it.

export interface DemoReviewer {
  email: string;
  fullName: string;
  language: 'vi' | 'en';
  organisation: string;
  /** Sector expertise (the application form's sectors): the assignment prefers matching reviewers. */
  sectors: string[];
  /**
   * How much higher (+) or lower (−) than the others this reviewer scores, in rubric points. Never
   * stored: it is what the board's per-reviewer normalization has to cancel.
   */
  leniency: number;
}

/** Nine reviewers; the first is the demo reviewer account (reviewer@vgbf.local), the others are seeded in bulk. */
export const DEMO_REVIEWERS: readonly DemoReviewer[] = [
  {
    email: 'reviewer@vgbf.local',
    fullName: 'Trần Quốc Bảo',
    language: 'vi',
    organisation: 'Phòng Thương mại và Công nghiệp Việt Nam (VCCI)',
    sectors: ['manufacturing', 'logistics', 'textiles_fashion'],
    leniency: 0,
  },
  {
    email: 'nguyen.thi.lan.anh@reviewers.vgbf.local',
    fullName: 'Nguyễn Thị Lan Anh',
    language: 'vi',
    organisation: 'Trường Đại học Ngoại thương',
    sectors: ['education', 'retail_ecommerce', 'creative_media'],
    leniency: 0.6,
  },
  {
    email: 'le.hoang.nam@reviewers.vgbf.local',
    fullName: 'Lê Hoàng Nam',
    language: 'vi',
    organisation: 'Quỹ Đổi mới Sáng tạo Sông Hồng',
    sectors: ['technology', 'fintech'],
    leniency: -0.7,
  },
  {
    email: 'pham.minh.chau@reviewers.vgbf.local',
    fullName: 'Phạm Minh Châu',
    language: 'vi',
    organisation: 'Hiệp hội Nông nghiệp Hữu cơ Việt Nam',
    sectors: ['agriculture_food', 'energy_environment'],
    leniency: 0.3,
  },
  {
    email: 'do.thanh.tung@reviewers.vgbf.local',
    fullName: 'Đỗ Thanh Tùng',
    language: 'vi',
    organisation: 'Ngân hàng TMCP Sao Việt, khối Khách hàng doanh nghiệp',
    sectors: ['fintech', 'manufacturing', 'other'],
    leniency: -0.3,
  },
  {
    email: 'hiroshi.nakamura@reviewers.vgbf.local',
    fullName: 'Hiroshi Nakamura',
    language: 'en',
    organisation: 'Japan–Vietnam Business Council, Hanoi office',
    sectors: ['manufacturing', 'agriculture_food', 'technology'],
    leniency: -0.45,
  },
  {
    email: 'lee.seo-yeon@reviewers.vgbf.local',
    fullName: 'Lee Seo-yeon',
    language: 'en',
    organisation: 'Korea–ASEAN Trade Centre, Ho Chi Minh City',
    sectors: ['retail_ecommerce', 'creative_media', 'tourism_hospitality'],
    leniency: 0.4,
  },
  {
    email: 'thomas.becker@reviewers.vgbf.local',
    fullName: 'Thomas Becker',
    language: 'en',
    organisation: 'European Chamber of Commerce, Sustainability Committee',
    sectors: ['energy_environment', 'healthcare', 'textiles_fashion'],
    leniency: -0.1,
  },
  {
    email: 'priya.raman@reviewers.vgbf.local',
    fullName: 'Priya Raman',
    language: 'en',
    organisation: 'Singapore Business Federation, ASEAN desk',
    sectors: ['logistics', 'technology', 'healthcare', 'tourism_hospitality', 'education'],
    leniency: 0.2,
  },
];
