/**
 * One structured log line per HTTP request (pino-http on the app's pino logger): method, path (never
 * the query string, where a GET could carry variables), status, duration, the GraphQL operation's name,
 * the error codes answered, the caller's pseudonymous user id (the token's subject, never a name), and
 * the correlation id. Never a body, variables, headers or query text.
 *
 * The correlation id is the client's `x-correlation-id` when it is a plausible id (letters, digits, '-'
 * and '_', at most 64), else a fresh UUID; it is echoed in the response's `x-correlation-id` and is the
 * request id the seam's access records and the events a mutation writes carry.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export const CORRELATION_HEADER = 'x-correlation-id';
const PLAUSIBLE_ID = /^[\w-]{1,64}$/;

/** What the GraphQL layer learns about a request, for its log line and metrics. */
export interface RequestObservation {
  operation?: string;
  errorCodes: string[];
  userId?: string;
}

/** The request's observation record (created on first use). */
export function observationOf(res: Response | ServerResponse): RequestObservation {
  const locals = ((res as Response).locals ??= {}) as { observed?: RequestObservation };
  return (locals.observed ??= { errorCodes: [] });
}

/** The correlation id pino-http assigned to the request. */
export const correlationIdOf = (req: IncomingMessage): string => String((req as IncomingMessage & { id?: unknown }).id ?? randomUUID());

const pathOnly = (url: string | undefined): string => (url ?? '/').split('?')[0] ?? '/';

export function requestLog(logger: Logger): RequestHandler {
  const fields = (req: IncomingMessage, res: ServerResponse) => {
    const observed = observationOf(res);
    return {
      ...(observed.operation ? { operation: observed.operation } : {}),
      ...(observed.errorCodes.length > 0 ? { errorCodes: [...new Set(observed.errorCodes)] } : {}),
      ...(observed.userId ? { userId: observed.userId } : {}),
      path: pathOnly((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url),
    };
  };
  return pinoHttp({
    logger,
    genReqId(req, res) {
      const incoming = req.headers[CORRELATION_HEADER];
      const id = typeof incoming === 'string' && PLAUSIBLE_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader(CORRELATION_HEADER, id);
      return id;
    },
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'durationMs' },
    quietReqLogger: true,
    quietResLogger: true,
    serializers: {
      req: (req: { method?: string; url?: string; originalUrl?: string }) => ({
        method: req.method,
        path: pathOnly(req.originalUrl ?? req.url),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value: Record<string, unknown>) => ({
      method: req.method,
      statusCode: res.statusCode,
      durationMs: value.durationMs,
      ...fields(req, res),
    }),
    // An error's message may carry what was sent: its class name only (the error handler logs it masked).
    customErrorObject: (req, res, error, value: Record<string, unknown>) => ({
      method: req.method,
      statusCode: res.statusCode,
      durationMs: value.durationMs,
      error: error.name,
      ...fields(req, res),
    }),
  });
}
