/** Time travel: the case and its compliance exactly as they stood at a chosen moment (UTC). */
import { useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery } from '../api';
import { CaseDetails } from '../components/CaseDetails';
import { CaseNav } from '../components/CaseNav';
import { Status } from '../components/Status';
import { shortId, utc } from '../format';
import { ConsoleCaseAsOfDocument } from '../operations/generated';

/** The value of a datetime-local input, read as UTC (the console shows every time in UTC). */
const asUtc = (local: string): string | null => {
  const t = Date.parse(local.length === 16 ? `${local}:00Z` : `${local}Z`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

export function AsOfPage() {
  const { id = '' } = useParams();
  const [input, setInput] = useState(() => new Date().toISOString().slice(0, 16));
  const [at, setAt] = useState<string | null>(null);
  const snapshot = useQuery(ConsoleCaseAsOfDocument, at ? { caseId: id, at } : null);
  const rules = useMemo(() => new Map<string, { id: string; title: string }>(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAt(asUtc(input));
  };
  return (
    <>
      <h1>Case {shortId(id)} as of a moment</h1>
      <CaseNav id={id} />
      <form className="filters" onSubmit={submit}>
        <label>
          Moment (UTC)
          <input type="datetime-local" step={1} value={input} onChange={(e) => setInput(e.target.value)} required />
        </label>
        <button type="submit">Show the case as it stood</button>
      </form>
      <Status loading={snapshot.loading} error={snapshot.error} />
      {snapshot.data &&
        (snapshot.data.caseAsOf ? (
          <>
            <p role="status" data-testid="as-of">
              As it stood at {utc(snapshot.data.caseAsOf.asOf)}: revision {snapshot.data.caseAsOf.revision}.
            </p>
            <CaseDetails c={snapshot.data.caseAsOf} rules={rules} />
          </>
        ) : (
          <p role="status" data-testid="as-of">
            The case was not recorded yet at that moment (or is not in your facilities).
          </p>
        ))}
    </>
  );
}
