/**
 * A case as the compliance officer reads it: status, supported codes, findings with their rule's explanation,
 * the ABI per leg, every entry in clinical time beside its recording time, amendments and signatures.
 * The case view shows the case as it stands; the as-of view the same for a moment in the past.
 */
import type { CaseViewFragment, SnapshotViewFragment } from '../operations/generated';
import { shortId, utc, value, words } from '../format';
import { AbiChart, type AbiPoint } from './AbiChart';

export type CaseLike = CaseViewFragment | SnapshotViewFragment;
export interface RuleText {
  id: string;
  title: string;
  checks?: string;
}

interface Entry {
  eventId: string;
  what: string;
  occurredAt: string;
  recordedAt: string;
  lateEntry: boolean;
  amended: boolean;
  by: string;
}

const leg = (l: string) => `${l.toLowerCase()} leg`;

function entriesOf(c: CaseLike): Entry[] {
  const by = (a: { name: string; role: string }) => `${a.name} (${a.role.toLowerCase().replace(/_/g, ' ')})`;
  const common = (e: {
    eventId: string;
    occurredAt: string;
    recordedAt: string;
    lateEntry: boolean;
    amendedBy: string[];
    recordedBy: { name: string; role: string };
  }) => ({
    eventId: e.eventId,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    lateEntry: e.lateEntry,
    amended: e.amendedBy.length > 0,
    by: by(e.recordedBy),
  });
  const entries: Entry[] = [
    ...c.dopplerAssessments.map((d) => ({ ...common(d), what: `Doppler pressures, ${leg(d.leg)}: ABI ${d.abi.toFixed(2)}` })),
    ...c.angiographies.map((a) => ({
      ...common(a),
      what: `Angiography, ${leg(a.leg)}: ${a.findings.map((f) => `${words(f.kind)} of ${f.segment}${f.severityPercent !== null ? ` ${f.severityPercent}%` : ''}`).join('; ') || 'no lesion'}`,
    })),
    ...(c.harvest
      ? [
          {
            ...common(c.harvest),
            what: `Bone marrow harvest (${words(c.harvest.site)}, ${words(c.harvest.sides)}), ${value(c.harvest.aspirateVolumeMl)} mL`,
          },
        ]
      : []),
    ...(c.concentration
      ? [
          {
            ...common(c.concentration),
            what: `Cell concentration (${words(c.concentration.method)}): ${c.concentration.inputVolumeMl} → ${c.concentration.concentrateVolumeMl} mL`,
          },
        ]
      : []),
    ...c.injections.map((i) => ({
      ...common(i),
      what: `${i.injectionCount} ${words(i.route)} injections, ${leg(i.leg)}, ${i.totalVolumeMl} mL${i.targetSegments.length ? ` into ${i.targetSegments.join(', ')}` : ''}`,
    })),
    ...c.outcomes.map((o) => ({
      ...common(o),
      what: `Follow-up, ${leg(o.leg)}: ${[o.abi !== null ? `ABI ${o.abi.toFixed(2)}` : null, o.restPainScore !== null ? `rest pain ${o.restPainScore}/10` : null, o.ulcerStatus ? `ulcer ${words(o.ulcerStatus)}` : null, o.amputation && o.amputation !== 'NONE' ? `${words(o.amputation)} amputation` : null, o.deceased ? 'deceased' : null].filter(Boolean).join(', ')}`,
    })),
  ];
  return entries.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

function abiPointsOf(c: CaseLike, l: string): AbiPoint[] {
  return [
    ...c.dopplerAssessments
      .filter((d) => d.leg === l)
      .map((d): AbiPoint => ({ kind: 'Baseline Doppler', occurredAt: d.occurredAt, abi: d.abi })),
    ...c.outcomes
      .filter((o) => o.leg === l && o.abi !== null)
      .map((o): AbiPoint => ({ kind: 'Follow-up', occurredAt: o.occurredAt, abi: o.abi! })),
  ];
}

export function CaseDetails({ c, rules }: { c: CaseLike; rules: Map<string, RuleText> }) {
  const entries = entriesOf(c);
  const typeOf = new Map(entries.map((e) => [e.eventId, e.what]));
  return (
    <>
      <section aria-labelledby="status-h">
        <h2 id="status-h">Status</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd data-testid="case-status">
            {words(c.status)}
            {c.closeReason ? ` (${words(c.closeReason)}, ${utc(c.closedAt)})` : ''}
          </dd>
          <dt>Documentation</dt>
          <dd className={c.compliance.complete ? 'ok' : 'bad'}>{c.compliance.complete ? 'complete' : 'incomplete (a blocking finding)'}</dd>
          <dt>Legs</dt>
          <dd>{c.legs.map((l) => l.toLowerCase()).join(' and ')}</dd>
          <dt>Facility</dt>
          <dd>{c.facilityId}</dd>
          <dt>Diagnosis</dt>
          <dd>
            {c.diagnosisCode}
            {c.rutherfordCategory !== null ? `, Rutherford ${c.rutherfordCategory}` : ''}
            {c.fontaineStage ? `, Fontaine ${c.fontaineStage}` : ''}
          </dd>
          <dt>Opened</dt>
          <dd>{utc(c.openedAt)}</dd>
          <dt>Revision</dt>
          <dd>{c.revision}</dd>
        </dl>
      </section>

      <section aria-labelledby="codes-h">
        <h2 id="codes-h">Supported CPT codes</h2>
        {c.compliance.supportedCodes.length === 0 ? (
          <p>The documentation supports no code yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Leg</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {c.compliance.supportedCodes.map((code) => (
                <tr key={`${code.code}-${code.leg ?? ''}`}>
                  <td>{code.code}</td>
                  <td>{code.leg ? code.leg.toLowerCase() : '—'}</td>
                  <td>{code.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="findings-h">
        <h2 id="findings-h">Findings</h2>
        {c.compliance.findings.length === 0 ? (
          <p>No findings: the documentation meets every rule.</p>
        ) : (
          <table data-testid="findings">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Severity</th>
                <th scope="col">Finding</th>
                <th scope="col">What the rule asks</th>
              </tr>
            </thead>
            <tbody>
              {c.compliance.findings.map((f, i) => (
                <tr key={`${f.rule}-${i}`}>
                  <td>{f.rule}</td>
                  <td className={f.severity === 'BLOCKING' ? 'bad' : 'warn'}>{f.severity.toLowerCase()}</td>
                  <td>{f.message}</td>
                  <td>
                    {rules.get(f.rule)?.title ?? '—'}
                    {rules.get(f.rule)?.checks ? <span className="explain">{rules.get(f.rule)!.checks}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="abi-h">
        <h2 id="abi-h">ABI per leg</h2>
        <div className="charts">
          {c.legs.map((l) => (
            <AbiChart key={l} leg={l} points={abiPointsOf(c, l)} />
          ))}
        </div>
      </section>

      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline (clinical time)</h2>
        <table data-testid="timeline">
          <thead>
            <tr>
              <th scope="col">Clinical time</th>
              <th scope="col">Entry</th>
              <th scope="col">Recorded</th>
              <th scope="col">By</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.eventId}>
                <td>{utc(e.occurredAt)}</td>
                <td>{e.what}</td>
                <td>{utc(e.recordedAt)}</td>
                <td>{e.by}</td>
                <td>
                  {e.lateEntry && <span className="badge late">Late entry</span>}
                  {e.amended && <span className="badge amended">Amended</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="amend-h">
        <h2 id="amend-h">Amendments</h2>
        {c.amendments.length === 0 ? (
          <p>No amendments.</p>
        ) : (
          <table data-testid="amendments">
            <thead>
              <tr>
                <th scope="col">Amended entry</th>
                <th scope="col">Field</th>
                <th scope="col">Original</th>
                <th scope="col">Corrected</th>
                <th scope="col">Author</th>
                <th scope="col">Reason</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {c.amendments.flatMap((a) =>
                Object.keys(a.changes).map((field) => (
                  <tr key={`${a.eventId}-${field}`}>
                    <td title={a.targetEventId}>{typeOf.get(a.targetEventId) ?? `${words(a.targetType)} ${shortId(a.targetEventId)}`}</td>
                    <td>{field}</td>
                    <td>{value(a.previous[field])}</td>
                    <td>{value(a.changes[field])}</td>
                    <td>
                      {a.actor.name} ({a.actor.role.toLowerCase()})
                    </td>
                    <td>{a.reason}</td>
                    <td>{utc(a.recordedAt)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="sign-h">
        <h2 id="sign-h">Signatures</h2>
        {c.signatures.length === 0 ? (
          <p>Not signed.</p>
        ) : (
          <ul>
            {c.signatures.map((s) => (
              <li key={s.eventId}>
                {s.signerName} ({s.signerRole.toLowerCase()}) signed for <strong>{words(s.meaning)}</strong> at {utc(s.signedAt)}
                {s.lateEntry && <span className="badge late">Late signature</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
