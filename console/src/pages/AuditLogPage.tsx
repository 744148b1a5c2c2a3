/** The global audit log (auditors): every event of your facilities in global order, filtered, paged; and reads of data. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '../api';
import { Pager, usePages } from '../components/Pager';
import { Status } from '../components/Status';
import { shortHash, shortId, utc } from '../format';
import { ConsoleAccessLogDocument, ConsoleAuditLogDocument, type AuditLogFilter } from '../operations/generated';

const CASE_STREAM = 'case-';

export function AuditLogPage() {
  const pages = usePages();
  const accessPages = usePages();
  const [draft, setDraft] = useState({ actorId: '', types: '', streamPrefix: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditLogFilter>({});
  const log = useQuery(ConsoleAuditLogDocument, { filter, first: 50, after: pages.after });
  const reads = useQuery(ConsoleAccessLogDocument, {
    filter: { actorId: filter.actorId, from: filter.recordedFrom, to: filter.recordedTo },
    first: 50,
    after: accessPages.after,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const types = draft.types
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    setFilter({
      actorId: draft.actorId || undefined,
      types: types.length > 0 ? types : undefined,
      streamPrefix: draft.streamPrefix || undefined,
      recordedFrom: draft.from ? `${draft.from}T00:00:00.000Z` : undefined,
      recordedTo: draft.to ? `${draft.to}T23:59:59.999Z` : undefined,
    });
    pages.reset();
    accessPages.reset();
  };
  const edit = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" aria-label="Filter the audit log" onSubmit={submit}>
        <label>
          Actor id
          <input value={draft.actorId} onChange={edit('actorId')} />
        </label>
        <label>
          Event types (comma-separated)
          <input value={draft.types} onChange={edit('types')} placeholder="e.g. EntryAmended, ProcedureSigned" />
        </label>
        <label>
          Stream prefix
          <input value={draft.streamPrefix} onChange={edit('streamPrefix')} placeholder="e.g. case-" />
        </label>
        <label>
          Recorded from
          <input type="date" value={draft.from} onChange={edit('from')} />
        </label>
        <label>
          Recorded to
          <input type="date" value={draft.to} onChange={edit('to')} />
        </label>
        <button type="submit">Apply filters</button>
      </form>

      <section aria-labelledby="events-h">
        <h2 id="events-h">Events</h2>
        <Status loading={log.loading} error={log.error} />
        {log.data && (
          <>
            <table data-testid="audit-log">
              <thead>
                <tr>
                  <th scope="col">Position</th>
                  <th scope="col">Stream</th>
                  <th scope="col">Event</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Clinical time</th>
                  <th scope="col">Recorded</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {log.data.auditLog.edges.map(({ node: e }) => (
                  <tr key={e.id}>
                    <td>{e.position}</td>
                    <td>
                      {e.stream.startsWith(CASE_STREAM) ? (
                        <Link to={`/cases/${e.stream.slice(CASE_STREAM.length)}/history`}>
                          case {shortId(e.stream.slice(CASE_STREAM.length))}
                        </Link>
                      ) : (
                        e.stream
                      )}{' '}
                      #{e.revision}
                    </td>
                    <td>{e.type}</td>
                    <td>
                      {e.actor.name} ({e.actor.role.toLowerCase()})
                    </td>
                    <td>{utc(e.occurredAt)}</td>
                    <td>{utc(e.recordedAt)}</td>
                    <td>
                      <code title={e.hash}>{shortHash(e.hash)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              pages={pages}
              hasNextPage={log.data.auditLog.pageInfo.hasNextPage}
              endCursor={log.data.auditLog.pageInfo.endCursor}
              label="Audit log"
            />
          </>
        )}
      </section>

      <section aria-labelledby="reads-h">
        <h2 id="reads-h">Reads of patient data</h2>
        <Status loading={reads.loading} error={reads.error} />
        {reads.data && (
          <>
            <AccessTable entries={reads.data.accessLog.edges.map((e) => e.node)} />
            <Pager
              pages={accessPages}
              hasNextPage={reads.data.accessLog.pageInfo.hasNextPage}
              endCursor={reads.data.accessLog.pageInfo.endCursor}
              label="Reads"
            />
          </>
        )}
      </section>
    </>
  );
}

export interface AccessEntry {
  eventId: string;
  accessedAt: string;
  operation: string;
  outcome: string;
  caseId: string | null;
  patientId: string | null;
  actor: { id: string; name: string; role: string };
}

export function AccessTable({ entries }: { entries: AccessEntry[] }) {
  if (entries.length === 0) return <p>No reads recorded.</p>;
  return (
    <table data-testid="access-log">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Operation</th>
          <th scope="col">Outcome</th>
          <th scope="col">Case</th>
          <th scope="col">Patient</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.eventId}>
            <td>{utc(e.accessedAt)}</td>
            <td>
              {e.actor.name} ({e.actor.role.toLowerCase()}, {e.actor.id})
            </td>
            <td>{e.operation}</td>
            <td>{e.outcome.toLowerCase().replace(/_/g, ' ')}</td>
            <td>{e.caseId ? <Link to={`/cases/${e.caseId}`}>{shortId(e.caseId)}</Link> : '—'}</td>
            <td>{e.patientId ? shortId(e.patientId) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
