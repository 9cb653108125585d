import { loadConfig } from '@vgbf/config';

/** The services the test command brought up (or DATABASE_URL/REDIS_URL/SMTP_URL from outside). */
export function serviceUrls(): { databaseUrl: string; redisUrl: string; smtpUrl: string; mailInboxUrl?: string } {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  return {
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    smtpUrl: config.SMTP_URL,
    mailInboxUrl: config.MAIL_INBOX_URL,
  };
}
