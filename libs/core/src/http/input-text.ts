import { DomainError, type FieldError } from '../errors/domain-error';
import { InputValidationError } from './validation';

/** Deeper than any body this API takes (its deepest DTO nests about five levels). */
export const MAX_JSON_DEPTH = 32;

export class JsonTooDeepError extends DomainError {
  constructor(max: number) {
    super('json_too_deep', 'invalid', `The JSON body nests deeper than ${max} levels.`, { maxDepth: max });
  }
}

export class JsonNotObjectError extends DomainError {
  constructor() {
    super('json_body_not_object', 'invalid', 'A JSON body must be an object ({…}).');
  }
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests objects and arrays deeper than `max`, found by counting brackets outside
 * strings, before JSON.parse and everything after it (validation, logging) walk it recursively:
 * a body nested thousands deep would otherwise overflow the stack. UTF-8 multi-byte sequences never
 * contain these ASCII bytes, so scanning bytes is exact.
 */
export function jsonNestsDeeperThan(text: Buffer | string, max: number): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth -= 1;
  }
  return false;
}

/**
 * C0 controls but tab and line feed, DEL and the C1 controls (a CR LF pair is folded to LF first),
 * and UTF-16 surrogates that are not part of a pair (JSON's "\ud800" escape makes one; PostgreSQL
 * refuses U+0000 and storing a lone surrogate silently turns it into U+FFFD).
 */
// Without the u flag a regex sees UTF-16 code units, which is what finding a lone surrogate needs.
/* eslint-disable no-control-regex -- finding control characters is its purpose */
const FORBIDDEN =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/* eslint-enable no-control-regex */

/** Names of fields whose text is a secret, compared as typed: normalising them would lock out accounts made before. */
const SECRET = /password/i;

function problemIn(text: string): Pick<FieldError, 'message' | 'code' | 'params'> | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const unit = match[0].charCodeAt(0);
  if (unit >= 0xd800 && unit <= 0xdfff)
    return { message: 'must not contain an unpaired UTF-16 surrogate', code: 'validation.unpaired_surrogate' };
  const character = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    message: `must not contain control characters (found ${character})`,
    code: 'validation.control_characters',
    params: { character },
  };
}
const foldLineEnds = (text: string): string => (text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text);

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));

/**
 * Checks every string of an incoming value (object keys included) and returns it with each string
 * in Unicode NFC (secrets excepted) and CR LF folded to LF, or the field errors, one per bad field,
 * named by path as class-validator names them (`referees.0.name`). Objects are rebuilt, not mutated.
 */
export function cleanInput(value: unknown, path = '', secret = false): { value: unknown; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const visit = (node: unknown, at: string, isSecret: boolean): unknown => {
    if (typeof node === 'string') {
      const text = foldLineEnds(node);
      const problem = problemIn(text);
      if (problem) {
        errors.push({ field: at, ...problem, message: `${at || 'value'} ${problem.message}` });
        return node;
      }
      return isSecret ? text : text.normalize('NFC');
    }
    if (Array.isArray(node)) return node.map((item, i) => visit(item, join(at, i), isSecret));
    if (node && typeof node === 'object' && !Buffer.isBuffer(node)) {
      // Query objects have no prototype; keep it that way (a "__proto__" key stays an ordinary key).
      const out: Record<string, unknown> =
        Object.getPrototypeOf(node) === null ? (Object.create(null) as Record<string, unknown>) : {};
      for (const [key, item] of Object.entries(node)) {
        const problem = problemIn(key);
        const field = join(at, key);
        if (problem) {
          errors.push({ field, ...problem, message: `the property name ${problem.message}` });
          continue;
        }
        out[key.normalize('NFC')] = visit(item, field, isSecret || SECRET.test(key));
      }
      return out;
    }
    return node;
  };
  const cleaned = visit(value, path, secret);
  return { value: cleaned, errors };
}

/** cleanInput, throwing the usual 400 validation problem when a string is refused. */
export function cleanInputOrThrow<T>(value: T, path = ''): T {
  const { value: cleaned, errors } = cleanInput(value, path);
  if (errors.length) throw new InputValidationError(errors);
  return cleaned as T;
}
