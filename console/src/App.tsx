/** Routes, and the frame around them: who is signed in (name, roles, facilities) and the way out. */
import { useEffect, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useNavigate } from 'react-router-dom';
import { closeSubscriptions, whenUnauthenticated } from './api';
import { AccessLogPage } from './pages/AccessLogPage';
import { AsOfPage } from './pages/AsOfPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { CasePage } from './pages/CasePage';
import { HistoryPage } from './pages/HistoryPage';
import { PatientsPage } from './pages/PatientsPage';
import { SignInPage } from './pages/SignInPage';
import { WorklistPage } from './pages/WorklistPage';
import { claimsOf, session, type Claims } from './session';

export function App() {
  const navigate = useNavigate();
  const [claims, setClaims] = useState<Claims | null>(() => {
    const token = session.token();
    return token ? claimsOf(token) : null;
  });

  const signOut = () => {
    session.signOut();
    closeSubscriptions();
    setClaims(null);
    navigate('/sign-in');
  };
  useEffect(() => whenUnauthenticated(signOut));

  if (!claims) {
    return (
      <Routes>
        <Route path="*" element={<SignInPage onSignedIn={setClaims} />} />
      </Routes>
    );
  }
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">celltrail</span>
        <nav aria-label="Main">
          <NavLink to="/worklist">Worklist</NavLink>
          <NavLink to="/patients">Patients</NavLink>
          <NavLink to="/audit-log">Audit log</NavLink>
        </nav>
        <div className="who" aria-label="Signed in user">
          <span data-testid="user-name">{claims.name}</span>
          <span>{claims.roles.join(', ')}</span>
          <span>{claims.facilities.length > 0 ? `Facilities: ${claims.facilities.join(', ')}` : 'All facilities'}</span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to="/worklist" replace />} />
          <Route path="/sign-in" element={<Navigate to="/worklist" replace />} />
          <Route path="/worklist" element={<WorklistPage claims={claims} />} />
          <Route path="/cases/:id" element={<CasePage />} />
          <Route path="/cases/:id/history" element={<HistoryPage />} />
          <Route path="/cases/:id/as-of" element={<AsOfPage />} />
          <Route path="/cases/:id/access" element={<AccessLogPage />} />
          <Route path="/audit-log" element={<AuditLogPage />} />
          <Route path="/patients" element={<PatientsPage />} />
          <Route path="*" element={<p>No such page.</p>} />
        </Routes>
      </main>
    </>
  );
}
