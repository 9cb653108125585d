import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Each entry of DATA_ENCRYPTION_KEYS: `<id>:<base64 of 32 bytes>`; why not, or null when it is one. */
function dataKeyProblem(entry: string): string | null {
  const colon = entry.indexOf(':');
  const id = entry.slice(0, Math.max(colon, 0));
  if (colon < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id))
    return 'each key must be written "<id>:<base64>", the id 1 to 32 letters, digits, "_" or "-"';
  const encoded = entry.slice(colon + 1);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) return `key "${id}" is not base64`;
  const bytes = Buffer.from(encoded, /[-_]/.test(encoded) ? 'base64url' : 'base64').length;
  return bytes === 32 ? null : `key "${id}" must be 32 bytes (AES-256), got ${bytes}`;
}

const dataKeyIds = (spec: unknown): string[] =>
  typeof spec === 'string' ? spec.split(',').map((e) => e.trim().slice(0, Math.max(e.trim().indexOf(':'), 0))) : [];

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  return value;
};

/**
 * Every setting of the API and the worker, validated once at start-up.
 * Property names are the environment variable names, so an error names the variable.
 * The type check sits closest to each property: decorators run bottom-up and only the first failure is shown.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @IsString()
  @IsNotEmpty()
  API_HOST = '127.0.0.1';

  @Transform(toInt)
  @Min(1)
  @Max(65535)
  @IsInt({ message: 'must be an integer port number' })
  API_PORT = 3300;

  /** Base URL people reach the system at; used in links inside emails. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL: string;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL: string;

  @Transform(toInt)
  @Min(1)
  @Max(200)
  @IsInt()
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL: string;

  /** Separates the queues of environments (and of parallel test files) sharing one Redis. */
  @Matches(/^[a-zA-Z0-9:_-]+$/, { message: 'may contain only letters, digits, ":", "_" and "-"' })
  QUEUE_PREFIX = 'vgbf';

  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL: string;

  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'VGBF Cohort <no-reply@vgbf.local>';

  /** Web inbox of the local mail catcher; empty in production. */
  @IsOptional()
  @IsString()
  MAIL_INBOX_URL?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  LOG_PRETTY = false;

  @Transform(toInt)
  @Min(1024)
  @Max(50 * 1024 * 1024)
  @IsInt()
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** How long a SIGTERM waits for in-flight requests and jobs before closing anyway. */
  @Transform(toInt)
  @Min(0)
  @Max(120_000)
  @IsInt()
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * Sign-in throttling (login, forgot-password, register), counted in Redis. Within one window of
   * LOGIN_THROTTLE_WINDOW_SECONDS: at most LOGIN_MAX_PER_IP attempts from one client address (any
   * account), and at most LOGIN_MAX_PER_ACCOUNT failed attempts on one account from one address (a
   * success clears them). Beyond LOGIN_ACCOUNT_MAX_FAILURES failures on one account within
   * LOGIN_ACCOUNT_WINDOW_SECONDS, only addresses that have not failed on it in that time may try, so
   * an attacker never locks the owner out.
   */
  @Transform(toInt)
  @Min(1)
  @Max(3600)
  @IsInt()
  LOGIN_THROTTLE_WINDOW_SECONDS = 60;

  /** Failed attempts on one account from one client address per LOGIN_THROTTLE_WINDOW_SECONDS. */
  @Transform(toInt)
  @Min(1)
  @Max(1000)
  @IsInt()
  LOGIN_MAX_PER_ACCOUNT = 10;

  /** Attempts from one client address per LOGIN_THROTTLE_WINDOW_SECONDS, whatever the account. */
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  LOGIN_MAX_PER_IP = 100;

  /** Failed attempts on one account from all addresses per LOGIN_ACCOUNT_WINDOW_SECONDS before failing addresses wait. */
  @Transform(toInt)
  @Min(1)
  @Max(100_000)
  @IsInt()
  LOGIN_ACCOUNT_MAX_FAILURES = 100;

  @Transform(toInt)
  @Min(60)
  @Max(86_400)
  @IsInt()
  LOGIN_ACCOUNT_WINDOW_SECONDS = 3600;

  /** Where uploaded documents are kept (local-disk storage); a relative path is taken from the checkout's root. */
  @IsString()
  @IsNotEmpty()
  STORAGE_DIR = 'var/storage';

  /** When the worker's daily maintenance job runs (cron, 5 fields or 6 with seconds, in Asia/Ho_Chi_Minh). */
  @Matches(/^\s*[\d*/,\-A-Za-z?LW#]+(\s+[\d*/,\-A-Za-z?LW#]+){4,5}\s*$/, {
    message: 'must be a cron pattern of 5 fields (or 6 with seconds), e.g. "30 3 * * *"',
  })
  MAINTENANCE_CRON = '30 3 * * *';

  /**
   * Signs the links in emails that act without a sign-in (unsubscribe from optional emails): HMAC-SHA256
   * key, at least 32 characters. Changing it voids the links already sent.
   */
  @MinLength(32, { message: 'must be at least 32 characters' })
  @IsString()
  NOTIFICATION_LINK_SECRET: string;

  /**
   * The keys that encrypt documents and sensitive columns at rest (libs/encryption), "<id>:<base64 of 32
   * bytes>" separated by commas, e.g. `openssl rand -base64 32` for each. Every listed key decrypts; keep
   * an old key listed until the rotation command has re-encrypted everything under the active one.
   */
  @ValidateBy({
    name: 'dataEncryptionKeys',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        const entries = value.split(',').map((e) => e.trim());
        const ids = dataKeyIds(value);
        return entries.every((e) => dataKeyProblem(e) === null) && new Set(ids).size === ids.length;
      },
      defaultMessage: (args?: ValidationArguments) => {
        if (typeof args?.value !== 'string') return 'must list "<id>:<base64 of 32 bytes>" keys separated by commas';
        const problems = args.value
          .split(',')
          .map((e) => dataKeyProblem(e.trim()))
          .filter(Boolean);
        return problems[0] ?? 'must not list the same key id twice';
      },
    },
  })
  DATA_ENCRYPTION_KEYS: string;

  /** The id of the key that encrypts new values: one of DATA_ENCRYPTION_KEYS. */
  @ValidateBy({
    name: 'activeDataKey',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value === 'string' &&
        dataKeyIds((args?.object as AppConfig | undefined)?.DATA_ENCRYPTION_KEYS).includes(value),
      defaultMessage: () => 'must be the id of one of the keys in DATA_ENCRYPTION_KEYS',
    },
  })
  DATA_ENCRYPTION_ACTIVE_KEY: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
