import fc from 'fast-check';
import { replacementFor } from './selection';
import { HubPlacement } from './selection-placement';
import type { SelectionCandidate, SelectionInput } from './selection.types';

type Person = Partial<SelectionCandidate> & Pick<SelectionCandidate, 'id'>;
const cohort = (people: Person[], rest: Partial<SelectionInput> = {}): SelectionInput => ({
  candidates: people.map((p) => ({
    score: 3,
    region: 'north',
    gender: 'male',
    sector: 'technology',
    hubPreferences: ['SG'],
    ...p,
  })),
  size: 4,
  hubCapacities: { SG: 10 },
  shares: [{ id: 'women', attribute: 'gender', value: 'female', min: 0.5 }],
  ...rest,
});
const woman = (id: string, more: Partial<SelectionCandidate> = {}): Person => ({ id, gender: 'female', ...more });
const man = (id: string, more: Partial<SelectionCandidate> = {}): Person => ({ id, gender: 'male', ...more });

describe(replacementFor.name, () => {
  it('offers the seat to the first waitlisted candidate who keeps every quota, skipping one who would break one', () => {
    // w1 declined: the kept three hold one woman, and the cohort needs two.
    const input = cohort([woman('w1'), woman('w2'), man('m1'), man('m2'), man('m3'), woman('w3'), woman('w4')]);

    const choice = replacementFor(input, ['w2', 'm1', 'm2'], ['m3', 'w3', 'w4']);

    expect(choice?.id).toBe('w3');
    expect(choice?.placement).toEqual({ w2: 'SG', m1: 'SG', m2: 'SG', w3: 'SG' });
  });

  it('skips a candidate who cannot be seated, and may move a kept person to another of their hubs', () => {
    const input = cohort(
      [
        man('m1', { hubPreferences: ['SG', 'JP'] }),
        man('m2', { hubPreferences: ['KR'] }),
        man('m3', { hubPreferences: ['KR'] }), // KR is full
        man('m4', { hubPreferences: ['SG'] }), // SG is full, but m1 can go to JP
      ],
      { size: 3, shares: [], hubCapacities: { SG: 1, JP: 1, KR: 1 } },
    );

    const choice = replacementFor(input, ['m1', 'm2'], ['m3', 'm4']);

    expect(choice).toEqual({ id: 'm4', placement: { m1: 'JP', m2: 'KR', m4: 'SG' } });
  });

  it('never offers the seat to a pinned-out candidate, and returns null when nobody fits', () => {
    const input = cohort([woman('w1'), woman('w2'), man('m1'), man('m2'), woman('w3'), man('m3')], {
      pinnedOut: ['w3'],
    });

    expect(replacementFor(input, ['w2', 'm1', 'm2'], ['w3', 'm3'])).toBeNull();
  });

  it('with several seats open, asks only that each minimum stays reachable with the seats left', () => {
    const input = cohort([man('m1'), man('m2'), man('m3'), woman('w1'), woman('w2')]);

    // Two seats open, no woman kept: a man now would leave one seat for two women.
    expect(replacementFor(input, ['m1', 'm2'], ['m3', 'w1', 'w2'])?.id).toBe('w1');
    // Once a woman holds one of them, the last seat must go to a woman too.
    expect(replacementFor(input, ['m1', 'm2', 'w1'], ['m3', 'w2'])?.id).toBe('w2');
  });

  it('refuses to fill a seat that is not open, or to consider someone who is not a candidate', () => {
    const input = cohort([man('m1'), man('m2'), woman('w1'), woman('w2'), woman('w3')]);

    expect(() => replacementFor(input, ['m1', 'm2', 'w1', 'w2'], ['w3'])).toThrow(
      expect.objectContaining({ code: 'selection.no_open_seat' }),
    );
    expect(() => replacementFor(input, ['m1', 'm2', 'w1'], ['nobody'])).toThrow(
      expect.objectContaining({ code: 'selection.unknown_candidate' }),
    );
  });
});

describe(HubPlacement.name, () => {
  const HUBS = ['EU', 'JP', 'SG'];

  /** The smallest total preference rank over every placement, or null when none fits (brute force). */
  function bestRank(people: string[][], capacity: Map<string, number>): number | null {
    const left = new Map(capacity);
    let best: number | null = null;
    const seat = (k: number, rank: number): void => {
      if (k === people.length) {
        best = best === null ? rank : Math.min(best, rank);
        return;
      }
      people[k].forEach((hub, r) => {
        const free = left.get(hub) ?? 0;
        if (free <= 0) return;
        left.set(hub, free - 1);
        seat(k + 1, rank + r);
        left.set(hub, free);
      });
    };
    seat(0, 0);
    return best;
  }

  it('seats everyone whenever some placement does, with the smallest total preference rank', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.constantFrom(...HUBS), { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
        fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4)),
        (people, seats) => {
          const capacity = new Map(HUBS.map((hub, h) => [hub, seats[h]]));
          const placement = new HubPlacement(HUBS, capacity);
          const added = people.every((hubs, k) => placement.add({ id: `p${k}`, hubs }));
          const best = bestRank(people, capacity);

          expect(added).toBe(best !== null);
          if (!added) return;
          const seated = placement.placement();
          const rank = people.reduce((sum, hubs, k) => sum + hubs.indexOf(seated.get(`p${k}`)!), 0);
          expect(people.every((hubs, k) => hubs.includes(seated.get(`p${k}`)!))).toBe(true);
          for (const hub of HUBS) {
            expect([...seated.values()].filter((h) => h === hub).length).toBeLessThanOrEqual(capacity.get(hub)!);
          }
          expect(rank).toBe(best);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves the placement unchanged when someone cannot be seated', () => {
    const placement = new HubPlacement(['SG', 'JP'], new Map([['SG', 1]]));
    expect(placement.add({ id: 'a', hubs: ['SG'] })).toBe(true);
    expect(placement.add({ id: 'b', hubs: ['SG', 'JP'] })).toBe(false);
    expect(placement.placement()).toEqual(new Map([['a', 'SG']]));
  });
});
