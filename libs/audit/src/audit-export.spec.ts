import { csvField } from './audit-export';
import { auditExportSql } from './data-access/audit-log';

describe(csvField.name, () => {
  it('defuses text a spreadsheet would run as a formula, and quotes per RFC 4180', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('Nguyễn, Văn An')).toBe('"Nguyễn, Văn An"');
    expect(csvField(null)).toBe('');
  });
});

describe(auditExportSql.name, () => {
  it('binds every filter as a parameter, in order', () => {
    const from = new Date('2027-01-01T00:00:00Z');
    const { sql, parameters } = auditExportSql({ action: "x' OR 1=1 --", from });
    expect(sql).toContain('where ("a"."action" = $1 and "a"."created_at" >= $2)');
    expect(sql).not.toContain('OR 1=1');
    expect(parameters).toEqual(["x' OR 1=1 --", from]);
  });
});
