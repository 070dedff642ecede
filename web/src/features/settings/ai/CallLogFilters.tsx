import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/ui/form-field';
import { OptionSelect } from '@/components/ui/option-select';
import { ANY, type CallFilters, OUTCOMES } from './callLog';
import { isTask, LOCAL_PROVIDER, PROVIDER_KINDS, TASKS } from './kinds';
import { providerLabel } from './providerLabel';

type CallLogFiltersProps = { filters: CallFilters; onChange: (filters: CallFilters) => void };

export function CallLogFilters({ filters, onChange }: CallLogFiltersProps) {
  const { t } = useTranslation();
  const any = { value: ANY, label: t('aiSettings.calls.any') };
  return (
    <div className="grid grid-cols-3 gap-2 border-b border-zinc-100 px-4 py-3 sm:gap-3 sm:px-6" data-testid="call-filters">
      <FormField label={t('aiSettings.calls.columns.task')}>
        <OptionSelect
          value={filters.task}
          onChange={(task) => onChange({ ...filters, task: isTask(task) ? task : ANY })}
          options={[any, ...TASKS.map((task) => ({ value: task, label: t(`aiSettings.tasks.${task}`) }))]}
        />
      </FormField>
      <FormField label={t('aiSettings.calls.columns.provider')}>
        <OptionSelect
          value={filters.provider}
          onChange={(provider) => onChange({ ...filters, provider })}
          options={[any, ...[LOCAL_PROVIDER, ...PROVIDER_KINDS].map((name) => ({ value: name, label: providerLabel(t, name) }))]}
        />
      </FormField>
      <FormField label={t('aiSettings.calls.columns.outcome')}>
        <OptionSelect
          value={filters.outcome}
          onChange={(outcome) => onChange({ ...filters, outcome })}
          options={[any, ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`aiSettings.outcomes.${outcome}`) }))]}
        />
      </FormField>
    </div>
  );
}
