/** Who read a case, and when (auditors): the access log filtered to the case, paged. */
import { useParams } from 'react-router-dom';
import { useQuery } from '../api';
import { CaseNav } from '../components/CaseNav';
import { Pager, usePages } from '../components/Pager';
import { Status } from '../components/Status';
import { shortId } from '../format';
import { AccessTable } from './AuditLogPage';
import { ConsoleAccessLogDocument } from '../operations/generated';

export function AccessLogPage() {
  const { id = '' } = useParams();
  const pages = usePages();
  const log = useQuery(ConsoleAccessLogDocument, { filter: { caseId: id }, first: 50, after: pages.after });
  return (
    <>
      <h1>Who read case {shortId(id)}</h1>
      <CaseNav id={id} />
      <Status loading={log.loading} error={log.error} />
      {log.data && (
        <>
          <AccessTable entries={log.data.accessLog.edges.map((e) => e.node)} />
          <Pager
            pages={pages}
            hasNextPage={log.data.accessLog.pageInfo.hasNextPage}
            endCursor={log.data.accessLog.pageInfo.endCursor}
            label="Access log"
          />
        </>
      )}
    </>
  );
}
