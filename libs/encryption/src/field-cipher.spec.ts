import { DecryptionError, FieldCipher, fieldContext } from './field-cipher';
import { Keyring, KeyringError } from './keyring';

const key = (byte: number) => Buffer.alloc(32, byte);
const ring = (active: string, ...ids: string[]) =>
  new Keyring(
    ids.map((id, i) => ({ id, key: key(i + 1) })),
    active,
  );

describe(FieldCipher.name, () => {
  const where = fieldContext('mentoring_sessions', 'notes', 'row-1');

  it('encrypts to an envelope naming the active key, a fresh nonce each time, and reads it back', () => {
    const sut = new FieldCipher(ring('k1', 'k1'));
    const a = sut.encrypt('Bàn về thị trường Nhật Bản', where);
    const b = sut.encrypt('Bàn về thị trường Nhật Bản', where);
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Nhật');
    expect(sut.decrypt(a, where)).toBe('Bàn về thị trường Nhật Bản');
    expect(sut.decrypt(sut.encrypt('', where), where)).toBe('');
  });

  it('does not open a value moved to another row or column, or with a changed byte', () => {
    const sut = new FieldCipher(ring('k1', 'k1'));
    const value = sut.encrypt('secret', where);
    expect(() => sut.decrypt(value, fieldContext('mentoring_sessions', 'notes', 'row-2'))).toThrow(DecryptionError);
    expect(() => sut.decrypt(value, fieldContext('mentoring_sessions', 'rating_comment', 'row-1'))).toThrow(
      DecryptionError,
    );
    const last = value.at(-2) === 'A' ? 'B' : 'A';
    expect(() => sut.decrypt(`${value.slice(0, -2)}${last}${value.at(-1)}`, where)).toThrow(DecryptionError);
  });

  it('reads plaintext from before encryption as itself, and says it is not encrypted', () => {
    const sut = new FieldCipher(ring('k1', 'k1'));
    expect(sut.decrypt('old note', where)).toBe('old note');
    expect(sut.isEncrypted('old note')).toBe(false);
    expect(sut.isCurrent('old note')).toBe(false);
  });

  it('after a rotation reads old values with the old key still listed, and re-encrypts them once', () => {
    const before = new FieldCipher(ring('k1', 'k1'));
    const old = before.encrypt('secret', where);
    const after = new FieldCipher(ring('k2', 'k1', 'k2'));
    expect(after.decrypt(old, where)).toBe('secret');
    expect(after.isCurrent(old)).toBe(false);
    const rotated = after.reencrypt(old, where);
    expect(after.keyIdOf(rotated)).toBe('k2');
    expect(after.reencrypt(rotated, where)).toBe(rotated);
    // k1 removed: the rotated value still reads, the old one names a key that is gone.
    const k2only = new FieldCipher(new Keyring([{ id: 'k2', key: key(2) }], 'k2'));
    expect(k2only.decrypt(rotated, where)).toBe('secret');
    expect(() => k2only.decrypt(old, where)).toThrow(KeyringError);
  });
});

describe(Keyring.name, () => {
  it('parses "id:base64" lists and refuses what is not one', () => {
    const spec = `a:${key(1).toString('base64')},b:${key(2).toString('base64url')}`;
    expect(Keyring.parse(spec, 'b').ids).toEqual(['a', 'b']);
    expect(() => Keyring.parse(spec, 'c')).toThrow(/active key "c"/);
    expect(() => Keyring.parse(`a:${Buffer.alloc(16).toString('base64')}`, 'a')).toThrow(/32 bytes/);
    expect(() => Keyring.parse('', 'a')).toThrow(/no key/);
  });
});
