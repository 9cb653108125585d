import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { requestLogFields } from './request-logging';

/** Where log lines go; tests replace it to read what was logged. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Never log credentials: passwords, tokens, cookies and authorization headers. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
];

/** A caller's X-Request-Id when it looks sane, otherwise a new one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Structured JSON logs (pino) with a request id on every line logged while serving a request. */
@Module({})
export class LoggingModule {
  static forRoot(process: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          providers: [
            {
              provide: LOG_DESTINATION,
              inject: [AppConfig],
              useFactory: (config: AppConfig) =>
                config.LOG_PRETTY
                  ? pino.transport({
                      target: 'pino-pretty',
                      options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
                    })
                  : pino.destination({ dest: 1, sync: false }),
            },
          ],
          inject: [AppConfig, LOG_DESTINATION],
          useFactory: (config: AppConfig, destination: pino.DestinationStream) => ({
            // No Nest middleware: an API logs each request from Fastify hooks (installRequestLogging), one
            // line when it is answered; lines written meanwhile get its id from the mixin. pino-http only
            // builds the root logger (its serializers), which nestjs-pino's Logger writes through.
            forRoutes: [],
            pinoHttp: [
              {
                level: config.LOG_LEVEL,
                base: { process },
                mixin: requestLogFields,
                redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              },
              destination,
            ],
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
