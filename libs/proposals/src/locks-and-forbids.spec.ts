import { type LockForbidWords, constraintRows, locksOf, validateLocksAndForbids } from './locks-and-forbids';

const words: LockForbidWords = {
  unknownLock: { field: 'lockedHubId', message: 'not a hub', code: 'validation.hub_of_cohort' },
  unknownForbid: { field: 'forbiddenHubIds', message: 'each forbidden hub must be a hub' },
  lockedAndForbidden: { field: 'lockedHubId', message: 'locked and forbidden' },
};
const hubs = new Set(['sg', 'jp', 'kr']);
const isHub = (id: string) => hubs.has(id);

describe(validateLocksAndForbids.name, () => {
  it('accepts a known lock and known forbids, and no constraints at all', () => {
    expect(validateLocksAndForbids({ lockedId: 'sg', forbiddenIds: ['jp', 'kr'] }, isHub, words)).toEqual([]);
    expect(validateLocksAndForbids({ lockedId: null, forbiddenIds: [] }, isHub, words)).toEqual([]);
  });

  it('reports an unknown lock, each unknown forbid, and a lock that is also forbidden, in that order', () => {
    expect(validateLocksAndForbids({ lockedId: 'xx', forbiddenIds: ['yy', 'jp', 'zz'] }, isHub, words)).toEqual([
      words.unknownLock,
      words.unknownForbid,
      words.unknownForbid,
    ]);
    expect(validateLocksAndForbids({ lockedId: 'jp', forbiddenIds: ['jp'] }, isHub, words)).toEqual([
      words.lockedAndForbidden,
    ]);
    expect(validateLocksAndForbids({ lockedId: 'xx', forbiddenIds: ['xx'] }, isHub, words)).toEqual([
      words.unknownLock,
      words.unknownForbid,
      words.lockedAndForbidden,
    ]);
  });
});

describe(locksOf.name, () => {
  it('reads back one subject’s lock, forbids and note from the rows of many, as constraintRows wrote them', () => {
    const rows = [
      ...constraintRows('f1', { lockedId: 'sg', forbiddenIds: ['jp', 'kr'] }, 'asked by KOTRA'),
      ...constraintRows('f2', { lockedId: null, forbiddenIds: ['sg'] }),
    ];
    expect(rows.filter((r) => r.subjectId === 'f1').map((r) => r.kind)).toEqual(['lock', 'forbid', 'forbid']);
    expect(locksOf(rows, 'f1')).toEqual({ lockedId: 'sg', forbiddenIds: ['jp', 'kr'], note: 'asked by KOTRA' });
    expect(locksOf(rows, 'f2')).toEqual({ lockedId: null, forbiddenIds: ['sg'], note: null });
    expect(locksOf(rows, 'f3')).toEqual({ lockedId: null, forbiddenIds: [], note: null });
  });
});
