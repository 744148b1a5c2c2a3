/** A case's history for auditors: every event with its actor, both times and hashes, and the chain's verdict. */
import { useParams } from 'react-router-dom';
import { useQuery } from '../api';
import { CaseNav } from '../components/CaseNav';
import { Pager, usePages } from '../components/Pager';
import { Status } from '../components/Status';
import { shortHash, shortId, utc } from '../format';
import { ConsoleCaseHistoryDocument } from '../operations/generated';

export function HistoryPage() {
  const { id = '' } = useParams();
  const pages = usePages();
  const history = useQuery(ConsoleCaseHistoryDocument, { caseId: id, first: 50, after: pages.after });
  const integrity = history.data?.verifyCaseIntegrity;
  return (
    <>
      <h1>History of case {shortId(id)}</h1>
      <CaseNav id={id} />
      <Status loading={history.loading} error={history.error} />
      {integrity && (
        <p role="status" data-testid="integrity" className={integrity.valid ? 'ok verdict' : 'bad verdict'}>
          {integrity.valid
            ? `Integrity verified: ${integrity.eventCount} events, hash chain intact (head ${shortHash(integrity.headHash)}).`
            : `Integrity check FAILED at revision ${integrity.firstInvalidRevision ?? '?'}: ${integrity.reason ?? 'the chain does not verify'}.`}
        </p>
      )}
      {history.data && (
        <>
          <table data-testid="history">
            <thead>
              <tr>
                <th scope="col">Rev.</th>
                <th scope="col">Event</th>
                <th scope="col">Actor</th>
                <th scope="col">Clinical time</th>
                <th scope="col">Recorded</th>
                <th scope="col">Hash</th>
                <th scope="col">Previous hash</th>
              </tr>
            </thead>
            <tbody>
              {history.data.caseHistory.edges.map(({ node: e }) => (
                <tr key={e.id}>
                  <td>{e.revision}</td>
                  <td>
                    {e.type}
                    {e.lateEntry && <span className="badge late">Late entry</span>}
                  </td>
                  <td>
                    {e.actor.name} ({e.actor.role.toLowerCase()}, {e.actor.id})
                  </td>
                  <td>{utc(e.occurredAt)}</td>
                  <td>{utc(e.recordedAt)}</td>
                  <td>
                    <code title={e.hash}>{shortHash(e.hash)}</code>
                  </td>
                  <td>
                    <code title={e.prevHash ?? undefined}>{shortHash(e.prevHash)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            pages={pages}
            hasNextPage={history.data.caseHistory.pageInfo.hasNextPage}
            endCursor={history.data.caseHistory.pageInfo.endCursor}
            label="History"
          />
        </>
      )}
    </>
  );
}
