import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '@/api';
import { Badge } from '@/components/ui/badge';
import { Spinner } from '@/components/ui/spinner';
import { statusBadge } from './documents';

export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  const badge = statusBadge(status);
  return (
    <Badge tone={badge.tone} data-testid="document-status">
      {badge.isBusy ? <Spinner className="size-3" /> : null}
      {t(badge.labelKey)}
    </Badge>
  );
}
