import { PROBLEM_CATALOGUES } from '@vgbf/core';
import type { MatchingInfeasibility } from '@vgbf/solvers';
import { lockUnavailableCode, matchingReasonCode } from './infeasibility-words';

const fellow = (id: string) => ({ f1: 'Phạm Thu Hà' })[id] ?? id;
const mentor = (id: string) => ({ m1: 'Kenji Sato' })[id] ?? id;
const REASONS: MatchingInfeasibility[] = [
  {
    kind: 'no_mentor',
    fellowId: 'f1',
    why: 'no_common_language',
    sharedLanguage: 0,
    forbidden: 0,
    conflicted: 0,
    full: 0,
  },
  { kind: 'no_mentor', fellowId: 'f1', why: 'excluded', sharedLanguage: 3, forbidden: 1, conflicted: 1, full: 1 },
  { kind: 'capacity', needed: 12, available: 10 },
  ...(['no_common_language', 'conflict', 'forbidden', 'capacity'] as const).map((why): MatchingInfeasibility => ({
    kind: 'lock_invalid',
    fellowId: 'f1',
    mentorId: 'm1',
    why,
  })),
  { kind: 'crowded', fellowIds: ['f1', 'f2'], mentorIds: ['m1'], capacity: 1 },
];

describe(matchingReasonCode.name, () => {
  it.each([
    ...REASONS.map((r) => [r.kind, matchingReasonCode(r, fellow, mentor)] as const),
    ['lock_unavailable', lockUnavailableCode('Phạm Thu Hà')] as const,
  ])('words %s in both languages with every value filled', (_, { code, params }) => {
    for (const language of ['vi', 'en'] as const) {
      const text = PROBLEM_CATALOGUES[language][code];
      expect([code, typeof text]).toEqual([code, 'string']);
      const placeholders = [...(text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders).toEqual(Object.keys(params).sort());
    }
  });

  it('tells the rule a lock breaks by its own code, naming both people', () => {
    expect(matchingReasonCode(REASONS[4], fellow, mentor)).toEqual({
      code: 'matching.lock_conflict',
      params: { fellow: 'Phạm Thu Hà', mentor: 'Kenji Sato' },
    });
  });
});
