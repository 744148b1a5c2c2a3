/** Command-line options of the benchmarks: `--name value` pairs, parsed with node:util and checked. */
import { parseArgs } from 'node:util';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;

export function readArgs<S extends OptionSpec>(spec: S, argv: string[] = process.argv.slice(2)) {
  const { values } = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false });
  return values as unknown as { [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean : string | undefined };
}

/** A positive number from an option, or the fallback; a bad value stops the benchmark with a message. */
export function numberOption(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined || typeof value === 'boolean') return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(parsed) || parsed <= 0) throw new RangeError(`--${name} must be a positive number (got "${value}")`);
  return parsed;
}

export function integerOption(value: string | boolean | undefined, name: string, fallback: number): number {
  const parsed = numberOption(value, name, fallback);
  if (!Number.isInteger(parsed)) throw new RangeError(`--${name} must be a whole number (got "${String(value)}")`);
  return parsed;
}

/** The options of an HTTP load benchmark (autocannon against two servers), as the benchmarks spell them. */
export const LOAD_OPTIONS = {
  connections: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  rounds: { type: 'string' },
  profile: { type: 'string' },
  seed: { type: 'string' },
} as const satisfies OptionSpec;

export function loadOptions(
  args: { [K in keyof typeof LOAD_OPTIONS]?: string | boolean | undefined },
  defaultSeed: number,
): { load: { connections: number; durationS: number; warmupS: number; rounds: number }; seed: number } {
  return {
    load: {
      connections: integerOption(args.connections, 'connections', 32),
      durationS: numberOption(args.duration, 'duration', 10),
      warmupS: args.warmup === '0' ? 0 : numberOption(args.warmup, 'warmup', 3),
      rounds: integerOption(args.rounds, 'rounds', 1),
    },
    seed: integerOption(args.seed, 'seed', defaultSeed),
  };
}
