import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyAttemptsError } from '../identity.errors';

/** Keys login attempts by account (the email tried) or by client IP, per named throttler. */
export function loginTracker(by: 'account' | 'ip') {
  return (req: Record<string, unknown>): string => {
    const request = req as unknown as FastifyRequest<{ Body: { email?: unknown } }>;
    const email = request.body?.email;
    return by === 'account' && typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : `ip:${request.ip}`;
  };
}

/** Throttles sign-in style endpoints; a refusal is a 429 problem with a standard Retry-After. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new TooManyAttemptsError(retryAfter);
  }
}
