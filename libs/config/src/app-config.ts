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
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

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

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
