import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorMessage } from './components/error-message';
import { Layout } from './layout/layout';
import { NotFoundPage } from './layout/not-found.page';
import { OverviewPage } from './pages/overview/overview.page';
import { LoginPage } from './session/login.page';
import { SessionProvider, useSession } from './session/session.context';

/** The routes, behind the session: signed out, every URL shows the login and stays where it was. */
function Routed() {
  const { state } = useSession();
  if (state.status === 'loading') return <p className="muted center">Loading…</p>;
  if (state.status === 'signed-out') {
    return state.loadError ? (
      <main className="login">
        <ErrorMessage error={state.loadError} title="The console cannot be reached" />
      </main>
    ) : (
      <LoginPage authMode={state.authMode} />
    );
  }
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<OverviewPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routed />
      </SessionProvider>
    </BrowserRouter>
  );
}
