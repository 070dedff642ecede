import { LogOut } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { initialsOf } from '@/components/ui/avatar';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { useLogout, useSession } from '@/features/auth';
import { useErrorFeedback } from '@/lib/feedback';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, member } = useSession();
  const logout = useLogout();
  const { showError } = useErrorFeedback();

  function logOut() {
    logout.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (error) => {
        showError(error);
        navigate('/login', { replace: true });
      },
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="inline-flex size-9 items-center justify-center rounded-full bg-emerald-100 text-xs font-semibold text-emerald-800 hover:bg-emerald-200"
        aria-label={t('userMenu.label', { name: user.name })}
        data-testid="user-menu"
      >
        {initialsOf(user.name)}
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="truncate text-sm font-medium text-zinc-900">{user.name}</span>
          <span className="truncate">{user.email}</span>
          <span>{t(`roles.${member.role}`)}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={logOut} disabled={logout.isPending}>
          <LogOut aria-hidden />
          {t('userMenu.logOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
