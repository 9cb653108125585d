import { placeFellows } from './placement';
import { generatePlacementInput } from './placement-instance';
import { PlacementInputError, type PlacementFellow, type PlacementInput } from './placement.types';

type Fellow = Partial<PlacementFellow> & Pick<PlacementFellow, 'id'>;
const fellow = (f: Fellow): PlacementFellow => ({
  score: 3,
  preferences: ['SG', 'JP'],
  eligibleHubs: ['SG', 'JP'],
  ...f,
});
const input = (fellows: Fellow[], rest: Partial<PlacementInput> = {}): PlacementInput => ({
  hubs: [
    { code: 'SG', capacity: 1 },
    { code: 'JP', capacity: 2 },
  ],
  fellows: fellows.map(fellow),
  rankWeights: [10, 5],
  ...rest,
});
const placed = (result: ReturnType<typeof placeFellows>) =>
  result.status === 'optimal' ? Object.fromEntries(result.placements.map((p) => [p.fellowId, p.hub])) : result;

describe(placeFellows.name, () => {
  it('gives a full first choice to the higher score when the points tie, and says why the other did not get it', () => {
    const result = placeFellows(
      input([
        { id: 'low', score: 2.5 },
        { id: 'high', score: 4.75 },
      ]),
    );

    expect(result).toMatchObject({ status: 'optimal', totalPoints: 15 });
    expect(placed(result)).toEqual({ high: 'SG', low: 'JP' });
    if (result.status !== 'optimal') return;
    expect(result.placements.find((p) => p.fellowId === 'low')).toEqual({
      fellowId: 'low',
      hub: 'JP',
      rank: 2,
      points: 5,
      locked: false,
      notHigher: [
        {
          hub: 'SG',
          rank: 1,
          reason: 'capacity',
          capacity: 1,
          higherScored: 1,
          detail: 'SG is full with 1 fellows, 1 of them with a higher score.',
        },
      ],
    });
  });

  it('maximises the total points before it looks at scores', () => {
    // "high" would like SG, but only "low" may go there: the total wins (10 + 10 over 10 + 0).
    const result = placeFellows(
      input([
        { id: 'high', score: 5, preferences: ['SG', 'JP'] },
        { id: 'low', score: 1, preferences: ['SG'], eligibleHubs: ['SG'] },
      ]),
    );
    expect(placed(result)).toEqual({ high: 'JP', low: 'SG' });
    expect(result).toMatchObject({ totalPoints: 15 });
  });

  it('explains a hub the fellow may not go to: language, forbid, lock (a lock overrides the language rule)', () => {
    const result = placeFellows(
      input(
        [
          { id: 'a', eligibleHubs: ['JP'] },
          { id: 'b', forbiddenHubs: ['SG'] },
          { id: 'c', eligibleHubs: ['SG'], lockedHub: 'JP' },
        ],
        {
          hubs: [
            { code: 'SG', capacity: 1 },
            { code: 'JP', capacity: 3 },
          ],
        },
      ),
    );
    expect(placed(result)).toEqual({ a: 'JP', b: 'JP', c: 'JP' });
    if (result.status !== 'optimal') return;
    expect(result.placements.map((p) => [p.fellowId, p.notHigher.map((n) => n.reason), p.locked])).toEqual([
      ['a', ['language'], false],
      ['b', ['forbidden'], false],
      ['c', ['locked'], true],
    ]);
  });

  it('meets a minimum with the fellows who can, and says they were needed there', () => {
    const result = placeFellows(
      input(
        [
          { id: 'ja-speaker', score: 5 },
          { id: 'other', eligibleHubs: ['SG'] },
        ],
        {
          hubs: [
            { code: 'SG', capacity: 2 },
            { code: 'JP', capacity: 2, minimum: 1 },
          ],
        },
      ),
    );
    expect(placed(result)).toEqual({ 'ja-speaker': 'JP', other: 'SG' });
    if (result.status !== 'optimal') return;
    expect(result.placements[0].notHigher).toEqual([
      {
        hub: 'SG',
        rank: 1,
        reason: 'minimum',
        minimumHub: 'JP',
        minimum: 1,
        detail: 'JP needs its minimum of 1 fellows, and ja-speaker is one of them.',
      },
    ]);
  });

  it('reports the simple reasons it cannot place everyone', () => {
    const hubs = [
      { code: 'SG', capacity: 1 },
      { code: 'JP', capacity: 3, minimum: 2 },
    ];
    const result = placeFellows(
      input(
        [
          { id: 'a', eligibleHubs: [] },
          { id: 'b', lockedHub: 'SG' },
          { id: 'c', lockedHub: 'SG', forbiddenHubs: ['SG'] },
          { id: 'd', lockedHub: 'SG' },
        ],
        { hubs },
      ),
    );
    expect(result).toEqual({
      status: 'infeasible',
      reasons: [
        { kind: 'lock_forbidden', fellowId: 'c', hub: 'SG' },
        { kind: 'no_hub', fellowIds: ['a'] },
        { kind: 'lock_over_capacity', hub: 'SG', locked: 3, capacity: 1 },
        { kind: 'minimum', hub: 'JP', minimum: 2, eligible: 0 },
      ],
    });
  });

  it('names the crowded fellows when no single hub or fellow explains it', () => {
    const result = placeFellows(
      input([{ id: 'a' }, { id: 'b', eligibleHubs: ['SG'] }, { id: 'c', eligibleHubs: ['SG'] }], {
        hubs: [
          { code: 'SG', capacity: 1 },
          { code: 'JP', capacity: 5 },
        ],
      }),
    );
    expect(result).toEqual({
      status: 'infeasible',
      reasons: [{ kind: 'crowded', fellowIds: ['b', 'c'], hubs: ['SG'], capacity: 1 }],
    });
  });

  it('names the hubs whose minimums together need more fellows than can go to them', () => {
    const result = placeFellows(
      input([{ id: 'a' }, { id: 'b', eligibleHubs: ['KR'] }, { id: 'c', eligibleHubs: ['KR'] }], {
        hubs: [
          { code: 'SG', capacity: 2, minimum: 1 },
          { code: 'JP', capacity: 2, minimum: 1 },
          { code: 'KR', capacity: 2 },
        ],
      }),
    );
    expect(result).toEqual({
      status: 'infeasible',
      reasons: [{ kind: 'minimums', hubs: ['JP', 'SG'], minimum: 2, fellowIds: ['a'] }],
    });
  });

  it('refuses malformed input with a code', () => {
    const bad = (rest: Partial<PlacementInput>, fellows: Fellow[] = [{ id: 'a' }]) => {
      try {
        placeFellows(input(fellows, rest));
      } catch (error) {
        return error instanceof PlacementInputError ? error.code : error;
      }
      return 'accepted';
    };
    expect(bad({}, [{ id: 'a', preferences: ['XX'] }])).toBe('placement.unknown_hub');
    expect(bad({}, [{ id: 'a' }, { id: 'a' }])).toBe('placement.duplicate_fellow');
    expect(bad({ hubs: [{ code: 'SG', capacity: -1 }] }, [{ id: 'a', preferences: [], eligibleHubs: [] }])).toBe(
      'placement.invalid_capacity',
    );
    expect(bad({ rankWeights: [1, 5] })).toBe('placement.invalid_rank_weights');
  });

  it('places a generated cohort of 100 in the four hubs', () => {
    const result = placeFellows(generatePlacementInput({ fellows: 100, seed: 3 }));
    expect(result.status).toBe('optimal');
    if (result.status === 'optimal') expect(result.placements).toHaveLength(100);
  });
});
