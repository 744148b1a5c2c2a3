/** Sign-in with a bearer token (for now): kept in this tab's session only. */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { claimsOf, session, type Claims } from '../session';

export function SignInPage({ onSignedIn }: { onSignedIn(claims: Claims): void }) {
  const navigate = useNavigate();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    const claims = claimsOf(trimmed);
    if (!claims) {
      setProblem('That is not a celltrail token (a JWT with subject, roles and facilities).');
      return;
    }
    if (claims.exp !== null && claims.exp * 1000 < Date.now()) {
      setProblem('That token has expired. Ask for a new one.');
      return;
    }
    session.signIn(trimmed);
    onSignedIn(claims);
    navigate('/worklist');
  };

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to the celltrail console</h1>
      <form onSubmit={submit}>
        <label htmlFor="token">Bearer token</label>
        <textarea
          id="token"
          name="token"
          rows={5}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <p className="hint">
          A developer gets one with <code>npm run token -- --role COMPLIANCE_OFFICER --facility F1 --name &quot;Your Name&quot;</code>. It
          is kept for this tab only and forgotten when the tab closes or you sign out.
        </p>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
