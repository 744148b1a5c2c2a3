/**
 * Read throughput and latency: the CaseSummary query (`case(id)`, every field the clinician's front end
 * asks for, compliance included) over many realistic cases, against a bare Apollo server in the same run.
 *
 *   node dist/bench/read.js [--connections 32] [--duration 10] [--warmup 3] [--rounds 1] [--cases 5000] [--profile FILE.cpuprofile]
 *
 * Processes: autocannon here, each server in a child process of its own (see write.ts for why).
 * Every read is also recorded in the access log, and answered only once its record is committed (reads in
 * flight together share a commit): that wait is part of the cost measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACCESS_EVENT_TYPE } from '../src/audit/event-store-access-log';
import { createSqliteEventStore } from '../src/eventstore/sqlite';
import { integerOption, LOAD_OPTIONS, loadOptions, readArgs } from './support/args';
import { BARE_BASELINE } from './support/bare-apollo';
import { benchToken, celltrailEnv } from './support/celltrail-env';
import { compareServers, reported } from './support/compare';
import { recordRealisticHistory } from './support/dataset';
import { bodyFor, operation } from './support/operations';
import { printJson, progress, runMain } from './support/output';
import { createRandom } from './support/prng';

async function main(): Promise<void> {
  const args = readArgs({ ...LOAD_OPTIONS, cases: { type: 'string' } });
  const { load, seed } = loadOptions(args, 20240602);
  const { connections, durationS, warmupS, rounds } = load;
  const cases = integerOption(args.cases, 'cases', 5000);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-bench-read-'));
  try {
    const store = createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    let caseIds: string[];
    try {
      const stats = await recordRealisticHistory({ store, seed, cases });
      // The cases that exist are the ones whose opening was recorded (the newest may not be open yet).
      caseIds = (await store.readAll({ filter: { types: ['CaseOpened'] } })).map((e) => String(e.data.caseId));
      progress(`populated ${stats.events} events, ${caseIds.length} cases`);
    } finally {
      await store.close();
    }

    const random = createRandom(seed + 1);
    const caseSummary = bodyFor(operation('CaseSummary'));
    const token = await benchToken(['CLINICIAN']);
    const result = await compareServers({
      ...load,
      baseline: BARE_BASELINE,
      subject: {
        label: 'celltrail (SQLite + memory read store)',
        spec: { kind: 'celltrail', env: celltrailEnv({ dataDir }) },
        load: {
          headers: { authorization: `Bearer ${token}` },
          nextBody: () => caseSummary({ id: random.pick(caseIds) }),
          // Every id exists and is in the token's facilities: a null case is a wrong answer.
          isBadBody: (body) => body.includes('"case":null'),
        },
        ...(args.profile ? { profileFile: path.resolve(args.profile) } : {}),
      },
    });
    const { ratio } = result;
    // Every read answered has its record committed before the answer: a check that the log kept up.
    const after = createSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    const accessEvents = (await after.readAll({ filter: { types: [ACCESS_EVENT_TYPE] } })).length;
    await after.close();
    printJson({
      bench: 'read',
      query: 'CaseSummary',
      connections,
      durationS,
      warmupS,
      ...(rounds > 1 ? { roundsMeasured: rounds } : {}),
      cases: caseIds.length,
      celltrail: reported(result.subject, result.subjectTotals),
      bareApollo: reported(result.baseline, result.baselineTotals),
      ratio,
      ...(rounds > 1 ? { rounds: result.rounds } : {}),
      /** Access-log events in the store after the run; warm-up reads are logged too, so at least the reads measured. */
      accessLog: { events: accessEvents, readsMeasured: result.subjectTotals.requests },
      targets: {
        throughputRatio: { target: '>= 0.7', met: ratio >= 0.7 },
        errors: { target: '0', met: result.subjectTotals.errors + result.subjectTotals.non2xx === 0 },
        everyReadLogged: { target: 'access-log events >= reads measured', met: accessEvents >= result.subjectTotals.requests },
      },
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);
