import { SlidersHorizontal } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OptionSelect } from '@/components/ui/option-select';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { Switch } from '@/components/ui/switch';
import { useTeams } from '@/features/settings';
import { useNumbers } from '@/features/whatsapp';
import { activeFilterCount, type ConversationFilters } from './filters';

const ANY = 'any';

type FiltersPopoverProps = {
  filters: ConversationFilters;
  onChange: (changes: Partial<ConversationFilters>) => void;
};

/** Team, tag, unread and number: the filters used less often, behind one button. */
export function FiltersPopover({ filters, onChange }: FiltersPopoverProps) {
  const { t } = useTranslation();
  const teams = useTeams();
  const numbers = useNumbers();
  const unreadId = useId();
  const [tag, setTag] = useState(filters.tag ?? '');
  const count = activeFilterCount(filters);

  return (
    <Popover onOpenChange={(open) => open && setTag(filters.tag ?? '')}>
      <PopoverTrigger asChild>
        <Button variant="secondary" size="icon" className="relative size-9 shrink-0" aria-label={count ? t('inbox.filters.buttonActive', { count }) : t('inbox.filters.button')}>
          <SlidersHorizontal aria-hidden />
          {count ? (
            <span className="absolute -right-1 -top-1 inline-flex size-4 items-center justify-center rounded-full bg-emerald-600 text-[10px] font-semibold text-white" aria-hidden>
              {count}
            </span>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="grid w-72 gap-3" align="end">
        <p className="text-sm font-medium text-zinc-900">{t('inbox.filters.title')}</p>
        <FormField label={t('inbox.team')}>
          <OptionSelect
            value={filters.teamId ?? ANY}
            onChange={(value) => onChange({ teamId: value === ANY ? null : value })}
            options={[{ value: ANY, label: t('inbox.filters.anyTeam') }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))]}
          />
        </FormField>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onChange({ tag: tag.trim().toLowerCase() || null });
          }}
        >
          <FormField label={t('inbox.filters.tag')} hint={t('inbox.filters.tagHint')}>
            <Input value={tag} onChange={(event) => setTag(event.target.value)} onBlur={() => onChange({ tag: tag.trim().toLowerCase() || null })} placeholder="vip" />
          </FormField>
        </form>
        {(numbers.data?.length ?? 0) > 1 ? (
          <FormField label={t('inbox.filters.number')}>
            <OptionSelect
              value={filters.numberId ?? ANY}
              onChange={(value) => onChange({ numberId: value === ANY ? null : value })}
              options={[
                { value: ANY, label: t('inbox.filters.anyNumber') },
                ...(numbers.data ?? []).map((number) => ({ value: number.id, label: number.label ? `${number.display_phone_number} · ${number.label}` : number.display_phone_number })),
              ]}
            />
          </FormField>
        ) : null}
        <div className="flex items-center justify-between gap-3">
          <Label htmlFor={unreadId}>{t('inbox.filters.unread')}</Label>
          <Switch id={unreadId} checked={filters.unread} onCheckedChange={(checked) => onChange({ unread: checked })} />
        </div>
        {count ? (
          <Button
            variant="ghost"
            size="sm"
            className="justify-self-start"
            onClick={() => {
              setTag('');
              onChange({ teamId: null, tag: null, unread: false, numberId: null });
            }}
          >
            {t('inbox.filters.clear')}
          </Button>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}
