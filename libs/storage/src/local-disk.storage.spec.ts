import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { FileCipher, Keyring } from '@vgbf/encryption';
import { InvalidStorageKeyError, StoredObjectNotFoundError } from './document-storage';
import { LocalDiskStorage } from './local-disk.storage';

/** Every file below a directory, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

describe(LocalDiskStorage.name, () => {
  let root: string;
  let sut: LocalDiskStorage;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'vgbf-storage-'));
    sut = await new LocalDiskStorage(root).init();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores a stream under a new key and gives the same bytes back, with their size and SHA-256', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200_000, 7)]);
    const stored = await sut.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), {
      prefix: 'applications/abc',
    });
    expect(stored.key).toMatch(/^applications\/abc\/[0-9a-f-]{36}$/);
    expect(stored.size).toBe(bytes.length);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await buffer(await sut.get(stored.key))).toEqual(bytes);
    expect(filesUnder(root)).toEqual([join('objects', ...stored.key.split('/'))]);
  });

  it('leaves nothing behind, neither the object nor its temporary file, when the stream fails', async () => {
    const refused = new Error('not a PDF');
    const source = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 1));
        this.destroy(refused);
      },
    });
    await expect(sut.put(source, { prefix: 'applications/abc' })).rejects.toBe(refused);
    expect(filesUnder(root)).toEqual([]);
  });

  it('leaves no temporary file when the stream fails before the file is even open', async () => {
    // The refusal comes at once: the write stream is destroyed while its open is still pending.
    for (let i = 0; i < 200; i++) {
      const refused = new Error('not a PDF');
      const source = new Readable({ read() {} });
      source.destroy(refused);
      await expect(sut.put(source, { prefix: 'applications/abc' })).rejects.toBe(refused);
      expect(filesUnder(root)).toEqual([]);
    }
  });

  it('deletes, and deleting again is no error; a deleted key reads as not found', async () => {
    const { key } = await sut.put(Readable.from([Buffer.from('x')]), { prefix: 'p' });
    await sut.delete(key);
    await sut.delete(key);
    await expect(sut.get(key)).rejects.toBeInstanceOf(StoredObjectNotFoundError);
  });

  it.each(['../etc/passwd', 'a/../../b', '/abs', 'a//b', '.hidden', 'a/.', ''])(
    'refuses the key or prefix %j',
    async (key) => {
      await expect(sut.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(sut.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(sut.put(Readable.from([Buffer.from('x')]), { prefix: key })).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
    },
  );
});

describe(`${LocalDiskStorage.name} with a FileCipher`, () => {
  let root: string;
  const keys = [
    { id: 'k1', key: Buffer.alloc(32, 1) },
    { id: 'k2', key: Buffer.alloc(32, 2) },
  ];
  const storage = (active: string, ids = ['k1', 'k2']) =>
    new LocalDiskStorage(
      root,
      new FileCipher(
        new Keyring(
          keys.filter((k) => ids.includes(k.id)),
          active,
        ),
      ),
    ).init();
  const onDisk = (key: string) => readFileSync(join(root, 'objects', ...key.split('/')));
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\nNguyễn Văn An'), Buffer.alloc(70_000, 5)]);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'vgbf-storage-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes no plaintext to disk and reads the plaintext back, with the plaintext size and SHA-256', async () => {
    const sut = await storage('k1');
    const stored = await sut.put(Readable.from([pdf]), { prefix: 'applications/abc' });
    expect(stored.size).toBe(pdf.length);
    expect(stored.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const raw = onDisk(stored.key);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(raw.includes(Buffer.from('Nguyễn'))).toBe(false);
    expect(await buffer(await sut.get(stored.key))).toEqual(pdf);
  });

  it('reads a file stored before encryption, and the rotation re-encrypts it and older keys once', async () => {
    const plain = await new LocalDiskStorage(root).init();
    const legacy = await plain.put(Readable.from([pdf]), { prefix: 'p' });
    const underK1 = await (await storage('k1')).put(Readable.from([pdf]), { prefix: 'p' });

    const sut = await storage('k2');
    expect(await buffer(await sut.get(legacy.key))).toEqual(pdf);
    expect(await buffer(await sut.get(underK1.key))).toEqual(pdf);
    const all: string[] = [];
    for await (const key of sut.keys()) all.push(key);
    expect(all.sort()).toEqual([legacy.key, underK1.key].sort());

    expect(await sut.reencrypt(legacy.key)).toBe(true);
    expect(await sut.reencrypt(underK1.key)).toBe(true);
    expect(await sut.reencrypt(underK1.key)).toBe(false);
    expect(onDisk(legacy.key).includes(Buffer.from('%PDF'))).toBe(false);

    // k1 removed from the configuration: everything still reads.
    const k2only = await storage('k2', ['k2']);
    expect(await buffer(await k2only.get(legacy.key))).toEqual(pdf);
    expect(await buffer(await k2only.get(underK1.key))).toEqual(pdf);
    expect(filesUnder(root).filter((f) => f.startsWith('tmp'))).toEqual([]);
  });

  it('fails to read a file copied under another key', async () => {
    const sut = await storage('k1');
    const a = await sut.put(Readable.from([pdf]), { prefix: 'a' });
    const b = await sut.put(Readable.from([Buffer.from('%PDF-other')]), { prefix: 'b' });
    copyFileSync(join(root, 'objects', ...a.key.split('/')), join(root, 'objects', ...b.key.split('/')));
    await expect(buffer(await sut.get(b.key))).rejects.toThrow(/does not open/);
  });
});
