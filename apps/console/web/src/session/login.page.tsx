import { useState, type FormEvent } from 'react';
import type { LoginRequest, SessionInfo } from '../api/api-types';
import { ErrorMessage } from '../components/error-message';
import { useSession } from './session.context';

/**
 * User and password (a users file) or one shared token. The server may say which it wants
 * (a 401's detail.authMode); without that both are offered, user/password first.
 */
export function LoginPage({ authMode, loadError }: { readonly authMode: SessionInfo['authMode'] | null; readonly loadError?: unknown }) {
  const { signIn } = useSession();
  const [useToken, setUseToken] = useState(authMode === 'token');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(loadError ?? null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const request: LoginRequest = useToken ? { token } : { user, password };
    try {
      await signIn(request);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="card login-form" onSubmit={submit} data-testid="login-form" aria-label="Sign in">
        <h1>Eventline console</h1>
        {useToken ? (
          <label>
            Token
            <input name="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required autoFocus />
          </label>
        ) : (
          <>
            <label>
              User
              <input name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required autoFocus />
            </label>
            <label>
              Password
              <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
            </label>
          </>
        )}
        <ErrorMessage error={error} testId="login-error" />
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          Sign in
        </button>
        <button type="button" className="link" onClick={() => setUseToken(!useToken)} data-testid="login-mode-toggle">
          {useToken ? 'Use a user and password instead' : 'Use a token instead'}
        </button>
      </form>
    </main>
  );
}
