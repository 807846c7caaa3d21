import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/api';
import { isApiError } from '../api/api-error';
import type { LoginRequest, SessionInfo } from '../api/api-types';

type AuthMode = SessionInfo['authMode'];

/** `loading` until GET /api/session answered; `signed-out` after a 401 from any call. */
export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly authMode: AuthMode | null; readonly loadError?: unknown }
  | { readonly status: 'signed-in'; readonly session: SessionInfo };

interface SessionApi {
  readonly state: SessionState;
  signIn(request: LoginRequest): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

/** The server may say which login it wants in a 401's detail (`authMode`). */
function authModeFrom(error: unknown): AuthMode | null {
  const mode = isApiError(error) ? error.detail?.['authMode'] : undefined;
  return mode === 'users' || mode === 'token' || mode === 'off' ? mode : null;
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const load = useCallback(() => {
    api.session
      .get<SessionInfo>()
      .then(signedIn)
      .catch((error: unknown) => {
        setCsrfToken(null);
        setState(isApiError(error) && error.status === 401 ? { status: 'signed-out', authMode: authModeFrom(error) } : { status: 'signed-out', authMode: null, loadError: error });
      });
  }, [signedIn]);

  useEffect(() => {
    load();
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState((current) => ({ status: 'signed-out', authMode: current.status === 'signed-in' ? current.session.authMode : null }));
    });
    return () => setUnauthorizedHandler(null);
  }, [load]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      retry: load,
      async signIn(request) {
        await api.session.post<unknown>(request);
        // The login answer's shape is the server's business; the session GET is the contract.
        signedIn(await api.session.get<SessionInfo>());
      },
      async signOut() {
        await api.session.delete().catch(() => undefined);
        setCsrfToken(null);
        setState({ status: 'signed-out', authMode: state.status === 'signed-in' ? state.session.authMode : null });
      },
    }),
    [state, load, signedIn],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in session; pages only render inside the signed-in layout. */
export function useSignedIn(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn outside the signed-in layout');
  return state.session;
}

/** Operators may change things (redrive, replay, reset); viewers only look. The server enforces it too. */
export function useCanOperate(): boolean {
  return useSignedIn().role === 'operator';
}
