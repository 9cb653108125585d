import { createHash } from 'node:crypto';
import { fingerprint, isStale } from './fingerprint';

describe(fingerprint.name, () => {
  const state = { hubs: [{ code: 'SG', capacity: 4, minimum: 0 }], fellows: [{ id: 'f1', lockedHub: null }] };

  it('is stable: the same state gives the same digest, call after call', () => {
    expect(fingerprint(state)).toBe(fingerprint(structuredClone(state)));
    expect(fingerprint(state)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is the digest proposals stored before the kernel existed (SHA-256 of the JSON, base64url)', () => {
    const before = createHash('sha256').update(JSON.stringify(state)).digest('base64url');
    expect(fingerprint(state)).toBe(before);
  });

  it('changes when anything the proposal stands on changes', () => {
    const locked = { ...state, fellows: [{ id: 'f1', lockedHub: 'SG' }] };
    const bigger = { ...state, hubs: [{ code: 'SG', capacity: 5, minimum: 0 }] };
    const more = { ...state, fellows: [...state.fellows, { id: 'f2', lockedHub: null }] };
    const digests = new Set([state, locked, bigger, more].map(fingerprint));
    expect(digests.size).toBe(4);
  });
});

describe(isStale.name, () => {
  it('is stale exactly when the stored fingerprint differs from the current one (or is missing)', () => {
    const now = fingerprint({ fellows: ['f1'] });
    expect(isStale(now, now)).toBe(false);
    expect(isStale(fingerprint({ fellows: ['f1', 'f2'] }), now)).toBe(true);
    expect(isStale(undefined, now)).toBe(true);
  });
});
