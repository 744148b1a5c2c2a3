/** The CLI progress bar (src/cli/progress.ts): a redrawn line on a terminal, a few plain lines in a log. */
import { createProgress, renderBar } from '../../../src/cli/progress';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('progress bar', () => {
  it('renders the share done', () => {
    expect(renderBar('verify', 1, 4, 8)).toBe('verify [##------]  25%');
    expect(renderBar('verify', 9, 4, 8)).toBe('verify [########] 100%');
    expect(renderBar('export', 0, 0, 4)).toBe('export [####] 100%');
  });

  it('redraws one line on a terminal, at most once per interval, and ends it when done', () => {
    const { writes, stream } = sink(true);
    let now = 0;
    const progress = createProgress('verify', 100, { stream, width: 10, intervalMs: 100, now: () => now });
    progress.update(10);
    now = 50;
    progress.update(20); // too soon: not drawn
    now = 150;
    progress.update(30);
    progress.done();
    expect(writes).toEqual(['\rverify [#---------]  10%', '\rverify [###-------]  30%', '\rverify [##########] 100%', '\n']);
  });

  it('prints a plain line per tenth when stderr is not a terminal', () => {
    const { writes, stream } = sink(false);
    const progress = createProgress('export', 1000, { stream, width: 10 });
    for (let done = 0; done <= 1000; done += 1) progress.update(done);
    progress.done();
    expect(writes).toHaveLength(11);
    expect(writes[10]).toBe('export [##########] 100%\n');
  });
});
