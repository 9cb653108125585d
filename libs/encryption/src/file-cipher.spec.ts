import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { DecryptionError } from './field-cipher';
import { FILE_MAGIC, FileCipher, readFileHeader } from './file-cipher';
import { Keyring } from './keyring';

const keyring = (active: string) =>
  new Keyring(
    [
      { id: 'k1', key: Buffer.alloc(32, 1) },
      { id: 'k2', key: Buffer.alloc(32, 2) },
    ],
    active,
  );

async function encrypt(cipher: FileCipher, bytes: Buffer, context: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]), cipher.encryptStream(context), async (s) => {
    for await (const c of s) chunks.push(c as Buffer);
  });
  return Buffer.concat(chunks);
}

async function decrypt(cipher: FileCipher, stored: Buffer, context: string): Promise<Buffer> {
  const header = readFileHeader(stored);
  if (!header) return stored;
  // Fed in odd chunks, so the held-back tag crosses chunk boundaries.
  const chunks = [];
  const body = stored.subarray(header.bytes.length);
  for (let i = 0; i < body.length; i += 5) chunks.push(body.subarray(i, i + 5));
  return buffer(Readable.from(chunks).pipe(cipher.decryptStream(header, context)));
}

describe(FileCipher.name, () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4 Nguyễn Văn An CV'), Buffer.alloc(100_000, 3)]);

  it('stores a header naming the key, no plaintext, and reads the same bytes back', async () => {
    const sut = new FileCipher(keyring('k1'));
    const stored = await encrypt(sut, pdf, 'applications/a/1');
    expect(stored.subarray(0, FILE_MAGIC.length)).toEqual(FILE_MAGIC);
    expect(readFileHeader(stored)?.keyId).toBe('k1');
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored.includes(Buffer.from('Nguyễn'))).toBe(false);
    expect(await decrypt(sut, stored, 'applications/a/1')).toEqual(pdf);
  });

  it('encrypts an empty file too', async () => {
    const sut = new FileCipher(keyring('k1'));
    expect(await decrypt(sut, await encrypt(sut, Buffer.alloc(0), 'x'), 'x')).toEqual(Buffer.alloc(0));
  });

  it('fails on a file moved under another key or with a changed byte', async () => {
    const sut = new FileCipher(keyring('k1'));
    const stored = await encrypt(sut, pdf, 'applications/a/1');
    await expect(decrypt(sut, stored, 'applications/b/1')).rejects.toBeInstanceOf(DecryptionError);
    const changed = Buffer.from(stored);
    changed[changed.length - 100] ^= 1;
    await expect(decrypt(sut, changed, 'applications/a/1')).rejects.toBeInstanceOf(DecryptionError);
    await expect(decrypt(sut, stored.subarray(0, stored.length - 3), 'applications/a/1')).rejects.toBeInstanceOf(
      DecryptionError,
    );
  });

  it('reads a file under the old key after the active key changed', async () => {
    const stored = await encrypt(new FileCipher(keyring('k1')), pdf, 'k');
    expect(await decrypt(new FileCipher(keyring('k2')), stored, 'k')).toEqual(pdf);
  });

  it('takes bytes without the magic as plaintext', () => {
    expect(readFileHeader(pdf)).toBeNull();
  });
});
