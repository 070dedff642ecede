import { Menu } from 'lucide-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useMatches } from 'react-router';
import { Button } from '@/components/ui/button';
import { LoadingState } from '@/components/ui/query-states';
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import { useSession } from '@/features/auth';
import { InboxLiveUpdates } from '@/features/inbox';
import { AvailabilityMenu } from '@/features/settings';
import { cn } from '@/lib/classNames';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';

/** Route handle for pages that fill the screen edge to edge (the inbox) instead of a centred column. */
export const FULL_BLEED = { fullBleed: true } as const;

function useIsFullBleed(): boolean {
  return useMatches().some((match) => (match.handle as { fullBleed?: boolean } | undefined)?.fullBleed === true);
}

export function AppLayout() {
  const { t } = useTranslation();
  const { workspace } = useSession();
  const [isNavOpen, setIsNavOpen] = useState(false);
  const isFullBleed = useIsFullBleed();

  return (
    <div className={cn('flex', isFullBleed ? 'h-dvh overflow-hidden' : 'min-h-dvh')}>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        {t('nav.skipToContent')}
      </a>
      <aside className={cn('hidden w-60 shrink-0 border-r border-zinc-200 bg-white', isFullBleed ? 'lg:block' : 'md:block')}>
        <div className="sticky top-0 h-dvh">
          <SideNav />
        </div>
      </aside>
      <div className="flex min-h-0 min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/95 px-3 backdrop-blur sm:px-6">
          <Sheet open={isNavOpen} onOpenChange={setIsNavOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon" className={isFullBleed ? 'lg:hidden' : 'md:hidden'} aria-label={t('nav.open')}>
                <Menu aria-hidden />
              </Button>
            </SheetTrigger>
            <SheetContent>
              <SheetTitle className="sr-only">{t('nav.label')}</SheetTitle>
              <SideNav onNavigate={() => setIsNavOpen(false)} />
            </SheetContent>
          </Sheet>
          <p className="min-w-0 flex-1 truncate text-sm font-semibold text-zinc-900" data-testid="workspace-name">
            {workspace.name}
          </p>
          <InboxLiveUpdates />
          <AvailabilityMenu />
          <UserMenu />
        </header>
        <main
          id="main"
          tabIndex={-1}
          className={cn(
            'focus:outline-none',
            isFullBleed ? 'flex min-h-0 w-full flex-1 flex-col' : 'mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6 sm:py-8',
          )}
        >
          <Suspense fallback={<LoadingState label={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
