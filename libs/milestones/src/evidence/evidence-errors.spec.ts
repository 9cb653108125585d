import { evidenceErrors } from './evidence.service';

describe('evidenceErrors', () => {
  it('takes any one of the kinds the milestone accepts', () => {
    expect(evidenceErrors(['file', 'text'], { text: 'A plan' }, false)).toEqual([]);
    expect(evidenceErrors(['file', 'text'], {}, true)).toEqual([]);
    expect(evidenceErrors(['text', 'link'], { text: 'Notes', link: 'https://example.com' }, false)).toEqual([]);
  });

  it('refuses nothing at all, and kinds the milestone does not take', () => {
    expect(evidenceErrors(['file'], {}, false)).toEqual([{ field: 'evidence', message: 'give at least one of: file' }]);
    expect(evidenceErrors(['file', 'link'], { text: 'Slides soon' }, false).map((e) => e.field)).toEqual([
      'text',
      'evidence',
    ]);
    expect(evidenceErrors(['text'], { text: 'ok' }, true).map((e) => e.field)).toEqual(['file']);
  });
});
