import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import type { Role } from '@/features/auth';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Badge tone={role === 'agent' ? 'neutral' : 'accent'}>{t(`roles.${role}`)}</Badge>;
}
