/** Structured JSON logs (pino). Patient data never goes into a log: only ids, codes and counts. */
import pino, { type Logger } from 'pino';

export type { Logger };

/** `destination`: where lines go (default stdout; tests capture them). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'celltrail' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: should a payload ever reach a log call, these fields are removed.
    redact: {
      paths: ['*.givenName', '*.familyName', '*.birthDate', '*.mrn', '*.authorization', '*.variables', 'req.headers.authorization'],
      remove: true,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
