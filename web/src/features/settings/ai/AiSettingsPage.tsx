import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useCanManageWorkspace } from '../permissions';
import { CallLogCard } from './CallLogCard';
import { IntentExamplesCard } from './IntentExamplesCard';
import { ProvidersCard } from './ProvidersCard';
import { RoutingCard } from './RoutingCard';

const SECTIONS = ['providers', 'routing', 'intents', 'calls'] as const;
type Section = (typeof SECTIONS)[number];

/** The section named in ?section=, if this member may see it; the call log is for admins only. */
function sectionFrom(value: string | null, canManage: boolean): Section {
  const section = SECTIONS.find((name) => name === value) ?? 'providers';
  return section === 'calls' && !canManage ? 'providers' : section;
}

export function AiSettingsPage() {
  const { t } = useTranslation();
  const canManage = useCanManageWorkspace();
  const [params, setParams] = useSearchParams();
  const section = sectionFrom(params.get('section'), canManage);
  const visible = canManage ? SECTIONS : SECTIONS.filter((name) => name !== 'calls');

  return (
    <>
      <PageHeader
        title={t('aiSettings.title')}
        description={canManage ? t('aiSettings.description') : t('aiSettings.descriptionReadOnly')}
      />
      <Tabs value={section} onValueChange={(next) => setParams({ section: next }, { replace: true })}>
        <TabsList className="mb-6 overflow-x-auto" aria-label={t('aiSettings.sectionsLabel')}>
          {visible.map((name) => (
            <TabsTrigger
              key={name}
              value={name}
              className="rounded-t-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-emerald-600/40"
            >
              {t(`aiSettings.sections.${name}`)}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value="providers">
          <ProvidersCard canManage={canManage} />
        </TabsContent>
        <TabsContent value="routing">
          <RoutingCard canManage={canManage} />
        </TabsContent>
        <TabsContent value="intents">
          <IntentExamplesCard canManage={canManage} />
        </TabsContent>
        {canManage ? (
          <TabsContent value="calls">
            <CallLogCard />
          </TabsContent>
        ) : null}
      </Tabs>
    </>
  );
}
