import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyAttemptsError } from '../identity.errors';

/** Keys attempts by client address: at most LOGIN_MAX_PER_IP a window, whatever the account (see AttemptLimiter). */
export function addressTracker(req: Record<string, unknown>): string {
  return `ip:${(req as unknown as FastifyRequest).ip}`;
}

/** Throttles sign-in style endpoints per client address; a refusal is a 429 problem with a standard Retry-After. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new TooManyAttemptsError(retryAfter);
  }
}
