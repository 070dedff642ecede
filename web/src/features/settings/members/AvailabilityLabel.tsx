import { useTranslation } from 'react-i18next';
import { StatusDot } from '@/components/ui/status-dot';
import type { Availability } from '@/features/auth';

export const AVAILABILITY_TONE = { online: 'green', away: 'amber', offline: 'grey' } as const;

export function AvailabilityLabel({ availability }: { availability: Availability }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center gap-2 text-zinc-700">
      <StatusDot tone={AVAILABILITY_TONE[availability]} />
      {t(`availability.${availability}`)}
    </span>
  );
}
