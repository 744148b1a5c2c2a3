/**
 * The HTTP layer's own answers to requests it cannot serve: a body that is not JSON or too large, and an
 * answer too large to send. Express's default handler would print the body (patient data) to stderr and,
 * outside production, into an HTML page; this one logs the kind of failure only.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

const answer = (res: Response, status: number, message: string, code: string): void => {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
};

export function requestErrors(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
    if (type === 'entity.parse.failed') return answer(res, 400, 'The request body is not valid JSON.', 'BAD_REQUEST');
    if (type === 'entity.too.large') return answer(res, 413, 'The request body is too large.', 'BAD_REQUEST');
    if (typeof status === 'number' && status >= 400 && status < 500)
      return answer(res, status, 'The request could not be read.', 'BAD_REQUEST');
    logger.error(
      { err: { name: error instanceof Error ? error.name : typeof error, type: typeof type === 'string' ? type : undefined } },
      'request failed',
    );
    answer(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
  };
}

/** Refuses an answer larger than `maxBytes` whole (a partial answer would mislead), before any of it is sent. */
export function limitResponseSize(maxBytes: number) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if ((typeof body === 'string' || Buffer.isBuffer(body)) && Buffer.byteLength(body) > maxBytes) {
        res.status(413);
        return send(
          JSON.stringify({
            errors: [{ message: `The answer is larger than ${maxBytes} bytes: ask for less.`, extensions: { code: 'RESPONSE_TOO_LARGE' } }],
          }),
        );
      }
      return send(body);
    };
    next();
  };
}
