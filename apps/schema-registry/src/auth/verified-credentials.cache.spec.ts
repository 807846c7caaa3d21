import { VerifiedCredentialsCache } from './verified-credentials.cache';

const alice = { name: 'alice', role: 'read' } as const;

describe('VerifiedCredentialsCache', () => {
  it('remembers a user and password pair, and nothing close to it', () => {
    const cache = new VerifiedCredentialsCache();
    cache.remember('alice', 'pw', alice);
    expect(cache.get('alice', 'pw')).toEqual(alice);
    expect(cache.get('alice', 'pw ')).toBeUndefined();
    expect(cache.get('alic', 'epw')).toBeUndefined();
  });

  it('forgets the oldest pair beyond its capacity', () => {
    const cache = new VerifiedCredentialsCache(2);
    cache.remember('a', '1', alice);
    cache.remember('b', '2', alice);
    cache.remember('c', '3', alice);
    expect([cache.get('a', '1'), cache.get('b', '2'), cache.get('c', '3')]).toEqual([undefined, alice, alice]);
  });

  it('keeps no password in memory, only a keyed hash', () => {
    const cache = new VerifiedCredentialsCache();
    cache.remember('alice', 'canary-password-123', alice);
    const keys = [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()];
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('canary');
  });
});
