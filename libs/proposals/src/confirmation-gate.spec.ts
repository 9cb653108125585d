import { confirmVerdict } from './confirmation-gate';

describe(confirmVerdict.name, () => {
  it('once per cohort (selection, placement): only an open run of an unconfirmed cohort may be confirmed', () => {
    expect(confirmVerdict('proposed', 'once', false)).toBe('open');
    expect(confirmVerdict('superseded', 'once', false)).toBe('superseded');
    expect(confirmVerdict('confirmed', 'once', true)).toBe('confirmed');
    // Once the cohort is confirmed, every other run is refused as "confirmed", superseded or not.
    expect(confirmVerdict('proposed', 'once', true)).toBe('confirmed');
    expect(confirmVerdict('superseded', 'once', true)).toBe('confirmed');
  });

  it('each run on its own (matching): any run no longer proposed is closed, whatever else is approved', () => {
    expect(confirmVerdict('proposed', 'each', false)).toBe('open');
    expect(confirmVerdict('proposed', 'each', true)).toBe('open');
    expect(confirmVerdict('approved', 'each', false)).toBe('closed');
    expect(confirmVerdict('superseded', 'each', false)).toBe('closed');
  });
});
