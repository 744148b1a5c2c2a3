/** The views of one case: as it stands, its history and integrity, as of a moment, who read it. */
import { NavLink } from 'react-router-dom';

export function CaseNav({ id }: { id: string }) {
  return (
    <nav className="case-nav" aria-label="Case views">
      <NavLink to={`/cases/${id}`} end>
        Case
      </NavLink>
      <NavLink to={`/cases/${id}/history`}>History and integrity</NavLink>
      <NavLink to={`/cases/${id}/as-of`}>As of a moment</NavLink>
      <NavLink to={`/cases/${id}/access`}>Access log</NavLink>
    </nav>
  );
}
