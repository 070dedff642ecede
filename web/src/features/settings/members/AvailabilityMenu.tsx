import { ChevronDown } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { StatusDot } from '@/components/ui/status-dot';
import { type Availability, useSession, useUpdateCachedSession } from '@/features/auth';
import { useErrorFeedback } from '@/lib/feedback';
import { useUpdateMember } from './api';
import { AVAILABILITY_TONE } from './AvailabilityLabel';

const AVAILABILITIES: readonly Availability[] = ['online', 'away', 'offline'];

/** The current user's own status; applied at once and put back if the server refuses. */
export function AvailabilityMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const updateCachedSession = useUpdateCachedSession();
  const updateMember = useUpdateMember();
  const { showError } = useErrorFeedback();
  const current = session.member.availability;

  function setAvailability(availability: Availability) {
    updateCachedSession((me) => ({ ...me, member: { ...me.member, availability } }));
    updateMember.mutate(
      { memberId: session.member.id, changes: { availability } },
      {
        onError: (error) => {
          updateCachedSession((me) => ({ ...me, member: { ...me.member, availability: current } }));
          showError(error);
        },
      },
    );
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t('availability.menuLabel', { status: t(`availability.${current}`) })} data-testid="availability-menu">
          <StatusDot tone={AVAILABILITY_TONE[current]} />
          <span className="hidden sm:inline">{t(`availability.${current}`)}</span>
          <ChevronDown aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>{t('availability.title')}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={current} onValueChange={(value) => setAvailability(value as Availability)}>
          {AVAILABILITIES.map((availability) => (
            <DropdownMenuRadioItem key={availability} value={availability}>
              <StatusDot tone={AVAILABILITY_TONE[availability]} />
              {t(`availability.${availability}`)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
