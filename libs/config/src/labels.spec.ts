import { hubLabel, labelOf, requestedLanguage } from './labels';

describe(labelOf.name, () => {
  it('gives a code its label in the language asked for', () => {
    expect(labelOf('applicationStatus', 'under_review', 'vi')).toBe('Đang xét duyệt');
    expect(labelOf('applicationStatus', 'under_review', 'en')).toBe('Under review');
    expect(labelOf('revenueBand', '<3bn', 'vi')).toBe('Dưới 3 tỷ đồng');
  });

  it('returns an unknown code as it is', () => {
    expect(labelOf('applicationStatus', 'no_such_status', 'vi')).toBe('no_such_status');
  });
});

describe(hubLabel.name, () => {
  it('names a template hub in Vietnamese or English', () => {
    expect(hubLabel('JP', 'vi')).toBe('Nhật Bản');
    expect(hubLabel('JP', 'en')).toBe('Japan');
    expect(hubLabel('XX', 'vi')).toBe('XX');
  });
});

describe(requestedLanguage.name, () => {
  it.each([
    ['en', 'vi-VN', 'en'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'fr-FR,en;q=0.5,vi;q=0.8', 'vi'],
    [undefined, 'de, en;q=0', 'vi'],
    [undefined, undefined, 'vi'],
    ['xx', 'en', 'en'],
  ])('lang %j with Accept-Language %j reads %j', (explicit, header, expected) => {
    expect(requestedLanguage(explicit, header)).toBe(expected);
  });
});
