import { createHash, randomUUID } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
 */
export class LocalDiskStorage implements DocumentStorage {
  private readonly objects: string;
  private readonly tmp: string;

  constructor(readonly root: string) {
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
      await pipeline(source, measure, sink);
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
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.objects, ...key.split('/'));
  }
}
