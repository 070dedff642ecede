import { AlarmClock, CircleCheck, Clock, RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationStatus } from '@/api';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OptionSelect } from '@/components/ui/option-select';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { TagInput } from '@/components/ui/tag-input';
import { toast } from '@/components/ui/toast';
import { useSession } from '@/features/auth';
import { useMembers, useTeams } from '@/features/settings';
import { formatDateTime, isoToZonedLocal, zonedLocalToIso } from '@/lib/dates';
import { useErrorFeedback } from '@/lib/feedback';
import { type Conversation, useAssignConversation, useSetConversationStatus, useSetConversationTags } from './api';
import { normalizeTag } from './ContactCard';
import { snoozePresets } from './snooze';

const NOBODY = 'none';

export const STATUS_TONES: Record<ConversationStatus, 'accent' | 'warning' | 'neutral'> = {
  open: 'accent',
  pending: 'warning',
  snoozed: 'neutral',
  resolved: 'neutral',
};

export function ConversationActions({ conversation }: { conversation: Conversation }) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const members = useMembers();
  const teams = useTeams();
  const assignment = useAssignConversation(conversation.id);
  const setTags = useSetConversationTags(conversation.id);
  const { showError } = useErrorFeedback();
  const tagsId = useId();

  function assign(changes: { assignee_id?: string | null; team_id?: string | null }) {
    assignment.mutate({ assignee_id: conversation.assignee_id, team_id: conversation.team_id, ...changes }, { onError: showError });
  }

  return (
    <div className="grid gap-4" data-testid="conversation-actions">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONES[conversation.status]} data-testid="conversation-status">
          {t(`inbox.status.${conversation.status}`)}
        </Badge>
        {conversation.status === 'snoozed' && conversation.snoozed_until ? (
          <span className="text-xs text-zinc-500">{t('inbox.snoozedUntil', { date: formatDateTime(conversation.snoozed_until, i18n.language, timezone) })}</span>
        ) : null}
      </div>
      <StatusButtons conversation={conversation} />
      <FormField label={t('inbox.assignee')}>
        <OptionSelect
          value={conversation.assignee_id ?? NOBODY}
          onChange={(value) => assign({ assignee_id: value === NOBODY ? null : value })}
          disabled={assignment.isPending}
          options={[
            { value: NOBODY, label: t('inbox.unassigned') },
            ...(members.data ?? []).map((member) => ({ value: member.id, label: member.name })),
          ]}
        />
      </FormField>
      <FormField label={t('inbox.team')}>
        <OptionSelect
          value={conversation.team_id ?? NOBODY}
          onChange={(value) => assign({ team_id: value === NOBODY ? null : value })}
          disabled={assignment.isPending}
          options={[{ value: NOBODY, label: t('inbox.noTeam') }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))]}
        />
      </FormField>
      <div className="grid gap-1.5">
        <Label htmlFor={tagsId}>{t('inbox.conversationTags')}</Label>
        <TagInput
          id={tagsId}
          value={conversation.tags}
          onChange={(tags) => setTags.mutate(tags, { onError: showError })}
          normalize={normalizeTag}
          placeholder={t('inbox.tagsPlaceholder')}
          removeLabel={(tag) => t('inbox.removeTag', { tag })}
          disabled={setTags.isPending}
        />
      </div>
    </div>
  );
}

export function StatusButtons({ conversation, compact = false }: { conversation: Conversation; compact?: boolean }) {
  const { t } = useTranslation();
  const setStatus = useSetConversationStatus(conversation.id);
  const { showError } = useErrorFeedback();

  function change(status: ConversationStatus, snoozedUntil?: string) {
    setStatus.mutate(
      { status, snoozed_until: snoozedUntil ?? null },
      { onSuccess: () => toast.success(t(`inbox.statusChanged.${status}`)), onError: showError },
    );
  }

  const isResolved = conversation.status === 'resolved';
  const isOpen = conversation.status === 'open';
  return (
    <div className="flex flex-wrap gap-2">
      {isResolved || conversation.status === 'snoozed' || conversation.status === 'pending' ? (
        <Button size="sm" variant={isResolved ? 'primary' : 'secondary'} onClick={() => change('open')} isLoading={setStatus.isPending && setStatus.variables?.status === 'open'}>
          <RotateCcw aria-hidden />
          {t('inbox.actions.reopen')}
        </Button>
      ) : null}
      {!isResolved ? (
        <Button size="sm" onClick={() => change('resolved')} isLoading={setStatus.isPending && setStatus.variables?.status === 'resolved'}>
          <CircleCheck aria-hidden />
          {t('inbox.actions.resolve')}
        </Button>
      ) : null}
      {!compact && isOpen ? (
        <Button size="sm" variant="secondary" onClick={() => change('pending')} isLoading={setStatus.isPending && setStatus.variables?.status === 'pending'}>
          <Clock aria-hidden />
          {t('inbox.actions.pending')}
        </Button>
      ) : null}
      {!compact && !isResolved ? <SnoozeButton onSnooze={(until) => change('snoozed', until)} isPending={setStatus.isPending && setStatus.variables?.status === 'snoozed'} /> : null}
    </div>
  );
}

function SnoozeButton({ onSnooze, isPending }: { onSnooze: (until: string) => void; isPending: boolean }) {
  const { t, i18n } = useTranslation();
  const { timezone } = useSession().workspace;
  const [isOpen, setIsOpen] = useState(false);
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const customId = useId();
  const presets = snoozePresets(new Date(), timezone);

  function pick(iso: string) {
    setIsOpen(false);
    onSnooze(iso);
  }

  function pickCustom() {
    const iso = zonedLocalToIso(custom, timezone);
    if (!iso) return setError(t('inbox.snooze.invalid'));
    if (Date.parse(iso) <= Date.now()) return setError(t('inbox.snooze.future'));
    pick(iso);
  }

  return (
    <Popover
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        setError(null);
        if (open) setCustom(isoToZonedLocal(presets[1]!.at, timezone));
      }}
    >
      <PopoverTrigger asChild>
        <Button size="sm" variant="secondary" isLoading={isPending}>
          <AlarmClock aria-hidden />
          {t('inbox.actions.snooze')}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-72" align="start">
        <p className="mb-2 text-sm font-medium text-zinc-900">{t('inbox.snooze.title')}</p>
        <ul className="grid gap-1">
          {presets.map((preset) => (
            <li key={preset.key}>
              <button
                type="button"
                className="flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-zinc-100"
                onClick={() => pick(preset.at)}
              >
                <span>{t(`inbox.snooze.presets.${preset.key}`)}</span>
                <span className="text-xs text-zinc-500">{formatDateTime(preset.at, i18n.language, timezone)}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="mt-3 grid gap-1.5 border-t border-zinc-100 pt-3">
          <Label htmlFor={customId}>{t('inbox.snooze.custom', { timezone })}</Label>
          <Input
            id={customId}
            type="datetime-local"
            value={custom}
            onChange={(event) => {
              setCustom(event.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
          />
          {error ? (
            <p className="text-xs font-medium text-red-600" role="alert">
              {error}
            </p>
          ) : null}
          <Button size="sm" onClick={pickCustom} disabled={!custom}>
            {t('inbox.snooze.submit')}
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}
