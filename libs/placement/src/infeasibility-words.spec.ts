import type { HubView } from '@vgbf/cohorts';
import { PROBLEM_CATALOGUES } from '@vgbf/core';
import type { PlacementInfeasibility } from '@vgbf/solvers';
import { placementReasonCode } from './infeasibility-words';

const hubs = [
  { code: 'JP', name: 'Japan', languageRequirements: [{ test: 'JLPT', minimum: 'N3' }] },
  { code: 'SG', name: 'Singapore', languageRequirements: [] },
] as unknown as HubView[];
const names: Record<string, string> = { a: 'Lê Văn An', b: 'Trần Thị Bình' };
const REASONS: PlacementInfeasibility[] = [
  { kind: 'no_hub', fellowIds: ['a', 'b'] },
  { kind: 'lock_forbidden', fellowId: 'a', hub: 'JP' },
  { kind: 'lock_over_capacity', hub: 'SG', locked: 4, capacity: 3 },
  { kind: 'capacity', needed: 12, available: 10 },
  { kind: 'minimum', hub: 'JP', minimum: 3, eligible: 2 },
  { kind: 'minimum', hub: 'SG', minimum: 3, eligible: 2 },
  { kind: 'minimums', hubs: ['JP', 'SG'], minimum: 6, fellowIds: ['a', 'b'] },
  { kind: 'crowded', fellowIds: ['a', 'b'], hubs: ['JP'], capacity: 1 },
];

describe(placementReasonCode.name, () => {
  it.each(REASONS.map((r) => [r.kind, r] as const))('words %s in both languages with every value filled', (_, r) => {
    const { code, params } = placementReasonCode(r, hubs, (id) => names[id] ?? id);
    for (const language of ['vi', 'en'] as const) {
      const text = PROBLEM_CATALOGUES[language][code];
      expect([code, typeof text]).toEqual([code, 'string']);
      const placeholders = [...(text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders).toEqual(Object.keys(params).sort());
    }
  });

  it('names the fellows and hubs, and the hub’s language rule where it has one', () => {
    expect(placementReasonCode(REASONS[0], hubs, (id) => names[id] ?? id).params).toEqual({
      fellows: 'Lê Văn An, Trần Thị Bình',
    });
    expect(placementReasonCode(REASONS[4], hubs, String)).toMatchObject({
      code: 'placement.minimum_language',
      params: { hub: 'Japan', rule: 'JLPT N3' },
    });
    expect(placementReasonCode(REASONS[5], hubs, String).code).toBe('placement.minimum');
  });
});
