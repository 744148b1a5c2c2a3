/**
 * CORS for front ends served from another origin (the `cors` package). Off unless CORS_ORIGINS names
 * origins; then only those exact origins (scheme, host and port) get CORS headers. A refused origin gets
 * none at all, not even on a preflight, so the browser blocks the call. Tokens travel in the
 * Authorization header, never in cookies: no credentials mode. Apollo's CSRF prevention stays on: a
 * cross-origin POST with content-type application/json is preflighted, and that preflight is this.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';

/** Request headers a browser may send cross-origin: the token, JSON bodies, correlation and W3C trace context. */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-correlation-id',
  'traceparent',
  'tracestate',
  'apollo-require-preflight',
];

/** Response headers a cross-origin page may read: the correlation id the server echoes. */
export const CORS_EXPOSED_HEADERS = ['x-correlation-id'];

/** How long a browser may keep a preflight's answer (seconds). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** The CORS middleware for these origins; null (nothing to mount) when none are configured. */
export function corsFor(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  const allowed = new Set(origins);
  return cors({
    // A function, not the list: with a list, `cors` still answers a refused origin's preflight with allowed methods and headers.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  });
}
