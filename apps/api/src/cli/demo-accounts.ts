import type { Role } from '@vgbf/core';

/** The password of every demo account (documented in README.md; the demo is never production). */
export const DEMO_PASSWORD = 'VgbfDemo!2027';

export const DEMO_ACCOUNTS: Array<{ email: string; fullName: string; roles: Role[]; language: 'vi' | 'en' }> = [
  { email: 'admin@vgbf.local', fullName: 'Đặng Quốc Huy', roles: ['admin'], language: 'vi' },
  { email: 'staff@vgbf.local', fullName: 'Nguyễn Thị Hồng', roles: ['staff'], language: 'vi' },
  { email: 'reviewer@vgbf.local', fullName: 'Trần Quốc Bảo', roles: ['reviewer'], language: 'vi' },
  { email: 'mentor@vgbf.local', fullName: 'Sarah Tanaka', roles: ['mentor'], language: 'en' },
  { email: 'fellow@vgbf.local', fullName: 'Phạm Thu Trang', roles: ['fellow'], language: 'vi' },
  { email: 'applicant@vgbf.local', fullName: 'Võ Văn Khánh', roles: ['applicant'], language: 'vi' },
];
