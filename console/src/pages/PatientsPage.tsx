/** Find a patient of your facilities by MRN or name, and open their cases (each patient found is a logged read). */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '../api';
import { Status } from '../components/Status';
import { day, shortId } from '../format';
import { FindPatientsDocument, type FindPatientsQueryVariables } from '../operations/generated';

export function PatientsPage() {
  const [by, setBy] = useState<'mrn' | 'name'>('mrn');
  const [term, setTerm] = useState('');
  // The search term is patient data: it stays in this page's memory, never in the address.
  const [search, setSearch] = useState<FindPatientsQueryVariables | null>(null);
  const found = useQuery(FindPatientsDocument, search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const t = term.trim();
    if (t) setSearch(by === 'mrn' ? { mrn: t, first: 50 } : { name: t, first: 50 });
  };
  return (
    <>
      <h1>Patients</h1>
      <form className="filters" aria-label="Find a patient" onSubmit={submit}>
        <fieldset>
          <legend>Search by</legend>
          <label>
            <input type="radio" name="by" value="mrn" checked={by === 'mrn'} onChange={() => setBy('mrn')} /> MRN (exact)
          </label>
          <label>
            <input type="radio" name="by" value="name" checked={by === 'name'} onChange={() => setBy('name')} /> Name (starts with)
          </label>
        </fieldset>
        <label>
          {by === 'mrn' ? 'Medical record number' : 'Name'}
          <input value={term} onChange={(e) => setTerm(e.target.value)} minLength={by === 'name' ? 2 : 1} autoComplete="off" required />
        </label>
        <button type="submit">Find</button>
      </form>
      <Status loading={found.loading} error={found.error} />
      {found.data &&
        (found.data.searchPatients.length === 0 ? (
          <p role="status">No patient found in your facilities.</p>
        ) : (
          <table data-testid="patients">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">MRN</th>
                <th scope="col">Born</th>
                <th scope="col">Facility</th>
                <th scope="col">Cases</th>
              </tr>
            </thead>
            <tbody>
              {found.data.searchPatients.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.familyName}, {p.givenName}
                  </td>
                  <td>{p.mrn}</td>
                  <td>{day(p.birthDate)}</td>
                  <td>{p.facilityId}</td>
                  <td>
                    {p.cases.length === 0
                      ? 'none'
                      : p.cases.map((c) => (
                          <Link key={c.id} to={`/cases/${c.id}`} className="case-link">
                            Case {shortId(c.id)} ({c.status.toLowerCase()}, opened {day(c.openedAt)})
                          </Link>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
