import { createHash, randomUUID } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { PassThrough, type Readable, Transform, pipeline as pipe } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FileCipher, MAX_HEADER_BYTES, readFileHeader } from '@vgbf/encryption';
import {
  type DocumentStorage,
  type StoredObject,
  StoredObjectNotFoundError,
  assertStorageKey,
} from './document-storage';

/**
 * DocumentStorage on a local directory: `objects/<key>` for stored files, `tmp/` for uploads in
 * progress. A file is written to tmp/ (flushed to disk) and renamed into place only once complete,
 * so a failed or interrupted upload never shows under a key; both live under one root, so the
 * rename stays on one filesystem and is atomic.
 *
 * With a FileCipher, files are encrypted on the way in (AES-256-GCM under the active key, the storage
 * key bound as associated data) and decrypted on the way out; a file without the header (stored
 * before encryption) reads as it is, and `reencrypt` brings it under the active key. Size and SHA-256
 * are of the plaintext: what the uploader sent.
 */
export class LocalDiskStorage implements DocumentStorage {
  private readonly objects: string;
  private readonly tmp: string;

  constructor(
    readonly root: string,
    private readonly cipher?: FileCipher,
  ) {
    this.objects = join(root, 'objects');
    this.tmp = join(root, 'tmp');
  }

  /** Creates the directories and checks they are writable: a process that cannot store files refuses to start. */
  async init(): Promise<this> {
    await mkdir(this.objects, { recursive: true });
    await mkdir(this.tmp, { recursive: true });
    await access(this.objects, constants.W_OK);
    await access(this.tmp, constants.W_OK);
    return this;
  }

  async put(source: Readable, { prefix }: { prefix: string }): Promise<StoredObject> {
    assertStorageKey(prefix);
    const key = `${prefix}/${randomUUID()}`;
    const temp = join(this.tmp, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const sink = createWriteStream(temp, { flags: 'wx', mode: 0o640, flush: true });
    try {
      await pipeline(source, measure, this.cipher?.encryptStream(key) ?? new PassThrough(), sink);
      const target = this.pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
    } catch (error) {
      // A refusal can come before the file is even open: the destroyed stream still opens (creating
      // it) and then closes, so the temp file is removed only once the stream has closed.
      if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
      await rm(temp, { force: true });
      throw error;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  async get(key: string): Promise<Readable> {
    // Opened here, not lazily by the stream, so a missing file fails before any response is started.
    const handle = await open(this.pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StoredObjectNotFoundError(key) : error;
    });
    try {
      const head = Buffer.alloc(MAX_HEADER_BYTES);
      const { bytesRead } = await handle.read(head, 0, MAX_HEADER_BYTES, 0);
      const header = readFileHeader(head.subarray(0, bytesRead));
      if (!header) return handle.createReadStream({ start: 0 });
      if (!this.cipher) throw new Error(`${key} is encrypted and this storage has no cipher`);
      // pipeline passes a failure either way (a bad tag destroys what the reader reads).
      return pipe(
        handle.createReadStream({ start: header.bytes.length }),
        this.cipher.decryptStream(header, key),
        () => {},
      );
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async *keys(): AsyncIterable<string> {
    for (const entry of await readdir(this.objects, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) yield relative(this.objects, join(entry.parentPath, entry.name)).split(sep).join('/');
    }
  }

  async reencrypt(key: string): Promise<boolean> {
    if (!this.cipher) return false;
    const target = this.pathOf(key);
    const handle = await open(target, 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StoredObjectNotFoundError(key) : error;
    });
    try {
      const head = Buffer.alloc(MAX_HEADER_BYTES);
      const { bytesRead } = await handle.read(head, 0, MAX_HEADER_BYTES, 0);
      if (readFileHeader(head.subarray(0, bytesRead))?.keyId === this.cipher.activeKeyId) return false;
    } finally {
      await handle.close();
    }
    // Decrypted (checked to the tag) into a temporary file under the active key, then renamed over the
    // old one: a reader sees the old file or the new one, never half of either.
    const temp = join(this.tmp, `${randomUUID()}.part`);
    try {
      await pipeline(
        await this.get(key),
        this.cipher.encryptStream(key),
        createWriteStream(temp, { flags: 'wx', mode: 0o640, flush: true }),
      );
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return true;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.objects, ...key.split('/'));
  }
}
