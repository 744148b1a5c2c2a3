/**
 * The compliance worklist: cases filtered by completeness, rule, status, facility and update period (kept in
 * the address, so a filtered list can be bookmarked: ids and rule codes only, never patient data), counts by
 * rule, overdue follow-ups, and a facility report for a period as CSV.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { request, useQuery } from '../api';
import { Pager, usePages } from '../components/Pager';
import { RuleChart } from '../components/RuleChart';
import { Status } from '../components/Status';
import { toCsv, download } from '../csv';
import { shortId, utc } from '../format';
import {
  FacilityReportDocument,
  OverdueFollowUpsDocument,
  WorklistDocument,
  type CaseFilter,
  type CaseStatus,
} from '../operations/generated';
import type { Claims } from '../session';

const PAGE = 25;
/** A date input's day as the start (or end) of that UTC day. */
const dayStart = (d: string) => (d ? `${d}T00:00:00.000Z` : undefined);
const dayEnd = (d: string) => (d ? `${d}T23:59:59.999Z` : undefined);

export function WorklistPage({ claims }: { claims: Claims }) {
  const [params, setParams] = useSearchParams();
  const pages = usePages();
  const get = (k: string) => params.get(k) ?? '';
  const filter: CaseFilter = {
    complete: get('complete') === '' ? undefined : get('complete') === 'true',
    rule: get('rule') || undefined,
    status: (get('status') || undefined) as CaseStatus | undefined,
    facilityId: get('facility') || undefined,
    updatedFrom: dayStart(get('from')),
    updatedTo: dayEnd(get('to')),
  };
  const worklist = useQuery(WorklistDocument, { filter, first: PAGE, after: pages.after });
  const overdue = useQuery(OverdueFollowUpsDocument, { facilityId: filter.facilityId });
  const titles = useMemo(() => new Map((worklist.data?.complianceRules ?? []).map((r) => [r.id, r.title])), [worklist.data]);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    pages.reset();
  };
  const overdueCases = overdue.data
    ? [
        ...overdue.data.abi.edges.map((e) => ({ ...e.node, what: 'ABI' })),
        ...overdue.data.restPain.edges.map((e) => ({ ...e.node, what: 'rest pain' })),
        ...overdue.data.ulcer.edges.map((e) => ({ ...e.node, what: 'ulcer status' })),
      ]
    : [];
  const overdueById = new Map<string, { id: string; facilityId: string; legs: string[]; what: string[] }>();
  for (const c of overdueCases) {
    const seen = overdueById.get(c.id);
    if (seen) seen.what.push(c.what);
    else overdueById.set(c.id, { id: c.id, facilityId: c.facilityId, legs: c.legs, what: [c.what] });
  }

  return (
    <>
      <h1>Compliance worklist</h1>
      <form className="filters" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
        <label>
          Completeness
          <select value={get('complete')} onChange={(e) => set('complete', e.target.value)}>
            <option value="">Any</option>
            <option value="false">Incomplete</option>
            <option value="true">Complete</option>
          </select>
        </label>
        <label>
          Rule
          <select value={get('rule')} onChange={(e) => set('rule', e.target.value)}>
            <option value="">Any</option>
            {(worklist.data?.complianceRules ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.id} — {r.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={get('status')} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any</option>
            <option value="OPEN">Open</option>
            <option value="CLOSED">Closed</option>
          </select>
        </label>
        <label>
          Facility
          {claims.facilities.length > 0 ? (
            <select value={get('facility')} onChange={(e) => set('facility', e.target.value)}>
              <option value="">All of mine</option>
              {claims.facilities.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          ) : (
            <input value={get('facility')} onChange={(e) => set('facility', e.target.value)} placeholder="any" />
          )}
        </label>
        <label>
          Updated from
          <input type="date" value={get('from')} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          Updated to
          <input type="date" value={get('to')} onChange={(e) => set('to', e.target.value)} />
        </label>
      </form>

      <Status loading={worklist.loading} error={worklist.error} />
      {worklist.data && (
        <div className="worklist">
          <section aria-labelledby="cases-h">
            <h2 id="cases-h">
              Cases <span data-testid="case-count">({worklist.data.cases.totalCount})</span>
            </h2>
            <p>
              {worklist.data.complianceReport.incompleteCount} incomplete, {worklist.data.complianceReport.completeCount} complete.
            </p>
            <table data-testid="worklist">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Facility</th>
                  <th scope="col">Status</th>
                  <th scope="col">Legs</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Documentation</th>
                  <th scope="col">Findings</th>
                </tr>
              </thead>
              <tbody>
                {worklist.data.cases.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link to={`/cases/${node.id}`} aria-label={`Open case ${shortId(node.id)}`}>
                        {shortId(node.id)}
                      </Link>
                    </td>
                    <td>{node.facilityId}</td>
                    <td>{node.status.toLowerCase()}</td>
                    <td>{node.legs.map((l) => l.toLowerCase()).join(', ')}</td>
                    <td>{utc(node.updatedAt)}</td>
                    <td className={node.compliance.complete ? 'ok' : 'bad'}>{node.compliance.complete ? 'complete' : 'incomplete'}</td>
                    <td>{[...new Set(node.compliance.findings.map((f) => f.rule))].join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              pages={pages}
              hasNextPage={worklist.data.cases.pageInfo.hasNextPage}
              endCursor={worklist.data.cases.pageInfo.endCursor}
              label="Cases"
            />
          </section>
          <section aria-labelledby="counts-h">
            <h2 id="counts-h">Counts by rule</h2>
            <RuleChart counts={worklist.data.complianceReport.byRule} titles={titles} />
          </section>
        </div>
      )}

      <section aria-labelledby="overdue-h">
        <h2 id="overdue-h">Overdue follow-ups</h2>
        <Status loading={overdue.loading} error={overdue.error} />
        {overdue.data &&
          (overdueById.size === 0 ? (
            <p>No follow-up is overdue.</p>
          ) : (
            <ul data-testid="overdue">
              {[...overdueById.values()].map((c) => (
                <li key={c.id}>
                  <Link to={`/cases/${c.id}`}>Case {shortId(c.id)}</Link> ({c.facilityId},{' '}
                  {c.legs.map((l) => l.toLowerCase()).join(' and ')}
                  ): {c.what.join(', ')} overdue
                </li>
              ))}
            </ul>
          ))}
      </section>

      <FacilityReport claims={claims} />
    </>
  );
}

function FacilityReport({ claims }: { claims: Claims }) {
  const [facility, setFacility] = useState(claims.facilities[0] ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const filter: CaseFilter = { facilityId: facility || undefined, updatedFrom: dayStart(from), updatedTo: dayEnd(to) };
      const { complianceReport: r, complianceRules } = await request(FacilityReportDocument, { filter });
      const titles = new Map(complianceRules.map((rule) => [rule.id, rule.title]));
      const rows: Array<Array<string | number>> = [
        ['facility', 'updated from', 'updated to', 'cases', 'complete', 'incomplete'],
        [facility || 'all', from || '', to || '', r.caseCount, r.completeCount, r.incompleteCount],
        [],
        ['rule', 'title', 'severity', 'cases'],
        ...r.byRule.map((b) => [b.rule, titles.get(b.rule) ?? '', b.severity, b.caseCount]),
      ];
      download(`compliance-${facility || 'all'}-${from || 'start'}-${to || 'today'}.csv`, toCsv(rows));
      setMessage(`Report downloaded: ${r.caseCount} cases.`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section aria-labelledby="report-h">
      <h2 id="report-h">Facility report</h2>
      <form className="filters" onSubmit={submit}>
        <label>
          Facility
          <input value={facility} onChange={(e) => setFacility(e.target.value)} />
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit">Download CSV</button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
