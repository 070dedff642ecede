import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { HOME_PATH } from '@/features/auth';
import { AppLayout, FULL_BLEED } from './AppLayout';
import { FullPageSpinner } from './FullPageSpinner';
import { NotFoundPage } from './NotFoundPage';
import { RedirectIfAuthenticated, RequireAuth } from './RequireAuth';

function lazyPage<TModule>(load: () => Promise<TModule>, pick: (module: TModule) => ComponentType): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: pick(await load()) }));
}

const LoginPage = lazyPage(() => import('@/features/auth/LoginPage'), (m) => m.LoginPage);
const SignupPage = lazyPage(() => import('@/features/auth/SignupPage'), (m) => m.SignupPage);
const InvitePage = lazyPage(() => import('@/features/auth/InvitePage'), (m) => m.InvitePage);
const WorkspaceSettingsPage = lazyPage(() => import('@/features/settings/workspace/WorkspaceSettingsPage'), (m) => m.WorkspaceSettingsPage);
const MembersPage = lazyPage(() => import('@/features/settings/members/MembersPage'), (m) => m.MembersPage);
const TeamsPage = lazyPage(() => import('@/features/settings/teams/TeamsPage'), (m) => m.TeamsPage);
const InboxPage = lazyPage(() => import('@/features/inbox/InboxPage'), (m) => m.InboxPage);
const WhatsAppSettingsPage = lazyPage(() => import('@/features/whatsapp/WhatsAppSettingsPage'), (m) => m.WhatsAppSettingsPage);
const AiSettingsPage = lazyPage(() => import('@/features/settings/ai/AiSettingsPage'), (m) => m.AiSettingsPage);
const KnowledgePage = lazyPage(() => import('@/features/knowledge/KnowledgePage'), (m) => m.KnowledgePage);
const ApiTokensPage = lazyPage(() => import('@/features/settings/api-tokens/ApiTokensPage'), (m) => m.ApiTokensPage);

function PublicPage({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={<FullPageSpinner />}>
      <Page />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    element: <RedirectIfAuthenticated />,
    children: [
      { path: '/login', element: <PublicPage page={LoginPage} /> },
      { path: '/signup', element: <PublicPage page={SignupPage} /> },
    ],
  },
  { path: '/invite/:token', element: <PublicPage page={InvitePage} /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to={HOME_PATH} replace /> },
          { path: 'inbox/:conversationId?', element: <InboxPage />, handle: FULL_BLEED },
          { path: 'knowledge', element: <KnowledgePage /> },
          { path: 'settings', element: <Navigate to="/settings/workspace" replace /> },
          { path: 'settings/workspace', element: <WorkspaceSettingsPage /> },
          { path: 'settings/members', element: <MembersPage /> },
          { path: 'settings/teams', element: <TeamsPage /> },
          { path: 'settings/whatsapp', element: <WhatsAppSettingsPage /> },
          { path: 'settings/ai', element: <AiSettingsPage /> },
          { path: 'settings/api-tokens', element: <ApiTokensPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
