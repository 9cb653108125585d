import { auditFilters, csvField } from './audit-export';

describe(csvField.name, () => {
  it('defuses text a spreadsheet would run as a formula, and quotes per RFC 4180', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('Nguyễn, Văn An')).toBe('"Nguyễn, Văn An"');
    expect(csvField(null)).toBe('');
  });
});

describe(auditFilters.name, () => {
  it('binds every filter as a parameter, in order', () => {
    const from = new Date('2027-01-01T00:00:00Z');
    expect(auditFilters({ action: "x' OR 1=1 --", from })).toEqual({
      where: 'TRUE AND a.action = $1 AND a.created_at >= $2',
      params: ["x' OR 1=1 --", from],
    });
  });
});
