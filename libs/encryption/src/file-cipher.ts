import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ALGORITHM, DecryptionError, NONCE_BYTES, TAG_BYTES } from './field-cipher';
import type { Keyring } from './keyring';

/** The first bytes of an encrypted file; a file without them is plaintext stored before encryption. */
export const FILE_MAGIC = Buffer.from('VGBFENC1', 'latin1');

/** The header: magic, key id length (1 byte), key id, nonce. The most bytes to read to know it. */
export const MAX_HEADER_BYTES = FILE_MAGIC.length + 1 + 32 + NONCE_BYTES;

export interface FileHeader {
  keyId: string;
  nonce: Buffer;
  /** The header's bytes, bound into the tag with the file's place. */
  bytes: Buffer;
}

/**
 * Parses the header at the start of these bytes: null when they do not start with the magic
 * (plaintext), a DecryptionError when they do but the header is cut short or malformed.
 */
export function readFileHeader(head: Buffer): FileHeader | null {
  if (head.length < FILE_MAGIC.length || !FILE_MAGIC.equals(head.subarray(0, FILE_MAGIC.length))) return null;
  const idLength = head[FILE_MAGIC.length];
  const end = FILE_MAGIC.length + 1 + (idLength ?? 0) + NONCE_BYTES;
  if (idLength === undefined || idLength < 1 || idLength > 32 || head.length < end) {
    throw new DecryptionError('the file header is malformed');
  }
  const keyId = head.subarray(FILE_MAGIC.length + 1, FILE_MAGIC.length + 1 + idLength).toString('latin1');
  return { keyId, nonce: head.subarray(end - NONCE_BYTES, end), bytes: head.subarray(0, end) };
}

const aad = (header: Buffer, context: string) => Buffer.concat([header, Buffer.from(context, 'utf8')]);

/**
 * Files at rest, streamed: header, AES-256-GCM ciphertext, the 16-byte tag last. The file's place
 * (its storage key) is associated data, so a file copied under another key does not open.
 */
export class FileCipher {
  constructor(private readonly keyring: Keyring) {}

  get activeKeyId(): string {
    return this.keyring.activeId;
  }

  /** A transform from the plaintext to the stored bytes under the active key. */
  encryptStream(context: string): Transform {
    const { id, key } = this.keyring.active;
    const nonce = randomBytes(NONCE_BYTES);
    const header = Buffer.concat([FILE_MAGIC, Buffer.from([id.length]), Buffer.from(id, 'latin1'), nonce]);
    const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(header, context));
    let started = false;
    return new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        const body = cipher.update(chunk);
        if (!started) {
          started = true;
          return done(null, Buffer.concat([header, body]));
        }
        done(null, body);
      },
      flush(done: TransformCallback) {
        const last = cipher.final();
        done(null, Buffer.concat([started ? Buffer.alloc(0) : header, last, cipher.getAuthTag()]));
      },
    });
  }

  /**
   * A transform from the stored bytes (after the header, given) to the plaintext. It holds back the
   * last 16 bytes (the tag) and fails at the end when the tag does not match: a reader must treat
   * the content as good only once the stream has ended without error.
   */
  decryptStream(header: FileHeader, context: string): Transform {
    const decipher = createDecipheriv(ALGORITHM, this.keyring.get(header.keyId), header.nonce, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad(header.bytes, context));
    let held = Buffer.alloc(0);
    return new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        const all = Buffer.concat([held, chunk]);
        const cut = Math.max(0, all.length - TAG_BYTES);
        held = all.subarray(cut);
        done(null, cut > 0 ? decipher.update(all.subarray(0, cut)) : undefined);
      },
      flush(done: TransformCallback) {
        if (held.length < TAG_BYTES) return done(new DecryptionError('the file is cut short: it has no tag'));
        try {
          decipher.setAuthTag(held);
          done(null, decipher.final());
        } catch {
          done(new DecryptionError(`the file does not open as ${context} (moved, changed, or another key's)`));
        }
      },
    });
  }
}
