import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-states';
import { safeNextPath, SessionProvider, useMeQuery } from '@/features/auth';
import { useErrorFeedback } from '@/lib/feedback';
import { FullPageSpinner } from './FullPageSpinner';

/** The auth boundary: GET /auth/me decides; nobody logged in → /login?next=<where they were going>. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMeQuery();
  const { describeError } = useErrorFeedback();

  if (me.isPending) return <FullPageSpinner />;
  if (me.isError) {
    return (
      <main className="flex min-h-dvh items-center justify-center">
        <ErrorState message={describeError(me.error)} retryLabel={t('common.retry')} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return (
    <SessionProvider session={me.data}>
      <Outlet />
    </SessionProvider>
  );
}

/** Login and signup are pointless when a session exists. */
export function RedirectIfAuthenticated() {
  const me = useMeQuery();
  const [searchParams] = useSearchParams();
  if (me.isPending) return <FullPageSpinner />;
  if (me.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  return <Outlet />;
}
