/** One data-encryption key: its id (stored with every value it encrypts) and its 32 bytes. */
export interface DataKey {
  id: string;
  key: Buffer;
}

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The keys of the process: every configured key decrypts, the active one encrypts. Parsed from
 * DATA_ENCRYPTION_KEYS ("kid1:base64,kid2:base64", 32-byte keys) and DATA_ENCRYPTION_ACTIVE_KEY.
 */
export class Keyring {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    keys: readonly DataKey[],
    readonly activeId: string,
  ) {
    const map = new Map<string, Buffer>();
    for (const { id, key } of keys) {
      if (!KEY_ID.test(id)) throw new KeyringError(`key id "${id}" must be 1 to 32 letters, digits, "_" or "-"`);
      if (key.length !== 32) throw new KeyringError(`key "${id}" must be 32 bytes (AES-256), got ${key.length}`);
      if (map.has(id)) throw new KeyringError(`key id "${id}" is listed twice`);
      map.set(id, key);
    }
    if (!map.has(activeId)) throw new KeyringError(`the active key "${activeId}" is not among the configured keys`);
    this.keys = map;
  }

  /** Parses the two variables; throws KeyringError with a message naming what is wrong (never a key). */
  static parse(spec: string, activeId: string): Keyring {
    const entries = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (entries.length === 0) throw new KeyringError('no key configured');
    const keys = entries.map((entry) => {
      const colon = entry.indexOf(':');
      if (colon < 1) throw new KeyringError('each key must be written "<id>:<base64 of 32 bytes>"');
      const id = entry.slice(0, colon);
      const encoded = entry.slice(colon + 1);
      if (!BASE64.test(encoded)) throw new KeyringError(`key "${id}" is not base64`);
      return { id, key: Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64') };
    });
    return new Keyring(keys, activeId.trim());
  }

  get active(): DataKey {
    return { id: this.activeId, key: this.keys.get(this.activeId)! };
  }

  /** The key with this id, or a KeyringError naming the missing id (a value encrypted under a removed key). */
  get(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key)
      throw new KeyringError(`no configured key has the id "${id}": was it removed before a rotation finished?`);
    return key;
  }

  get ids(): string[] {
    return [...this.keys.keys()];
  }
}
