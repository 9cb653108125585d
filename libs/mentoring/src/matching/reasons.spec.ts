import { describeReasons } from './reasons';

describe('describeReasons', () => {
  const reasons = [
    { kind: 'sector' as const, sector: 'fintech', points: 3 },
    { kind: 'expertise' as const, areas: ['legal', 'export_logistics'], points: 4 },
    { kind: 'language' as const, languages: ['en', 'ja'], local: true, points: 3 },
    { kind: 'same_city' as const, city: 'Tokyo', points: 2 },
  ];

  it('says why in English and Vietnamese', () => {
    expect(describeReasons(reasons)).toBe(
      'same sector: fintech; mentor covers legal, export logistics; both speak Japanese; both in Tokyo',
    );
    expect(describeReasons(reasons, 'vi')).toBe(
      'cùng lĩnh vực: fintech; cố vấn về legal, export logistics; cùng nói tiếng Nhật; cùng ở Tokyo',
    );
  });

  it('names the shared working language when no other is shared', () => {
    expect(describeReasons([{ kind: 'language', languages: ['vi', 'en'], local: false, points: 0 }])).toBe(
      'both speak Vietnamese, English',
    );
    expect(describeReasons([{ kind: 'timezone', hoursApart: 1, points: 1 }])).toBe('1 h apart');
  });
});
