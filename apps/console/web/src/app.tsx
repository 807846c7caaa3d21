import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorMessage } from './components/error-message';
import { Layout } from './layout/layout';
import { NotFoundPage } from './layout/not-found.page';
import { AuditPage } from './pages/audit/audit.page';
import { DeadLetterDetailPage } from './pages/dead-letters/dead-letter-detail.page';
import { DeadLetterTopicPage } from './pages/dead-letters/dead-letter-topic.page';
import { DeadLetterTopicsPage } from './pages/dead-letters/dead-letter-topics.page';
import { GroupPage } from './pages/groups/group.page';
import { OverviewPage } from './pages/overview/overview.page';
import { ReplayPage } from './pages/replay/replay.page';
import { SchemasPage } from './pages/schemas/schemas.page';
import { TopicsPage } from './pages/topics/topics.page';
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
        <Route path="groups/:groupId" element={<GroupPage />} />
        <Route path="dead-letters" element={<DeadLetterTopicsPage />} />
        <Route path="dead-letters/:topic" element={<DeadLetterTopicPage />} />
        <Route path="dead-letters/:topic/records/:partition/:offset" element={<DeadLetterDetailPage />} />
        <Route path="replay" element={<ReplayPage />} />
        <Route path="topics" element={<TopicsPage />} />
        <Route path="schemas" element={<SchemasPage />} />
        <Route path="schemas/:subject" element={<SchemasPage />} />
        <Route path="audit" element={<AuditPage />} />
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
