import { TRANSFER_CSV_COLUMNS, transfersCsv } from './transfers-csv';

describe(transfersCsv.name, () => {
  const row = {
    id: 'x',
    subjectUserId: 'u1',
    subjectName: '=HYPERLINK("evil")',
    cohortId: 'c1',
    cohortName: 'VGBF 2027, Đợt 1',
    sourceKind: 'placement',
    sourceId: 'f1:h1',
    recipientKind: 'hub',
    recipientName: 'Japan (Tokyo)',
    country: 'JP',
    categories: ['identity', 'contact'],
    basis: 'consent',
    transferredAt: '2027-03-01T02:00:00.000Z',
  };

  it('writes a BOM, the header and one line per row, quoting commas and defusing formulas', () => {
    const csv = transfersCsv([row]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(TRANSFER_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      `2027-03-01T02:00:00.000Z,u1,"'=HYPERLINK(""evil"")","VGBF 2027, Đợt 1",placement,f1:h1,hub,Japan (Tokyo),JP,identity contact,consent`,
    );
    expect(lines[2]).toBe('');
  });
});
