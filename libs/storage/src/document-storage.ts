import type { Readable } from 'node:stream';

/** What `put` stored: the key to read it back with, and what was actually written. */
export interface StoredObject {
  key: string;
  size: number;
  /** SHA-256 of the bytes written, lowercase hex. */
  sha256: string;
}

/**
 * Where uploaded files live, outside the database. Callers keep the key (in their own table) and never
 * build paths: a local-disk implementation serves development and single-host installs; an
 * S3-compatible one can replace it behind the same token.
 */
export interface DocumentStorage {
  /**
   * Stores the stream under a new key below `prefix` (e.g. `applications/<id>`). All or nothing: when
   * the stream fails (including a check that destroys it on purpose), nothing is left behind and
   * the stream's error is thrown as is.
   */
  put(source: Readable, options: { prefix: string }): Promise<StoredObject>;
  /** The stored bytes. Throws StoredObjectNotFoundError when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is already gone is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key (for the key-rotation command), in no particular order. */
  keys(): AsyncIterable<string>;
  /**
   * Rewrites the object encrypted under the active key (a plaintext one from before encryption, or one
   * under an older key): true when it rewrote it, false when it already was (safe to run again).
   */
  reencrypt(key: string): Promise<boolean>;
}

/** The injection token of the one DocumentStorage of the process. */
export const DOCUMENT_STORAGE = Symbol('DocumentStorage');

export class StoredObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under key ${key}`);
    this.name = 'StoredObjectNotFoundError';
  }
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Not a storage key: ${JSON.stringify(key)}`);
    this.name = 'InvalidStorageKeyError';
  }
}

/** Keys and prefixes are `/`-separated segments of letters, digits, `.`, `_` and `-`, none starting with a dot. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.length > 512) throw new InvalidStorageKeyError(key);
}
