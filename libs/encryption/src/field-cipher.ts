import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

/** AES-256-GCM: a random 96-bit nonce per value, a 128-bit tag. */
export const ALGORITHM = 'aes-256-gcm';
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

const ENVELOPE = /^v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$/;

/** A value's envelope could not be opened: the wrong place (associated data), a changed byte, or a removed key. */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/**
 * Where a value belongs, bound into its ciphertext as associated data: a value copied to another
 * column or row does not open there. `table.column` and, where the row's id is known, the id.
 */
export const fieldContext = (table: string, column: string, rowId?: string): string =>
  rowId === undefined ? `${table}.${column}` : `${table}.${column}:${rowId}`;

/**
 * Text values in columns: `v1:<kid>:<nonce>:<ciphertext+tag>` (base64url parts). Encrypts under the
 * active key, decrypts under whichever key the value names. A value that is not an envelope is
 * plaintext written before encryption was switched on, and reads as itself (the rotation command
 * encrypts it).
 */
export class FieldCipher {
  constructor(private readonly keyring: Keyring) {}

  encrypt(plaintext: string, context: string): string {
    const { id, key } = this.keyring.active;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1:${id}:${nonce.toString('base64url')}:${body.toString('base64url')}`;
  }

  decrypt(stored: string, context: string): string {
    const parts = ENVELOPE.exec(stored);
    if (!parts) return stored;
    const [, id, nonce, body] = parts as unknown as [string, string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.length < TAG_BYTES) throw new DecryptionError('the value is shorter than its tag');
    const decipher = createDecipheriv(ALGORITHM, this.keyring.get(id), Buffer.from(nonce, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new DecryptionError(`the value does not open in ${context} (moved, changed, or another key's)`);
    }
  }

  /** Whether a stored value is an envelope at all (false: plaintext from before encryption). */
  isEncrypted(stored: string): boolean {
    return ENVELOPE.test(stored);
  }

  /** The key id a stored value names, or null for plaintext. */
  keyIdOf(stored: string): string | null {
    return ENVELOPE.exec(stored)?.[1] ?? null;
  }

  /** Whether the value is already under the active key (the rotation leaves it alone). */
  isCurrent(stored: string): boolean {
    return this.keyIdOf(stored) === this.keyring.activeId;
  }

  /** The value under the active key: the same string when it already is (idempotent). */
  reencrypt(stored: string, context: string): string {
    return this.isCurrent(stored) ? stored : this.encrypt(this.decrypt(stored, context), context);
  }
}
