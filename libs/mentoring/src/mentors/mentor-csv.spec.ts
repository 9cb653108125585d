import { MENTOR_CSV_COLUMNS, readMentorCsv, rowToMentorInput, writeMentorCsv } from './mentor-csv';
import { MentorFileError } from './mentors.errors';

const HEADER = MENTOR_CSV_COLUMNS.join(',');
const record = {
  email: 'an@example.vn',
  fullName: 'Đỗ Thị An',
  language: 'vi',
  organisation: '=HYPERLINK("x")',
  title: 'Partner, "Legal"\nHanoi',
  sectors: ['fintech', 'technology'],
  expertise: ['legal'],
  languages: ['vi', 'en'],
  city: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  capacity: 3,
  availableFrom: '2027-09-01',
  availableTo: null,
};

describe(readMentorCsv.name, () => {
  it('numbers each record by the file line it starts on, counting quoted newlines and blank lines', () => {
    const text = `\uFEFF${HEADER}\r\na@x.vn,"A\r\nB"\r\n\r\nb@x.vn\r\nc@x.vn`;
    expect(readMentorCsv(text).map((r) => [r.line, r.cells.email])).toEqual([
      [2, 'a@x.vn'],
      [5, 'b@x.vn'],
      [6, 'c@x.vn'],
    ]);
  });

  it('numbers records the same in a file with Unix line endings', () => {
    const text = `${HEADER}\na@x.vn,"A\nB"\n\nb@x.vn\nc@x.vn\n`;
    expect(readMentorCsv(text).map((r) => [r.line, r.cells.email])).toEqual([
      [2, 'a@x.vn'],
      [5, 'b@x.vn'],
      [6, 'c@x.vn'],
    ]);
  });

  it('reads columns by name, in any order, and counts cells beyond the header', () => {
    const columns = [...MENTOR_CSV_COLUMNS].reverse().join(',');
    const [row] = readMentorCsv(`${columns}\n${[...Array(13).keys()].reverse().join(',')},extra`);
    expect(row.cells.email).toBe('0');
    expect(row.cells.available_to).toBe('12');
    expect(row.extraCells).toBe(1);
  });

  it('refuses a file without the mentor header', () => {
    expect(() => readMentorCsv('email,name\n')).toThrow(MentorFileError);
    expect(() => readMentorCsv('')).toThrow(MentorFileError);
  });
});

describe(writeMentorCsv.name, () => {
  it('writes what readMentorCsv reads back to the same input, formula-looking text included', () => {
    const text = writeMentorCsv([record]);
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(text).toContain(`'=HYPERLINK`);
    const [row] = readMentorCsv(text);
    expect(rowToMentorInput(row.cells)).toEqual({ ...record });
  });
});
