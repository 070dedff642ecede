import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { useCanManageWorkspace } from '@/features/settings';
import { useNumbers } from './api';
import { NumbersCard } from './NumbersCard';
import { TemplatesCard } from './TemplatesCard';

export function WhatsAppSettingsPage() {
  const { t } = useTranslation();
  const canManage = useCanManageWorkspace();
  const numbers = useNumbers();
  return (
    <>
      <PageHeader title={t('whatsapp.title')} description={canManage ? t('whatsapp.description') : t('whatsapp.descriptionReadOnly')} />
      <div className="grid gap-6">
        <NumbersCard canManage={canManage} />
        <TemplatesCard canManage={canManage} hasNumbers={(numbers.data?.length ?? 0) > 0} />
      </div>
    </>
  );
}
