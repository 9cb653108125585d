import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';

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
            // Load balancers poll health every few seconds; those lines would drown the rest.
            exclude: [
              { method: RequestMethod.ALL, path: 'health' },
              { method: RequestMethod.ALL, path: 'health/{*path}' },
            ],
            pinoHttp: [
              {
                level: config.LOG_LEVEL,
                base: { process },
                // Fastify assigns the id (see createFastifyAdapter); pino-http reuses req.id.
                genReqId: (req) => (typeof req.id === 'string' ? req.id : requestId(req)),
                redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
                customLogLevel: (_req, res, err) =>
                  err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
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
