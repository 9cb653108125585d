import { csvField, csvRecord } from './export-csv';

describe(csvRecord.name, () => {
  it('quotes fields with commas, quotes or line breaks (RFC 4180) and ends records with CRLF', () => {
    expect(csvRecord(['a,b', 'say "hi"', 'two\nlines', 'plain', null, 2019])).toBe(
      '"a,b","say ""hi""","two\nlines",plain,,2019\r\n',
    );
  });

  it('keeps Vietnamese text as it is', () => {
    expect(csvRecord(['Nguyễn Văn An', 'Đà Nẵng'])).toBe('Nguyễn Văn An,Đà Nẵng\r\n');
  });
});

describe(csvField.name, () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+84912345678', "'+84912345678"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('defuses a cell a spreadsheet would run as a formula: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves numbers and text with a formula character inside alone', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('a=b')).toBe('a=b');
  });
});
