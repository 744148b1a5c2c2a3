/** The case view: patient and legs, then the case's details; live while open (caseUpdated). */
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { subscribe, useQuery } from '../api';
import { CaseDetails } from '../components/CaseDetails';
import { CaseNav } from '../components/CaseNav';
import { Status } from '../components/Status';
import { day, shortId, utc } from '../format';
import { CasePatientDocument, CaseUpdatedDocument, ConsoleCaseDocument, type CaseViewFragment } from '../operations/generated';

export function CasePage() {
  const { id = '' } = useParams();
  const query = useQuery(ConsoleCaseDocument, { id });
  const [live, setLive] = useState<{ c: CaseViewFragment; at: string } | null>(null);
  const loaded = query.data?.case ?? null;
  const c = live && loaded && live.c.revision >= loaded.revision ? live.c : loaded;
  const patient = useQuery(CasePatientDocument, c ? { id: c.patientId } : null);
  const rules = useMemo(() => new Map((query.data?.complianceRules ?? []).map((r) => [r.id, r])), [query.data]);

  useEffect(() => {
    setLive(null);
    return subscribe(CaseUpdatedDocument, { caseId: id }, (data) => setLive({ c: data.caseUpdated, at: new Date().toISOString() }));
  }, [id]);

  const p = patient.data?.patient;
  return (
    <>
      <h1>Case {shortId(id)}</h1>
      <CaseNav id={id} />
      <Status loading={query.loading} error={query.error} />
      {query.data && !c && <p role="alert">No such case in your facilities.</p>}
      {c && (
        <>
          <section aria-labelledby="patient-h">
            <h2 id="patient-h">Patient</h2>
            {p ? (
              <p data-testid="patient">
                {p.familyName}, {p.givenName} — MRN {p.mrn}, born {day(p.birthDate)}, {p.sex.toLowerCase()}
              </p>
            ) : (
              <Status loading={patient.loading} error={patient.error} />
            )}
          </section>
          <p role="status" aria-live="polite" className="live">
            {live ? `Live: updated ${utc(live.at)} (revision ${live.c.revision}).` : 'Live updates on.'}
          </p>
          <CaseDetails c={c} rules={rules} />
        </>
      )}
    </>
  );
}
