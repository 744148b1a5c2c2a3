/** The direction of a read of all events, the one rule every adapter applies to ReadAllOptions. */
import type { ReadAllOptions } from './port';

export type ReadDirection = NonNullable<ReadAllOptions['direction']>;

/** Which way a read goes; a bound of the other direction is a RangeError rather than silently ignored. */
export function readDirectionOf(options: ReadAllOptions): ReadDirection {
  const { direction = 'forwards' } = options;
  if (direction !== 'forwards' && direction !== 'backwards') throw new RangeError("direction must be 'forwards' or 'backwards'");
  if (direction === 'backwards' && options.after !== undefined) throw new RangeError('a backward read takes before, not after');
  if (direction === 'forwards' && options.before !== undefined) throw new RangeError('a forward read takes after, not before');
  return direction;
}
