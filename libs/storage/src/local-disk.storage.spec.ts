import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
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
