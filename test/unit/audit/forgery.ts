/** The forgery of issue #13 part 3, as an attacker with an export in hand writes it. */
import { hashEvent } from '../../../src/eventstore/envelope';
import type { RecordedEvent } from '../../../src/eventstore/port';

type Line = Record<string, unknown> & { kind?: string; stream: string; metadata: { hash: string; prevHash: string | null } };

/** Replaces `from` by `to` in the event lines, re-hashes every chain and rewrites the heads line. */
export function reforge(lines: string[], from: string, to: string): string[] {
  const prev = new Map<string, string>();
  const forged = lines.map((text) => {
    const line = JSON.parse(text) as Line;
    if (line.kind !== undefined) return line;
    const event = JSON.parse(JSON.stringify(line).replace(from, to)) as Line;
    event.metadata.prevHash = prev.get(event.stream) ?? null;
    event.metadata.hash = hashEvent(event as unknown as RecordedEvent);
    prev.set(event.stream, event.metadata.hash);
    return event;
  });
  for (const line of forged) {
    if (line.kind !== 'heads') continue;
    for (const head of line.heads as Array<{ stream: string; hash: string }>) head.hash = prev.get(head.stream) ?? head.hash;
  }
  return forged.map((line) => JSON.stringify(line));
}
